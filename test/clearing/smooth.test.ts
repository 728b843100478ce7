import { describe, expect, test } from 'vitest';
import { denoise, whittaker } from '../../src/clearing/smooth';
import { nextUnit, normalFrom, seedFamily, streamKey } from '../../src/population/random';

/** Standard normals from a seeded stream. */
function normals(seed: string, n: number): number[] {
  const s = new Int32Array(4);
  seedFamily(streamKey(seed), 0, s);
  return Array.from({ length: n }, () => normalFrom(1 - nextUnit(s), nextUnit(s)));
}

describe('smooth', () => {
  test('whittaker with no penalty returns the series, with a huge one the weighted straight line', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    const w = y.map(() => 1);
    expect(Array.from(whittaker(y, w, 0))).toEqual(y);
    const line = whittaker(y, w, 1e12);
    const slope = line[1]! - line[0]!;
    for (let i = 2; i < y.length; i++) expect(line[i]! - line[i - 1]!).toBeCloseTo(slope, 5);
    expect(line.reduce((a, b) => a + b, 0)).toBeCloseTo(31, 2);
  });

  test('denoise takes out month-to-month noise around a smooth rise and comes closer to the truth', () => {
    const truth = Array.from({ length: 12 }, (_, m) => 100 + 10 * m + 2 * m * m);
    let before = 0;
    let after = 0;
    for (let r = 0; r < 20; r++) {
      const z = normals(`noise-${r}`, 12);
      const y = truth.map((t, m) => t + 15 * z[m]!);
      const d = denoise(
        y,
        y.map(() => 225),
      );
      truth.forEach((t, m) => {
        before += (y[m]! - t) ** 2;
        after += (d[m]! - t) ** 2;
      });
    }
    expect(after).toBeLessThan(0.7 * before);
  });

  test('denoise keeps a collection season that its noise cannot explain', () => {
    const season = [0, 0, 0, 0, 0, 0, 0, 0, 50, 300, 350, 300].map((x) => 1_000 * x);
    const y = season.map((x, m) => x + (m % 2 === 0 ? 500 : -500));
    const d = denoise(
      y,
      y.map(() => 1_000 ** 2),
    );
    d.forEach((v, m) => expect(Math.abs(v - season[m]!)).toBeLessThan(5_000));
    expect(Array.from(denoise([1, 2, 3], [0, 0, 0]))).toEqual([1, 2, 3]);
  });
});

/** (W + λ DᵀD) z − W y for second differences D, computed in full: zero when z solves the smoother's system. */
function residual(y: number[], w: number[], lambda: number, z: ArrayLike<number>): number[] {
  const n = y.length;
  const dz = Array.from({ length: n - 2 }, (_, i) => z[i]! - 2 * z[i + 1]! + z[i + 2]!);
  const dtdz = new Array<number>(n).fill(0);
  dz.forEach((v, i) => {
    dtdz[i]! += v;
    dtdz[i + 1]! -= 2 * v;
    dtdz[i + 2]! += v;
  });
  return y.map((yi, i) => w[i]! * z[i]! + lambda * dtdz[i]! - w[i]! * yi);
}

describe('smooth, checked against its equations', () => {
  test('whittaker solves (W + λ DᵀD) z = W y', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    const w = [1, 2, 0.5, 1, 3, 1, 1, 0.25, 2, 1];
    for (const lambda of [0.1, 1, 10, 1_000]) {
      const z = whittaker(y, w, lambda);
      for (const r of residual(y, w, lambda, z)) expect(Math.abs(r)).toBeLessThan(1e-9);
    }
    // Three points: the smallest system.
    const z3 = whittaker([1, 5, 2], [1, 1, 1], 2);
    for (const r of residual([1, 5, 2], [1, 1, 1], 2, z3)) expect(Math.abs(r)).toBeLessThan(1e-12);
  });

  test('whittaker returns short series and a zero penalty as they are, as a copy', () => {
    const two = [4, 7];
    const out = whittaker(two, [1, 1], 10);
    expect(Array.from(out)).toEqual(two);
    expect(out).toBeInstanceOf(Float64Array);
  });

  test('whittaker leaves a series of fewer than 3 points, or any series under no penalty, as it is, whatever its weights', () => {
    // A weight of 0 would lose the point in the system's solution (0 × y ÷ 0), and 0.1 × 3 ÷ √3 ÷ √3 is not 0.1.
    expect(Array.from(whittaker([0.1, 0.7], [3, 0], 10))).toEqual([0.1, 0.7]);
    expect(Array.from(whittaker([0.1], [0], 10))).toEqual([0.1]);
    expect(Array.from(whittaker([0.1, 0.7, 0.3], [3, 0, 0.7], 0))).toEqual([0.1, 0.7, 0.3]);
  });

  test('denoise picks the strongest penalty whose weighted misfit stays within n − 2', () => {
    const z = normals('misfit', 12);
    const y = Array.from({ length: 12 }, (_, m) => 100 + 30 * Math.sin(m) + 4 * z[m]!);
    const variance = y.map(() => 16);
    const d = denoise(y, variance);
    const misfit = y.reduce((s, v, i) => s + (v - d[i]!) ** 2 / 16, 0);
    expect(misfit).toBeLessThanOrEqual(10);
    expect(misfit).toBeGreaterThan(10 * 0.999);
  });

  test('denoise smooths a series of three months, and keeps a penalty whose misfit lands exactly on n − 2', () => {
    // The search's last steps lie within the rounding of the misfit: a misfit equal to n − 2 is within it.
    const y = [7, 2, 0];
    const d = denoise(y, [1, 1, 1]);
    let misfit = 0;
    for (let i = 0; i < 3; i++) misfit += (y[i]! - d[i]!) ** 2;
    expect(misfit).toBe(1);
    expect(d[1]).toBeGreaterThan(2);
  });

  test('an exact month weighs against the least noisy month, however noisy the others are', () => {
    // The exact month's noise counts as a millionth of the smallest variance (1), not of the largest.
    const y = [100, 140, 90, 130, 500, 120, 110, 150];
    const variance = [1, 1e8, 1e8, 1e8, 0, 1e8, 1e8, 1e8];
    const d = denoise(y, variance);
    expect(d[4]).toBeCloseTo(500, 3);
  });

  test('denoise returns the straight line when even that fits within the noise', () => {
    const y = [10, 12, 14.5, 16, 18.2, 20];
    const d = denoise(
      y,
      y.map(() => 100),
    );
    for (let i = 2; i < y.length; i++) expect(d[i]! - 2 * d[i - 1]! + d[i - 2]!).toBeCloseTo(0, 6);
    // Least squares: the line keeps the series' mean (to the precision of a penalty 10¹² times the weights).
    expect(d.reduce((a, b) => a + b, 0) / 6).toBeCloseTo(y.reduce((a, b) => a + b, 0) / 6, 2);
  });

  test('denoise keeps an exactly known month where it is, and short or all-exact series as they are', () => {
    const y = [100, 140, 90, 130, 500, 120, 110, 150];
    const variance = [400, 400, 400, 400, 0, 400, 400, 400];
    expect(denoise(y, variance)[4]).toBeCloseTo(500, 3);
    expect(Array.from(denoise([1, 9], [5, 5]))).toEqual([1, 9]);
    expect(Array.from(denoise([1, 9, 4, 7], [0, 0, 0, 0]))).toEqual([1, 9, 4, 7]);
  });
});
