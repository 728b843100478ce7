/**
 * Prepayment sizing (预付金核定), rule C5: how large the advance from an insured-place province to a
 * treatment-place province is, from the previous year's monthly flows; and how a month's flows are
 * spread over its days. The day-by-day usage of a prepayment is tracked in `usage.ts`, its yearly
 * re-sizing scheduled in `resize.ts`.
 */

import type { PrepaymentSizing } from './parameters';

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
