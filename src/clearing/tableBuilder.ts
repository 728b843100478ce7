/**
 * Column tables (列式表) and the builder the clearing's tables are written with: plain named columns
 * of equal length, whole numbers in Int32Array, other numbers in Float64Array and text as strings,
 * grown row by row and checked for a value in every column.
 */

/** One column table. */
export interface ColumnTable {
  name: string;
  columns: Record<string, Int32Array | Float64Array | string[]>;
}

/** Grows typed columns row by row, then freezes them into a `ColumnTable`. */
export class TableBuilder {
  readonly #ints = new Map<string, number[]>();
  readonly #floats = new Map<string, number[]>();
  readonly #texts = new Map<string, string[]>();
  readonly #order: string[] = [];

  constructor(
    readonly name: string,
    spec: Record<string, 'int' | 'float' | 'text'>,
  ) {
    // Each kind by name, so that a kind other than the three has no columns to go to.
    const byKind = { int: this.#ints, float: this.#floats, text: this.#texts };
    for (const [col, kind] of Object.entries(spec)) {
      this.#order.push(col);
      byKind[kind].set(col, []);
    }
  }

  /**
   * Adds one row: a value for every column, text columns taking it as text. Throws, naming the table
   * and the column, when a column has no value.
   */
  row(values: Record<string, number | string>): void {
    for (const col of this.#order) {
      const v = values[col];
      if (v === undefined) throw new Error(`${this.name}: row without ${col}`);
      if (this.#texts.has(col)) this.#texts.get(col)!.push(String(v));
      else (this.#ints.get(col) ?? this.#floats.get(col)!).push(Number(v));
    }
  }

  /** The columns, in the order of the spec, as a `ColumnTable`. */
  build(): ColumnTable {
    const columns: ColumnTable['columns'] = {};
    for (const col of this.#order) {
      const ints = this.#ints.get(col);
      const floats = this.#floats.get(col);
      columns[col] = ints
        ? Int32Array.from(ints)
        : floats
          ? Float64Array.from(floats)
          : this.#texts.get(col)!;
    }
    return { name: this.name, columns };
  }
}
