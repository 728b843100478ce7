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
