/**
 * Flow cubes for the clearing tests: a small seeded generator and the province table it uses, cubes
 * written by hand for two provinces, and the claims model of a synthetic population.
 */
import { ClaimsAccumulator } from '../../src/clearing/claims';
import type { ClaimsModel } from '../../src/clearing/claimsModel';
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

/** The claims model of replications 0 … R − 1 of a synthetic population of 60,000 families at 1:k. */
export function syntheticModel(k: number, R: number, levels?: (r: number) => number): ClaimsModel {
  const acc = new ClaimsAccumulator(AREA_PROVINCE, PROVINCES, 12, k);
  for (let r = 0; r < R; r++)
    acc.add(syntheticSample('claims', 60_000, k, r, levels?.(r) ?? 1), levels !== undefined);
  return acc.model();
}

/** Two pooling areas, one in each of two provinces. */
export const TWO = Int32Array.of(0, 1);

/**
 * A one-sample cube written by hand: pair 0 → 1 (cell 1) pays 10,000 fen of medical bills in month 0
 * in 4 payments (squares 100 yuan²); pair 1 → 0 (cell 2) pays 5,000 fen at a pharmacy in month 0
 * (one payment, 2,500 yuan²) and 2,000 fen of medical bills in month 1 (one, 400 yuan²); a payment
 * inside province 0 is no cross-province claim.
 */
export function handCube(months = 2, scale = 1): FlowCube {
  const c = new FlowCube(months, 2);
  c.add(0, 0, 1, USE_INDEX.medical, 10_000 * scale, 4, 100 * scale);
  c.add(0, 1, 0, USE_INDEX.pharmacy, 5_000 * scale, 1, 2_500 * scale);
  c.add(1, 1, 0, USE_INDEX.medical, 2_000 * scale, 1, 400 * scale);
  c.add(1, 0, 0, USE_INDEX.medical, 999, 1, 1);
  return c;
}

/** One sample's cube of 2 areas (one per province) from `[month, sharer, treatment, use, fen, count, squares]` rows. */
export function cubeOf(months: number, rows: readonly (readonly number[])[]): FlowCube {
  const c = new FlowCube(months, 2);
  for (const [m, s, t, u, fen, n, sq] of rows) c.add(m!, s!, t!, u!, fen!, n!, sq!);
  return c;
}
