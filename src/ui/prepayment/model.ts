/**
 * The numbers of the Prepayment workspace (预付金工作区), as pure functions of a run's clearing and
 * Monte Carlo: which province to show first, the prepayment needed for a chosen confidence, the
 * peak-usage bands across replications, the red-warning probability as a function of the prepayment,
 * and the warning level that colours a row. No DOM, no database.
 */
import {
  prepaymentAtConfidence,
  redProbabilityAt,
  type MonteCarloResult,
  type ProvinceMonteCarlo,
} from '../../clearing/montecarlo';
import { settlementLagDays, type ClearingCalendar, type WarningParameters } from '../../clearing/parameters';
import type { ProvinceSummary } from '../../clearing/run';

/** Confidences offered for the needed prepayment (P(no red warning)). */
export const CONFIDENCES = [0.9, 0.95, 0.99] as const;

/** Colour class of a usage rate against the warning lines: `red` at or above red, `yellow` at or above yellow. */
export type WarningLevel = 'ok' | 'yellow' | 'red';

/** The warning level a usage rate reaches (C6). */
export function warningLevel(usage: number, w: Pick<WarningParameters, 'yellow' | 'red'>): WarningLevel {
  return usage >= w.red ? 'red' : usage >= w.yellow ? 'yellow' : 'ok';
}

/**
 * Insured-place provinces ranked for the province choice: highest peak usage first, then more red
 * warnings, then the larger opening prepayment, then the lower index. The first is the default.
 */
export function rankProvinces(summaries: readonly ProvinceSummary[]): number[] {
  return [...summaries]
    .sort(
      (a, b) =>
        b.peakUsage - a.peakUsage ||
        b.redWarnings - a.redWarnings ||
        b.openingPrepaymentFen - a.openingPrepaymentFen ||
        a.province - b.province,
    )
    .map((s) => s.province);
}

/** The province a first view shows: the one with the highest peak usage (−1 when there are none). */
export function defaultProvince(summaries: readonly ProvinceSummary[]): number {
  return rankProvinces(summaries)[0] ?? -1;
}

/** What the Monte Carlo says about one province at one confidence. */
export interface NeededPrepayment {
  province: number;
  confidence: number;
  /** Smallest fixed prepayment with P(no red warning) ≥ confidence (0: no cross-province claims). */
  neededFen: number;
  /** Mean opening prepayment the scenario's sizing rule gave across replications, whole fen. */
  sizedFen: number;
  /** needed ÷ sized (NaN when the rule sized nothing). */
  ratio: number;
  /** P(red) in the replications' own runs (sized by the rule, re-sized, with top-ups). */
  redProbability: number;
  /** P(red) if the province held the sized amount fixed for the whole run. */
  redProbabilityAtSized: number;
  /** P(red) at the needed amount (≤ 1 − confidence). */
  redProbabilityAtNeeded: number;
}

/** C5, C6: the needed prepayment of every province of `mc` at `confidence`, beside the rule's size. */
export function neededAtConfidence(mc: MonteCarloResult, confidence: number): NeededPrepayment[] {
  return mc.provinceResults.map((p) => {
    const neededFen = prepaymentAtConfidence(p, confidence);
    const sizedFen = Math.round(p.sizedPrepaymentMeanFen);
    return {
      province: p.province,
      confidence,
      neededFen,
      sizedFen,
      ratio: sizedFen > 0 ? neededFen / sizedFen : NaN,
      redProbability: p.redProbability,
      redProbabilityAtSized: redProbabilityAt(p, sizedFen),
      redProbabilityAtNeeded: redProbabilityAt(p, neededFen),
    };
  });
}

/** One province's band of peak usage across the replications. */
export interface PeakBand {
  province: number;
  /** Lowest, highest and median peak usage across replications (finite values; Infinity kept). */
  low: number;
  median: number;
  high: number;
  /** The quantiles the band is drawn between, e.g. 0.05 and 0.95. */
  lowQuantile: number;
  highQuantile: number;
  mean: number;
}

/**
 * Band data from a Monte Carlo result: for every province the lowest and highest of its reported
 * quantiles of peak usage and the one closest to the median. Needs at least one quantile.
 */
export function peakBands(mc: MonteCarloResult): PeakBand[] {
  const q = mc.quantiles;
  if (q.length === 0) throw new RangeError('quantiles: expected at least one');
  let lo = 0;
  let hi = 0;
  let mid = 0;
  q.forEach((v, k) => {
    if (v < q[lo]!) lo = k;
    if (v > q[hi]!) hi = k;
    if (Math.abs(v - 0.5) < Math.abs(q[mid]! - 0.5)) mid = k;
  });
  return mc.provinceResults.map((p) => ({
    province: p.province,
    low: p.peakUsageQuantiles[lo]!,
    median: p.peakUsageQuantiles[mid]!,
    high: p.peakUsageQuantiles[hi]!,
    lowQuantile: q[lo]!,
    highQuantile: q[hi]!,
    mean: p.peakUsageMean,
  }));
}

/** A point of the red-warning curve: at a fixed prepayment of `prepaymentFen` and above (until the next point), P(red) is `probability`. */
export interface RedCurvePoint {
  prepaymentFen: number;
  probability: number;
}

/**
 * C6: P(red warning) of province `p` as a step function of a fixed prepayment X, from its critical
 * sizes: the first point is X = 0; after each critical size K the probability drops to the share of
 * replications whose K is larger. Agrees with `redProbabilityAt` just above every point.
 */
export function redCurve(p: ProvinceMonteCarlo): RedCurvePoint[] {
  const R = p.criticalFen.length;
  if (R === 0) return [{ prepaymentFen: 0, probability: 0 }];
  const ks = Float64Array.from(p.criticalFen)
    .filter((k) => k > 0)
    .sort();
  const points: RedCurvePoint[] = [{ prepaymentFen: 0, probability: ks.length / R }];
  ks.forEach((k, i) => {
    if (ks[i + 1] === k) return;
    points.push({ prepaymentFen: k, probability: (ks.length - i - 1) / R });
  });
  return points;
}

/** Compares two table values for sorting: numbers numerically (NaN last), texts by `localeCompare`. */
export function compareValues(a: number | string, b: number | string, lang: string): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return a === b ? 0 : a < b ? -1 : 1;
  }
  return String(a).localeCompare(String(b), lang);
}

/**
 * Rows sorted by `key`, descending when `descending`; rows with NaN stay last either way, and ties
 * keep their order.
 */
export function sortRows<R extends Record<string, number | string>>(
  rows: readonly R[],
  key: keyof R & string,
  descending: boolean,
  lang = 'en',
): R[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row[key]!;
      const b = y.row[key]!;
      const nanA = typeof a === 'number' && Number.isNaN(a);
      const nanB = typeof b === 'number' && Number.isNaN(b);
      if (nanA || nanB) return nanA === nanB ? x.i - y.i : nanA ? 1 : -1;
      const c = compareValues(a, b, lang);
      return (descending ? -c : c) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** Average days in a month, for turning days into months in words. */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * C5, C7: about how many months of claims are outstanding just before a clearing period's money
 * arrives: the period's own length (a calendar month, or N days) plus the lag after it closes.
 * On steady flows, usage peaks near this ÷ the months a `months-of-average` rule holds.
 */
export function outstandingMonthsAtPeak(calendar: ClearingCalendar): number {
  const period = calendar.cycle === 'monthly' ? 1 : calendar.cycle.days / DAYS_PER_MONTH;
  return period + settlementLagDays(calendar) / DAYS_PER_MONTH;
}
