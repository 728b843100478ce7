/**
 * The migrant tables (流动人口数据表): `od-matrix.csv`, how many people of each province live in
 * each other one, and `corridors.csv`, the published origin → destination figures the matrix is
 * fitted to or checked against. Both are read against the provinces (tables.ts), with problems
 * recorded as every table's are.
 */
import { readTable } from './csv';
import type { DataProblem } from './dataError';
import { type Corridor, type CorridorMetric, DATA_FILES, type Province } from './dataset';
import { TableKeys } from './keys';

/** Parses `od-matrix.csv` (one row per origin, one column per destination) into a row-major matrix. */
export function parseOd(text: string, provinces: readonly Province[], problems: DataProblem[]): Float64Array {
  const file = DATA_FILES.od;
  const n = provinces.length;
  const od = new Float64Array(n * n);
  const codes = provinces.map((p) => p.code2);
  const table = readTable(file, text, ['origin', ...codes], problems);
  if (!table) return od;
  for (const h of table.header) {
    if (h !== 'origin' && !codes.includes(h)) {
      problems.push({ file, line: 1, column: h, message: `unknown province code "${h}"` });
    }
  }
  const keys = new TableKeys(file, 'origin', 'origin');
  for (const c of table.rows) {
    const origin = c.text('origin');
    const o = codes.indexOf(origin);
    if (o < 0) {
      c.problem('origin', `unknown province code "${origin}"`);
      continue;
    }
    keys.add(c, origin);
    for (let d = 0; d < n; d++) {
      const v = c.count(codes[d]!);
      if (o === d && v !== 0) c.problem(codes[d]!, 'must be 0: migrants between provinces only');
      od[o * n + d] = v;
    }
  }
  if (table.rows.length > 0) keys.requireAll(codes, problems);
  return od;
}

const CORRIDOR_COLUMNS = [
  'origin_code2',
  'dest_code2',
  'metric',
  'value',
  'year',
  'use',
  'reliability',
  'source',
] as const;
const METRICS: readonly CorridorMetric[] = ['count', 'lower-bound', 'upper-bound', 'share-pct', 'rank'];

/**
 * Parses `corridors.csv`, the published origin → destination figures: one row per origin,
 * destination, metric and year, and at least one `fit` count, which the matrix is fitted to.
 */
export function parseCorridors(
  text: string,
  provinces: readonly Province[],
  problems: DataProblem[],
): Corridor[] {
  const file = DATA_FILES.corridors;
  const table = readTable(file, text, CORRIDOR_COLUMNS, problems);
  if (!table) return [];
  const codes = new Set(provinces.map((p) => p.code2));
  const keys = new TableKeys(file, 'origin_code2', 'corridor');
  const out: Corridor[] = [];
  for (const c of table.rows) {
    const origin = c.text('origin_code2');
    const destination = c.text('dest_code2');
    if (!codes.has(origin)) c.problem('origin_code2', `unknown province code "${origin}"`);
    if (!codes.has(destination)) c.problem('dest_code2', `unknown province code "${destination}"`);
    if (origin === destination) c.problem('dest_code2', 'equals the origin');
    const metric = c.oneOf('metric', METRICS);
    const year = c.text('year');
    keys.add(c, `${origin}→${destination} ${metric} ${year}`);
    out.push({
      origin,
      destination,
      metric,
      value: c.number('value', 0),
      year,
      use: c.oneOf('use', ['fit', 'check'] as const),
      reliability: c.oneOf('reliability', ['high', 'medium', 'low'] as const),
      source: c.text('source'),
    });
  }
  if (table.rows.length > 0 && !out.some((x) => x.use === 'fit' && x.metric === 'count')) {
    problems.push({
      file,
      line: 0,
      column: 'use',
      message: 'has no row with use "fit" and metric "count"; the migrant matrix is fitted to those',
    });
  }
  return out;
}
