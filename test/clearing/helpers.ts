/** Flow cubes for the clearing tests: a small seeded generator and the province table it uses. */
import { FlowCube, paymentSquare, USE_INDEX } from '../../src/clearing/flows';
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

/**
 * A synthetic population of `families` families for the claims-model tests: family f shares across
 * one ordered pair of provinces (areas 0, 2, 4 stand for provinces 0, 1, 2), and each month has
 * Poisson(0.2 × `level` × season) bills of a lognormal amount (mean 500 yuan, cv 1.5). The 1:k
 * sample of replication `r` takes the families f ≡ r (mod k), weighted by k, with squares weighted
 * by k as the engine's flow table does; `seed` fixes the population itself.
 */
export function syntheticSample(
  seed: string,
  families: number,
  k: number,
  r: number,
  level = 1,
  months = 12,
): FlowCube {
  const key = streamKey(seed);
  const state = new Int32Array(4);
  const cube = new FlowCube(months, AREA_PROVINCE.length);
  const pairs: [number, number][] = [
    [0, 2],
    [0, 4],
    [2, 0],
    [2, 4],
    [4, 0],
    [4, 2],
  ];
  const weights = [0.4, 0.05, 0.25, 0.1, 0.15, 0.05];
  const sigma = Math.sqrt(Math.log(1 + 1.5 ** 2));
  for (let f = r % k; f < families; f += k) {
    seedFamily(key, f, state);
    let u = nextUnit(state);
    let p = 0;
    while (p < pairs.length - 1 && u >= weights[p]!) u -= weights[p++]!;
    const [s, t] = pairs[p]!;
    for (let m = 0; m < months; m++) {
      const season = 1 + 0.4 * Math.sin((2 * Math.PI * m) / 12);
      let bills = 0;
      for (let l = Math.exp(-0.2 * level * season), x = nextUnit(state); x > l; x *= nextUnit(state)) bills++;
      for (let b = 0; b < bills; b++) {
        const z = Math.sqrt(-2 * Math.log(1 - nextUnit(state))) * Math.cos(2 * Math.PI * nextUnit(state));
        const fen = Math.round(50_000 * Math.exp(sigma * z - sigma ** 2 / 2));
        cube.add(m, s, t, USE_INDEX.medical, fen * k, k, paymentSquare(fen) * k);
      }
    }
  }
  return cube;
}
