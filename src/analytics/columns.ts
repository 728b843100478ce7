/**
 * Column tables (列式表): the plain shape in which the population, the engine and clearing hand
 * tables to the analytics layer — a snake_case name and equal-length columns, each a typed array
 * or an array of strings — and the check that a value really has that shape.
 */

/** One column: integers, unsigned integers, doubles (fen amounts exact below 2^53), bytes or texts. */
export type Column = Int32Array | Uint32Array | Float64Array | Uint8Array | string[];

/** A named table of equal-length columns, e.g. `{ name: 'validation', columns: { name: [...], ... } }`. */
export interface ColumnTable {
  name: string;
  columns: Record<string, Column>;
}

const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;

/** What is wrong with a column table: the message names the table and, where it applies, the column. */
export class ColumnTableError extends Error {
  constructor(
    readonly table: string,
    readonly column: string | null,
    problem: string,
  ) {
    super(
      column === null ? `table "${table}": ${problem}` : `table "${table}", column "${column}": ${problem}`,
    );
    this.name = 'ColumnTableError';
  }
}

/** Describes a value for an error message ("Float32Array", "array", "undefined" …). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

/** True for the typed arrays a column may be. */
function isNumericColumn(value: unknown): value is Int32Array | Uint32Array | Float64Array | Uint8Array {
  return (
    value instanceof Int32Array ||
    value instanceof Uint32Array ||
    value instanceof Float64Array ||
    value instanceof Uint8Array
  );
}

/**
 * Checks that `table` has the column-table shape and returns its row count. Throws a
 * {@link ColumnTableError} naming the table and column: a name that is not snake_case, no
 * columns, a column of an unsupported kind, a text column holding a non-string, or unequal lengths.
 */
export function checkColumnTable(table: unknown): number {
  if (typeof table !== 'object' || table === null) {
    throw new ColumnTableError('?', null, `expected an object { name, columns }, got ${kindOf(table)}`);
  }
  const { name, columns } = table as Partial<ColumnTable>;
  if (typeof name !== 'string' || !SNAKE_CASE.test(name)) {
    throw new ColumnTableError(
      String(name),
      null,
      'the name must be snake_case (a-z, 0-9, _; a letter first)',
    );
  }
  if (typeof columns !== 'object' || columns === null) {
    throw new ColumnTableError(name, null, `columns must be an object of arrays, got ${kindOf(columns)}`);
  }
  const entries = Object.entries(columns);
  if (entries.length === 0) throw new ColumnTableError(name, null, 'it has no columns');
  let rows = -1;
  let first = '';
  for (const [column, values] of entries) {
    if (!SNAKE_CASE.test(column)) {
      throw new ColumnTableError(
        name,
        column,
        'the column name must be snake_case (a-z, 0-9, _; a letter first)',
      );
    }
    if (Array.isArray(values)) {
      const bad = values.findIndex((v) => typeof v !== 'string');
      if (bad >= 0) {
        throw new ColumnTableError(name, column, `row ${bad} is ${kindOf(values[bad])}, expected a string`);
      }
    } else if (!isNumericColumn(values)) {
      throw new ColumnTableError(
        name,
        column,
        `expected Int32Array, Uint32Array, Float64Array, Uint8Array or string[], got ${kindOf(values)}`,
      );
    }
    if (rows < 0) {
      rows = values.length;
      first = column;
    } else if (values.length !== rows) {
      throw new ColumnTableError(
        name,
        column,
        `has ${values.length} rows, but column "${first}" has ${rows}`,
      );
    }
  }
  return rows;
}
