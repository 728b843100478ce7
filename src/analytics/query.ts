/**
 * Query results as plain values (查询结果): rows of numbers, strings and booleans for tables and
 * charts, or columns in the column-table shape. 64-bit integers become numbers when they are exact;
 * types that have no plain JavaScript value (decimals, HUGEINT from `sum(BIGINT)`, dates) are
 * refused with the column named, so the SQL can cast them (`::DOUBLE`, `::INTEGER`).
 */
import { DataType, type Field, type Table, type Vector } from 'apache-arrow';
import type { Column } from './columns';
import type { Connector } from './connector';

/** One plain value of a result. */
export type Value = number | string | boolean | null;

/** One result row by column name. */
export type Row = Record<string, Value>;

/** A result as rows, with the column names in their SQL order. */
export interface Rows {
  names: string[];
  rows: Row[];
}

/** Converts one raw Arrow value of `field` to a plain value; throws naming the column if it cannot. */
function plainValue(raw: unknown, field: Field): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'bigint') {
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) {
      throw new RangeError(`column "${field.name}": ${raw} is beyond 2^53 and has no exact number value`);
    }
    return n;
  }
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  throw new TypeError(
    `column "${field.name}" has type ${String(field.type)}: cast it in SQL (e.g. ::DOUBLE)`,
  );
}

/** Refuses the types whose values are not plain numbers, strings or booleans. */
function checkPlainType(field: Field): void {
  const t = field.type;
  if (
    DataType.isInt(t) ||
    DataType.isFloat(t) ||
    DataType.isUtf8(t) ||
    DataType.isBool(t) ||
    DataType.isNull(t)
  ) {
    return;
  }
  throw new TypeError(
    `column "${field.name}" has type ${String(t)}: cast it in SQL (e.g. ::DOUBLE, ::VARCHAR)`,
  );
}

/** Every column of `table` with its field, refusing types without plain values. */
function columnsOf(table: Table): { field: Field; vector: Vector }[] {
  return table.schema.fields.map((field, k) => {
    checkPlainType(field);
    const vector = table.getChildAt(k);
    if (!vector) throw new Error(`column "${field.name}" is missing from the result`);
    return { field, vector };
  });
}

/** An Arrow result as rows of plain values. */
export function tableRows(table: Table): Rows {
  const cols = columnsOf(table);
  const rows: Row[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (const { field, vector } of cols) row[field.name] = plainValue(vector.get(i), field);
    rows.push(row);
  }
  return { names: cols.map((c) => c.field.name), rows };
}

/** Runs `sql` and returns its rows as plain values. */
export async function queryRows(conn: Connector, sql: string): Promise<Rows> {
  return tableRows(await conn.query(sql));
}

/** One Arrow column in the column-table shape; throws naming the column for nulls or unsupported types. */
function plainColumn(field: Field, vector: Vector): Column {
  if (vector.nullCount > 0) throw new TypeError(`column "${field.name}" has ${vector.nullCount} nulls`);
  const t = field.type;
  const n = vector.length;
  if (DataType.isUtf8(t)) {
    const out: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = vector.get(i) as string;
    return out;
  }
  if (DataType.isInt(t) && t.bitWidth === 32)
    return t.isSigned ? Int32Array.from(vector) : Uint32Array.from(vector);
  if (DataType.isInt(t) && t.bitWidth === 8 && !t.isSigned) return Uint8Array.from(vector);
  if (DataType.isBool(t)) return Uint8Array.from(vector, (b) => (b ? 1 : 0));
  if (DataType.isInt(t) || DataType.isFloat(t)) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = plainValue(vector.get(i), field) as number;
    return out;
  }
  throw new TypeError(`column "${field.name}" has type ${String(t)}: cast it in SQL (e.g. ::DOUBLE)`);
}

/**
 * Runs `sql` and returns its result as columns of the column-table shape: 32-bit and unsigned 8-bit
 * integers keep their type, booleans become 0/1 bytes, other numbers become doubles (64-bit integers
 * only when exact), texts string arrays. Nulls are refused with the column named.
 */
export async function queryColumns(conn: Connector, sql: string): Promise<Record<string, Column>> {
  const table = await conn.query(sql);
  const out: Record<string, Column> = {};
  for (const { field, vector } of columnsOf(table)) out[field.name] = plainColumn(field, vector);
  return out;
}
