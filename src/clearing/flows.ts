/**
 * The flow cube (资金流向立方体): money paid with shared quotas, by month × the sharer's pooling area
 * × the treatment-place (or collecting) pooling area × use, in fen and in person-times. It is the
 * only thing clearing needs from a simulation: workers each fill one and the main side merges them
 * by integer addition, so any split of the work gives the same cube.
 */
import type { PermittedUse } from '../rules/types';
import { PERMITTED_USES } from '../rules/types';

/** The index of each permitted use in the cube's use dimension. */
export const USE_INDEX: Readonly<Record<PermittedUse, number>> = Object.fromEntries(
  PERMITTED_USES.map((u, i) => [u, i]),
) as Record<PermittedUse, number>;

/** One cell of the cube. */
export interface FlowCell {
  month: number;
  sharerArea: number;
  treatmentArea: number;
  use: number;
  amountFen: number;
  count: number;
  /** Sum of the squared payments in yuan² (weighted like the amounts; see {@link paymentSquare}). */
  squaresYuan2: number;
}

/**
 * Sums of squares stop at 2^53 yuan² (a cell whose payments vary by more than about 95 million yuan
 * a month): adding non-negative whole numbers and stopping there gives the same bits in any order.
 */
export const SQUARES_CAP = 2 ** 53;

/**
 * The square of one payment in whole yuan² (fen² ÷ 10⁴, rounded): what a cell keeps, besides its fen
 * and count, so that the month-to-month variance of its total can be estimated (a total of many
 * independent payments varies by about the sum of their squares). Whole numbers keep sums exact.
 */
export function paymentSquare(fen: number): number {
  return Math.round((fen * fen) / 10_000);
}

/** Adds two sums of squares, stopping at {@link SQUARES_CAP} so that the result does not depend on the order. */
export function addSquares(a: number, b: number): number {
  return Math.min(a + b, SQUARES_CAP);
}

/** The cells of a cube as columns, one per dimension, in flat-index order (what tables and digests read). */
export interface FlowColumns {
  month: Int32Array;
  sharerArea: Int32Array;
  treatmentArea: Int32Array;
  use: Int32Array;
  amountFen: Float64Array;
  count: Float64Array;
  squaresYuan2: Float64Array;
}

/**
 * The cells of a cube as four columns in flat-index order: the cell's flat index
 * ((month × areas + sharer area) × areas + treatment area) × uses + use, its fen, its count and its
 * sum of squared payments. 28 bytes a cell: the form in which a worker's total crosses to the main side.
 */
export interface PackedCells {
  key: Int32Array;
  amountFen: Float64Array;
  count: Float64Array;
  squaresYuan2: Float64Array;
}

const EMPTY = -1;
const USES = PERMITTED_USES.length;

/**
 * A sparse flow cube over `months` months and `areas` pooling areas (indices into the scenario's
 * pooling-area table). Cells live in an open-addressing hash table of typed arrays keyed by their
 * flat index, so adding, merging and listing cost no allocation per cell; amounts are whole fen and
 * stay exact while below 2^53.
 */
export class FlowCube {
  #keys: Int32Array;
  #amount: Float64Array;
  #count: Float64Array;
  #squares: Float64Array;
  #size = 0;

  /** `expectedCells`: cells it will hold, when known, so that the table is made once at its size. */
  constructor(
    readonly months: number,
    readonly areas: number,
    expectedCells = 0,
  ) {
    if (!Number.isInteger(months) || months < 1 || !Number.isInteger(areas) || areas < 1) {
      throw new RangeError(
        `a flow cube needs whole positive dimensions, got ${months} months × ${areas} areas`,
      );
    }
    if (months * areas * areas * USES >= 2 ** 31) {
      throw new RangeError(`a flow cube of ${months} months × ${areas} areas is too large to index`);
    }
    // At most half full: the power of two at or above twice the cells expected, 1024 at least.
    const expected = Math.max(1, expectedCells);
    // Stryker disable next-line MethodExpression,ArithmeticOperator: the first capacity changes only speed: the table grows whenever it would be more than half full
    const capacity = 2 ** Math.max(10, Math.ceil(Math.log2(expected * 2)));
    this.#keys = new Int32Array(capacity).fill(EMPTY);
    this.#amount = new Float64Array(capacity);
    this.#count = new Float64Array(capacity);
    this.#squares = new Float64Array(capacity);
  }

  /** Number of non-empty cells. */
  get size(): number {
    return this.#size;
  }

  #key(month: number, sharerArea: number, treatmentArea: number, use: number): number {
    if (
      !(month >= 0 && month < this.months) ||
      !(sharerArea >= 0 && sharerArea < this.areas) ||
      !(treatmentArea >= 0 && treatmentArea < this.areas) ||
      !(use >= 0 && use < USES)
    ) {
      throw new RangeError(
        `flow cell out of range: month ${month}, areas ${sharerArea}→${treatmentArea}, use ${use}`,
      );
    }
    return ((month * this.areas + sharerArea) * this.areas + treatmentArea) * USES + use;
  }

  /** The slot of `key`, claimed for it if it is new. */
  #slot(key: number): number {
    const keys = this.#keys;
    const mask = keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === key) return slot;
      if (k === EMPTY) break;
      // Stryker disable next-line ArithmeticOperator: probing down instead of up finds every key and empty slot all the same (only forEachCell's unspecified order changes)
      slot = (slot + 1) & mask;
    }
    // The table stays at most half full: it grows before the cell that would fill more than half.
    // Stryker disable next-line EqualityOperator: growing one cell later (`>`) still never fills the table; only speed changes
    if (this.#size * 2 >= keys.length) {
      this.#grow();
      return this.#slot(key);
    }
    keys[slot] = key;
    this.#size += 1;
    return slot;
  }

  #grow(): void {
    const keys = this.#keys;
    const amount = this.#amount;
    const count = this.#count;
    const squares = this.#squares;
    const cap = keys.length * 2;
    this.#keys = new Int32Array(cap).fill(EMPTY);
    this.#amount = new Float64Array(cap);
    this.#count = new Float64Array(cap);
    this.#squares = new Float64Array(cap);
    this.#size = 0;
    for (let i = 0; i < keys.length; i++) {
      // Stryker disable next-line ConditionalExpression: re-adding an empty slot (key −1, which is EMPTY) only finds an empty slot of the new table and writes the zeros it holds
      if (keys[i] === EMPTY) continue;
      const slot = this.#slot(keys[i]!);
      this.#amount[slot] = amount[i]!;
      this.#count[slot] = count[i]!;
      this.#squares[slot] = squares[i]!;
    }
  }

  #addAt(key: number, amountFen: number, count: number, squares: number): void {
    const slot = this.#slot(key);
    this.#amount[slot] = this.#amount[slot]! + amountFen;
    this.#count[slot] = this.#count[slot]! + count;
    this.#squares[slot] = addSquares(this.#squares[slot]!, squares);
  }

  /**
   * Adds `amountFen` paid in `count` payments to one cell, with `squaresYuan2` the sum of their
   * squares (see {@link paymentSquare}); when it is not given, the payments are taken as equal.
   */
  add(
    month: number,
    sharerArea: number,
    treatmentArea: number,
    use: number,
    amountFen: number,
    count = 1,
    squaresYuan2?: number,
  ): void {
    if (!Number.isSafeInteger(amountFen) || !Number.isSafeInteger(count)) {
      throw new RangeError(`flow amounts are whole fen and whole counts, got ${amountFen} fen, ${count}`);
    }
    const squares = squaresYuan2 ?? (count > 0 ? count * paymentSquare(amountFen / count) : 0);
    if (!Number.isSafeInteger(squares) || squares < 0) {
      throw new RangeError(`sums of squares are whole yuan² ≥ 0, got ${squares}`);
    }
    this.#addAt(this.#key(month, sharerArea, treatmentArea, use), amountFen, count, squares);
  }

  /** Adds every cell of another cube of the same shape into this one. */
  merge(other: FlowCube): this {
    if (other.months !== this.months || other.areas !== this.areas) {
      throw new RangeError('cannot merge flow cubes of different shapes');
    }
    const keys = other.#keys;
    for (let i = 0; i < keys.length; i++) {
      // Stryker disable next-line ConditionalExpression: adding an empty slot (key −1, which is EMPTY, with 0 fen, 0 count, 0 squares) finds an empty slot and adds zeros to it
      if (keys[i] !== EMPTY) this.#addAt(keys[i]!, other.#amount[i]!, other.#count[i]!, other.#squares[i]!);
    }
    return this;
  }

  /** The flat indices of the non-empty cells, ascending. */
  #sortedKeys(): Int32Array {
    const out = new Int32Array(this.#size);
    let n = 0;
    for (const k of this.#keys) if (k !== EMPTY) out[n++] = k;
    return out.sort();
  }

  /** Every non-empty cell as packed columns, in flat-index order (the same whatever the merge order). */
  packedCells(): PackedCells {
    const key = this.#sortedKeys();
    const n = key.length;
    const cells: PackedCells = {
      key,
      amountFen: new Float64Array(n),
      count: new Float64Array(n),
      squaresYuan2: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const slot = this.#slot(key[i]!);
      cells.amountFen[i] = this.#amount[slot]!;
      cells.count[i] = this.#count[slot]!;
      cells.squaresYuan2[i] = this.#squares[slot]!;
    }
    return cells;
  }

  /**
   * Adds packed cells (from {@link packedCells} of a cube of this shape), checking each key and
   * amount as {@link add} does.
   */
  addPackedCells(cells: PackedCells): this {
    const n = cells.key.length;
    if (cells.amountFen.length !== n || cells.count.length !== n || cells.squaresYuan2.length !== n) {
      throw new RangeError(
        `packed flow cells need columns of one length, got ${n}, ${cells.amountFen.length}, ${cells.count.length}, ${cells.squaresYuan2.length}`,
      );
    }
    const end = this.months * this.areas * this.areas * USES;
    for (let i = 0; i < n; i++) {
      const key = cells.key[i]!;
      const fen = cells.amountFen[i]!;
      const count = cells.count[i]!;
      const squares = cells.squaresYuan2[i]!;
      if (!(key >= 0 && key < end)) throw new RangeError(`packed flow cell ${key} is outside the cube`);
      if (!Number.isSafeInteger(fen) || !Number.isSafeInteger(count)) {
        throw new RangeError(`flow amounts are whole fen and whole counts, got ${fen} fen, ${count}`);
      }
      if (!(Number.isInteger(squares) && squares >= 0 && squares <= SQUARES_CAP)) {
        throw new RangeError(`sums of squares are whole yuan² from 0 to 2^53, got ${squares}`);
      }
      this.#addAt(key, fen, count, squares);
    }
    return this;
  }

  /** Every non-empty cell as columns, in flat-index order (the same whatever the merge order). */
  columns(): FlowColumns {
    const { key: keys, amountFen, count, squaresYuan2 } = this.packedCells();
    const n = keys.length;
    const A = this.areas;
    const cols: FlowColumns = {
      month: new Int32Array(n),
      sharerArea: new Int32Array(n),
      treatmentArea: new Int32Array(n),
      use: new Int32Array(n),
      amountFen,
      count,
      squaresYuan2,
    };
    keys.forEach((k, i) => {
      const rest = Math.floor(k / USES);
      cols.month[i] = Math.floor(rest / (A * A));
      cols.sharerArea[i] = Math.floor(rest / A) % A;
      cols.treatmentArea[i] = rest % A;
      cols.use[i] = k % USES;
    });
    return cols;
  }

  /** Every non-empty cell, in flat-index order (so the listing is the same whatever the merge order). */
  cells(): FlowCell[] {
    const c = this.columns();
    return Array.from(c.month, (month, i) => ({
      month,
      sharerArea: c.sharerArea[i]!,
      treatmentArea: c.treatmentArea[i]!,
      use: c.use[i]!,
      amountFen: c.amountFen[i]!,
      count: c.count[i]!,
      squaresYuan2: c.squaresYuan2[i]!,
    }));
  }

  /**
   * Calls `fn` for every non-empty cell, in no particular order and without building cell objects:
   * the fast path for sums, which are exact in any order while they stay below 2^53 fen.
   */
  forEachCell(
    fn: (
      month: number,
      sharerArea: number,
      treatmentArea: number,
      use: number,
      amountFen: number,
      count: number,
      squaresYuan2: number,
    ) => void,
  ): void {
    const A = this.areas;
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === EMPTY) continue;
      const rest = Math.floor(k / USES);
      fn(
        Math.floor(rest / (A * A)),
        Math.floor(rest / A) % A,
        rest % A,
        k % USES,
        this.#amount[i]!,
        this.#count[i]!,
        this.#squares[i]!,
      );
    }
  }

  /** Total fen in the cube (an empty slot holds 0 fen). */
  totalFen(): number {
    let s = 0;
    for (const fen of this.#amount) s += fen;
    return s;
  }
}
