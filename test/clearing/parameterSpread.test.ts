import { describe, expect, test } from 'vitest';
import { ClaimsAccumulator } from '../../src/clearing/claims';
import { sharingMoments } from '../../src/clearing/claimsModel';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { cubeOf, syntheticModel, TWO } from './helpers';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/** The replications' groups as parameterGroups documents them, worked out from the raw samples (all drew parameters). */
function referenceGroups(
  base: ArrayLike<number>,
  samples: readonly (readonly number[])[][],
  k: number,
  M: number,
) {
  const G = samples.length;
  const totals = samples.map((rows) => {
    const t = new Float64Array(4 * M);
    const s = new Float64Array(4 * M);
    for (const [m, a, b, u, fen, , sq] of rows) {
      if (a === b) continue;
      const x = u! * M + m!;
      t[x] = t[x]! + fen!;
      s[x] = s[x]! + k * sq! * 1e4;
    }
    return { t, s };
  });
  const mean = new Float64Array(4 * M);
  const meanS = new Float64Array(4 * M);
  for (const { t, s } of totals)
    for (let x = 0; x < 4 * M; x++) {
      mean[x] = mean[x]! + t[x]! / G;
      meanS[x] = meanS[x]! + s[x]! / G;
    }
  const kept = (v: number[], sv: number[]) => {
    const mu = sum(v) / G;
    const obs = v.reduce((a, b) => a + (b - mu) ** 2, 0) / (G - 1);
    return obs > 0 ? Math.sqrt(Math.max(0, 1 - sum(sv) / G / obs)) : 0;
  };
  const groups = samples.map(() => new Float64Array(4 * M));
  const shares: number[] = [];
  for (let u = 0; u < 4; u++) {
    const months = Array.from({ length: M }, (_, m) => m).filter((m) => mean[u * M + m]! > 0);
    const w = months.map((m) => 1 / Math.max(meanS[u * M + m]! / mean[u * M + m]! ** 2, 1e-6));
    const sw = sum(w);
    const centre = sw > 0 ? sum(months.map((m, i) => w[i]! * m)) / sw : 0;
    const stt = sum(months.map((m, i) => w[i]! * (m - centre) ** 2));
    const fits = totals.map(({ t, s }) => {
      let level = months.length ? 0 : 1;
      let trend = 0;
      let levelVar = 0;
      let trendVar = 0;
      months.forEach((m, i) => {
        const mu = mean[u * M + m]!;
        const y = t[u * M + m]! / mu;
        const v = s[u * M + m]! / mu ** 2;
        level += (w[i]! * y) / sw;
        levelVar += (w[i]! / sw) ** 2 * v;
        if (stt > 0) {
          trend += (w[i]! * (m - centre) * y) / stt;
          trendVar += ((w[i]! * (m - centre)) / stt) ** 2 * v;
        }
      });
      return { level, trend, levelVar, trendVar };
    });
    const ls = kept(
      fits.map((f) => f.level),
      fits.map((f) => f.levelVar),
    );
    const ts = kept(
      fits.map((f) => f.trend),
      fits.map((f) => f.trendVar),
    );
    shares.push(ls);
    const level = sum(fits.map((f) => f.level)) / G;
    const trend = sum(fits.map((f) => f.trend)) / G;
    const weight = sum(Array.from(mean.subarray(u * M, (u + 1) * M)));
    const mid =
      weight > 0 ? sum(Array.from({ length: M }, (_, m) => m * mean[u * M + m]!)) / weight : (M - 1) / 2;
    fits.forEach((f, g) => {
      for (let m = 0; m < M; m++)
        groups[g]![u * M + m] = Math.max(
          0,
          base[u * M + m]! * (1 + ls * (f.level - level) + ts * (f.trend - trend) * (m - mid)),
        );
    });
  }
  return { groups, shares };
}
describe('the parameter spread of replications that drew parameters', () => {
  test('replications differing only by sampling are not read as parameter spread; a real level spread is kept', () => {
    const noise = syntheticModel(100, 20, () => 1);
    expect(noise.sources.parameters).toBe(true);
    expect(noise.sources.parameterShare[0]).toBeLessThan(0.5);
    const levels = (r: number) => 0.6 + (0.8 * r) / 19;
    const spread = syntheticModel(100, 20, levels);
    expect(spread.sources.parameterShare[0]).toBeGreaterThan(0.7);
    const totals = spread.groups.map((g) => sum(g));
    expect(Math.max(...totals) / Math.min(...totals)).toBeGreaterThan(1.6);
  });

  test('replications that drew parameters: a level spread sampling cannot explain is kept, one profile each', () => {
    // Two replications, the second's claims three times the first's, with no sampling variance.
    const acc = new ClaimsAccumulator(TWO, 2, 3, 1);
    const sample = (f: number) => {
      const c = new FlowCube(3, 2);
      [1_000, 2_000, 4_000].forEach((fen, m) => c.add(m, 0, 1, USE_INDEX.medical, fen * f, 1, 0));
      return c;
    };
    acc.add(sample(1), true);
    acc.add(sample(3), true);
    const m = acc.model();
    expect(m.groups.map((g) => Array.from(g.subarray(0, 3)).map((x) => Math.round(x)))).toEqual([
      [1_000, 2_000, 4_000],
      [3_000, 6_000, 12_000],
    ]);
    expect(m.sources).toMatchObject({ parameters: true, parameterDraws: 2 });
    expect(m.sources.parameterShare[0]).toBeCloseTo(1, 9);
    expect(m.sources.parameterShare.slice(1)).toEqual([0, 0, 0]);
    // The groups' mean is the pooled profile; group 1 is three times group 0.
    const mean = sharingMoments(m, 'mean').meanFen;
    const g1 = sharingMoments(m, 1).meanFen;
    const g0 = sharingMoments(m, 0).meanFen;
    for (let month = 0; month < 3; month++) {
      expect(mean[month * 4 + 1]).toBeCloseTo((g0[month * 4 + 1]! + g1[month * 4 + 1]!) / 2, 6);
      expect(g1[month * 4 + 1]! / g0[month * 4 + 1]!).toBeCloseTo(3, 9);
    }
    // With a single such replication there is no spread to keep.
    const one = new ClaimsAccumulator(TWO, 2, 3, 1);
    one.add(sample(1), true);
    expect(one.model().sources).toMatchObject({
      parameters: false,
      parameterDraws: 1,
      parameterShare: [0, 0, 0, 0],
    });
  });

  test('replications that drew parameters: each use’s level and trend against the mean, weighted by sampling, kept by the share sampling does not explain', () => {
    const M = 4;
    const k = 2;
    const sample = (g: number): number[][] => [
      // Medical, pair 0 → 1: every month, its level and its rise differing by replication.
      ...[100_000, 140_000, 170_000, 230_000].map((fen, m) => [
        m,
        0,
        1,
        USE_INDEX.medical,
        Math.round(fen * (1 + 0.1 * g) * (1 + 0.05 * g * m)),
        3,
        200 + 150 * m + 70 * g,
      ]),
      // Pharmacy, pair 1 → 0: nothing in month 1; month 3 without sampling variance.
      ...[300_000, 0, 250_000, 200_000].map((fen, m) => [
        m,
        1,
        0,
        USE_INDEX.pharmacy,
        Math.round(fen * (1.2 - 0.15 * g) * (1 - 0.08 * g * m + 0.02 * g * g * m)),
        2,
        m % 2 === 1 ? 0 : 4_000 - 500 * m + 300 * g,
      ]),
      // Resident contributions (use 2), pair 0 → 1: month 2 only.
      [2, 0, 1, 2, 500_000 + 90_000 * g * g, 1, 9_000 + 1_000 * g],
      // Inside province 0: no cross-province claim.
      [1, 0, 0, USE_INDEX.medical, 777, 1, 5],
    ];
    const samples = [0, 1, 2].map(sample);
    const acc = new ClaimsAccumulator(TWO, 2, M, k);
    for (const rows of samples) acc.add(cubeOf(M, rows), true);
    const m = acc.model();
    const ref = referenceGroups(m.profile, samples, k, M);
    expect(m.groups).toHaveLength(3);
    for (let g = 0; g < 3; g++)
      for (let x = 0; x < 4 * M; x++) expect(m.groups[g]![x]).toBeCloseTo(ref.groups[g]![x]!, 6);
    for (let u = 0; u < 4; u++) expect(m.sources.parameterShare[u]).toBeCloseTo(ref.shares[u]!, 12);
  });

  test('replications whose months of a use sum to 0 (refunds in month 0) read its trend about the middle month', () => {
    const rows = (a: number, b: number): number[][] => [
      [0, 0, 1, USE_INDEX.medical, -(a + b), 1, 0],
      [1, 0, 1, USE_INDEX.medical, a, 1, 0],
      [2, 0, 1, USE_INDEX.medical, b, 1, 0],
    ];
    const samples = [rows(1_000, 3_000), rows(2_000, 1_000)];
    const acc = new ClaimsAccumulator(TWO, 2, 3, 1);
    for (const r of samples) acc.add(cubeOf(3, r), true);
    const m = acc.model();
    const ref = referenceGroups(m.profile, samples, 1, 3);
    for (let g = 0; g < 2; g++)
      for (let x = 0; x < 3; x++) expect(m.groups[g]![x]).toBeCloseTo(ref.groups[g]![x]!, 6);
    expect(m.groups[0]![2]! / m.groups[0]![1]!).not.toBeCloseTo(m.groups[1]![2]! / m.groups[1]![1]!, 3);
  });
});
