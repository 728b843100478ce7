/**
 * A local accumulator for the flow cube (流向累加表): an open-addressing hash table in one typed
 * array, keyed by the cube's flat cell index, so the hot loop adds a payment without a Map lookup
 * or an allocation. A slot holds its key, fen and count side by side, so an add touches one cache
 * line. It is poured into a FlowCube once per range.
 */
import type { FlowCube } from '../clearing/flows';

const USES = 4;
/** Numbers per slot: key (−1 when empty), fen, count, and one unused so that slots align to 32 bytes. */
const STRIDE = 4;

/** Fen and counts by cube cell, for one range. */
export class FlowTable {
  #slots: Float64Array;
  #mask: number;
  #size = 0;

  constructor(
    readonly areas: number,
    capacityBits = 12,
  ) {
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
    }
  }

  /** Adds every cell, multiplied by `weight`, into the cube. */
  pourInto(cube: FlowCube, weight: number): void {
    const slots = this.#slots;
    const A = this.areas;
    for (let i = 0; i < slots.length; i += STRIDE) {
      const key = slots[i]!;
      if (key === -1) continue;
      const use = key % USES;
      const cell = (key - use) / USES;
      const treatment = cell % A;
      const sharer = ((cell - treatment) / A) % A;
      const month = Math.floor(cell / (A * A));
      cube.add(month, sharer, treatment, use, slots[i + 1]! * weight, slots[i + 2]! * weight);
    }
  }
}
