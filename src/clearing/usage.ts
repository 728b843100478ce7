/**
 * Day-by-day usage of one prepayment (预付金使用率), rules C5–C7: the treatment-place province pays
 * bills out of the prepayment the insured-place province advanced; clearing replenishes it after the
 * lag. The usage rate is outstanding (paid, not yet cleared) claims ÷ the prepayment standing. A
 * crossing of the yellow line raises a yellow warning (黄色预警), of the red line a red warning
 * (红色预警), and every day that ends at or above the red line brings an emergency top-up (紧急调增).
 * Every fen is accounted: balance = advanced + top-ups − claims paid + replenishment.
 */
import type { WarningParameters } from './parameters';

/** A re-sizing, warning or top-up on the timeline of one prepayment. */
export interface UsageEvent {
  /** Day from the start of the run. */
  day: number;
  kind: 'resize' | 'yellow' | 'red' | 'top-up';
  /** The usage rate the day reached (after its claims, before its top-up). */
  usage: number;
  /** Top-up: fen added; re-size: fen added (negative: returned) to bring the prepayment to its new size. */
  amountFen: number;
}

/** Where every fen of one prepayment went over the tracked days (C5, C6). */
export interface PrepaymentLedger {
  /** Opening prepayment plus every re-sizing adjustment (negative adjustments return money). */
  advancedFen: number;
  /** Emergency top-ups. */
  topUpFen: number;
  /** Claims paid out of the prepayment. */
  claimsFen: number;
  /** Replenishment by clearing. */
  replenishedFen: number;
  /** What is left in the account: advanced + top-ups − claims + replenishment (negative: overdrawn). */
  balanceFen: number;
  /** Claims paid and not yet cleared at the end. */
  outstandingFen: number;
}

/** One prepayment tracked day by day. Daily arrays have one entry per tracked day. */
export interface UsageTrackDaily {
  /** Uncleared claims at the end of each day. */
  outstandingFen: Float64Array;
  /** The prepayment standing at the end of each day (after re-sizing and top-ups). */
  prepaymentFen: Float64Array;
  /** The usage each day reached, after its claims and before any top-up (the rate warnings look at). */
  reachedUsage: Float64Array;
  /** The highest `reachedUsage`. */
  peakUsage: number;
  /** The highest `outstandingFen` (it does not depend on the prepayment). */
  peakOutstandingFen: number;
  events: UsageEvent[];
  ledger: PrepaymentLedger;
}

/** Usage rate: outstanding ÷ prepayment; 0 when both are 0, Infinity for claims against no prepayment. */
export function usageRate(outstandingFen: number, prepaymentFen: number): number {
  if (prepaymentFen > 0) return outstandingFen / prepaymentFen;
  return outstandingFen > 0 ? Infinity : 0;
}

/**
 * C6: the emergency top-up when usage reaches the red line: `topUpFraction` of the prepayment
 * standing, rounded up to the fen. A prepayment of 0 (no flows in its sizing year) gets what a
 * prepayment exactly at the red line would get: outstanding ÷ red × topUpFraction, plus that
 * missing prepayment itself, i.e. outstanding × (1 + topUpFraction) ÷ red.
 */
export function topUpFen(w: WarningParameters, prepaymentFen: number, outstandingFen: number): number {
  if (w.topUpFraction <= 0) return 0;
  if (prepaymentFen > 0) return Math.ceil(prepaymentFen * w.topUpFraction);
  return Math.max(0, Math.ceil((outstandingFen * (1 + w.topUpFraction)) / w.red));
}

/** Counts and peaks of one tracked prepayment, without its day-by-day arrays. */
export interface TrackCounts {
  peakUsage: number;
  peakOutstandingFen: number;
  yellow: number;
  red: number;
  topUps: number;
  topUpFen: number;
}

/** Day-by-day outputs {@link stepPrepayment} fills when given; any may be null. */
interface TrackOutputs {
  outstandingFen: Float64Array | null;
  prepaymentFen: Float64Array | null;
  reachedUsage: Float64Array | null;
  events: UsageEvent[] | null;
  ledger: PrepaymentLedger | null;
  /** Highest usage reached in each run month (`monthStart` gives the months' first days). */
  monthPeak: Float64Array | null;
  monthStart: Int32Array | null;
}

/**
 * The day loop of rule C6 that both {@link trackPrepayment} and {@link trackCounts} run: claims,
 * repayments, re-sizings, warnings and top-ups, writing only the outputs asked for.
 */
function stepPrepayment(
  w: WarningParameters,
  claimsFen: ArrayLike<number>,
  repaidFen: ArrayLike<number>,
  sizes: readonly { day: number; fen: number }[],
  out: TrackOutputs,
): TrackCounts {
  const days = claimsFen.length;
  const counts: TrackCounts = {
    peakUsage: 0,
    peakOutstandingFen: 0,
    yellow: 0,
    red: 0,
    topUps: 0,
    topUpFen: 0,
  };
  const yellowLine = w.yellow;
  const redLine = w.red;
  const { ledger, events, monthPeak, monthStart } = out;
  const lastMonth = monthStart ? monthStart.length - 2 : 0;
  let month = 0;
  let nextMonth = monthStart && lastMonth > 0 ? monthStart[1]! : Infinity;
  let outstanding = 0;
  let standing = 0;
  let level = 0;
  let next = 0;
  let nextSize = sizes.length > 0 ? sizes[0]!.day : -1;
  for (let d = 0; d < days; d++) {
    while (nextSize === d) {
      const fen = sizes[next]!.fen;
      const adjust = fen - standing;
      if (ledger) ledger.advancedFen += adjust;
      standing = fen;
      if (d > 0 && events) {
        events.push({ day: d, kind: 'resize', usage: usageRate(outstanding, standing), amountFen: adjust });
      }
      next++;
      nextSize = next < sizes.length ? sizes[next]!.day : -1;
    }
    const repaid = repaidFen[d]!;
    const claims = claimsFen[d]!;
    outstanding = outstanding - repaid + claims;
    if (ledger) {
      ledger.replenishedFen += repaid;
      ledger.claimsFen += claims;
    }
    const usage = standing > 0 ? outstanding / standing : outstanding > 0 ? Infinity : 0;
    if (out.reachedUsage) out.reachedUsage[d] = usage;
    // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
    if (usage > counts.peakUsage) counts.peakUsage = usage;
    // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
    if (outstanding > counts.peakOutstandingFen) counts.peakOutstandingFen = outstanding;
    if (monthPeak) {
      if (d >= nextMonth) {
        month++;
        nextMonth = month < lastMonth ? monthStart![month + 1]! : Infinity;
      }
      // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
      if (usage > monthPeak[month]!) monthPeak[month] = usage;
    }
    let now = usage >= redLine ? 2 : usage >= yellowLine ? 1 : 0;
    if (now === 2) {
      if (level !== 2) {
        counts.red++;
        events?.push({ day: d, kind: 'red', usage, amountFen: 0 });
      }
      const add = topUpFen(w, standing, outstanding);
      if (add > 0) {
        standing += add;
        counts.topUps++;
        counts.topUpFen += add;
        events?.push({ day: d, kind: 'top-up', usage, amountFen: add });
        const after = usageRate(outstanding, standing);
        now = after >= redLine ? 2 : after >= yellowLine ? 1 : 0;
      }
    } else if (now === 1 && level === 0) {
      counts.yellow++;
      events?.push({ day: d, kind: 'yellow', usage, amountFen: 0 });
    }
    level = now;
    if (out.outstandingFen) out.outstandingFen[d] = outstanding;
    if (out.prepaymentFen) out.prepaymentFen[d] = standing;
  }
  if (ledger) {
    ledger.topUpFen = counts.topUpFen;
    ledger.outstandingFen = outstanding;
    ledger.balanceFen = ledger.advancedFen + ledger.topUpFen - ledger.claimsFen + ledger.replenishedFen;
  }
  return counts;
}

/**
 * C5–C7: tracks one prepayment over `claimsFen.length` days. `claimsFen[d]` are the claims paid out
 * of the prepayment on day d (providers paid), `repaidFen[d]` the clearing money arriving on day d
 * (applied before the day's claims); `sizes` are the sizes coming into force, `{ day, fen }` in day
 * order with the first on day 0. A re-sizing sets the prepayment to the new size, folding in the
 * top-ups. A yellow warning fires when usage reaches the yellow line from below it; a red one when
 * it reaches the red line from below; a top-up follows on every day that reaches the red line, so a
 * top-up too small to bring usage under the line is followed by another the next day.
 */
export function trackPrepayment(
  w: WarningParameters,
  claimsFen: Float64Array,
  repaidFen: Float64Array,
  sizes: readonly { day: number; fen: number }[],
): UsageTrackDaily {
  const days = claimsFen.length;
  const out: TrackOutputs = {
    outstandingFen: new Float64Array(days),
    prepaymentFen: new Float64Array(days),
    reachedUsage: new Float64Array(days),
    events: [],
    ledger: {
      advancedFen: 0,
      topUpFen: 0,
      claimsFen: 0,
      replenishedFen: 0,
      balanceFen: 0,
      outstandingFen: 0,
    },
    monthPeak: null,
    monthStart: null,
  };
  const counts = stepPrepayment(w, claimsFen, repaidFen, sizes, out);
  return {
    outstandingFen: out.outstandingFen!,
    prepaymentFen: out.prepaymentFen!,
    reachedUsage: out.reachedUsage!,
    peakUsage: counts.peakUsage,
    peakOutstandingFen: counts.peakOutstandingFen,
    events: out.events!,
    ledger: out.ledger!,
  };
}

/**
 * C5–C7: the same day loop as {@link trackPrepayment}, keeping only counts and peaks, and the highest
 * usage of each run month in `monthPeak` (the days after the last month count in it; `monthStart`
 * as in `RunCalendar`). For the many draws of the prepayment model, which need no daily arrays.
 */
export function trackCounts(
  w: WarningParameters,
  claimsFen: ArrayLike<number>,
  repaidFen: ArrayLike<number>,
  sizes: readonly { day: number; fen: number }[],
  monthStart: Int32Array,
  monthPeak: Float64Array,
): TrackCounts {
  monthPeak.fill(0);
  return stepPrepayment(w, claimsFen, repaidFen, sizes, {
    outstandingFen: null,
    prepaymentFen: null,
    reachedUsage: null,
    events: null,
    ledger: null,
    monthPeak,
    monthStart,
  });
}
