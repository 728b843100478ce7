/**
 * Re-sizing prepayments (预付金核定与调整), rule C5: when a new prepayment size comes into force in a
 * run and which months' flows size it. Three schedules:
 * - `yearly` (Hebei's practice): decided by the end of `resizeMonth` from the previous calendar
 *   year's flows and paid by the end of `paymentDeadlineMonth` (January and February); the new size
 *   stands from the first day of the month after the deadline (1 March by default).
 * - `quarterly` and `monthly` (the notice's "资金规模动态调整" read as a rolling re-sizing): every
 *   3 months or every month, from the last 12 months whose clearing results were out when the size
 *   came into force.
 *
 * The first year of a run has no history inside the run, so the opening size follows an explicit
 * rule ({@link FirstYearSizing}), and a rolling re-sizing fills the months before the run from the
 * same 12-month list.
 */
import type { RunCalendar } from './calendar';
import type { PrepaymentParameters, PrepaymentSizing } from './parameters';
import { sizePrepayment } from './prepayment';

/**
 * How the opening prepayment of a run is sized, from a list of 12 monthly P × P matrices
 * (`owes[i * P + j]`, the layout of `MonthSettlement.owes`) for the run's first 12 calendar months:
 * - `forecast` (the scenario default): what a province could know before the year: the previous
 *   year's flows where there was a history, plus the expected flows the scenario adds;
 * - `previous-year`: the flows of the year before the run, e.g. from an earlier run's clearing;
 * - `perfect-foresight` (a what-if): the run's own first 12 months, as if the year's flows had been
 *   known in advance; it flatters the first year, which gets exactly the size its own flows call for.
 */
export type FirstYearSizing =
  | { rule: 'perfect-foresight' }
  | { rule: 'forecast' | 'previous-year'; monthlyOwesFen: readonly Float64Array[] };

/** One moment at which a prepayment size comes into force. */
export interface PrepaymentResize {
  /** Run month from whose first day the size stands (0: the opening prepayment). */
  month: number;
  /** `opening` for the run's first size, `yearly` or `rolling` for a C5 re-sizing. */
  kind: 'opening' | 'yearly' | 'rolling';
  /** Run months whose flows size it. */
  sourceMonths: number[];
  /** Entries of the opening's 12-month list that stand for months before the run. */
  openingMonths: number[];
  /** The calendar year whose flows size it (yearly), or the year in which it comes into force. */
  sizingYear: number;
}

/** Whether run month k's clearing results are out before run month m begins (C7). */
function resultsKnown(cal: RunCalendar, resultsLagDays: number, k: number, m: number): boolean {
  return cal.monthStart[k + 1]! + resultsLagDays <= cal.monthStart[m]!;
}

/** The opening size: from the opening list, or, under perfect foresight, from the run's first 12 months. */
function opening(cal: RunCalendar, firstYear: FirstYearSizing): PrepaymentResize {
  const foresight = firstYear.rule === 'perfect-foresight';
  const n = Math.min(12, cal.months);
  return {
    month: 0,
    kind: 'opening',
    sourceMonths: foresight ? Array.from({ length: n }, (_, m) => m) : [],
    openingMonths: foresight ? [] : Array.from({ length: 12 }, (_, m) => m),
    sizingYear: firstYear.rule === 'previous-year' ? cal.year[0]! - 1 : cal.year[0]!,
  };
}

/** C5, yearly: re-sizings from the previous calendar year, in force after the payment deadline. */
function yearly(cal: RunCalendar, prepayment: PrepaymentParameters): PrepaymentResize[] {
  const out: PrepaymentResize[] = [];
  const inForce = (prepayment.paymentDeadlineMonth % 12) + 1;
  // Stryker disable next-line EqualityOperator: one step past the end reads monthOfYear past its end, undefined, which is no month
  for (let m = 1; m < cal.months; m++) {
    if (cal.monthOfYear[m] !== inForce) continue;
    const decidedIn = prepayment.paymentDeadlineMonth === 12 ? cal.year[m]! - 1 : cal.year[m]!;
    const sizingYear = decidedIn - 1;
    const sourceMonths: number[] = [];
    // Stryker disable next-line EqualityOperator: month m itself is never in the sizing year, one or two years before its own
    for (let k = 0; k < m; k++) if (cal.year[k] === sizingYear) sourceMonths.push(k);
    if (sourceMonths.length > 0) {
      out.push({ month: m, kind: 'yearly', sourceMonths, openingMonths: [], sizingYear });
    }
  }
  return out;
}

/**
 * C5, rolling: every `step` months, the last 12 months with clearing results out; months before
 * the run come from the end of the opening list (under perfect foresight, from the run's first
 * months, which stand in for the same calendar months a year earlier).
 */
function rolling(cal: RunCalendar, step: number, resultsLagDays: number, firstYear: FirstYearSizing) {
  const out: PrepaymentResize[] = [];
  for (let m = step; m < cal.months; m += step) {
    const known: number[] = [];
    for (let k = m - 1; k >= 0 && known.length < 12; k--) {
      if (resultsKnown(cal, resultsLagDays, k, m)) known.unshift(k);
    }
    const missing = 12 - known.length;
    const fill = Array.from({ length: missing }, (_, i) => 12 - missing + i);
    const foresight = firstYear.rule === 'perfect-foresight';
    out.push({
      month: m,
      kind: 'rolling',
      sourceMonths: foresight ? [...fill.filter((x) => x < cal.months), ...known] : known,
      openingMonths: foresight ? [] : fill,
      sizingYear: cal.year[m]!,
    });
  }
  return out;
}

/**
 * C5: the opening size and every re-sizing that falls inside the run, by `prepayment.resizing`. A
 * yearly re-sizing is sized from the run months of the calendar year before the one in which it
 * was decided (skipped when none of that year lies in the run; a year only partly inside the run is
 * sized from the months it has). `resultsLagDays` (C7) says when a month's results are out.
 */
export function resizeSchedule(
  cal: RunCalendar,
  prepayment: PrepaymentParameters,
  firstYear: FirstYearSizing,
  resultsLagDays: number,
): PrepaymentResize[] {
  const first = opening(cal, firstYear);
  if (prepayment.resizing === 'yearly') return [first, ...yearly(cal, prepayment)];
  const step = prepayment.resizing === 'quarterly' ? 3 : 1;
  return [first, ...rolling(cal, step, resultsLagDays, firstYear)];
}

/**
 * C5: a size by the sizing rule from one pair's flows: `monthly` its run months, `openingList` the
 * 12 months of its opening list (unused under perfect foresight). Never negative.
 */
export function sizeFrom(
  resize: PrepaymentResize,
  sizing: PrepaymentSizing,
  monthly: ArrayLike<number>,
  openingList: ArrayLike<number> | null,
): number {
  const values: number[] = [];
  for (const k of resize.openingMonths) values.push(openingList?.[k] ?? 0);
  for (const m of resize.sourceMonths) values.push(monthly[m]!);
  return Math.max(0, sizePrepayment(sizing, values));
}

/**
 * C5: the size of the prepayment from insured-place province `i` to treatment-place province `j`
 * (`cell` = i × P + j) at one resize, from the monthly obligations `owes` (one P × P matrix per run
 * month) and the opening rule.
 */
export function pairSize(
  resize: PrepaymentResize,
  sizing: PrepaymentSizing,
  owes: readonly Float64Array[],
  firstYear: FirstYearSizing,
  cell: number,
): number {
  const monthly = owes.map((o) => o[cell]!);
  const list =
    firstYear.rule === 'perfect-foresight' ? null : firstYear.monthlyOwesFen.map((o) => o[cell] ?? 0);
  return sizeFrom(resize, sizing, monthly, list);
}
