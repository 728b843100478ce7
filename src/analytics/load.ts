/**
 * Loading column tables into the database (装载): each table goes in as Arrow IPC streams of at most
 * a million rows, into a scratch table that then takes the place of any table of the same name.
 * Numbers go as the typed arrays they are; texts go dictionary-encoded (coded texts as they are).
 */
import { Dictionary, Int32, makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { checkColumnTable, type ColumnTable, isCodedTexts, type TableColumn } from './columns';
import { type Connector, quoteIdent } from './connector';

/** Options of {@link loadTable}. */
export interface LoadOptions {
  /** Rows per Arrow IPC batch (default 1,000,000: fast, with a bounded memory peak). */
  chunkRows?: number;
}

/** Default rows per Arrow IPC batch. */
export const DEFAULT_CHUNK_ROWS = 1_000_000;

/**
 * Texts `start`..`end` as an Arrow UTF-8 vector, encoded straight into one byte buffer (Arrow's
 * generic builder takes seconds for a million strings; this takes a small fraction of that).
 */
function utf8Vector(values: readonly string[], start: number, end: number): Vector {
  const n = end - start;
  const offsets = new Int32Array(n + 1);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(Math.max(64, n * 8));
  let used = 0;
  for (let i = 0; i < n; i++) {
    const text = values[start + i]!;
    const worst = used + 3 * text.length;
    if (worst > bytes.length) {
      const grown = new Uint8Array(Math.max(worst, 2 * bytes.length));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
    }
    used += encoder.encodeInto(text, bytes.subarray(used)).written;
    offsets[i + 1] = used;
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length: n,
      nullCount: 0,
      valueOffsets: offsets,
      data: bytes.subarray(0, used),
    }),
  );
}

/** Rows with `keys` into `texts` as a dictionary-encoded Arrow vector; DuckDB reads it as VARCHAR. */
function dictionaryVector(keys: Int32Array, texts: readonly string[]): Vector {
  return makeVector(
    makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      length: keys.length,
      nullCount: 0,
      data: keys,
      dictionary: utf8Vector(texts, 0, texts.length),
    }),
  );
}

/**
 * Texts `start`..`end` dictionary-encoded: each distinct text once, and a 32-bit index per row. The
 * tables' texts are codes and names that repeat (a month, an area, a use), so this encodes and
 * ships a few hundred texts instead of one per row.
 */
function encodedTexts(values: readonly string[], start: number, end: number): Vector {
  const keys = new Int32Array(end - start);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const text = values[start + i]!;
    let key = index.get(text);
    if (key === undefined) {
      key = distinct.length;
      index.set(text, key);
      distinct.push(text);
    }
    keys[i] = key;
  }
  return dictionaryVector(keys, distinct);
}

/** Rows `start`..`end` of one column as an Arrow vector (typed arrays and codes are viewed, not copied). */
function vectorOf(values: TableColumn, start: number, end: number): Vector {
  // A stream with no rows carries no dictionary batch, which DuckDB refuses: plain texts then.
  if (Array.isArray(values))
    return end > start ? encodedTexts(values, start, end) : utf8Vector(values, start, end);
  if (isCodedTexts(values))
    return end > start
      ? dictionaryVector(values.codes.subarray(start, end), values.texts)
      : utf8Vector([], 0, 0);
  return makeVector(values.subarray(start, end));
}

/** Rows `start`..`end` of `table` as the bytes of one Arrow IPC stream. */
export function ipcChunk(table: ColumnTable, start: number, end: number): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [column, values] of Object.entries(table.columns))
    vectors[column] = vectorOf(values, start, end);
  return tableToIPC(new Table(vectors), 'stream');
}

/**
 * Loads `table` into the database as table `table.name`, replacing a table of that name only once
 * every row is in (a failed load leaves the old table as it was). Returns the number of rows.
 * Throws a ColumnTableError, naming the table and column, when the shape is wrong.
 */
export async function loadTable(
  conn: Connector,
  table: ColumnTable,
  options: LoadOptions = {},
): Promise<number> {
  const rows = checkColumnTable(table);
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new RangeError(`chunkRows must be a whole number ≥ 1, got ${chunkRows}`);
  }
  const scratch = `${table.name}__loading`;
  await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(scratch)}`);
  for (let start = 0; start === 0 || start < rows; start += chunkRows) {
    const bytes = ipcChunk(table, start, Math.min(rows, start + chunkRows));
    await conn.insertArrowIPC(bytes, scratch, start === 0);
  }
  await conn.query(
    `DROP TABLE IF EXISTS ${quoteIdent(table.name)}; ALTER TABLE ${quoteIdent(scratch)} RENAME TO ${quoteIdent(table.name)}`,
  );
  return rows;
}
