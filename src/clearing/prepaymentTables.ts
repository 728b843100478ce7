/**
 * Column tables of the prepayment model (预付金测算结果表): the model's answer for the analytics layer
 * (DuckDB, Parquet or CSV), provinces by index and by code, months as run months with a `YYYY-MM`
 * column beside them, fen as whole numbers; and the whole-fen split of a province's needed size over
 * its treatment provinces.
 */
import type { RunCalendar } from './calendar';
import type { PrepaymentAnswer } from './prepaymentModel';
import { TableBuilder, type ColumnTable } from './tableBuilder';

/**
 * Whole-fen parts of `totalFen` in proportion to `shares` (largest remainder, ties to the lower
 * index), so that the parts add up to the total exactly.
 */
export function splitFen(totalFen: number, shares: ArrayLike<number>): Float64Array {
  const n = shares.length;
  const sum = Array.from(shares).reduce((a, b) => a + b, 0);
  const out = new Float64Array(n);
  if (sum <= 0) return out;
  // Stryker disable next-line EqualityOperator: a total of 0 gives parts of 0 either way
  if (totalFen <= 0) return out;
  const exact = Array.from(shares, (x) => (totalFen * x) / sum);
  let left = totalFen;
  for (let j = 0; j < n; j++) left -= out[j] = Math.floor(exact[j]!);
  // Largest remainder first; the sort is stable, so equal remainders stay in index order.
  const order = exact.map((x, j) => ({ j, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (let k = 0; k < left; k++) out[order[k % n]!.j] = out[order[k % n]!.j]! + 1;
  return out;
}

/**
 * The prepayment model as column tables, provinces named by index and by code (`provinceCodes`):
 * - `prepayment_rule`: per insured-place province, how the scenario's rule fares over the draws
 *   (P(red), P(yellow), mean warnings and top-ups, peak usage quantiles), and under
 *   `direct-settlement` the same for direct settlement alone (`ds_…`);
 * - `prepayment_needed`: per province, the needed prepayment at the confidence with its interval,
 *   the rule's opening size, and what sharing adds (no rows when the confidence is not resolved);
 * - `prepayment_advance`: per pair, what province i advances to province j: its share of the needed
 *   size in whole fen (adding up to the province's needed size) beside the rule's opening size;
 * - `prepayment_month_usage`: per province and run month, the 5th, 50th and 95th percentile of the
 *   highest usage under the rule.
 */
export function prepaymentTables(
  a: PrepaymentAnswer,
  calendar: RunCalendar,
  provinceCodes: readonly string[],
): ColumnTable[] {
  const code = (i: number) => provinceCodes[i] ?? String(i);
  const ds = a.model === 'direct-settlement';
  const ruleSpec: Record<string, 'int' | 'float' | 'text'> = {
    province: 'int',
    province_code: 'text',
    rule_opening_fen: 'float',
    red_probability: 'float',
    yellow_probability: 'float',
    red_warnings_mean: 'float',
    top_ups_mean: 'float',
    top_up_fen_mean: 'float',
    peak_usage_p05: 'float',
    peak_usage_p50: 'float',
    peak_usage_p95: 'float',
  };
  if (ds)
    Object.assign(ruleSpec, {
      ds_rule_opening_fen: 'float',
      ds_red_probability: 'float',
      ds_yellow_probability: 'float',
      ds_peak_usage_p50: 'float',
    });
  const rule = new TableBuilder('prepayment_rule', ruleSpec);
  const neededSpec: Record<string, 'int' | 'float' | 'text'> = {
    province: 'int',
    province_code: 'text',
    confidence: 'float',
    needed_fen: 'float',
    needed_low_fen: 'float',
    needed_high_fen: 'float',
    rule_opening_fen: 'float',
  };
  if (ds)
    Object.assign(neededSpec, {
      ds_needed_fen: 'float',
      ds_needed_low_fen: 'float',
      ds_needed_high_fen: 'float',
      sharing_adds_fen: 'float',
    });
  const needed = new TableBuilder('prepayment_needed', neededSpec);
  const advance = new TableBuilder('prepayment_advance', {
    insured_province: 'int',
    insured_province_code: 'text',
    treatment_province: 'int',
    treatment_province_code: 'text',
    share: 'float',
    advance_fen: 'float',
    rule_opening_fen: 'float',
  });
  const usage = new TableBuilder('prepayment_month_usage', {
    province: 'int',
    province_code: 'text',
    month: 'int',
    month_text: 'text',
    usage_p05: 'float',
    usage_p50: 'float',
    usage_p95: 'float',
  });
  const texts = Array.from(
    calendar.year,
    (y, m) => `${y}-${String(calendar.monthOfYear[m]).padStart(2, '0')}`,
  );
  for (const p of a.provinces) {
    const id = { province: p.province, province_code: code(p.province) };
    const bg = p.directSettlementOnly;
    rule.row({
      ...id,
      rule_opening_fen: p.ruleOpeningFen,
      red_probability: p.rule.redProbability,
      yellow_probability: p.rule.yellowProbability,
      red_warnings_mean: p.rule.redWarningsMean,
      top_ups_mean: p.rule.topUpsMean,
      top_up_fen_mean: Math.round(p.rule.topUpFenMean),
      peak_usage_p05: p.rule.peakUsage.p05,
      peak_usage_p50: p.rule.peakUsage.p50,
      peak_usage_p95: p.rule.peakUsage.p95,
      ...(bg
        ? {
            ds_rule_opening_fen: bg.ruleOpeningFen,
            ds_red_probability: bg.rule.redProbability,
            ds_yellow_probability: bg.rule.yellowProbability,
            ds_peak_usage_p50: bg.rule.peakUsage.p50,
          }
        : {}),
    });
    for (let m = 0; m < calendar.months; m++) {
      usage.row({
        ...id,
        month: m,
        month_text: texts[m]!,
        usage_p05: p.rule.monthUsage.p05[m]!,
        usage_p50: p.rule.monthUsage.p50[m]!,
        usage_p95: p.rule.monthUsage.p95[m]!,
      });
    }
    if (!p.needed) continue;
    needed.row({
      ...id,
      confidence: a.confidence,
      needed_fen: p.needed.fen,
      needed_low_fen: p.needed.lowFen,
      needed_high_fen: p.needed.highFen,
      rule_opening_fen: p.ruleOpeningFen,
      ...(bg?.needed
        ? {
            ds_needed_fen: bg.needed.fen,
            ds_needed_low_fen: bg.needed.lowFen,
            ds_needed_high_fen: bg.needed.highFen,
            sharing_adds_fen: p.needed.fen - bg.needed.fen,
          }
        : {}),
    });
    const parts = splitFen(p.needed.fen, p.split);
    p.treatments.forEach((j, x) => {
      advance.row({
        insured_province: p.province,
        insured_province_code: code(p.province),
        treatment_province: j,
        treatment_province_code: code(j),
        share: p.split[x]!,
        advance_fen: parts[x]!,
        rule_opening_fen: p.openingFen[x]!,
      });
    });
  }
  return [rule, needed, advance, usage].map((b) => b.build());
}
