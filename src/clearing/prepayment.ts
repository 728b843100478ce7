/**
 * Prepayments (预付金), rules C5–C7: how large the advance from an insured-place province to a
 * treatment-place province is, and how its usage rate (outstanding uncleared claims ÷ prepayment)
 * moves day by day between monthly clearings, with yellow and red warnings and emergency top-ups.
 */

import type { PrepaymentSizing } from './parameters';

/** What the usage tracking needs from the scenario: thresholds, top-up and the clearing calendar. */
export interface PrepaymentPolicy {
  sizing: PrepaymentSizing;
  /** C6: usage rate that raises a yellow warning (e.g. 0.70). */
  yellow: number;
  /** C6: usage rate that raises a red warning and an emergency top-up (e.g. 0.90). */
  red: number;
  /** C6: an emergency top-up as a fraction of the prepayment standing when the red warning fires. */
  topUpFraction: number;
  /** C7: days from the close of a clearing period until the clearing money arrives. */
  settlementLagDays: number;
}

/**
 * C5: the prepayment for a year from the previous year's monthly flows (fen), rounded up to the fen.
 * `months-of-average`: k × the average month; `percentile-of-monthly-need`: the p-th percentile
 * month (nearest rank).
 */
export function sizePrepayment(sizing: PrepaymentSizing, previousMonthlyFen: readonly number[]): number {
  if (previousMonthlyFen.length === 0) return 0;
  if (sizing.method === 'months-of-average') {
    const total = previousMonthlyFen.reduce((a, b) => a + b, 0);
    return Math.ceil((sizing.months * total) / previousMonthlyFen.length);
  }
  const sorted = [...previousMonthlyFen].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((sizing.percentile / 100) * sorted.length));
  return Math.ceil(sorted[rank - 1]!);
}

/** One day's claims when a period's flow is spread evenly over its days: whole fen, remainder to the first days. */
export function dailyShare(periodFen: number, days: number, day: number): number {
  const base = Math.floor(periodFen / days);
  return base + (day < periodFen - base * days ? 1 : 0);
}

/** A warning or top-up on the timeline. */
export interface PrepaymentEvent {
  /** Day index from the start of the run. */
  day: number;
  kind: 'yellow' | 'red' | 'top-up';
  /** Usage rate when it fired. */
  usage: number;
  /** For a top-up, the fen added. */
  amountFen: number;
}

/** Per clearing period: the highest usage, the prepayment standing at its end, and the events. */
export interface UsageTrack {
  peakUsage: number[];
  prepaymentFen: number[];
  events: PrepaymentEvent[];
}

/**
 * C5–C7: tracks one prepayment day by day. `periodFen[k]` are the claims of clearing period k, which
 * accrue evenly over its `periodDays[k]` days and are cleared `settlementLagDays` after it closes.
 * `initialFen[k]` is the prepayment in force in period k (re-sized yearly by the caller); red
 * warnings add top-ups that stand until the next re-sizing. A warning fires when the usage rate
 * crosses its threshold from below.
 */
export function trackUsage(
  policy: PrepaymentPolicy,
  periodFen: readonly number[],
  periodDays: readonly number[],
  initialFen: readonly number[],
): UsageTrack {
  const n = periodFen.length;
  const closeDay: number[] = [];
  let day = 0;
  for (let k = 0; k < n; k++) closeDay.push((day += periodDays[k]!));
  const horizon = day + policy.settlementLagDays;
  const peakUsage = new Array<number>(n).fill(0);
  const prepaymentFen = new Array<number>(n).fill(0);
  const events: PrepaymentEvent[] = [];
  let outstanding = 0;
  let topUps = 0;
  let level: 'none' | 'yellow' | 'red' = 'none';
  let k = 0;
  let periodStart = 0;
  for (let d = 0; d < horizon; d++) {
    while (k < n && d >= closeDay[k]!) {
      periodStart = closeDay[k]!;
      k++;
      if (k < n && initialFen[k] !== initialFen[k - 1]) topUps = 0; // re-sized: top-ups are folded in
    }
    const current = Math.min(k, n - 1);
    // Clearing: period j's claims are repaid settlementLagDays after it closes.
    for (let j = 0; j < n; j++)
      if (closeDay[j]! + policy.settlementLagDays === d) outstanding -= periodFen[j]!;
    if (k < n) outstanding += dailyShare(periodFen[k]!, periodDays[k]!, d - periodStart);
    const prepayment = initialFen[current]! + topUps;
    const usage = prepayment > 0 ? outstanding / prepayment : outstanding > 0 ? Infinity : 0;
    const next = usage >= policy.red ? 'red' : usage >= policy.yellow ? 'yellow' : 'none';
    if (next !== 'none' && next !== level && (level === 'none' || next === 'red')) {
      events.push({ day: d, kind: next, usage, amountFen: 0 });
      if (next === 'red' && prepayment > 0) {
        const add = Math.ceil(prepayment * policy.topUpFraction);
        topUps += add;
        events.push({ day: d, kind: 'top-up', usage, amountFen: add });
      }
    }
    level = next;
    if (k < n) {
      peakUsage[k] = Math.max(peakUsage[k]!, usage);
      prepaymentFen[k] = initialFen[k]! + topUps;
    }
  }
  return { peakUsage, prepaymentFen, events };
}

/**
 * Monte Carlo summary (C5, C6): from each replication's peak outstanding claims (fen), the
 * prepayment needed so that usage stays below the red threshold with the given confidence.
 */
export function prepaymentForConfidence(
  peakOutstandingFen: readonly number[],
  red: number,
  confidence: number,
): number {
  if (peakOutstandingFen.length === 0) return 0;
  const sorted = [...peakOutstandingFen].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(confidence * sorted.length));
  return Math.ceil(sorted[rank - 1]! / red);
}
