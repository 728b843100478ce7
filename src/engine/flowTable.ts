/**
 * A local accumulator for the flow cube (流向累加表). Most shared money is spent in the sharer's own
 * pooling area, so those cells (month × area × use) sit in a small dense array; the others go to an
 * open-addressing hash table in one typed array, keyed by the cube's flat cell index, whose slot holds
 * key, fen, count and the sum of squared payments side by side (one cache line per add). Either way
 * the hot loop adds a payment without a Map lookup or an allocation. It is poured into a FlowCube once
 * per range.
 *
 * Squares are kept only for cells between two pooling areas (the flows that clearing and the
 * prepayment model read); from them the prepayment model estimates how much a cell's total varies
 * from month to month in the whole population (see src/clearing/claimsModel.ts).
 */
import { addSquares, paymentSquare, type FlowCube } from '../clearing/flows';

const USES = 4;
/** Numbers per slot: key (−1 when empty), fen, count, and the sum of squared payments (yuan²). */
const STRIDE = 4;

/** Fen and counts by cube cell, for one range. */
export class FlowTable {
  /** Same-area cells: (month × areas + area) × USES + use → fen at 2i, count at 2i + 1. */
  readonly #sameArea: Float64Array;
  #slots: Float64Array;
  #mask: number;
  #size = 0;

  constructor(
    readonly areas: number,
    readonly months: number,
    capacityBits = 12,
  ) {
    this.#sameArea = new Float64Array(months * areas * USES * 2);
    this.#slots = FlowTable.#empty(1 << capacityBits);
    this.#mask = (1 << capacityBits) - 1;
  }

  static #empty(capacity: number): Float64Array {
    const slots = new Float64Array(capacity * STRIDE);
    for (let i = 0; i < slots.length; i += STRIDE) slots[i] = -1;
    return slots;
  }

  /** Adds one payment of `fen` to the cell (month, sharer's area, treatment area, use). */
  add(month: number, sharerArea: number, treatmentArea: number, use: number, fen: number): void {
    if (sharerArea === treatmentArea) {
      const at = ((month * this.areas + sharerArea) * USES + use) * 2;
      const dense = this.#sameArea;
      dense[at] = dense[at]! + fen;
      dense[at + 1] = dense[at + 1]! + 1;
      return;
    }
    const key = ((month * this.areas + sharerArea) * this.areas + treatmentArea) * USES + use;
    const slots = this.#slots;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.#mask;
      const k = slots[slot * STRIDE]!;
      if (k === key) break;
      if (k === -1) {
        slots[slot * STRIDE] = key;
        if (++this.#size * 2 > this.#mask) {
          this.#grow();
          this.add(month, sharerArea, treatmentArea, use, fen);
          return;
        }
        break;
      }
      slot++;
    }
    const at = slot * STRIDE;
    slots[at + 1] = slots[at + 1]! + fen;
    slots[at + 2] = slots[at + 2]! + 1;
    slots[at + 3] = addSquares(slots[at + 3]!, paymentSquare(fen));
  }

  #grow(): void {
    const old = this.#slots;
    const capacity = ((this.#mask + 1) * 2) | 0;
    const slots = FlowTable.#empty(capacity);
    this.#slots = slots;
    this.#mask = capacity - 1;
    for (let i = 0; i < old.length; i += STRIDE) {
      const key = old[i]!;
      if (key === -1) continue;
      let slot = Math.imul(key, 0x9e3779b1) >>> 0;
      for (;;) {
        slot &= this.#mask;
        if (slots[slot * STRIDE] === -1) break;
        slot++;
      }
      slots[slot * STRIDE] = key;
      slots[slot * STRIDE + 1] = old[i + 1]!;
      slots[slot * STRIDE + 2] = old[i + 2]!;
      slots[slot * STRIDE + 3] = old[i + 3]!;
    }
  }

  /** Adds every cell, multiplied by `weight`, into the cube (same-area cells with no squares). */
  pourInto(cube: FlowCube, weight: number): void {
    const A = this.areas;
    const dense = this.#sameArea;
    for (let i = 0; i < dense.length; i += 2) {
      if (dense[i + 1] === 0) continue;
      const cell = i / 2;
      const use = cell % USES;
      const area = ((cell - use) / USES) % A;
      const month = Math.floor(cell / (USES * A));
      cube.add(month, area, area, use, dense[i]! * weight, dense[i + 1]! * weight, 0);
    }
    const slots = this.#slots;
    for (let i = 0; i < slots.length; i += STRIDE) {
      const key = slots[i]!;
      if (key === -1) continue;
      const use = key % USES;
      const cell = (key - use) / USES;
      const treatment = cell % A;
      const sharer = ((cell - treatment) / A) % A;
      const month = Math.floor(cell / (A * A));
      const squares = addSquares(0, slots[i + 3]! * weight);
      cube.add(month, sharer, treatment, use, slots[i + 1]! * weight, slots[i + 2]! * weight, squares);
    }
  }
}
