/**
 * Tables as they leave the workbench (导出表): every CSV and Parquet file names places and money the
 * same way.
 *
 * - A province column (`province` or `…_province`) holds the province's two-digit GB code (GB/T 2260,
 *   `'11'` for Beijing) as text, never an index, and is followed by `…_name_zh` and `…_name_en`
 *   (北京 / Beijing). A `…_code` column beside an index column is folded into it.
 * - A pooling-area column (`pooling_area`, `…_area`) holds the six-digit division code.
 * - A money column (its name has `fen` as a word: `amount_fen`, `fen_cross_province_medical`,
 *   `top_up_fen_mean`) holds whole fen: amounts are whole already, and a derived amount is rounded
 *   half away from zero ({@link wholeFen}). A column in yuan says so (`…_yuan`) and is rounded to
 *   the fen (two decimals) by the query that makes it.
 *
 * {@link exportTable} applies this to a column table (the run tables, for Parquet and the command
 * line), {@link exportRows} to rows built in the page (the Prepayment and Validation downloads).
 */
import type { Dataset } from '../population/dataset';
import { type ColumnTable, columnTexts, isCodedTexts, type TableColumn } from './columns';
import type { Rows, Value } from './query';

/** The names of the places, by index: provinces with their code and two names, pooling-area codes. */
export interface PlaceNames {
  provinces: readonly { code: string; nameZh: string; nameEn: string }[];
  areaCodes: readonly string[];
}

/** The place names of a dataset (short Chinese province names, as the pages show them). */
export function placeNames(dataset: Pick<Dataset, 'provinces' | 'poolingAreas'>): PlaceNames {
  return {
    provinces: dataset.provinces.map((p) => ({
      code: p.code2,
      nameZh: p.nameZhShort || p.nameZh,
      nameEn: p.nameEn,
    })),
    areaCodes: dataset.poolingAreas.map((a) => a.code),
  };
}

/** True for a column that names a province: `province` or `<role>_province`. */
export function isProvinceColumn(name: string): boolean {
  return name === 'province' || name.endsWith('_province');
}

/** True for a column of money in fen: `fen` is one of the words of its name. */
export function isFenColumn(name: string): boolean {
  return /(^|_)fen(_|$)/.test(name);
}

/**
 * An amount in fen as a whole number of fen, rounded half away from zero (2.5 → 3, −2.5 → −3);
 * a whole amount stays as it is, and a value that is no number (NaN, ∞) is left as it is.
 */
export function wholeFen(fen: number): number {
  if (!Number.isFinite(fen) || Number.isInteger(fen)) return fen;
  return Math.sign(fen) * Math.round(Math.abs(fen));
}

/** The row's province name columns beside `name` (`name_zh`, `name_en`). */
const nameColumns = (name: string) => [`${name}_name_zh`, `${name}_name_en`] as const;

/** A province column as province indexes, from indexes or from codes; throws naming the column. */
function provinceIndexes(table: string, name: string, column: TableColumn, places: PlaceNames): Int32Array {
  const count = places.provinces.length;
  if (Array.isArray(column) || isCodedTexts(column)) {
    const byCode = new Map(places.provinces.map((p, i) => [p.code, i]));
    return Int32Array.from(columnTexts(column), (code) => {
      const i = byCode.get(code);
      if (i === undefined) throw new RangeError(`${table}.${name}: no province has the code "${code}"`);
      return i;
    });
  }
  return Int32Array.from(column as ArrayLike<number>, (i) => {
    if (!Number.isInteger(i) || i < 0 || i >= count)
      throw new RangeError(`${table}.${name}: no province has the index ${i}`);
    return i;
  });
}

/** True when `name` is a `…_code` column that only repeats the codes of the index column before it. */
function isFoldedCode(name: string, columns: Readonly<Record<string, TableColumn>>): boolean {
  if (!name.endsWith('_code')) return false;
  const base = name.slice(0, -'_code'.length);
  return base in columns && (isProvinceColumn(base) || base === 'pooling_area');
}

/** `table` with its places named by code (and provinces by name) and its money in whole fen. */
export function exportTable(table: ColumnTable, places: PlaceNames): ColumnTable {
  const codes = places.provinces.map((p) => p.code);
  const zh = places.provinces.map((p) => p.nameZh);
  const en = places.provinces.map((p) => p.nameEn);
  const columns: Record<string, TableColumn> = {};
  for (const [name, column] of Object.entries(table.columns)) {
    if (isFoldedCode(name, table.columns)) continue;
    if (isProvinceColumn(name)) {
      const index = provinceIndexes(table.name, name, column, places);
      const [nameZh, nameEn] = nameColumns(name);
      // Each column its own copy of the keys: Arrow streams of dictionary columns that share one
      // key buffer do not load into DuckDB.
      columns[name] = { codes: index, texts: codes };
      columns[nameZh] = { codes: index.slice(), texts: zh };
      columns[nameEn] = { codes: index.slice(), texts: en };
    } else if (name === 'pooling_area' && !Array.isArray(column) && !isCodedTexts(column)) {
      columns[name] = { codes: Int32Array.from(column as ArrayLike<number>), texts: places.areaCodes };
    } else if (isFenColumn(name) && column instanceof Float64Array) {
      columns[name] = column.map(wholeFen);
    } else columns[name] = column;
  }
  return { name: table.name, columns };
}

/**
 * Rows made in the page, named and rounded as {@link exportTable} does: a province column (code or
 * index) becomes the code with both names after it, a money column whole fen; nulls stay null.
 */
export function exportRows({ names, rows }: Rows, places: PlaceNames): Rows {
  const byCode = new Map(places.provinces.map((p) => [p.code, p]));
  const province = (v: Value) =>
    typeof v === 'number' ? places.provinces[v] : v === null ? undefined : byCode.get(String(v));
  const outNames = names
    .filter(
      (n) => !(n.endsWith('_code') && isProvinceColumn(n.slice(0, -5)) && names.includes(n.slice(0, -5))),
    )
    .flatMap((n) => (isProvinceColumn(n) ? [n, ...nameColumns(n)] : [n]));
  const outRows = rows.map((row) => {
    const out: Record<string, Value> = {};
    for (const n of names) {
      const v = row[n] ?? null;
      if (isProvinceColumn(n)) {
        const p = province(v);
        if (v !== null && !p) throw new RangeError(`${n}: no province "${String(v)}"`);
        const [nameZh, nameEn] = nameColumns(n);
        out[n] = p?.code ?? null;
        out[nameZh] = p?.nameZh ?? null;
        out[nameEn] = p?.nameEn ?? null;
      } else if (isFenColumn(n) && typeof v === 'number') out[n] = wholeFen(v);
      else out[n] = v;
    }
    return out;
  });
  return { names: outNames, rows: outRows };
}
