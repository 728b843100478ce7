/**
 * A local accumulator for the flow cube (流向累加表): an open-addressing hash table in typed arrays,
 * keyed by the cube's flat cell index, so the hot loop adds a payment without a Map lookup or an
 * allocation. It is poured into a FlowCube once per range.
 */
import type { FlowCube } from '../clearing/flows';

const USES = 4;

/** Fen and counts by cube cell, for one range. */
export class FlowTable {
  #keys: Int32Array;
  #fen: Float64Array;
  #count: Float64Array;
  #mask: number;
  #size = 0;

  constructor(
    readonly areas: number,
    capacityBits = 12,
  ) {
    const cap = 1 << capacityBits;
    this.#keys = new Int32Array(cap).fill(-1);
    this.#fen = new Float64Array(cap);
    this.#count = new Float64Array(cap);
    this.#mask = cap - 1;
  }

  /** Adds one payment of `fen` to the cell (month, sharer's area, treatment area, use). */
  add(month: number, sharerArea: number, treatmentArea: number, use: number, fen: number): void {
    const key = ((month * this.areas + sharerArea) * this.areas + treatmentArea) * USES + use;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    const keys = this.#keys;
    for (;;) {
      slot &= this.#mask;
      const k = keys[slot]!;
      if (k === key) break;
      if (k === -1) {
        keys[slot] = key;
        if (++this.#size * 2 > this.#mask) {
          this.#grow();
          this.add(month, sharerArea, treatmentArea, use, fen);
          return;
        }
        break;
      }
      slot++;
    }
    this.#fen[slot] = this.#fen[slot]! + fen;
    this.#count[slot] = this.#count[slot]! + 1;
  }

  #grow(): void {
    const keys = this.#keys;
    const fen = this.#fen;
    const count = this.#count;
    const cap = keys.length * 2;
    this.#keys = new Int32Array(cap).fill(-1);
    this.#fen = new Float64Array(cap);
    this.#count = new Float64Array(cap);
    this.#mask = cap - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === -1) continue;
      let slot = Math.imul(key, 0x9e3779b1) >>> 0;
      for (;;) {
        slot &= this.#mask;
        if (this.#keys[slot] === -1) break;
        slot++;
      }
      this.#keys[slot] = key;
      this.#fen[slot] = fen[i]!;
      this.#count[slot] = count[i]!;
    }
  }

  /** Adds every cell, multiplied by `weight`, into the cube. */
  pourInto(cube: FlowCube, weight: number): void {
    const keys = this.#keys;
    const A = this.areas;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === -1) continue;
      const use = key % USES;
      const cell = (key - use) / USES;
      const treatment = cell % A;
      const sharer = ((cell - treatment) / A) % A;
      const month = Math.floor(cell / (A * A));
      cube.add(month, sharer, treatment, use, this.#fen[i]! * weight, this.#count[i]! * weight);
    }
  }
}
