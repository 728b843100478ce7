/**
 * The Prepayment workspace's data (预付金数据): the daily usage of every insured-place province's
 * prepayments in the expected year as one small column table for DuckDB, and the SQL of the charts
 * that read the run's clearing tables (`<prefix>_prepayment_usage`, `_prepayment_events`,
 * `_clearing_settlement`). The same SQL feeds the chart and its CSV download. The prepayment
 * model's figures come from the run in memory (they follow the chosen confidence).
 */
import type { ColumnTable } from '../../analytics/columns';
import { quoteIdent } from '../../analytics/connector';
import type { RunCalendar } from '../../clearing/calendar';
import type { ClearingResult } from '../../clearing/run';

/** Name (without the run prefix) of the table {@link provinceDailyTable} builds. */
export const PROVINCE_DAILY = 'prepayment_province_daily';

/** `YYYY-MM-DD` of day `day` of a run calendar (day 0 is the first day of its first month). */
export function dayText(calendar: Pick<RunCalendar, 'start'>, day: number): string {
  const [y, m] = calendar.start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1 + day)).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` text as a UTC date, for chart axes. */
export function dateOf(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}

/**
 * `prepayment_province_daily`: per insured-place province and tracked day, the usage of its worst
 * prepayment (the highest usage any of its prepayments reached that day, the rate warnings look
 * at), and of all its prepayments together (outstanding ÷ prepayment standing at the end of the day).
 */
export function provinceDailyTable(r: ClearingResult): ColumnTable {
  const days = r.calendar.horizonDays;
  const P = r.provinces;
  const worst = new Float64Array(P * days);
  const outstanding = new Float64Array(P * days);
  const prepayment = new Float64Array(P * days);
  const has = new Uint8Array(P);
  for (const p of r.prepayments) {
    has[p.insured] = 1;
    const at = p.insured * days;
    for (let d = 0; d < days; d++) {
      worst[at + d] = Math.max(worst[at + d]!, p.reachedUsage[d]!);
      outstanding[at + d]! += p.outstandingFen[d]!;
      prepayment[at + d]! += p.prepaymentFen[d]!;
    }
  }
  const provinces = [...has.keys()].filter((i) => has[i] === 1);
  const n = provinces.length * days;
  const texts = Array.from({ length: days }, (_, d) => dayText(r.calendar, d));
  const col = {
    day: new Int32Array(n),
    date: new Array<string>(n),
    insured_province: new Int32Array(n),
    worst_usage: new Float64Array(n),
    usage: new Float64Array(n),
    outstanding_fen: new Float64Array(n),
    prepayment_fen: new Float64Array(n),
  };
  provinces.forEach((i, k) => {
    for (let d = 0; d < days; d++) {
      const row = k * days + d;
      const from = i * days + d;
      const out = outstanding[from]!;
      const pre = prepayment[from]!;
      col.day[row] = d;
      col.date[row] = texts[d]!;
      col.insured_province[row] = i;
      col.worst_usage[row] = worst[from]!;
      col.usage[row] = pre > 0 ? out / pre : out > 0 ? Infinity : 0;
      col.outstanding_fen[row] = out;
      col.prepayment_fen[row] = pre;
    }
  });
  return { name: PROVINCE_DAILY, columns: col };
}

/** A run's table name with its prefix, quoted for SQL. */
export function tableName(prefix: string, name: string): string {
  return quoteIdent(`${prefix}_${name}`);
}

/** SQL of the usage chart of province `province`: one row per tracked day. */
export function usageSql(prefix: string, province: number): string {
  return `SELECT day, date, worst_usage, usage, outstanding_fen, prepayment_fen
FROM ${tableName(prefix, PROVINCE_DAILY)} WHERE insured_province = ${province} ORDER BY day`;
}

/** Name (without the run prefix) of the clearing's per-pair daily table (`clearingTables(…, { daily: true })`). */
export const PAIR_DAILY = 'prepayment_usage_daily';

/**
 * SQL of the usage chart of one prepayment (insured `province` → `treatment`), in the columns of
 * {@link usageSql}: `worst_usage` is the usage the day reached (before its top-up), `usage` the
 * usage after it.
 */
export function pairUsageSql(prefix: string, province: number, treatment: number): string {
  return `SELECT day, reached_usage AS worst_usage,
  CASE WHEN prepayment_fen > 0 THEN outstanding_fen / prepayment_fen WHEN outstanding_fen > 0 THEN 'Infinity'::DOUBLE ELSE 0 END AS usage,
  outstanding_fen, prepayment_fen
FROM ${tableName(prefix, PAIR_DAILY)} WHERE insured_province = ${province} AND treatment_province = ${treatment}
ORDER BY day`;
}

/**
 * SQL of the timeline of province `province`: its prepayments' re-sizings, warnings and top-ups
 * (only those of its prepayment in `treatment` when given).
 */
export function eventsSql(prefix: string, province: number, treatment: number | null = null): string {
  const pair = treatment === null ? '' : ` AND treatment_province = ${treatment}`;
  return `SELECT day, month, treatment_province, kind, usage, amount_fen
FROM ${tableName(prefix, 'prepayment_events')} WHERE insured_province = ${province}${pair}
ORDER BY day, treatment_province, kind`;
}

/**
 * SQL of the monthly usage of province `province` (peak of its worst prepayment, all together at
 * month end), or of its one prepayment in `treatment` when given.
 */
export function monthlyUsageSql(prefix: string, province: number, treatment: number | null = null): string {
  const pair = treatment === null ? '' : ` AND treatment_province = ${treatment}`;
  return `SELECT month, month_text, max(peak_usage) AS worst_peak_usage,
  CASE WHEN sum(prepayment_fen) > 0 THEN sum(outstanding_fen) / sum(prepayment_fen) ELSE 0 END AS usage_month_end,
  sum(outstanding_fen) AS outstanding_fen, sum(prepayment_fen) AS prepayment_fen
FROM ${tableName(prefix, 'prepayment_usage')} WHERE insured_province = ${province}${pair}
GROUP BY month, month_text ORDER BY month`;
}

/** SQL of the cash chart: per month, gross and netted cash movement and what netting saves. */
export function cashSql(prefix: string): string {
  return `SELECT month, month_text, settlement, gross_fen, netted_fen, saved_fen, moved_fen
FROM ${tableName(prefix, 'clearing_settlement')} ORDER BY month`;
}

/** A money axis unit for `maxFen` in `lang`: 万元/亿元 in Chinese, million/billion yuan in English. */
export function moneyUnit(maxFen: number, lang: 'zh' | 'en'): { divisor: number; label: string } {
  if (lang === 'zh')
    return maxFen >= 1e10 ? { divisor: 1e10, label: '亿元' } : { divisor: 1e6, label: '万元' };
  return maxFen >= 1e11 ? { divisor: 1e11, label: 'billion yuan' } : { divisor: 1e8, label: 'million yuan' };
}
