/**
 * Strict reading of one CSV table (表格读取): d3-dsv parses the text, this module checks the header
 * and turns cells into typed values, recording a {@link DataProblem} with file, 1-based line and
 * column for every cell it cannot accept.
 */
import { csvParseRows } from 'd3';
import type { DataProblem } from './dataError';

const COUNT = /^\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The cells of one data row, with typed getters that record problems instead of throwing. */
export class Cells {
  readonly file: string;
  /** 1-based line of the file where this row starts. */
  readonly line: number;
  readonly #values: ReadonlyMap<string, string>;
  readonly #problems: DataProblem[];

  constructor(file: string, line: number, values: ReadonlyMap<string, string>, problems: DataProblem[]) {
    this.file = file;
    this.line = line;
    this.#values = values;
    this.#problems = problems;
  }

  /** Records a problem with this row's file and line. */
  problem(column: string, message: string): void {
    this.#problems.push({ file: this.file, line: this.line, column, message });
  }

  /** The raw cell, trimmed ('' when blank). */
  raw(column: string): string {
    return (this.#values.get(column) ?? '').trim();
  }

  /** A required non-blank text cell. */
  text(column: string): string {
    const v = this.raw(column);
    if (v === '') this.problem(column, 'is blank; a value is required');
    return v;
  }

  /** A required count (non-negative integer); NaN when the cell is not one. */
  count(column: string): number {
    const v = this.raw(column);
    if (v === '') {
      this.problem(column, 'is blank; a count is required');
      return NaN;
    }
    return this.#count(column, v);
  }

  /** An optional count: null when blank. */
  optionalCount(column: string): number | null {
    const v = this.raw(column);
    return v === '' ? null : this.#count(column, v);
  }

  /** A required finite number within [min, max]; NaN when the cell is not one. */
  number(column: string, min = -Infinity, max = Infinity): number {
    const v = this.raw(column);
    if (!NUMBER.test(v)) {
      this.problem(column, v === '' ? 'is blank; a number is required' : `"${v}" is not a number`);
      return NaN;
    }
    const x = Number(v);
    if (!Number.isFinite(x)) {
      this.problem(column, `${v} is not a finite number (too large to hold)`);
      return NaN;
    }
    if (!(x >= min && x <= max)) {
      this.problem(column, `${v} is outside the allowed range [${min}, ${max}]`);
      return NaN;
    }
    return x;
  }

  /** A cell that must be one of `allowed`. */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.raw(column);
    if (!(allowed as readonly string[]).includes(v)) {
      this.problem(column, `"${v}" is not one of ${allowed.join(', ')}`);
    }
    return v as T;
  }

  /** A 0/1 flag. */
  flag(column: string): boolean {
    return this.oneOf(column, ['0', '1']) === '1';
  }

  #count(column: string, v: string): number {
    if (NUMBER.test(v) && Number(v) < 0) {
      this.problem(column, `${v} is negative; counts cannot be negative`);
      return NaN;
    }
    if (!COUNT.test(v) || !Number.isSafeInteger(Number(v))) {
      this.problem(column, `"${v}" is not a count (a whole number ≥ 0)`);
      return NaN;
    }
    return Number(v);
  }
}

/** A parsed table: its header and its data rows (blank lines skipped). */
export interface Table {
  file: string;
  header: readonly string[];
  rows: readonly Cells[];
}

/**
 * Parses `text` as the CSV file `file`, requiring every column in `required`. Returns null (after
 * recording problems) when the header is unusable; rows with the wrong number of cells are recorded
 * as problems and left out, and a file with a header but no data rows is a problem too. Columns
 * beyond `required` are kept and left to the caller.
 */
export function readTable(
  file: string,
  text: string,
  required: readonly string[],
  problems: DataProblem[],
): Table | null {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    problems.push({ file, line: 1, column: '', message: 'has no header row' });
    return null;
  }
  const seen = new Set<string>();
  let ok = true;
  for (const h of header) {
    if (seen.has(h)) {
      problems.push({ file, line: 1, column: h, message: 'appears twice in the header' });
      ok = false;
    }
    seen.add(h);
  }
  for (const c of required) {
    if (!seen.has(c)) {
      problems.push({ file, line: 1, column: c, message: 'is missing from the header' });
      ok = false;
    }
  }
  if (!ok) return null;
  const out: Cells[] = [];
  let dataRows = 0;
  let line = 1 + newlines(rows[0] ?? []);
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    line += 1;
    const start = line;
    line += newlines(cells);
    if (cells.every((c) => c.trim() === '')) continue;
    dataRows += 1;
    if (cells.length !== header.length) {
      problems.push({
        file,
        line: start,
        column: '',
        message: `has ${cells.length} cells; the header has ${header.length}`,
      });
      continue;
    }
    out.push(new Cells(file, start, new Map(header.map((h, i) => [h, cells[i]!])), problems));
  }
  if (dataRows === 0) problems.push({ file, line: 0, column: '', message: 'has a header but no data rows' });
  return { file, header, rows: out };
}

/** Line breaks inside the quoted cells of a row: CRLF, LF and a lone CR each count once, as between rows. */
function newlines(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) n += c.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}
