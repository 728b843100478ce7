/**
 * The comparison's data (比较结果数据): the rows of every chart queried from the runs' DuckDB tables
 * once, and every figure's change against the baseline; sections.ts draws them (and redraws them in
 * the other language).
 */
import type { Connector } from '../../analytics/connector';
import { queryRows, type Row } from '../../analytics/query';
import type { Dataset } from '../../population/dataset';
import type { Scenario } from '../../scenario';
import { type ChangeComparison, changeComparison } from './changeTable';
import * as Q from './queries';
import type { ShownRun } from './tables';

/** The queries of a comparison. */
type ChartKey =
  'byUse' | 'byGeography' | 'byYear' | 'provinces' | 'corridors' | 'benefits' | 'byAge' | 'useTotals';

/** Everything the sections draw, queried once per comparison. */
export interface ComparisonData {
  runs: ShownRun[];
  scenarios: Scenario[];
  refs: Q.RunRef[];
  sql: Record<ChartKey, string>;
  rows: Record<ChartKey, Row[]>;
  scaleK: number;
  /** Replications of every run. */
  replications: number;
  /** Every figure's change against the baseline (one of `runs`), paired at the runs' one seed. */
  change: ChangeComparison;
}

/**
 * The provinces with their insured persons, estimated as residents (2020 census) times the national
 * insured share (employee + resident insured over the resident population, from the dataset's targets).
 */
export function provinceRefs(dataset: Dataset): Q.ProvinceRef[] {
  const target = (name: string): number => dataset.targets.find((t) => t.name === name)?.value ?? 0;
  const residents = target('population/total') || dataset.provinces.reduce((s, p) => s + p.population, 0);
  const insured = target('employee-insured') + target('resident-insured');
  const share = insured > 0 ? insured / residents : 1;
  return dataset.provinces.map((p, index) => ({
    index,
    code: p.code2,
    nameZh: p.nameZhShort,
    nameEn: p.nameEn,
    insured: Math.round(p.population * share),
  }));
}

/** Queries every chart's rows for `runs`, and measures each run's change against `compare.baseline`. */
export async function loadComparison(
  db: Connector,
  runs: ShownRun[],
  dataset: Dataset,
  scaleK: number,
  compare: { baseline: string; replications: number },
): Promise<ComparisonData> {
  const refs = runs.map((r) => ({ id: r.id, tablePrefix: r.run.tablePrefix }));
  const provinces = provinceRefs(dataset);
  const sql = {
    byUse: Q.monthlyByUseSql(refs),
    byGeography: Q.monthlyByGeographySql(refs),
    byYear: Q.yearlyByGeographySql(refs),
    provinces: Q.provinceSql(refs, provinces),
    corridors: Q.corridorSql(refs, provinces),
    benefits: Q.beneficiariesSql(refs),
    byAge: Q.beneficiariesByAgeSql(refs),
    useTotals: Q.byUseSql(refs),
  };
  const rows = {} as ComparisonData['rows'];
  for (const [key, text] of Object.entries(sql) as [keyof typeof sql, string][]) {
    rows[key] = (await queryRows(db, text)).rows;
  }
  const change = changeComparison(
    runs.map((r) => ({ id: r.id, seed: r.run.request.scenario.seed, figures: r.run.run })),
    compare.baseline,
    { scaleK },
  );
  return {
    runs,
    scenarios: runs.map((r) => r.run.request.scenario),
    refs,
    sql,
    rows,
    scaleK,
    replications: compare.replications,
    change,
  };
}
