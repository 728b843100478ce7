/**
 * The yearly re-sizing of prepayments (预付金年度核定), rule C5: when a new prepayment comes into force
 * in a run and which months' flows size it. The size is decided by the end of `resizeMonth` from the
 * previous calendar year's monthly flows and paid by the end of `paymentDeadlineMonth` (January and
 * February in Hebei's practice); this model puts the new size in force on the first day of the month
 * after the payment deadline (1 March by default). Until then the old size, with its top-ups, stands.
 *
 * The first year of a run has no previous year inside the run, so the opening prepayment follows an
 * explicit rule ({@link FirstYearSizing}).
 */
import type { RunCalendar } from './calendar';
import type { PrepaymentParameters } from './parameters';
import { sizePrepayment } from './prepayment';

/**
 * How the opening prepayment of a run is sized.
 * - `perfect-foresight` (the default): from the run's own first 12 months (all of them if the run is
 *   shorter), as if the year's flows had been known in advance; a baseline, not a forecast.
 * - `previous-year`: from the flows of the year before the run, given as one P × P matrix per month
 *   (`owes[i * P + j]`, the layout of `MonthSettlement.owes`), e.g. from an earlier run's clearing.
 */
export type FirstYearSizing =
  { rule: 'perfect-foresight' } | { rule: 'previous-year'; monthlyOwesFen: readonly Float64Array[] };

/** One moment at which a prepayment size comes into force. */
export interface PrepaymentResize {
  /** Run month from whose first day the size stands (0: the opening prepayment). */
  month: number;
  /** `opening` for the run's first size, `yearly` for a C5 re-sizing. */
  kind: 'opening' | 'yearly';
  /** Run months whose flows size it; empty when the opening size comes from a `previous-year` input. */
  sourceMonths: number[];
  /** The calendar year whose flows size it (for `perfect-foresight`, the year the run starts). */
  sizingYear: number;
}

/**
 * C5: the opening size and every yearly re-sizing that falls inside the run. A re-sizing in force
 * from run month m (the month after `paymentDeadlineMonth`) is sized from the run months of the
 * calendar year before the one in which it was decided; if none of that year lies in the run
 * (the run starts after it), the re-sizing is skipped and the opening size stands. A year only
 * partly inside the run is sized from the months it has.
 */
export function resizeSchedule(
  cal: RunCalendar,
  prepayment: PrepaymentParameters,
  firstYear: FirstYearSizing,
): PrepaymentResize[] {
  const inForce = (prepayment.paymentDeadlineMonth % 12) + 1;
  const out: PrepaymentResize[] = [
    {
      month: 0,
      kind: 'opening',
      sourceMonths:
        firstYear.rule === 'perfect-foresight'
          ? Array.from({ length: Math.min(12, cal.months) }, (_, m) => m)
          : [],
      sizingYear: firstYear.rule === 'perfect-foresight' ? cal.year[0]! : cal.year[0]! - 1,
    },
  ];
  for (let m = 1; m < cal.months; m++) {
    if (cal.monthOfYear[m] !== inForce) continue;
    const decidedIn = prepayment.paymentDeadlineMonth === 12 ? cal.year[m]! - 1 : cal.year[m]!;
    const sizingYear = decidedIn - 1;
    const sourceMonths: number[] = [];
    for (let k = 0; k < m; k++) if (cal.year[k] === sizingYear) sourceMonths.push(k);
    if (sourceMonths.length > 0) out.push({ month: m, kind: 'yearly', sourceMonths, sizingYear });
  }
  return out;
}

/**
 * C5: the size of the prepayment from insured-place province `i` to treatment-place province `j`
 * at one resize, by the sizing rule, from the monthly obligations `owes` (one P × P matrix per run
 * month). Never negative.
 */
export function pairSize(
  resize: PrepaymentResize,
  sizing: PrepaymentParameters['sizing'],
  owes: readonly Float64Array[],
  firstYear: FirstYearSizing,
  cell: number,
): number {
  const monthly =
    resize.kind === 'opening' && firstYear.rule === 'previous-year'
      ? firstYear.monthlyOwesFen.map((o) => o[cell] ?? 0)
      : resize.sourceMonths.map((m) => owes[m]![cell]!);
  return Math.max(0, sizePrepayment(sizing, monthly));
}
