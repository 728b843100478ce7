/**
 * What a range adds up (区间累计), unweighted, over all its families: the monthly summaries, the
 * refusals by rule, the postings by account class, the state arrays' month-end values, the
 * beneficiary profile, the changes of the standing counts, and the flow table. range.ts weights
 * them by k into the range's result.
 */
import { SHARING_RULES } from '../rules/ids';
import { FlowTable } from './flowTable';
import {
  ACCOUNT_CLASS,
  AGE_BANDS,
  CLASSES,
  PROFILE_FIELDS,
  SUMMARY,
  SUMMARY_FIELDS,
  summaryIndex,
} from './result';

/**
 * The counts kept as changes in the month they happen (summed into month-end counts per range):
 * active relationships, sharers and beneficiaries ({@link STANDING_FIELDS} a month).
 */
export const STANDING = { relationships: 0, sharers: 1, beneficiaries: 2 } as const;

const STANDING_COUNTS = 3;

/** Number of standing counts per month. */
export const STANDING_FIELDS = STANDING_COUNTS;

/** The summary field each standing count ends up in. */
export const STANDING_SUMMARY = [SUMMARY.active, SUMMARY.sharers, SUMMARY.beneficiaries] as const;

/** Index of standing count `what` (a {@link STANDING} code) in month `month` of `standingChange`. */
export function standingIndex(month: number, what: number): number {
  return month * STANDING_COUNTS + what;
}

/** Account classes per month (module-private, so that the optimizing compiler folds it in `book`). */
const CLASS_COUNT = CLASSES.length;

/** The sinks of one range: every family's postings, counts and month-end state add up here. */
export class RangeTotals {
  /** months × SUMMARY_FIELDS: the monthly summaries. */
  readonly summary: Float64Array;
  /** months × sharing rules: refusals by rule R1..R12. */
  readonly refusals: Float64Array;
  /** months × classes: net postings into each class in each month. */
  readonly classNet: Float64Array;
  /** months × classes: what the state arrays hold at each month's end (accounts, quotas, wallets). */
  readonly classState: Float64Array;
  /** months × PROFILE_FIELDS: payments from quotas by the beneficiary's age band and scheme. */
  readonly profile: Float64Array;
  /** areas × age bands: relatives insured thanks to sharing (result.ts `enrolmentIndex`). */
  readonly enrolments: Float64Array;
  /** months × {@link STANDING_FIELDS}: changes in the month of active relationships, sharers and beneficiaries. */
  readonly standingChange: Float64Array;
  /**
   * Credits and own spending paid in accounts.ts's fast pass, kept apart until the range ends
   * ({@link RangeTotals.pourAccountTotals}): per month, the change of the monthly credit total (a
   * credit of c over months a..b adds c at a and −c at b + 1), and the own spending paid from accounts.
   */
  readonly creditStep: Float64Array;
  readonly ownSpent: Float64Array;
  /** Payments from quotas by month, sharer's area, treatment area and use. */
  readonly flows: FlowTable;
  /**
   * Fen moved by every posting of the range, added up (unweighted): no sum the range keeps, within a
   * month or over the window, can be larger, so while k × this stays below 2^53 every sum is exact.
   */
  movedFen = 0;

  constructor(
    readonly months: number,
    areas: number,
  ) {
    this.summary = new Float64Array(months * SUMMARY_FIELDS);
    this.refusals = new Float64Array(months * SHARING_RULES.length);
    this.classNet = new Float64Array(months * CLASSES.length);
    this.classState = new Float64Array(months * CLASSES.length);
    this.standingChange = new Float64Array(months * STANDING_FIELDS);
    this.profile = new Float64Array(months * PROFILE_FIELDS);
    this.enrolments = new Float64Array(areas * AGE_BANDS.length);
    this.creditStep = new Float64Array(months + 1);
    this.ownSpent = new Float64Array(months);
    this.flows = new FlowTable(areas, months);
  }

  /**
   * Adds a movement of `fen` from account class `fromKind` to class `toKind` to month `month`'s
   * totals. Every posting, traced or not, goes through here.
   */
  book(month: number, fromKind: number, toKind: number, fen: number): void {
    const net = this.classNet;
    const row = month * CLASS_COUNT;
    this.movedFen += fen;
    net[row + fromKind] = net[row + fromKind]! - fen;
    net[row + toKind] = net[row + toKind]! + fen;
  }

  /**
   * Books the credits (fund → account) and own spending (account → payee, R8) kept in
   * `creditStep` and `ownSpent` into the monthly summaries and class totals, then clears them.
   */
  pourAccountTotals(): void {
    let credit = 0;
    for (let m = 0; m < this.months; m++) {
      credit += this.creditStep[m]!;
      const own = this.ownSpent[m]!;
      const creditAt = summaryIndex(m, SUMMARY.creditFen);
      const ownAt = summaryIndex(m, SUMMARY.ownSpendingFen);
      this.summary[creditAt] = this.summary[creditAt]! + credit;
      this.summary[ownAt] = this.summary[ownAt]! + own;
      this.book(m, ACCOUNT_CLASS.funds, ACCOUNT_CLASS.accounts, credit);
      this.book(m, ACCOUNT_CLASS.accounts, ACCOUNT_CLASS.payees, own);
    }
    this.creditStep.fill(0);
    this.ownSpent.fill(0);
  }
}
