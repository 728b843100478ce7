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
}

/**
 * A sparse flow cube over `months` months and `areas` pooling areas (indices into the scenario's
 * pooling-area table). Cells are kept in a map keyed by their flat index; amounts are whole fen and
 * stay exact while below 2^53.
 */
export class FlowCube {
  readonly #amount = new Map<number, number>();
  readonly #count = new Map<number, number>();

  constructor(
    readonly months: number,
    readonly areas: number,
  ) {
    if (!Number.isInteger(months) || months < 1 || !Number.isInteger(areas) || areas < 1) {
      throw new RangeError(
        `a flow cube needs whole positive dimensions, got ${months} months × ${areas} areas`,
      );
    }
  }

  #key(month: number, sharerArea: number, treatmentArea: number, use: number): number {
    const u = PERMITTED_USES.length;
    if (
      !(month >= 0 && month < this.months) ||
      !(sharerArea >= 0 && sharerArea < this.areas) ||
      !(treatmentArea >= 0 && treatmentArea < this.areas) ||
      !(use >= 0 && use < u)
    ) {
      throw new RangeError(
        `flow cell out of range: month ${month}, areas ${sharerArea}→${treatmentArea}, use ${use}`,
      );
    }
    return ((month * this.areas + sharerArea) * this.areas + treatmentArea) * u + use;
  }

  /** Adds `amountFen` paid in `count` payments to one cell. */
  add(
    month: number,
    sharerArea: number,
    treatmentArea: number,
    use: number,
    amountFen: number,
    count = 1,
  ): void {
    if (!Number.isSafeInteger(amountFen) || !Number.isSafeInteger(count)) {
      throw new RangeError(`flow amounts are whole fen and whole counts, got ${amountFen} fen, ${count}`);
    }
    const k = this.#key(month, sharerArea, treatmentArea, use);
    this.#amount.set(k, (this.#amount.get(k) ?? 0) + amountFen);
    this.#count.set(k, (this.#count.get(k) ?? 0) + count);
  }

  /** Adds every cell of another cube of the same shape into this one. */
  merge(other: FlowCube): this {
    if (other.months !== this.months || other.areas !== this.areas) {
      throw new RangeError('cannot merge flow cubes of different shapes');
    }
    for (const [k, v] of other.#amount) this.#amount.set(k, (this.#amount.get(k) ?? 0) + v);
    for (const [k, v] of other.#count) this.#count.set(k, (this.#count.get(k) ?? 0) + v);
    return this;
  }

  /** Every non-empty cell, in flat-index order (so the listing is the same whatever the merge order). */
  cells(): FlowCell[] {
    const u = PERMITTED_USES.length;
    return [...this.#amount.keys()]
      .sort((a, b) => a - b)
      .map((k) => ({
        month: Math.floor(k / (u * this.areas * this.areas)),
        sharerArea: Math.floor(k / (u * this.areas)) % this.areas,
        treatmentArea: Math.floor(k / u) % this.areas,
        use: k % u,
        amountFen: this.#amount.get(k)!,
        count: this.#count.get(k)!,
      }));
  }

  /**
   * Calls `fn` for every non-empty cell, in no particular order and without building cell objects:
   * the fast path for sums, which are exact in any order while they stay below 2^53 fen.
   */
  forEachCell(
    fn: (month: number, sharerArea: number, treatmentArea: number, use: number, amountFen: number) => void,
  ): void {
    const u = PERMITTED_USES.length;
    const A = this.areas;
    for (const [k, v] of this.#amount) {
      const rest = Math.floor(k / u);
      fn(Math.floor(rest / (A * A)), Math.floor(rest / A) % A, rest % A, k % u, v);
    }
  }

  /** Total fen in the cube. */
  totalFen(): number {
    let s = 0;
    for (const v of this.#amount.values()) s += v;
    return s;
  }
}
