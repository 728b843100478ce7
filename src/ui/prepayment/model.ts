/**
 * The numbers of the Prepayment workspace (预付金工作区), as pure functions of a run's clearing and
 * prepayment model: which province to show first, the rows of the province table, the red-warning
 * probability as a function of a fixed prepayment, and the warning level that colours a row. No
 * DOM, no database.
 */
import { peakOutstanding, peakWeights, runCalendar } from '../../clearing/calendar';
import type { ClearingCalendar, WarningParameters } from '../../clearing/parameters';
import type { PrepaymentAnswer, ProvinceAnswer } from '../../clearing/prepaymentModel';
import type { ProvinceSummary } from '../../clearing/run';

/** Confidences offered for the needed prepayment (P(no red warning in the year)). */
export const CONFIDENCES = [0.9, 0.95, 0.99] as const;

/** Colour class of a usage rate against the warning lines: `red` at or above red, `yellow` at or above yellow. */
export type WarningLevel = 'ok' | 'yellow' | 'red';

/** The warning level a usage rate reaches (C6). */
export function warningLevel(usage: number, w: Pick<WarningParameters, 'yellow' | 'red'>): WarningLevel {
  return usage >= w.red ? 'red' : usage >= w.yellow ? 'yellow' : 'ok';
}

/**
 * Insured-place provinces ranked for the province choice: the largest prepayment first (the needed
 * size, or the rule's opening size when the confidence is not resolved), then the one more likely
 * to see a red warning under the rule, then the lower index. The first is the default.
 */
export function rankProvinces(answer: PrepaymentAnswer): number[] {
  const size = (p: ProvinceAnswer) => p.needed?.fen ?? p.ruleOpeningFen;
  return answer.provinces
    .map((p) => p.province)
    .sort((a, b) => {
      const pa = answer.provinces[a]!;
      const pb = answer.provinces[b]!;
      return size(pb) - size(pa) || pb.rule.redProbability - pa.rule.redProbability || a - b;
    });
}

/** One row of the province table: plain numbers (NaN where a figure is missing) for sorting and CSV. */
export interface ProvinceFigures extends Record<string, number> {
  province: number;
  /** The rule's opening size (the base of "× the rule"). */
  rule_opening_fen: number;
  needed_fen: number;
  needed_low_fen: number;
  needed_high_fen: number;
  /** needed ÷ the rule's opening size. */
  times_rule: number;
  red_probability: number;
  yellow_probability: number;
  red_warnings_mean: number;
  peak_usage_p50: number;
  /** The expected year under the rule: its peak usage and red warnings. */
  expected_peak_usage: number;
  expected_red_warnings: number;
  /** Under `direct-settlement`: what sharing adds to the needed size (NaN otherwise). */
  sharing_adds_fen: number;
}

/** The figures of one province. */
export function provinceFigures(p: ProvinceAnswer, summary: ProvinceSummary | undefined): ProvinceFigures {
  const n = p.needed;
  const bg = p.directSettlementOnly?.needed;
  return {
    province: p.province,
    rule_opening_fen: p.ruleOpeningFen,
    needed_fen: n?.fen ?? NaN,
    needed_low_fen: n?.lowFen ?? NaN,
    needed_high_fen: n?.highFen ?? NaN,
    times_rule: n && p.ruleOpeningFen > 0 ? n.fen / p.ruleOpeningFen : NaN,
    red_probability: p.rule.redProbability,
    yellow_probability: p.rule.yellowProbability,
    red_warnings_mean: p.rule.redWarningsMean,
    peak_usage_p50: p.rule.peakUsage.p50,
    expected_peak_usage: summary?.peakUsage ?? 0,
    expected_red_warnings: summary?.redWarnings ?? 0,
    sharing_adds_fen: n && bg ? n.fen - bg.fen : NaN,
  };
}

/** A point of the red-warning curve: at a fixed prepayment of `prepaymentFen` and above (until the next point), P(red) is `probability`. */
export interface RedCurvePoint {
  prepaymentFen: number;
  probability: number;
}

/**
 * C6: P(red warning in the year) of a province as a step function of a fixed prepayment X, from the
 * critical sizes of its draws: the first point is X = 0; after each critical size K the probability
 * drops to the share of draws whose K is larger.
 */
export function redCurve(criticalFen: ArrayLike<number>): RedCurvePoint[] {
  const R = criticalFen.length;
  if (R === 0) return [{ prepaymentFen: 0, probability: 0 }];
  const ks = Float64Array.from(criticalFen)
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

/**
 * C5, C7: how many months of claims are outstanding at the peak on steady flows: the month whose
 * providers have all been paid, plus whatever of the next months is paid out before clearing
 * repays it (the same calendar arithmetic the model uses, over a year of equal months). With a
 * `months-of-average` rule, steady flows peak near this ÷ its months.
 */
export function outstandingMonthsAtPeak(calendar: ClearingCalendar, start = '2026-01'): number {
  const cal = runCalendar(start, 12, calendar);
  return peakOutstanding(peakWeights(cal), new Float64Array(12).fill(1));
}
