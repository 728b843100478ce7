/**
 * Calibration of the family model (人口校准): from the data (provinces, pooling areas, the
 * origin–destination matrix) and the published targets, solve the number of families, the origin
 * shares, the migration rates, the insurance rates and the money scales so that the expected
 * population at 1:1 equals the published totals. Every figure comes from the input; the only
 * numbers here are the family model's assumptions (family/parameters.ts).
 */
import type { Dataset } from './dataset';
import { targetByName } from './indexes';
import { solveAnchorWeights, type AgeShares } from './family/anchors';
import { anchorHistograms, CELLS, countAges, mixHistograms } from './family/expectation';
import {
  countShares,
  type FertilityTables,
  fertilityTables,
  keptShare,
  type Progression,
  solveYoungProgression,
} from './family/fertility';
import { chooseLtcAreas } from './family/ltc';
import { solveMoneyScales, type AccountHolders } from './family/money';
import { type CumTable, cumTable, lognormalTable } from './random';
import {
  AGES,
  checkFamilyParameters,
  type FamilyParameters,
  MAX_CHILDREN,
  MAX_SIBLINGS,
  marriedShare,
  survivalTo,
} from './family/parameters';

/** Draw tables of counts 1..width (index = count − 1) from per-age rows of P(count > c). */
function perAgeTables(moreThan: Float64Array, width: number): CumTable[] {
  return Array.from({ length: AGES }, (_, age) =>
    cumTable(countShares(moreThan.subarray(age * width, (age + 1) * width))),
  );
}

/**
 * The joint distribution of (anchor, grandmother's age at the eldest's birth, siblings) as the
 * generator draws it: siblings first, so that one stratified value spreads the sibling counts
 * evenly, then the anchor and the birth age given them.
 */
function familyShapeTables(
  params: FamilyParameters,
  fert: FertilityTables,
  weights: Float64Array,
): { siblingShares: CumTable; anchorsBySiblings: CumTable[]; firstBirthTables: CumTable[] } {
  const { min, max } = params.firstBirthAge;
  const joint = (a: number, b0: number, k: number): number => {
    const more = fert.siblingsMoreThan.subarray(
      Math.min(params.anchorAge.min + a + b0, AGES - 1) * MAX_SIBLINGS,
    );
    return (weights[a]! * (more[k]! - (k + 1 < MAX_SIBLINGS ? more[k + 1]! : 0))) / (max - min + 1);
  };
  const anchors = weights.length;
  const bySiblings = Array.from({ length: MAX_SIBLINGS }, (_, k) =>
    Array.from({ length: anchors }, (_, a) => {
      let sum = 0;
      for (let b0 = min; b0 <= max; b0++) sum += joint(a, b0, k);
      return sum;
    }),
  );
  const uniformAnchors = Array.from({ length: anchors }, () => 1);
  const uniformBirths = Array.from({ length: max - min + 1 }, () => 1);
  return {
    siblingShares: cumTable(bySiblings.map((row) => row.reduce((x, y) => x + y, 0))),
    // A count no family has gets a table all the same (never drawn).
    anchorsBySiblings: bySiblings.map((row) => cumTable(row.some((x) => x > 0) ? row : uniformAnchors)),
    firstBirthTables: Array.from({ length: anchors * MAX_SIBLINGS }, (_, j) => {
      const a = Math.floor(j / MAX_SIBLINGS);
      const k = j % MAX_SIBLINGS;
      const row = uniformBirths.map((_, b) => joint(a, min + b, k));
      return cumTable(row.some((x) => x > 0) ? row : uniformBirths);
    }),
  };
}

/**
 * Solves the young cohorts' fertility and the anchor weights together: the births of 2019–20 by
 * order depend on how many mothers there are at each age (the anchor weights), and the weights
 * depend on the family sizes the fertility gives. Alternates the two solutions until they agree.
 */
function solveFertility(
  params: FamilyParameters,
  t: PopulationTargets,
): { fert: FertilityTables; hist: ReturnType<typeof anchorHistograms>; weights: Float64Array } {
  const shares = t.birthOrderShares;
  // Started near the solution for the census data, so that a few steps settle it.
  let young: Progression = { second: 0.43, further: 0.1 };
  for (let iter = 0; iter < 50; iter++) {
    const fert = fertilityTables(young, keptShare(params));
    const hist = anchorHistograms(params, fert);
    const weights = solveAnchorWeights(hist.total, t.ageShares);
    const next = solveYoungProgression(mixHistograms(hist.births, weights), shares);
    if (Math.abs(next.second - young.second) + Math.abs(next.further - young.further) < 1e-7) {
      return { fert, hist, weights };
    }
    // The plain iteration overshoots `second` by about a third each time (more second children
    // make larger families, which the age shares then weigh down); a damped step settles it.
    young = {
      second: young.second + 0.75 * (next.second - young.second),
      further: next.further,
    };
  }
  throw new RangeError('birth-order shares: the fertility of the young cohorts does not settle');
}

/** Published totals the population is calibrated to (2020 census, 2024 NHSA bulletin). */
export interface PopulationTargets {
  /** Employee medical insurance, insured persons (职工医保参保人数). */
  employeeInsured: number;
  /** Of which retired (退休). */
  employeeRetired: number;
  /** Of which with a personal account (有个人账户). */
  employeeWithAccount: number;
  /** Of which in pooling-only schemes (单建统筹). */
  employeePoolingOnly: number;
  /** Resident medical insurance, insured persons (居民医保参保人数). */
  residentInsured: number;
  /** Accumulated personal-account balance (个人账户累计结存), fen. */
  accountBalanceFen: number;
  /** Yearly personal-account income (credits), fen. */
  accountCreditsFen: number;
  /** Census age shares (fractions). */
  ageShares: AgeShares;
  /** Shares of births of order 1, 2 and 3+ in 2019–20, which the young cohorts' fertility is solved to give. */
  birthOrderShares: readonly [number, number, number];
  /** National average yearly wage, yuan. */
  nationalWageYuan: number;
}

/** What calibration reads from the data. */
export interface CalibrationData {
  /** The 31 provinces in table order: census residents, inflow from other provinces, average wage (yuan). */
  provinces: readonly { code2: string; population: number; inflow: number; wageYuan: number }[];
  /** Pooling areas: six-digit code, province index, weight within the province (any positive scale). */
  areas: readonly { code: string; province: number; weight: number }[];
  /** Inter-provincial migrants, row-major origin × destination, provinces × provinces. */
  od: Float64Array;
  targets: PopulationTargets;
}

/** Everything the generator needs, solved. Arrays are indexed by province, area or anchor. */
export interface PopulationModel {
  params: FamilyParameters;
  provinceCount: number;
  areaCount: number;
  /** Number of families at 1:1. */
  familyCount: number;
  /**
   * Family types: cells 0..P−1 are families of origin c that stay; cells P..2P−1 are migrant
   * families whose migrants live in province c − P. Grouping migrants by destination lets one
   * stratified draw spread the families of each destination, and their shapes, evenly.
   */
  familyTypes: CumTable;
  /** Per destination, the origins of its migrant families. */
  migrantOrigins: CumTable[];
  /** Probability that a family from each origin is a migrant family. */
  migrantShare: Float64Array;
  /** Per province, its pooling areas (indices into the area table) and their weights. */
  provinceAreas: Uint16Array[];
  areaTables: CumTable[];
  /** Youngest anchor age and the anchor-age distribution. */
  anchorMin: number;
  anchors: CumTable;
  /**
   * The listed siblings (family/fertility.ts) and the family's ages, drawn in that order: number of
   * siblings − 1 over all families; the anchor index given the siblings (one table per count); the
   * grandmother's age at the eldest's birth − firstBirthAge.min given both (index anchor × MAX_SIBLINGS + siblings − 1).
   */
  siblingShares: CumTable;
  anchorsBySiblings: CumTable[];
  firstBirthTables: CumTable[];
  /** Number of a couple's children − 1 by the wife's age (0..MAX_AGE). */
  childTables: CumTable[];
  /** Parity progression of mothers born 1980 or later, solved from the 2019–20 birth orders. */
  youngFertility: Progression;
  /** Married share and survival from birth, by age (survival up to age 200). */
  married: Float64Array;
  survival: Float64Array;
  /** Probabilities: in-service employee (working age), retired employee (retirement age), resident (others). */
  inServiceRate: number;
  retiredRate: number;
  residentRate: number;
  /** Share of employees in pooling-only schemes. */
  poolingOnlyShare: number;
  /** Average yearly wage per province, fen. */
  wageFen: Float64Array;
  /** Retirees' fixed monthly credit per province, fen. */
  retireeCreditFen: Int32Array;
  /** Balance = balanceScale × yearly credit × years in the scheme × saver factor. */
  balanceScale: number;
  /** Mean-1 lognormal tables (random.ts) of wages around the social average, and of the saver factor (÷ (1 − empty share)). */
  wageTable: Float64Array;
  saverTable: Float64Array;
  /** 1 for pooling areas running long-term-care insurance. */
  ltcArea: Uint8Array;
  /** Expected totals at 1:1 from the analytic model, for reports and tests. */
  expected: { persons: number; personsPerFamily: number; migrantsPerMigrantFamily: number };
}

/** Solves the population model from the data and targets under the family assumptions `params`. */
export function calibrate(data: CalibrationData, params: FamilyParameters): PopulationModel {
  checkFamilyParameters(params);
  const t = data.targets;
  const P = data.provinces.length;
  if (data.od.length !== P * P) throw new RangeError(`od must have ${P}×${P} cells, got ${data.od.length}`);
  const { fert, hist, weights } = solveFertility(params, t);
  const all = mixHistograms(hist.total, weights);
  const units = mixHistograms(hist.migrantUnits, weights);
  const gps = mixHistograms(hist.grandparents, weights);
  const perFamily = countAges(all, 0, Infinity);
  const movers = countAges(units, 0, Infinity) + params.grandparentsFollow * countAges(gps, 0, Infinity);

  // Origins and migration: residents = stayers + inflow, so origin (hukou) population = P + R − I.
  const population = data.provinces.reduce((s, x) => s + x.population, 0);
  const familyCount = Math.round(population / perFamily);
  const outflow = new Float64Array(P);
  for (let o = 0; o < P; o++) for (let d = 0; d < P; d++) if (d !== o) outflow[o]! += data.od[o * P + d]!;
  const inflow = new Float64Array(P);
  for (let o = 0; o < P; o++) for (let d = 0; d < P; d++) if (d !== o) inflow[d]! += data.od[o * P + d]!;
  const originShare = data.provinces.map((x, p) => (x.population + outflow[p]! - inflow[p]!) / population);
  const migrantShare = new Float64Array(P);
  originShare.forEach((share, o) => {
    if (!(share > 0)) throw new RangeError(`province ${data.provinces[o]!.code2}: more outflow than people`);
    migrantShare[o] = outflow[o]! / (familyCount * share * movers);
    if (migrantShare[o]! > 1) {
      throw new RangeError(
        `province ${data.provinces[o]!.code2}: outflow needs more than every family to migrate`,
      );
    }
  });
  const typeWeights = originShare.map((share, o) => share * (1 - migrantShare[o]!));
  const migrantOrigins: CumTable[] = [];
  for (let d = 0; d < P; d++) {
    const from = originShare.map((share, o) =>
      o !== d && outflow[o]! > 0 ? (share * migrantShare[o]! * data.od[o * P + d]!) / outflow[o]! : 0,
    );
    const sum = from.reduce((a, b) => a + b, 0);
    typeWeights.push(sum);
    migrantOrigins.push(sum > 0 ? cumTable(from) : cumTable(from.map((_, o) => (o === d ? 1 : 0))));
  }

  // Expected persons by insured province for employees: migrant units insured where they live.
  const insured = new Float64Array(P * CELLS);
  originShare.forEach((share, o) => {
    const home = familyCount * share;
    for (let k = 0; k < CELLS; k++)
      insured[o * CELLS + k]! += home * (all[k]! - migrantShare[o]! * units[k]!);
    const away = familyCount * share * migrantShare[o]!;
    for (let d = 0; d < P; d++) {
      const q = d === o ? 0 : data.od[o * P + d]! / (outflow[o]! || 1);
      if (q > 0) for (let k = 0; k < CELLS; k++) insured[d * CELLS + k]! += away * q * units[k]!;
    }
  });
  const retireAt = [params.retirementAge.male, params.retirementAge.female];
  const years = (age: number): number => Math.max(1, age - params.balance.entryAge);
  const working = (p: number): { n: number; years: number; rn: number; ryears: number } => {
    const r = { n: 0, years: 0, rn: 0, ryears: 0 };
    for (let sex = 0; sex < 2; sex++) {
      for (let age = 0; age < AGES; age++) {
        const x = insured[p * CELLS + sex * AGES + age]!;
        if (age >= retireAt[sex]!) {
          r.rn += x;
          r.ryears += x * years(age);
        } else if (age >= params.workingFromAge) {
          r.n += x;
          r.years += x * years(age);
        }
      }
    }
    return r;
  };
  const byProvince = Array.from({ length: P }, (_, p) => working(p));
  const workingAge = byProvince.reduce((s, x) => s + x.n, 0);
  const retirementAge = byProvince.reduce((s, x) => s + x.rn, 0);
  const inServiceRate = (t.employeeInsured - t.employeeRetired) / workingAge;
  const retiredRate = t.employeeRetired / retirementAge;
  const poolingOnlyShare = t.employeePoolingOnly / t.employeeInsured;
  const residentRate = t.residentInsured / (familyCount * perFamily - t.employeeInsured);
  for (const [name, v] of Object.entries({ inServiceRate, retiredRate, residentRate, poolingOnlyShare })) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`calibration: ${name} = ${v} is not a probability`);
  }
  const account = 1 - poolingOnlyShare;
  const holders: AccountHolders[] = byProvince.map((x) => ({
    inService: inServiceRate * account * x.n,
    inServiceYears: inServiceRate * account * x.years,
    retired: retiredRate * account * x.rn,
    retiredYears: retiredRate * account * x.ryears,
  }));
  const wageFen = Float64Array.from(data.provinces, (x) => x.wageYuan * 100);
  const nationalWageFen = t.nationalWageYuan * 100;
  const money = solveMoneyScales(
    params,
    holders,
    wageFen,
    nationalWageFen,
    t.accountCreditsFen,
    t.accountBalanceFen,
  );

  // Pooling areas grouped by province, in table order.
  const provinceAreas = data.provinces.map((x, p) => {
    const list = data.areas.flatMap((a, k) => (a.province === p ? [k] : []));
    if (list.length === 0) throw new RangeError(`province ${x.code2} has no pooling area`);
    return Uint16Array.from(list);
  });
  const areaTables = provinceAreas.map((list) => cumTable(Array.from(list, (k) => data.areas[k]!.weight)));
  const areaTotal = new Float64Array(P);
  for (const a of data.areas) areaTotal[a.province]! += a.weight;
  const ltcArea = chooseLtcAreas(
    data.areas.map((a) => ({
      code: a.code,
      weight: (a.weight / areaTotal[a.province]!) * data.provinces[a.province]!.population,
    })),
    params.ltcPilotAreas,
  );

  return {
    params,
    provinceCount: P,
    areaCount: data.areas.length,
    familyCount,
    familyTypes: cumTable(typeWeights),
    migrantOrigins,
    migrantShare,
    provinceAreas,
    areaTables,
    anchorMin: params.anchorAge.min,
    anchors: cumTable(weights),
    ...familyShapeTables(params, fert, weights),
    childTables: perAgeTables(fert.childrenMoreThan, MAX_CHILDREN),
    youngFertility: fert.solved,
    married: Float64Array.from({ length: AGES }, (_, age) => marriedShare(params, age)),
    survival: Float64Array.from({ length: 201 }, (_, age) => survivalTo(params, age)),
    inServiceRate,
    retiredRate,
    residentRate,
    poolingOnlyShare,
    wageFen,
    retireeCreditFen: Int32Array.from(wageFen, (w) =>
      Math.round((money.retireeCreditFen * w) / nationalWageFen),
    ),
    balanceScale: money.balanceScale,
    wageTable: lognormalTable(params.wage.sigma),
    saverTable: lognormalTable(params.balance.sigma).map((x) => x / (1 - params.balance.emptyShare)),
    ltcArea,
    expected: {
      persons: familyCount * perFamily,
      personsPerFamily: perFamily,
      migrantsPerMigrantFamily: movers,
    },
  };
}

/**
 * Reads what calibration needs from the loaded dataset (data/*.csv): money in yuan becomes fen,
 * percentages become fractions. Throws a RangeError naming a missing target.
 */
export function calibrationData(dataset: Dataset): CalibrationData {
  const v = (name: string): number => targetByName(dataset.targets, name).value;
  return {
    provinces: dataset.provinces.map((p) => ({
      code2: p.code2,
      population: p.population,
      inflow: p.inflow,
      wageYuan: p.wageYuan,
    })),
    areas: dataset.poolingAreas.map((a) => ({ code: a.code, province: a.province, weight: a.weight })),
    od: dataset.od,
    targets: {
      employeeInsured: v('employee-insured'),
      employeeRetired: v('employee-retired'),
      employeeWithAccount: v('employee-with-account'),
      employeePoolingOnly: v('employee-pooling-only'),
      residentInsured: v('resident-insured'),
      accountBalanceFen: Math.round(v('account-balance') * 100),
      accountCreditsFen: Math.round(v('account-credits') * 100),
      ageShares: {
        age0to14: v('age-share/0-14') / 100,
        age15to59: v('age-share/15-59') / 100,
        age60plus: v('age-share/60+') / 100,
        age65plus: v('age-share/65+') / 100,
      },
      birthOrderShares: [v('birth-order-share/1'), v('birth-order-share/2'), v('birth-order-share/3+')],
      nationalWageYuan: v('wage/national'),
    },
  };
}
