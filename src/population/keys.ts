/**
 * The keys of a data table (表格主键): every row's key must be unique, and a table may require some
 * keys to be present. A repeated key names both lines; a missing key names the key and the file.
 */
import type { Cells } from './csv';
import type { DataProblem } from './dataError';

/** The keys seen in one table, each with the line of the row that holds it. */
export class TableKeys {
  readonly #file: string;
  readonly #column: string;
  readonly #what: string;
  readonly #lines = new Map<string, number>();

  /**
   * @param file the table's file name
   * @param column the column problems are reported in (the key's first column)
   * @param what what a key names, for messages (e.g. 'province', 'target')
   */
  constructor(file: string, column: string, what: string) {
    this.#file = file;
    this.#column = column;
    this.#what = what;
  }

  /** Records `key` for row `cells`; a key seen before is a problem naming both lines. Returns whether it was new. */
  add(cells: Cells, key: string): boolean {
    const first = this.#lines.get(key);
    if (first !== undefined) {
      cells.problem(this.#column, `${this.#what} ${key} appears twice: here and on line ${first}`);
      return false;
    }
    this.#lines.set(key, cells.line);
    return true;
  }

  /** Whether a row has `key`. */
  has(key: string): boolean {
    return this.#lines.has(key);
  }

  /**
   * Records a whole-file problem for every key of `required` that no row holds. Callers skip it for a
   * table without rows, which is reported as such.
   */
  requireAll(required: Iterable<string>, problems: DataProblem[]): void {
    for (const key of required) {
      if (!this.#lines.has(key)) {
        problems.push({
          file: this.#file,
          line: 0,
          column: this.#column,
          message: `has no row for ${this.#what} ${key}`,
        });
      }
    }
  }
}
