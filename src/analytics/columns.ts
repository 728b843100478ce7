/**
 * Column tables (列式表): the plain shape in which the population, the engine and clearing hand
 * tables to the analytics layer — a snake_case name and equal-length columns, each a typed array,
 * an array of strings or coded texts — and the check that a value really has that shape.
 */

/** One column: integers, unsigned integers, doubles (fen amounts exact below 2^53), bytes or texts. */
export type Column = Int32Array | Uint32Array | Float64Array | Uint8Array | string[];

/**
 * A text column kept as codes into a list of texts: row i is `texts[codes[i]]`. For texts that
 * repeat row after row (area codes, months, uses), so that no string is made per row; it goes to
 * the database as it is (dictionary-encoded) and reads back as plain texts.
 */
export interface CodedTexts {
  codes: Int32Array;
  texts: readonly string[];
}

/** A column of a {@link ColumnTable}: a plain column or coded texts. */
export type TableColumn = Column | CodedTexts;

/** A named table of equal-length columns, e.g. `{ name: 'validation', columns: { name: [...], ... } }`. */
export interface ColumnTable {
  name: string;
  columns: Record<string, TableColumn>;
}

/** True for a {@link CodedTexts} column (the only kind that is neither an array nor a typed array). */
export function isCodedTexts(column: TableColumn): column is CodedTexts {
  return !Array.isArray(column) && !ArrayBuffer.isView(column);
}

/** The texts of a text column row by row (coded texts decoded); throws for a numeric column. */
export function columnTexts(column: TableColumn): string[] {
  if (Array.isArray(column)) return column;
  if (!isCodedTexts(column)) throw new TypeError('not a text column');
  return Array.from(column.codes, (code) => column.texts[code]!);
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
    let length: number;
    if (Array.isArray(values)) {
      const bad = values.findIndex((v) => typeof v !== 'string');
      if (bad >= 0) {
        throw new ColumnTableError(name, column, `row ${bad} is ${kindOf(values[bad])}, expected a string`);
      }
      length = values.length;
    } else if (isNumericColumn(values)) {
      length = values.length;
    } else if (isCodedShape(values)) {
      checkCodes(name, column, values);
      length = values.codes.length;
    } else {
      throw new ColumnTableError(
        name,
        column,
        `expected Int32Array, Uint32Array, Float64Array, Uint8Array or string[], got ${kindOf(values)}`,
      );
    }
    if (rows < 0) {
      rows = length;
      first = column;
    } else if (length !== rows) {
      throw new ColumnTableError(name, column, `has ${length} rows, but column "${first}" has ${rows}`);
    }
  }
  return rows;
}

/** True for a value shaped as coded texts: Int32Array codes and an array of texts. */
function isCodedShape(value: unknown): value is CodedTexts {
  if (typeof value !== 'object' || value === null) return false;
  const { codes, texts } = value as Partial<CodedTexts>;
  return codes instanceof Int32Array && Array.isArray(texts);
}

/** Checks that every text is a string and every code names one of them. */
function checkCodes(table: string, column: string, values: CodedTexts): void {
  const bad = values.texts.findIndex((v) => typeof v !== 'string');
  if (bad >= 0) {
    throw new ColumnTableError(
      table,
      column,
      `text ${bad} is ${kindOf(values.texts[bad])}, expected a string`,
    );
  }
  const n = values.texts.length;
  for (let i = 0; i < values.codes.length; i++) {
    const code = values.codes[i]!;
    if (code < 0 || code >= n) {
      throw new ColumnTableError(table, column, `row ${i} has code ${code}, but there are ${n} texts`);
    }
  }
}
