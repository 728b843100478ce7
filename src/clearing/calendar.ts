/**
 * The run's clearing calendar (清算日历), rules C2 and C7: the days of the run's months, the clearing
 * periods that cut them (every calendar month, or every N days as a what-if), and the two clocks of
 * a prepayment. The treatment place pays its providers for a month's settled bills after they
 * declare them (declared by a day of the next month, paid within a number of days after it): only
 * then is the prepayment drawn on. Clearing repays a period's claims `results + confirmation +
 * transfer` lag days after the period closes. Days are counted from the first day of the run's first
 * month (day 0); no clock is read.
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
  /**
   * `drawStart[m]`: the first day on which the treatment place pays providers for run month m's
   * bills (the month's close + the declaration days); they are paid evenly over `drawDays` days.
   */
  drawStart: Int32Array;
  /** Days over which a month's bills are paid to providers (at least 1). */
  drawDays: number;
  /**
   * Days tracked: the run's days, then until the last period is repaid and the last month is paid
   * to providers, so every claim of the run is drawn and repaid by the last day.
   */
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
  // Stryker disable next-line EqualityOperator: a step past the last month writes past the end of typed arrays, to no effect
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
  const drawDays = Math.max(1, calendar.providerPaymentDays);
  const drawStart = Int32Array.from(
    { length: months },
    (_, m) => monthStart[m + 1]! + calendar.providerDeclarationDays,
  );
  const lastDraw = drawStart[months - 1]! + drawDays - 1;
  return {
    start,
    months,
    year,
    monthOfYear,
    monthStart,
    windowDays,
    periodEnd,
    lagDays,
    drawStart,
    drawDays,
    horizonDays: Math.max(windowDays + lagDays, lastDraw) + 1,
  };
}

/** The day on which clearing period k's claims are repaid (C7). */
export function repayDay(cal: RunCalendar, k: number): number {
  return cal.periodEnd[k]! + cal.lagDays;
}

/**
 * The share of run month m's days that fall in each clearing period, as [period, days] pairs: a
 * monthly cycle gives one period per month, a cycle of N days several.
 */
function periodsOfMonth(cal: RunCalendar, m: number): [number, number][] {
  const first = cal.monthStart[m]!;
  const end = cal.monthStart[m + 1]!;
  const out: [number, number][] = [];
  let from = 0;
  // Stryker disable next-line EqualityOperator: a period past the last has no end day and no days in the month
  for (let k = 0; k < cal.periodEnd.length; k++) {
    const to = cal.periodEnd[k]!;
    const days = Math.min(to, end) - Math.max(from, first);
    if (days > 0) out.push([k, days]);
    from = to;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: later periods have no days in the month (speed only)
    if (from >= end) break;
  }
  return out;
}

/**
 * C7: one pair's prepayment day by day from its monthly claims: `claimsFen[d]` is drawn on day d
 * (providers paid), `repaidFen[d]` arrives from clearing on day d. A month's claims accrue evenly
 * over its days in whole fen (`dailyShare`: the remainder to the first days); the part of them in
 * each clearing period is paid to providers evenly over the month's provider-payment days and repaid
 * on the period's repayment day, or on the day it is drawn when clearing comes first (that part
 * never uses the prepayment). Both arrays have `horizonDays` entries and the same total; `into`,
 * when given, holds two such arrays to fill instead of new ones.
 */
export function dailyClaims(
  cal: RunCalendar,
  monthlyFen: ArrayLike<number>,
  into?: { claimsFen: Float64Array; repaidFen: Float64Array },
): { claimsFen: Float64Array; repaidFen: Float64Array } {
  const claimsFen = into?.claimsFen.fill(0) ?? new Float64Array(cal.horizonDays);
  const repaidFen = into?.repaidFen.fill(0) ?? new Float64Array(cal.horizonDays);
  const W = cal.drawDays;
  // Stryker disable next-line EqualityOperator: a step past the last month finds no period and adds nothing
  for (let m = 0; m < cal.months; m++) {
    const fen = monthlyFen[m]!;
    // Stryker disable next-line ConditionalExpression: a month without claims adds nothing either way (speed only)
    if (fen === 0) continue;
    const first = cal.monthStart[m]!;
    const days = cal.monthStart[m + 1]! - first;
    let day = 0;
    for (const [k, n] of periodsOfMonth(cal, m)) {
      let part = 0;
      for (let d = day; d < day + n; d++) part += dailyShare(fen, days, d);
      day += n;
      const repay = repayDay(cal, k);
      let early = 0;
      for (let t = 0; t < W; t++) {
        const at = cal.drawStart[m]! + t;
        const drawn = dailyShare(part, W, t);
        claimsFen[at] = claimsFen[at]! + drawn;
        // Stryker disable next-line EqualityOperator: drawn on its repayment day, a part is repaid that day either way
        if (at >= repay) repaidFen[at] = repaidFen[at]! + drawn;
        else early += drawn;
      }
      repaidFen[repay] = repaidFen[repay]! + early;
    }
  }
  return { claimsFen, repaidFen };
}

/**
 * Outstanding claims as a linear function of the monthly claims, at the days where they can peak
 * (C7): `outstanding(days[k]) ≈ Σ_m weight[k][m] × monthly[m]` (exact but for the whole-fen
 * rounding of `dailyClaims`). Outstanding rises while providers are paid and falls when clearing
 * repays, so it peaks on the day before a repayment or on the last provider-payment day of a month.
 * `months[k]` and `weights[k]` list the months with a non-zero weight at candidate day k.
 */
export interface PeakWeights {
  days: Int32Array;
  months: Int32Array[];
  weights: Float64Array[];
}

/** The {@link PeakWeights} of a calendar. */
export function peakWeights(cal: RunCalendar): PeakWeights {
  const candidates = new Set<number>();
  for (let k = 0; k < cal.periodEnd.length; k++) candidates.add(repayDay(cal, k) - 1);
  for (let m = 0; m < cal.months; m++) candidates.add(cal.drawStart[m]! + cal.drawDays - 1);
  // Every candidate lies in [0, horizonDays): lags are never negative, and the horizon ends after
  // the last repayment and the last provider payment.
  const days = Int32Array.from(candidates).sort();
  const parts = Array.from({ length: cal.months }, (_, m) => {
    const total = cal.monthStart[m + 1]! - cal.monthStart[m]!;
    return periodsOfMonth(cal, m).map(([k, n]) => ({ repay: repayDay(cal, k), share: n / total }));
  });
  const months: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (const d of days) {
    const ms: number[] = [];
    const ws: number[] = [];
    for (let m = 0; m < cal.months; m++) {
      const drawn = Math.min(1, Math.max(0, (d - cal.drawStart[m]! + 1) / cal.drawDays));
      if (drawn === 0) continue;
      let open = 0;
      for (const p of parts[m]!) if (p.repay > d) open += p.share;
      if (open > 0) {
        ms.push(m);
        ws.push(drawn * open);
      }
    }
    months.push(Int32Array.from(ms));
    weights.push(Float64Array.from(ws));
  }
  return { days, months, weights };
}

/** The peak of outstanding claims for monthly claims `monthly`, by {@link PeakWeights} (fen, not rounded). */
export function peakOutstanding(w: PeakWeights, monthly: ArrayLike<number>): number {
  let peak = 0;
  for (let k = 0; k < w.days.length; k++) {
    const ms = w.months[k]!;
    const ws = w.weights[k]!;
    let o = 0;
    for (let i = 0; i < ms.length; i++) o += ws[i]! * monthly[ms[i]!]!;
    // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
    if (o > peak) peak = o;
  }
  return peak;
}

/**
 * The days on which a month's claims are drawn and repaid, as shares of the month's total (the same
 * rules as {@link dailyClaims}, without whole-fen rounding): for the prepayment model, whose drawn
 * claims are not whole fen anyway.
 */
export interface DaySchedule {
  drawDay: Int32Array[];
  drawShare: Float64Array[];
  repayDay: Int32Array[];
  repayShare: Float64Array[];
}

/** The {@link DaySchedule} of a calendar. */
export function daySchedule(cal: RunCalendar): DaySchedule {
  const W = cal.drawDays;
  const out: DaySchedule = { drawDay: [], drawShare: [], repayDay: [], repayShare: [] };
  for (let m = 0; m < cal.months; m++) {
    const total = cal.monthStart[m + 1]! - cal.monthStart[m]!;
    out.drawDay.push(Int32Array.from({ length: W }, (_, t) => cal.drawStart[m]! + t));
    out.drawShare.push(new Float64Array(W).fill(1 / W));
    const repay = new Map<number, number>();
    for (const [k, n] of periodsOfMonth(cal, m)) {
      const r = repayDay(cal, k);
      for (let t = 0; t < W; t++) {
        const day = Math.max(r, cal.drawStart[m]! + t);
        repay.set(day, (repay.get(day) ?? 0) + n / total / W);
      }
    }
    // Keys come in day order: each period's repayment day is later than the last, and a part drawn
    // after it is repaid on a draw day already listed or on one later than all of them.
    const days = [...repay.keys()];
    out.repayDay.push(Int32Array.from(days));
    out.repayShare.push(Float64Array.from(days, (d) => repay.get(d)!));
  }
  return out;
}

/** Fills `into` with the claims drawn and repaid each day for monthly claims `monthly`, by a {@link DaySchedule}. */
export function spreadClaims(
  s: DaySchedule,
  monthly: ArrayLike<number>,
  into: { claimsFen: Float64Array; repaidFen: Float64Array },
): void {
  const { claimsFen, repaidFen } = into;
  claimsFen.fill(0);
  repaidFen.fill(0);
  for (let m = 0; m < s.drawDay.length; m++) {
    const fen = monthly[m]!;
    // Stryker disable next-line ConditionalExpression: a month without claims adds nothing either way (speed only)
    if (fen === 0) continue;
    const dd = s.drawDay[m]!;
    const ds = s.drawShare[m]!;
    // Stryker disable next-line EqualityOperator: a step past the end writes to no day of a typed array
    for (let x = 0; x < dd.length; x++) claimsFen[dd[x]!] = claimsFen[dd[x]!]! + fen * ds[x]!;
    const rd = s.repayDay[m]!;
    const rs = s.repayShare[m]!;
    // Stryker disable next-line EqualityOperator: a step past the end writes to no day of a typed array
    for (let x = 0; x < rd.length; x++) repaidFen[rd[x]!] = repaidFen[rd[x]!]! + fen * rs[x]!;
  }
}
