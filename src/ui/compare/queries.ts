/**
 * The SQL behind every comparison chart (比较查询): each query reads the runs' DuckDB tables
 * (`<prefix>_monthly`, `<prefix>_flows`, `<prefix>_beneficiaries`, `<prefix>_clearing_positions`)
 * side by side, one `scenario` column naming the run, and is also the query of the chart's CSV download.
 */
import { quoteIdent, quoteText } from '../../analytics/connector';
import { GEOGRAPHIES } from '../../runtime/summary';
import { PERMITTED_USES } from '../../rules/types';

/** One run as the queries see it: the label of its rows and the prefix of its tables. */
export interface RunRef {
  /** Scenario id shown in the rows (unique among the runs compared). */
  id: string;
  tablePrefix: string;
}

/** A province as the per-person and position queries need it: index, code, names and insured persons. */
export interface ProvinceRef {
  index: number;
  code: string;
  nameZh: string;
  nameEn: string;
  insured: number;
}

const table = (run: RunRef, name: string): string => quoteIdent(`${run.tablePrefix}_${name}`);
const union = (parts: string[]): string => parts.join('\nUNION ALL\n');
const snake = (text: string): string => text.replace(/-/g, '_');

/** Monthly fen and person-times by use (summed over the geographies): scenario, month, use, amount_fen, person_times. */
export function monthlyByUseSql(runs: readonly RunRef[]): string {
  const parts = runs.flatMap((run) =>
    PERMITTED_USES.map((use) => {
      const sum = (kind: 'fen' | 'times') =>
        GEOGRAPHIES.map((g) => `${kind}_${snake(g)}_${snake(use)}`).join(' + ');
      return `SELECT ${quoteText(run.id)} AS scenario, month, ${quoteText(use)} AS use, (${sum('fen')})::DOUBLE AS amount_fen, (${sum('times')})::DOUBLE AS person_times FROM ${table(run, 'monthly')}`;
    }),
  );
  return `${union(parts)}\nORDER BY scenario, use, month`;
}

/** Monthly fen and person-times by geography (summed over the uses): scenario, month, geography, amount_fen, person_times. */
export function monthlyByGeographySql(runs: readonly RunRef[]): string {
  const parts = runs.flatMap((run) =>
    GEOGRAPHIES.map((g) => {
      const sum = (kind: 'fen' | 'times') =>
        PERMITTED_USES.map((use) => `${kind}_${snake(g)}_${snake(use)}`).join(' + ');
      return `SELECT ${quoteText(run.id)} AS scenario, month, ${quoteText(g)} AS geography, (${sum('fen')})::DOUBLE AS amount_fen, (${sum('times')})::DOUBLE AS person_times FROM ${table(run, 'monthly')}`;
    }),
  );
  return `${union(parts)}\nORDER BY scenario, geography, month`;
}

/**
 * Fen and person-times by calendar year and geography (summed over uses and months), the years of a
 * projection side by side: scenario, year, geography, amount_fen, person_times.
 */
export function yearlyByGeographySql(runs: readonly RunRef[]): string {
  return `SELECT scenario, substr(month, 1, 4) AS year, geography, sum(amount_fen)::DOUBLE AS amount_fen, sum(person_times)::DOUBLE AS person_times
FROM (${monthlyByGeographySql(runs).replace(/\nORDER BY[^\n]*$/, '')})
GROUP BY scenario, year, geography
ORDER BY scenario, geography, year`;
}

/** The provinces as an inline table `p(idx, code, name_zh, name_en, insured)`. */
function provincesCte(provinces: readonly ProvinceRef[]): string {
  const rows = provinces.map(
    (p) => `(${p.index}, ${quoteText(p.code)}, ${quoteText(p.nameZh)}, ${quoteText(p.nameEn)}, ${p.insured})`,
  );
  return `p(idx, code, name_zh, name_en, insured) AS (VALUES ${rows.join(', ')})`;
}

/**
 * Per province and run, the net clearing position over the window (received − paid; positive: a net
 * creditor) and the fen shared by sharers insured there, per insured person in yuan rounded to the
 * fen (two decimals): scenario, province (GB code), province_name_zh, province_name_en, net_fen,
 * shared_fen, insured, shared_per_insured_yuan.
 */
export function provinceSql(runs: readonly RunRef[], provinces: readonly ProvinceRef[]): string {
  const parts = runs.map(
    (
      run,
    ) => `SELECT ${quoteText(run.id)} AS scenario, p.code AS province, p.name_zh AS province_name_zh, p.name_en AS province_name_en,
  coalesce(n.net_fen, 0)::DOUBLE AS net_fen, coalesce(s.shared_fen, 0)::DOUBLE AS shared_fen, p.insured::DOUBLE AS insured,
  round(coalesce(s.shared_fen, 0) / 100 / p.insured, 2)::DOUBLE AS shared_per_insured_yuan
FROM p
LEFT JOIN (SELECT province, sum(net_fen) AS net_fen FROM ${table(run, 'clearing_positions')} GROUP BY province) n ON n.province = p.idx
LEFT JOIN (SELECT sharer_province, sum(amount_fen) AS shared_fen FROM ${table(run, 'flows')} GROUP BY sharer_province) s ON s.sharer_province = p.code`,
  );
  return `WITH ${provincesCte(provinces)}\n${union(parts)}\nORDER BY scenario, province`;
}

/**
 * Cross-province flows by (sharer province, treatment province) and run, each province by its GB
 * code and both names: scenario, sharer_province, sharer_province_name_zh, sharer_province_name_en,
 * treatment_province, treatment_province_name_zh, treatment_province_name_en, amount_fen,
 * person_times, largest first.
 */
export function corridorSql(runs: readonly RunRef[], provinces: readonly ProvinceRef[]): string {
  const parts = runs.map(
    (run) => `SELECT ${quoteText(run.id)} AS scenario, sharer_province, treatment_province,
  sum(amount_fen)::DOUBLE AS amount_fen, sum(count)::DOUBLE AS person_times
FROM ${table(run, 'flows')} WHERE sharer_province <> treatment_province
GROUP BY sharer_province, treatment_province`,
  );
  return `WITH ${provincesCte(provinces)}, c AS (${union(parts)})
SELECT c.scenario, c.sharer_province, s.name_zh AS sharer_province_name_zh, s.name_en AS sharer_province_name_en,
  c.treatment_province, t.name_zh AS treatment_province_name_zh, t.name_en AS treatment_province_name_en,
  c.amount_fen, c.person_times
FROM c JOIN p s ON s.code = c.sharer_province JOIN p t ON t.code = c.treatment_province
ORDER BY c.amount_fen DESC, c.scenario, c.sharer_province, c.treatment_province`;
}

/**
 * Who benefits, per run: beneficiaries and sharers at the window's end, relationships active then,
 * and the dormant balance put to use over the window (SUMMARY.sharedFen):
 * scenario, beneficiaries, sharers, active, shared_fen.
 */
export function beneficiariesSql(runs: readonly RunRef[]): string {
  const parts = runs.map(
    (run) => `SELECT ${quoteText(run.id)} AS scenario,
  arg_max(beneficiaries, month)::DOUBLE AS beneficiaries, arg_max(sharers, month)::DOUBLE AS sharers,
  arg_max(active, month)::DOUBLE AS active, sum(shared_fen)::DOUBLE AS shared_fen
FROM ${table(run, 'monthly')}`,
  );
  return union(parts);
}

/**
 * Payments from quotas over the window by the beneficiary's age band and scheme, per run (the
 * `beneficiaries` table): scenario, age_band, scheme, amount_fen, person_times.
 */
export function beneficiariesByAgeSql(runs: readonly RunRef[]): string {
  const parts = runs.map(
    (run) => `SELECT ${quoteText(run.id)} AS scenario, age_band, scheme,
  sum(amount_fen)::DOUBLE AS amount_fen, sum(person_times)::DOUBLE AS person_times
FROM ${table(run, 'beneficiaries')} GROUP BY age_band, scheme`,
  );
  return `${union(parts)}\nORDER BY scenario, age_band, scheme`;
}

/** Fen and person-times by use over the window, per run: scenario, use, amount_fen, person_times. */
export function byUseSql(runs: readonly RunRef[]): string {
  return `SELECT scenario, use, sum(amount_fen)::DOUBLE AS amount_fen, sum(person_times)::DOUBLE AS person_times
FROM (${monthlyByUseSql(runs)}) GROUP BY scenario, use ORDER BY scenario, use`;
}
