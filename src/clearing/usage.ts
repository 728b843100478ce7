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

/**
 * C5–C7: tracks one prepayment over `claimsFen.length` days. `claimsFen[d]` are the claims paid on
 * day d, `repaidFen[d]` the clearing money arriving on day d (applied before the day's claims);
 * `sizes` are the sizes coming into force, `{ day, fen }` in day order with the first on day 0.
 * A re-sizing sets the prepayment to the new size, folding in the top-ups. A yellow warning fires
 * when usage reaches the yellow line from below it; a red one when it reaches the red line from
 * below; a top-up follows on every day that reaches the red line, so a top-up too small to bring
 * usage under the line is followed by another the next day.
 */
export function trackPrepayment(
  w: WarningParameters,
  claimsFen: Float64Array,
  repaidFen: Float64Array,
  sizes: readonly { day: number; fen: number }[],
): UsageTrackDaily {
  const days = claimsFen.length;
  const outstandingFen = new Float64Array(days);
  const prepaymentFen = new Float64Array(days);
  const reachedUsage = new Float64Array(days);
  const events: UsageEvent[] = [];
  const ledger: PrepaymentLedger = {
    advancedFen: 0,
    topUpFen: 0,
    claimsFen: 0,
    replenishedFen: 0,
    balanceFen: 0,
    outstandingFen: 0,
  };
  const classify = (u: number) => (u >= w.red ? 2 : u >= w.yellow ? 1 : 0);
  let outstanding = 0;
  let standing = 0;
  let level = 0;
  let peakUsage = 0;
  let peakOutstandingFen = 0;
  let next = 0;
  for (let d = 0; d < days; d++) {
    while (next < sizes.length && sizes[next]!.day === d) {
      const adjust = sizes[next]!.fen - standing;
      ledger.advancedFen += adjust;
      standing = sizes[next]!.fen;
      if (d > 0)
        events.push({ day: d, kind: 'resize', usage: usageRate(outstanding, standing), amountFen: adjust });
      next++;
    }
    outstanding -= repaidFen[d]!;
    ledger.replenishedFen += repaidFen[d]!;
    outstanding += claimsFen[d]!;
    ledger.claimsFen += claimsFen[d]!;
    const usage = usageRate(outstanding, standing);
    reachedUsage[d] = usage;
    if (usage > peakUsage) peakUsage = usage;
    if (outstanding > peakOutstandingFen) peakOutstandingFen = outstanding;
    let now = classify(usage);
    if (now === 2) {
      if (level !== 2) events.push({ day: d, kind: 'red', usage, amountFen: 0 });
      const add = topUpFen(w, standing, outstanding);
      if (add > 0) {
        standing += add;
        ledger.topUpFen += add;
        events.push({ day: d, kind: 'top-up', usage, amountFen: add });
        now = classify(usageRate(outstanding, standing));
      }
    } else if (now === 1 && level === 0) {
      events.push({ day: d, kind: 'yellow', usage, amountFen: 0 });
    }
    level = now;
    outstandingFen[d] = outstanding;
    prepaymentFen[d] = standing;
  }
  ledger.outstandingFen = outstanding;
  ledger.balanceFen = ledger.advancedFen + ledger.topUpFen - ledger.claimsFen + ledger.replenishedFen;
  return { outstandingFen, prepaymentFen, reachedUsage, peakUsage, peakOutstandingFen, events, ledger };
}
