/** Flow cubes for the clearing tests: a small seeded generator and the province table it uses. */
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { nextUnit, seedFamily, streamKey } from '../../src/population/random';

/** Six pooling areas in three provinces: areas 0–1 in province 0, 2–3 in province 1, 4–5 in province 2. */
export const AREA_PROVINCE = Int32Array.from([0, 0, 1, 1, 2, 2]);
/** Number of provinces in `AREA_PROVINCE`. */
export const PROVINCES = 3;

/**
 * A cube of `months` months over the six areas, drawn from the seed's stream: every ordered pair of
 * areas gets a payment each month with probability 0.6, of up to `maxFen` fen, with a seasonal swing.
 */
export function randomCube(seed: string, months: number, maxFen = 2_000_000): FlowCube {
  const state = new Int32Array(4);
  seedFamily(streamKey(seed), 0, state);
  const cube = new FlowCube(months, AREA_PROVINCE.length);
  for (let m = 0; m < months; m++) {
    const season = 1 + 0.5 * Math.sin((2 * Math.PI * m) / 12);
    for (let s = 0; s < cube.areas; s++) {
      for (let t = 0; t < cube.areas; t++) {
        if (nextUnit(state) >= 0.6) continue;
        const fen = Math.floor(nextUnit(state) * maxFen * season);
        cube.add(m, s, t, nextUnit(state) < 0.8 ? USE_INDEX.medical : USE_INDEX.pharmacy, fen);
      }
    }
  }
  return cube;
}

/** A cube with the same cross-province payment from area 0 (province 0) to area 2 (province 1) each month. */
export function steadyCube(months: number, monthlyFen: (m: number) => number): FlowCube {
  const cube = new FlowCube(months, AREA_PROVINCE.length);
  for (let m = 0; m < months; m++) cube.add(m, 0, 2, USE_INDEX.medical, monthlyFen(m));
  return cube;
}
