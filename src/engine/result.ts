/**
 * The result of an engine run over a family range (区间结果): the flow cube, monthly summaries,
 * the ledger totals by account class with the conservation residual, and the traces of named
 * families. Everything but the traces is whole numbers in Float64Arrays, weighted by k at scale
 * 1:k, so results of ranges merge by addition into the same bits whatever the split or order.
 */
import { FlowCube } from '../clearing/flows';
import { SCHEMES } from '../population/columns';
import type { RuleId } from '../rules/ids';
import { SHARING_RULES } from '../rules/ids';
import type { Posting } from '../rules/ledger';
import type { RefusalCode } from '../rules/refusal';
import { GEOGRAPHY_COUNT, USE_COUNT } from './codes';

/**
 * Offsets of the monthly summary fields (月度汇总); the by-geography-and-use blocks follow at
 * {@link TIMES_AT} and {@link FEN_AT}. Field f of month m is at {@link summaryIndex}(m, f).
 */
export const SUMMARY = {
  /** Relationships set up in the month (spontaneously or on need), not counting the starting stock. */
  setUp: 0,
  /** Relationships standing when the window starts (set up in its first month, before anything else). */
  setUpStock: 1,
  /** Of `setUp`, those set up because a relative had a bill or contribution to pay. */
  setUpOnNeed: 2,
  /** Relationships active at the end of the month. */
  active: 3,
  /** Ended by choice (R4). */
  endedVoluntary: 4,
  /** Ended automatically (R6) because a party moved to another pooling area. */
  endedMove: 5,
  /** Ended automatically (R6) because a party died. */
  endedDeath: 6,
  /** Ended automatically (R6) because a party left basic medical insurance. */
  endedLeave: 7,
  /** Fen frozen in virtual quotas at the end of the month (R8, R9 virtual-quota). */
  quotaFrozenFen: 8,
  /** Fen in relatives' wallets at the end of the month (R9 wallet-transfer). */
  walletFen: 9,
  /** Persons who are sharer of at least one active relationship at the end of the month. */
  sharers: 10,
  /** Persons who are beneficiary of at least one active relationship at the end of the month. */
  beneficiaries: 11,
  /** Fen of sharers' balances paid for relatives (dormant balance put to use). */
  sharedFen: 12,
  /** Fen moved into quotas or wallets (R7 / R9). */
  quotaSetFen: 13,
  /** Fen returned to sharers when relationships ended (R10). */
  quotaReturnedFen: 14,
  /** Fen released from quotas by lowering them (R7). */
  quotaReleasedFen: 15,
  /** Fen credited to personal accounts (monthly credits). */
  creditFen: 16,
  /** Fen of account holders' own spending from the unearmarked balance (R8). */
  ownSpendingFen: 17,
  /** Fen of relatives' bills paid from their own accounts (R12). */
  beneficiaryOwnFen: 18,
  /** Fen of relatives' bills paid in cash (R12). */
  beneficiaryCashFen: 19,
  /** Relatives' bills and contributions met in the order of R12 (with at least one relationship standing). */
  bills: 20,
  /** Payments made from a quota (a person-time of sharing: one bill, one quota). */
  personTimes: 21,
  /** Quota increases (under wallet-transfer: transfers) of cross-province relationships. */
  crossQuotaSets: 22,
  /** Fen of those increases (transfers). */
  crossQuotaSetFen: 23,
  /**
   * Relatives insured thanks to sharing (因共济参保的亲属): uninsured near relatives whose resident
   * contribution a sharer's quota paid in the month (R2, R11); each is insured from the next January.
   */
  enrolled: 24,
} as const;

// The index helpers below read module-private constants rather than the exported ones, which V8
// folds into optimized code (see state.ts).
const USES = USE_COUNT;
const TIMES = Object.keys(SUMMARY).length;
const FEN = TIMES + GEOGRAPHY_COUNT * USES;
const FIELDS = FEN + GEOGRAPHY_COUNT * USES;

/** Start of the person-times block: field = TIMES_AT + geography × 4 + use ({@link timesField}). */
export const TIMES_AT = TIMES;
/** Start of the fen block: field = FEN_AT + geography × 4 + use ({@link fenField}). */
export const FEN_AT = FEN;
/** Number of summary fields per month. */
export const SUMMARY_FIELDS = FIELDS;

/** Index of summary field `field` of month `month` in a months × SUMMARY_FIELDS array. */
export function summaryIndex(month: number, field: number): number {
  return month * FIELDS + field;
}

/** The summary field of payments from quotas (person-times) of geography `geo` and use `use`. */
export function timesField(geo: number, use: number): number {
  return TIMES + geo * USES + use;
}

/** The summary field of fen paid from quotas of geography `geo` and use `use`. */
export function fenField(geo: number, use: number): number {
  return FEN + geo * USES + use;
}

/**
 * Age bands of the beneficiary profile (被共济人年龄段), by age at the window's start: children
 * 0–14, young adults 15–44, middle age 45–59, the younger old 60–74 and the older old 75+.
 */
export const AGE_BANDS = ['0-14', '15-44', '45-59', '60-74', '75+'] as const;

/** Index into {@link AGE_BANDS} of an age in whole years. */
export function ageBand(age: number): number {
  return age < 15 ? 0 : age < 45 ? 1 : age < 60 ? 2 : age < 75 ? 3 : 4;
}

/**
 * Fields per month of the beneficiary profile: age band × scheme × (person-times, fen); the index of
 * (month m, band a, scheme s) is `((m × AGE_BANDS + a) × SCHEMES + s) × 2`, then +0 person-times, +1 fen.
 */
export const PROFILE_FIELDS = AGE_BANDS.length * SCHEMES.length * 2;

const BANDS = AGE_BANDS.length;
const SCHEME_CODES = SCHEMES.length;

/** Index of the person-times of age band `band` and scheme `scheme` in month `month` of the profile (the fen follow at +1). */
export function profileIndex(month: number, band: number, scheme: number): number {
  return ((month * BANDS + band) * SCHEME_CODES + scheme) * 2;
}

/**
 * Index of pooling area `area` and age band `band` in {@link RangeResult.enrolments}
 * (areas × {@link AGE_BANDS}).
 */
export function enrolmentIndex(area: number, band: number): number {
  return area * BANDS + band;
}

/** Ledger account classes the bulk path aggregates postings into. */
export const CLASSES = ['accounts', 'quotas', 'wallets', 'funds', 'payees', 'cash'] as const;
/** Index of each account class (账户类别) in {@link CLASSES}. */
export const ACCOUNT_CLASS = { accounts: 0, quotas: 1, wallets: 2, funds: 3, payees: 4, cash: 5 } as const;

const RULES = SHARING_RULES.length;
const CLASS_COUNT = CLASSES.length;

/** Index of the refusals of sharing rule `rule` (its index in SHARING_RULES) in month `month` of a months × rules array. */
export function refusalIndex(month: number, rule: number): number {
  return month * RULES + rule;
}

/** Index of account class `cls` in month `month` of a months × CLASSES array. */
export function classIndex(month: number, cls: number): number {
  return month * CLASS_COUNT + cls;
}

/** A refusal met while simulating a traced family. */
export interface TracedRefusal {
  rule: RuleId;
  code: RefusalCode;
  at: number;
  personId: string;
}

/** The full story of one named family: its members, every posting with its rule id, refusals, and end state. */
export interface FamilyTrace {
  familyIndex: number;
  persons: { id: string; role: number; age: number; scheme: number; area: string }[];
  /** Every relationship set up, with its geography (R3) and, once ended, when. */
  relationships: {
    id: string;
    sharerId: string;
    beneficiaryId: string;
    geography: 'same-pooling-area' | 'same-province' | 'cross-province';
    since: number;
    active: boolean;
  }[];
  postings: Posting[];
  refusals: TracedRefusal[];
  /** What the bulk path's state arrays held at the end, by ledger account name (accounts and quotas). */
  endState: Record<string, number>;
}

/** What a run over a family range returns. */
export interface RangeResult {
  months: number;
  areas: number;
  /** k of scale 1:k (every figure below except the traces is already multiplied by it). */
  weight: number;
  families: number;
  personMonths: number;
  flows: FlowCube;
  /** months × SUMMARY_FIELDS, see {@link SUMMARY}. */
  summary: Float64Array;
  /** months × 12: refusals by sharing rule R1..R12. */
  refusals: Float64Array;
  /** months × CLASSES: the ledger balance of each account class at the end of each month. */
  ledger: Float64Array;
  /**
   * months × {@link PROFILE_FIELDS}: payments from quotas by the beneficiary's age band and scheme at the
   * time of payment, person-times and fen (they sum to SUMMARY.personTimes and SUMMARY.sharedFen).
   */
  beneficiaryProfile: Float64Array;
  /** Per month, fen by which the ledger and the state arrays disagree (must be 0). */
  residual: Float64Array;
  /**
   * areas × {@link AGE_BANDS}: relatives insured thanks to sharing over the window (因共济参保的亲属),
   * by the pooling area they enrol in and their age band ({@link enrolmentIndex}); they sum to
   * SUMMARY.enrolled over the months.
   */
  enrolments: Float64Array;
  /**
   * Fen moved by every posting, added up and weighted by k: a bound on every money sum of the result
   * (src/runtime/exactness.ts checks it against 2^53). Not part of the result's digest.
   */
  movedFen: number;
  traces: FamilyTrace[];
}

/** An empty result for a window of `months` months over `areas` pooling areas at weight k. */
export function emptyResult(months: number, areas: number, weight: number): RangeResult {
  return {
    months,
    areas,
    weight,
    families: 0,
    personMonths: 0,
    flows: new FlowCube(months, areas),
    summary: new Float64Array(months * SUMMARY_FIELDS),
    refusals: new Float64Array(months * SHARING_RULES.length),
    ledger: new Float64Array(months * CLASSES.length),
    beneficiaryProfile: new Float64Array(months * PROFILE_FIELDS),
    residual: new Float64Array(months),
    enrolments: new Float64Array(areas * AGE_BANDS.length),
    movedFen: 0,
    traces: [],
  };
}

function addInto(a: Float64Array, b: Float64Array): void {
  if (a.length !== b.length) throw new RangeError('cannot merge results of different shapes');
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
}

/** Adds `other` into `into` (integer addition, so any order gives the same bits) and returns `into`. */
export function mergeRangeResults(into: RangeResult, other: RangeResult): RangeResult {
  mergeAllButFlows(into, other);
  into.flows.merge(other.flows);
  return into;
}

/**
 * Adds everything of `other` but its flow cube into `into` (the caller adds the flows, which may
 * come packed) and returns `into`. Refuses parts of another window, area table or scale.
 */
export function mergeAllButFlows(into: RangeResult, other: Omit<RangeResult, 'flows'>): RangeResult {
  if (into.months !== other.months || into.areas !== other.areas || into.weight !== other.weight) {
    throw new RangeError('cannot merge results of different windows, areas or scales');
  }
  into.families += other.families;
  into.personMonths += other.personMonths;
  into.movedFen += other.movedFen;
  addInto(into.summary, other.summary);
  addInto(into.refusals, other.refusals);
  addInto(into.ledger, other.ledger);
  addInto(into.beneficiaryProfile, other.beneficiaryProfile);
  addInto(into.residual, other.residual);
  addInto(into.enrolments, other.enrolments);
  into.traces = [...into.traces, ...other.traces].sort((a, b) => a.familyIndex - b.familyIndex);
  return into;
}

/** A monthly summary field of a result, as a plain array over the months. */
export function series(result: RangeResult, field: number): number[] {
  return Array.from({ length: result.months }, (_, m) => result.summary[summaryIndex(m, field)]!);
}
