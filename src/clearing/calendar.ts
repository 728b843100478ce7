/**
 * The run's clearing calendar (清算日历), rules C2 and C7: the days of the run's months, the clearing
 * periods that cut them (every calendar month, or every N days as a what-if), and the day on which
 * each period's claims are repaid (period close + results, confirmation and transfer lags). Days are
 * counted from the first day of the run's first month (day 0); no clock is read.
 */
import { settlementLagDays, type ClearingCalendar } from './parameters';
import { dailyShare } from './prepayment';

/** The days and clearing periods of a run of `months` months starting in `start`. */
export interface RunCalendar {
  /** First month of the run, `YYYY-MM`. */
  start: string;
  /** Number of months in the run. */
  months: number;
  /** Calendar year of each run month. */
  year: Int32Array;
  /** Month of the year (1–12) of each run month. */
  monthOfYear: Int32Array;
  /** `monthStart[m]`: the day on which run month m begins; `monthStart[months]` is the number of days in the run. */
  monthStart: Int32Array;
  /** Number of days in the run's months. */
  windowDays: number;
  /** `periodEnd[k]`: the first day after clearing period k (periods tile days 0 … windowDays − 1). */
  periodEnd: Int32Array;
  /** Days from a period's close until its money arrives (C7: the sum of the three lags). */
  lagDays: number;
  /** Days tracked: the run's days and the lag after it, so the last period's claims are repaid on the last day. */
  horizonDays: number;
}

const MONTH_TEXT = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Days in month `month` (1–12) of year `year` in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * C2, C7: the calendar of a run of `months` months from `start` (`YYYY-MM`, the scenario's
 * `window.start`). A monthly cycle closes a period at the end of every month; a cycle of N days
 * closes one every N days from day 0, the last one at the end of the run. Period k's claims are
 * repaid on day `periodEnd[k] + lagDays`.
 */
export function runCalendar(start: string, months: number, calendar: ClearingCalendar): RunCalendar {
  const match = MONTH_TEXT.exec(start);
  if (!match) throw new RangeError(`start: expected a month as YYYY-MM, got ${JSON.stringify(start)}`);
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`months: expected a whole number ≥ 1, got ${months}`);
  }
  const year = new Int32Array(months);
  const monthOfYear = new Int32Array(months);
  const monthStart = new Int32Array(months + 1);
  let y = Number(match[1]);
  let mo = Number(match[2]);
  for (let m = 0; m < months; m++) {
    year[m] = y;
    monthOfYear[m] = mo;
    monthStart[m + 1] = monthStart[m]! + daysInMonth(y, mo);
    if (++mo > 12) {
      mo = 1;
      y++;
    }
  }
  const windowDays = monthStart[months]!;
  let periodEnd: Int32Array;
  if (calendar.cycle === 'monthly') {
    periodEnd = monthStart.slice(1);
  } else {
    const n = calendar.cycle.days;
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`calendar.cycle.days: expected a whole number ≥ 1, got ${n}`);
    }
    periodEnd = Int32Array.from({ length: Math.ceil(windowDays / n) }, (_, k) =>
      Math.min((k + 1) * n, windowDays),
    );
  }
  const lagDays = settlementLagDays(calendar);
  return {
    start,
    months,
    year,
    monthOfYear,
    monthStart,
    windowDays,
    periodEnd,
    lagDays,
    horizonDays: windowDays + lagDays + 1,
  };
}

/**
 * C7: one pair's claims day by day and the repayments clearing brings. A month's claims accrue evenly
 * over its days in whole fen (`dailyShare`'s rule: the remainder goes to the first days); each clearing
 * period's claims are repaid together `lagDays` after the period closes. Both arrays have
 * `horizonDays` entries and the same total.
 */
export function dailyClaims(
  cal: RunCalendar,
  monthlyFen: ArrayLike<number>,
): { claimsFen: Float64Array; repaidFen: Float64Array } {
  const claimsFen = new Float64Array(cal.horizonDays);
  for (let m = 0; m < cal.months; m++) {
    const fen = monthlyFen[m]!;
    if (fen === 0) continue;
    const first = cal.monthStart[m]!;
    const days = cal.monthStart[m + 1]! - first;
    for (let d = 0; d < days; d++) claimsFen[first + d] = dailyShare(fen, days, d);
  }
  const repaidFen = new Float64Array(cal.horizonDays);
  let from = 0;
  for (const end of cal.periodEnd) {
    let sum = 0;
    for (let d = from; d < end; d++) sum += claimsFen[d]!;
    repaidFen[end + cal.lagDays] = repaidFen[end + cal.lagDays]! + sum;
    from = end;
  }
  return { claimsFen, repaidFen };
}
