/**
 * The assumptions of the family model (家庭模型参数): the shape of a family and how its members
 * move, work and save. None of these is a published target: targets come from the data and are
 * matched by calibration (calibration.ts), which solves the rates and scales listed there. The
 * defaults here are documented, round, plausible values; docs/family-model.md explains each one.
 */

/** An inclusive range of whole numbers drawn uniformly. */
export interface IntRange {
  min: number;
  max: number;
}

/** Every assumption of the family model. */
export interface FamilyParameters {
  /** Age of the eldest sibling of the middle generation (the family's anchor); weights are solved. */
  anchorAge: IntRange;
  /** Years between consecutive siblings. */
  siblingSpacing: IntRange;
  /** Years by which a husband is older than his wife. */
  spouseGap: IntRange;
  /** Share married rises linearly from 0 at `fromAge` to `share` at `fullAge`. */
  marriage: { fromAge: number; fullAge: number; share: number };
  /** The grandmother's age at the birth of her eldest (the family's anchor). */
  firstBirthAge: IntRange;
  /**
   * Years from a couple's marriage to their first child. A married sibling married at an age drawn
   * uniformly over the years of the marriage ramp up to their age, so a couple's births follow
   * their marriage.
   */
  firstBirthAfterMarriage: IntRange;
  /** Years between a mother's births. */
  birthSpacing: IntRange;
  /** Gompertz survival: hazard growth per year and the median age at death. */
  survival: { growth: number; medianAge: number };
  /** Statutory retirement ages (before the 2025 gradual rise). */
  retirementAge: { male: number; female: number };
  /** Youngest age at which a person can be an in-service employee. */
  workingFromAge: number;
  /** In a migrant family, each sibling after the first migrant also migrates with this probability. */
  extraMigrantSibling: number;
  /** Share of migrants' children left behind at the origin (留守儿童), usually with grandparents. */
  leftBehind: number;
  /** Share of migrant families whose grandparents live with the eldest migrant sibling. */
  grandparentsFollow: number;
  /** Share of non-migrant sibling households living in another pooling area of their province. */
  intraProvinceMove: number;
  /** Share of migrants in the resident scheme who stay insured in their origin pooling area. */
  migrantResidentAtOrigin: number;
  /**
   * Wages of in-service employees: lognormal with mean `meanRatio` × the province's average
   * non-private wage (this mean stands for the local social average wage) and log-sd `sigma`; the
   * contribution base (缴费基数) is the wage clamped to [`baseFloor`, `baseCeiling`] × that mean.
   */
  wage: { meanRatio: number; sigma: number; baseFloor: number; baseCeiling: number };
  /** 2021 crediting rule: in-service employees get this share of their contribution base. */
  inServiceCreditRate: number;
  /**
   * Account balances: (years in the scheme since `entryAge`) × yearly credit × a saver factor that
   * is 0 for a share `emptyShare` of accounts and lognormal with log-sd `sigma` for the rest.
   */
  balance: { entryAge: number; emptyShare: number; sigma: number };
  /** Resident-insurance individual contribution due (城乡居民医保个人缴费), in fen a year. */
  residentContributionFen: number;
  /** Number of pooling areas running long-term-care insurance (长期护理保险) pilots. */
  ltcPilotAreas: number;
}

/** The default assumptions (see docs/family-model.md for the reasoning behind each value). */
export const DEFAULT_FAMILY_PARAMETERS: FamilyParameters = {
  anchorAge: { min: 20, max: 64 },
  siblingSpacing: { min: 1, max: 4 },
  spouseGap: { min: 0, max: 4 },
  marriage: { fromAge: 20, fullAge: 32, share: 0.95 },
  firstBirthAge: { min: 22, max: 30 },
  firstBirthAfterMarriage: { min: 0, max: 2 },
  birthSpacing: { min: 2, max: 5 },
  survival: { growth: 0.085, medianAge: 80 },
  retirementAge: { male: 60, female: 55 },
  workingFromAge: 18,
  extraMigrantSibling: 0.5,
  leftBehind: 0.45,
  grandparentsFollow: 0.15,
  intraProvinceMove: 0.1,
  migrantResidentAtOrigin: 0.5,
  wage: { meanRatio: 0.9, sigma: 0.55, baseFloor: 0.6, baseCeiling: 3 },
  inServiceCreditRate: 0.02,
  balance: { entryAge: 22, emptyShare: 0.2, sigma: 1 },
  residentContributionFen: 40_000,
  ltcPilotAreas: 49,
};

/** Oldest age stored (ages are whole years in a Uint8Array; older people are stored as this age). */
export const MAX_AGE = 100;
/** Ages 0..MAX_AGE. */
export const AGES = MAX_AGE + 1;
/** At most this many siblings in the middle generation (a grandmother's children; the cap holds the tail). */
export const MAX_SIBLINGS = 5;
/** At most this many children of a couple (the cap holds the tail). */
export const MAX_CHILDREN = 4;
/** The largest family: 2 grandparents + 5 siblings, 5 spouses and 5×4 children. */
export const MAX_FAMILY_SIZE = 2 + MAX_SIBLINGS * (2 + MAX_CHILDREN);

/** Probability that a person aged `age` is married (the marriage ramp). */
export function marriedShare(p: FamilyParameters, age: number): number {
  const { fromAge, fullAge, share } = p.marriage;
  if (age <= fromAge) return 0;
  if (age >= fullAge) return share;
  return (share * (age - fromAge)) / (fullAge - fromAge);
}

/** Gompertz survival from birth to `age`: exp(−(a/b)(e^{b·age} − 1)), with a set by the median. */
export function survivalTo(p: FamilyParameters, age: number): number {
  const b = p.survival.growth;
  const aOverB = Math.LN2 / Math.expm1(b * p.survival.medianAge);
  return Math.exp(-aOverB * Math.expm1(b * age));
}

/** Checks that the assumptions are usable; throws a message naming the bad field. */
export function checkFamilyParameters(p: FamilyParameters): void {
  const share = (name: string, v: number): void => {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`family parameter ${name} must be in [0, 1], got ${v}`);
  };
  const range = (name: string, r: IntRange, lo: number, hi: number): void => {
    if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min > r.max || r.min < lo || r.max > hi) {
      throw new RangeError(`family parameter ${name} must be whole numbers ${lo} ≤ min ≤ max ≤ ${hi}`);
    }
  };
  range('anchorAge', p.anchorAge, 15, 80);
  range('siblingSpacing', p.siblingSpacing, 1, 10);
  range('spouseGap', p.spouseGap, 0, 10);
  range('firstBirthAge', p.firstBirthAge, 15, 45);
  range('firstBirthAfterMarriage', p.firstBirthAfterMarriage, 0, 10);
  range('birthSpacing', p.birthSpacing, 1, 10);
  for (const [k, v] of Object.entries({
    'marriage.share': p.marriage.share,
    extraMigrantSibling: p.extraMigrantSibling,
    leftBehind: p.leftBehind,
    grandparentsFollow: p.grandparentsFollow,
    intraProvinceMove: p.intraProvinceMove,
    migrantResidentAtOrigin: p.migrantResidentAtOrigin,
    inServiceCreditRate: p.inServiceCreditRate,
    'balance.emptyShare': p.balance.emptyShare,
  })) {
    share(k, v);
  }
  if (!(p.marriage.fullAge > p.marriage.fromAge))
    throw new RangeError('marriage.fullAge must exceed fromAge');
  if (!(p.wage.baseFloor > 0 && p.wage.baseCeiling >= p.wage.baseFloor && p.wage.sigma >= 0)) {
    throw new RangeError('wage: need 0 < baseFloor ≤ baseCeiling and sigma ≥ 0');
  }
  if (!(p.balance.emptyShare < 1)) throw new RangeError('balance.emptyShare must be below 1');
}
