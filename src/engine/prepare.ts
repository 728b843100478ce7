/**
 * The run context (运行上下文): everything the month loop looks up, computed once per run from the
 * input. Rule decisions that depend only on a few codes (R1 by scheme, R2 by relation and scheme,
 * R11 by use, scheme and long-term-care area) are asked of the rule functions here, once per code
 * combination, and kept in small tables: the hot loop reads the rules' answers, it never restates them.
 */
import { SCHEMES, SchemeCode } from '../population/columns';
import { nearRelation } from '../population/family/kinship';
import { cumTable, type CumTable, lognormalTable, streamKey, type StreamKey } from '../population/random';
import { checkBeneficiary, checkInsuredForUse, checkSharer, walletStart } from '../rules/eligibility';
import { checkUse } from '../rules/payment';
import type { Refusal } from '../rules/refusal';
import { parseStamp } from '../rules/time';
import { PERMITTED_USES, type Person } from '../rules/types';
import { RELATION_CODE, RELATION_CODES, ROLE_COUNT, SCHEME_COUNT } from './codes';
import { monthNumber, windowMonths, type EngineInput } from './input';

/** A person standing in for a code combination when the rule functions are asked once per combination. */
export function probePerson(scheme: number, area = '000000', province = '00'): Person {
  return { id: 'probe', scheme: SCHEMES[scheme]!, poolingArea: area, province };
}

const lognormals = new Map<number, Float64Array>();
/** A mean-1 lognormal table (random.ts), built once per log-sd. */
function lognormal(sigma: number): Float64Array {
  let t = lognormals.get(sigma);
  if (!t) lognormals.set(sigma, (t = lognormalTable(sigma)));
  return t;
}

/** Log-sd of outpatient bills and pharmacy purchases around their means (model structure). */
export const SMALL_BILL_SIGMA = 0.9;
/** Log-sd of hospital stays' costs around their means (model structure). */
export const STAY_SIGMA = 0.8;

/**
 * Offsets of a care class's rates in {@link RunContext.careRates}: monthly outpatient bills, pharmacy
 * purchases and shared stays; log of a month without any, and its chance; then the same two for
 * the events thinned to `uptake.onNeed`. `fields` rates per class.
 */
export const CARE = {
  outpatient: 0,
  pharmacy: 1,
  stay: 2,
  logNone: 3,
  none: 4,
  logNoneThinned: 5,
  noneThinned: 6,
  fields: 7,
} as const;

/** Number of care classes: three age bands (child, adult, 60+) × employee or resident. */
export const CARE_CLASSES = 6;

/** The care class of a member in age band `band` (0 child, 1 adult, 2 aged 60+), resident (1) or not (0). */
export function careClassOf(band: number, resident: number): number {
  return band * 2 + resident;
}

// The index helpers below read module-private constants, which V8 folds into optimized code (see
// state.ts).
const CARE_FIELDS = CARE.fields;
const SCHEME_CODES = SCHEME_COUNT;
const ROLES = ROLE_COUNT;

/** Where the rates of care class `careClass` start in {@link RunContext.careRates}; a {@link CARE} offset follows. */
export function careRow(careClass: number): number {
  return careClass * CARE_FIELDS;
}

/**
 * Index in {@link RunContext.careNone} of the chance that care class `careClass` has no care event in
 * `monthsLeft` months, at the full rate (`linked` 1) or thinned (0), in a window of `months` months.
 */
export function noCareIndex(careClass: number, linked: number, monthsLeft: number, months: number): number {
  return (careClass * 2 + linked) * (months + 1) + monthsLeft;
}

/** Index in {@link RunContext.noneWithin} of the chance that a wait of kind `kind` has no success in `within` months. */
export function noneWithinIndex(kind: number, within: number, months: number): number {
  return kind * (months + 1) + within;
}

/** Index in {@link RunContext.beneficiaryOk} of relation code `relation` and scheme code `scheme` (R2). */
export function relativeIndex(relation: number, scheme: number): number {
  return relation * SCHEME_CODES + scheme;
}

/** Index in {@link RunContext.useRefusal} of `use` by a beneficiary of `scheme`, `ltc` 1 in a long-term-care area (R11). */
export function useRefusalIndex(use: number, scheme: number, ltc: number): number {
  return (use * SCHEME_CODES + scheme) * 2 + ltc;
}

/** Index in {@link RunContext.relationOf} of a member of role `roleB` seen from one of role `roleA`, `sameBranch` 1 or 0. */
export function roleIndex(roleA: number, roleB: number, sameBranch: number): number {
  return (roleA * ROLES + roleB) * 2 + sameBranch;
}

/** Ages of the survival table (0 … 100). */
const AGES = 101;

/** Index into {@link RunContext.logNoChange} and `noChangeInWindow`: whether the member can move, and age. */
export function changeIndex(canMove: number, age: number): number {
  return canMove * AGES + age;
}

/**
 * The run context: calendar, rule tables and rates, computed once per run by {@link prepare}.
 *
 * A class whose constructor stores each field, rather than an object literal: when prepare's object
 * literal ran a second time (the next run in the same worker), V8 marked the optimized code of every
 * function that reads the context for deoptimization ("code dependencies" in `--trace-deopt`), so
 * each run after the first began with the month loop unoptimized again. Instances of a class built
 * by plain stores keep one stable layout from run to run.
 */
export class RunContext {
  declare readonly input: EngineInput;
  declare readonly months: number;
  declare readonly monthTexts: string[];
  /** Minute stamp of each month's first minute, and the month's length in minutes. */
  declare readonly monthStamp: Float64Array;
  declare readonly monthMinutes: Float64Array;
  /** Each month's length in days (its minutes / 1440), for event stamps. */
  declare readonly monthDays: Float64Array;
  /** Calendar month 0..11 of each simulated month. */
  declare readonly calendarMonth: Int32Array;
  /** The calendar-month distribution of relatives' contributions (behaviour `contributions.monthWeights`). */
  declare readonly contributionMonthTable: CumTable;
  /** Per pooling area: the month index (relative to the window start) from which its wallet is live (R3). */
  declare readonly walletFrom: Int32Array;
  /** R1 by scheme code: may a person of this scheme share? */
  declare readonly sharerOk: Uint8Array;
  /** R2 by relation and scheme code ({@link relativeIndex}): 1 when this relative may be a beneficiary. */
  declare readonly beneficiaryOk: Uint8Array;
  /**
   * R2 by relation code, for a relative who is not insured: 1 when a sharer may pay the resident
   * contribution that enrols them (`enrolmentOfUninsured` on, the use open, and a positive uptake).
   */
  declare readonly enrolOk: Uint8Array;
  /** The resident contribution that enrols a relative (the population model's yearly contribution), fen. */
  declare readonly enrolmentFen: number;
  /** R11, and R2 by use, by use, scheme and long-term-care area ({@link useRefusalIndex}): the refusal, or null when shared money may pay. */
  declare readonly useRefusal: (Refusal | null)[];
  /** R3: whether each geography is open at all (cross-province also needs the wallet). */
  declare readonly geographyOpen: Uint8Array;
  /** Monthly death probability by age (from the population model's survival curve). */
  declare readonly deathMonthly: Float64Array;
  /**
   * log(1 − monthly chance of an insurance change (R6)) at {@link changeIndex}(can move, age): death,
   * a move (only where the province has another pooling area to move to) or leaving insurance.
   */
  declare readonly logNoChange: Float64Array;
  /** By province: 1 when it has more than one pooling area, so that insurance can move within it. */
  declare readonly canMove: Uint8Array;
  /** Mean-1 lognormal tables for small bills and stays. */
  declare readonly smallBill: Float64Array;
  declare readonly stayCost: Float64Array;
  /** Mean outpatient bill left to the person (cost × (1 − fund share)), fen. */
  declare readonly outpatientOwnFen: number;
  /** Mean own share of a hospital stay, fen, for employees (0) and residents (1). */
  declare readonly stayOwnFen: Float64Array;
  /** The engine's stream key (apart from the population's: the same seed, another purpose). */
  declare readonly key: StreamKey;
  /** Relation code of b to sharer a (−1: not a near relative) by their roles and whether they share a branch ({@link roleIndex}). */
  declare readonly relationOf: Int8Array;
  /** Care rates a month: at {@link careRow}(care class) + a {@link CARE} offset. */
  declare readonly careRates: Float64Array;
  /** The chance of no care event in r months, by care class, full or thinned rate and r ({@link noCareIndex}). */
  declare readonly careNone: Float64Array;
  /** At {@link changeIndex}(can move, age): the chance of no insurance change (R6) in the whole window. */
  declare readonly noChangeInWindow: Float64Array;
  /**
   * Waits with a fixed monthly chance, by kind (0–2: spontaneous set-ups by geography, 3: ends by
   * choice): log(1 − chance), and at {@link noneWithinIndex}(kind, r, months) the chance of no success in r months.
   */
  declare readonly logStay: Float64Array;
  declare readonly noneWithin: Float64Array;
  /** Key words of the own-spending draws (accounts.ts), apart from the engine's stream. */
  declare readonly ownKey: Int32Array;

  constructor(fields: RunContext) {
    this.input = fields.input;
    this.months = fields.months;
    this.monthTexts = fields.monthTexts;
    this.monthStamp = fields.monthStamp;
    this.monthMinutes = fields.monthMinutes;
    this.monthDays = fields.monthDays;
    this.calendarMonth = fields.calendarMonth;
    this.contributionMonthTable = fields.contributionMonthTable;
    this.walletFrom = fields.walletFrom;
    this.sharerOk = fields.sharerOk;
    this.beneficiaryOk = fields.beneficiaryOk;
    this.useRefusal = fields.useRefusal;
    this.enrolOk = fields.enrolOk;
    this.enrolmentFen = fields.enrolmentFen;
    this.geographyOpen = fields.geographyOpen;
    this.deathMonthly = fields.deathMonthly;
    this.logNoChange = fields.logNoChange;
    this.canMove = fields.canMove;
    this.smallBill = fields.smallBill;
    this.stayCost = fields.stayCost;
    this.outpatientOwnFen = fields.outpatientOwnFen;
    this.stayOwnFen = fields.stayOwnFen;
    this.key = fields.key;
    this.relationOf = fields.relationOf;
    this.careRates = fields.careRates;
    this.careNone = fields.careNone;
    this.noChangeInWindow = fields.noChangeInWindow;
    this.logStay = fields.logStay;
    this.noneWithin = fields.noneWithin;
    this.ownKey = fields.ownKey;
  }
}

/** Computes the run context of an input. */
export function prepare(input: EngineInput): RunContext {
  const texts = windowMonths(input.window);
  const months = texts.length;
  const first = monthNumber(input.window.start);
  const monthStamp = new Float64Array(months + 1);
  for (let m = 0; m <= months; m++) {
    const n = first + m;
    const text = `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}-01`;
    monthStamp[m] = parseStamp(text);
  }
  const monthMinutes = Float64Array.from({ length: months }, (_, m) => monthStamp[m + 1]! - monthStamp[m]!);
  const calendarMonth = Int32Array.from({ length: months }, (_, m) => (first + m) % 12);
  const g = input.rules.geography;
  const walletFrom = Int32Array.from(
    input.areaCodes,
    (code, a) => monthNumber(walletStart(g, code, input.provinceCodes[input.areaProvince[a]!]!)) - first,
  );
  const sharerOk = Uint8Array.from(SCHEMES, (_, s) => (checkSharer(probePerson(s)) === null ? 1 : 0));
  const beneficiaryOk = new Uint8Array(RELATION_CODES.length * SCHEME_COUNT);
  RELATION_CODES.forEach((rel, r) => {
    for (let s = 0; s < SCHEME_COUNT; s++) {
      beneficiaryOk[relativeIndex(r, s)] =
        checkBeneficiary(input.rules.relativeScope, rel, probePerson(s)) === null ? 1 : 0;
    }
  });
  const useRefusal: (Refusal | null)[] = [];
  PERMITTED_USES.forEach((use) => {
    for (let s = 0; s < SCHEME_COUNT; s++) {
      for (let l = 0; l < 2; l++) {
        const probe = probePerson(s);
        useRefusal.push(
          checkUse(input.rules.permittedUses, use, probe, l === 1) ??
            checkInsuredForUse(use, probe, input.rules.enrolmentOfUninsured),
        );
      }
    }
  });
  const uninsured = probePerson(SchemeCode.uninsured);
  const enrolOk = Uint8Array.from(RELATION_CODES, (rel) =>
    input.behaviour.contributions.enrolmentUptake > 0 &&
    checkBeneficiary(input.rules.relativeScope, rel, uninsured, input.rules.enrolmentOfUninsured) === null &&
    checkUse(input.rules.permittedUses, 'resident-contribution', uninsured, false) === null &&
    checkInsuredForUse('resident-contribution', uninsured, input.rules.enrolmentOfUninsured) === null
      ? 1
      : 0,
  );
  const geographyOpen = Uint8Array.of(
    g.samePoolingArea ? 1 : 0,
    g.sameProvince ? 1 : 0,
    g.crossProvince ? 1 : 0,
  );
  const survival = input.model.survival;
  const deathMonthly = Float64Array.from({ length: AGES }, (_, age) => {
    const s0 = survival[age]!;
    const s1 = survival[age + 1]!;
    return s0 > 0 ? 1 - Math.pow(s1 / s0, 1 / 12) : 1;
  });
  const e = input.behaviour.ending;
  // A move of insurance (R6) is to another pooling area of the province: none where it has only one
  // (Beijing, Tianjin, Shanghai, Chongqing), so there a member's only changes are death and leaving.
  const logNoChange = Float64Array.from({ length: 2 * AGES }, (_, i) => {
    const canMove = i >= AGES;
    const d = deathMonthly[i % AGES]!;
    return Math.log(1 - Math.min(1, d + ((canMove ? e.moveYearly : 0) + e.leaveYearly) / 12));
  });
  const canMove = Uint8Array.from(input.model.provinceAreas, (areas) => (areas.length > 1 ? 1 : 0));
  const relationOf = new Int8Array(ROLE_COUNT * ROLE_COUNT * 2).fill(-1);
  for (let a = 0; a < ROLE_COUNT; a++) {
    for (let b = 0; b < ROLE_COUNT; b++) {
      for (let same = 0; same < 2; same++) {
        const rel = nearRelation(a, 0, b, same ? 0 : 1);
        relationOf[roleIndex(a, b, same)] = rel === null ? -1 : RELATION_CODE[rel];
      }
    }
  }
  const care = input.behaviour.care;
  const bands = ['child', 'adult', 'older'] as const;
  const careRates = new Float64Array(CARE_CLASSES * CARE.fields);
  bands.forEach((band, i) => {
    for (let resident = 0; resident < 2; resident++) {
      const rates = careRates.subarray(careRow(careClassOf(i, resident)));
      const stays = resident ? care.inpatientRate.resident : care.inpatientRate.employee;
      rates[CARE.outpatient] = care.outpatientPerYear[band] / 12;
      rates[CARE.pharmacy] = care.pharmacyPerYear[band] / 12;
      rates[CARE.stay] =
        (stays * (band === 'older' ? care.inpatientOlderFactor : 1) * care.inpatientShared) / 12;
      const logNone = -(rates[CARE.outpatient]! + rates[CARE.pharmacy]! + rates[CARE.stay]!);
      rates[CARE.logNone] = logNone;
      rates[CARE.none] = Math.exp(logNone);
      rates[CARE.logNoneThinned] = logNone * input.behaviour.uptake.onNeed;
      rates[CARE.noneThinned] = Math.exp(rates[CARE.logNoneThinned]!);
    }
  });
  const up = input.behaviour.uptake.monthlyRate;
  const chances = [up.samePoolingArea, up.sameProvince, up.crossProvince, e.voluntaryMonthly];
  const logStay = Float64Array.from(chances, (p) => (p <= 0 ? 0 : p >= 1 ? -Infinity : Math.log(1 - p)));
  const noneWithin = new Float64Array(chances.length * (months + 1));
  logStay.forEach((l, kind) => {
    for (let r = 0; r <= months; r++)
      noneWithin[noneWithinIndex(kind, r, months)] = l === 0 ? 1 : Math.exp(l * r);
  });
  const careNone = new Float64Array(CARE_CLASSES * 2 * (months + 1));
  for (let cls = 0; cls < CARE_CLASSES; cls++) {
    for (let full = 0; full < 2; full++) {
      const log = careRates[careRow(cls) + (full ? CARE.logNone : CARE.logNoneThinned)]!;
      for (let r = 0; r <= months; r++) careNone[noCareIndex(cls, full, r, months)] = Math.exp(log * r);
    }
  }
  return new RunContext({
    input,
    months,
    logNoChange,
    canMove,
    careNone,
    logStay,
    noneWithin,
    relationOf,
    careRates,
    noChangeInWindow: logNoChange.map((l) => Math.exp(l * months)),
    monthTexts: texts,
    monthStamp,
    monthMinutes,
    monthDays: monthMinutes.map((minutes) => minutes / 1440),
    calendarMonth,
    contributionMonthTable: cumTable(input.behaviour.contributions.monthWeights),
    walletFrom,
    sharerOk,
    beneficiaryOk,
    useRefusal,
    enrolOk,
    enrolmentFen: input.model.params.residentContributionFen,
    geographyOpen,
    deathMonthly,
    smallBill: lognormal(SMALL_BILL_SIGMA),
    stayCost: lognormal(STAY_SIGMA),
    outpatientOwnFen: care.outpatientCostFen * (1 - care.outpatientFundShare),
    stayOwnFen: Float64Array.of(
      care.inpatientCostFen.employee * (1 - care.inpatientFundShare.employee),
      care.inpatientCostFen.resident * (1 - care.inpatientFundShare.resident),
    ),
    key: streamKey(`${input.seed}/engine`),
    ownKey: streamKey(`${input.seed}/engine/own-spending`).words,
  });
}
