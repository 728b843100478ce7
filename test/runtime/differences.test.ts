import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import {
  difference,
  figureDifferences,
  fittedValues,
  normalQuantile,
  parameterRows,
} from '../../src/runtime/differences';

/** A standard normal draw (Box–Muller) from a seeded stream. */
function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('normalQuantile', () => {
  test('gives the textbook quantiles and refuses probabilities outside (0, 1)', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => normalQuantile(1)).toThrow(/strictly between 0 and 1/);
  });
});

describe('fittedValues', () => {
  test('recovers an exact line and leaves out a column that does not vary', () => {
    const x = [
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
    ];
    const { fitted, columns } = fittedValues([3, 5, 7, 9], x);
    expect(columns).toBe(1);
    fitted.forEach((f, i) => expect(f).toBeCloseTo([3, 5, 7, 9][i]!, 9));
  });
});

describe('difference', () => {
  test('a scenario against itself changes nothing, with a zero-width interval within noise', () => {
    const v = [10, 12, 9, 11];
    const d = difference(v, v, { scaleK: 1000 });
    expect(d).toMatchObject({
      change: 0,
      changeShare: 0,
      interval: [0, 0],
      withinNoise: true,
      sampling: 'removed',
    });
  });

  test('without replications there is a change but no interval', () => {
    const d = difference([12], [10], { scaleK: 1000 });
    expect(d).toMatchObject({
      value: 12,
      baseline: 10,
      change: 2,
      changeShare: 0.2,
      interval: null,
      withinNoise: null,
    });
  });

  test('refuses unpaired values', () => {
    expect(() => difference([1, 2], [1], { scaleK: 10 })).toThrow(/as many values on each side/);
  });

  test('without ranges the interval holds the population’s own variance (s² ÷ k) and the estimate’s error', () => {
    const d = difference([12, 14, 10, 16], [10, 10, 10, 10], { scaleK: 100, coverage: 0.9 });
    const s2 = (1 + 1 + 9 + 9) / 3; // differences 2, 4, 0, 6 around 3
    const half = normalQuantile(0.95) * Math.sqrt(s2 / 100 + s2 / 4);
    expect(d.change).toBe(3);
    expect(d.interval![0]).toBeCloseTo(3 - half, 9);
    expect(d.interval![1]).toBeCloseTo(3 + half, 9);
    expect(d.withinNoise).toBe(false);
  });

  test('a change smaller than the noise is marked within noise', () => {
    const d = difference([10.5, 9, 11.5, 9.5], [10, 10, 10, 10], { scaleK: 1 });
    expect(d.withinNoise).toBe(true);
  });

  test('with too few replications for the line on the parameters, the sampling noise stays in and it says so', () => {
    const params = parameterRows(
      [
        { a: 1, b: 2 },
        { a: 2, b: 1 },
        { a: 3, b: 3 },
      ],
      ['a', 'b'],
    );
    const d = difference([1, 2, 4], [0, 0, 0], { scaleK: 1000, parameters: params });
    expect(d.sampling).toMatch(/^kept/);
    const s2 = ((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 2;
    expect(d.interval![1] - d.change).toBeCloseTo(normalQuantile(0.95) * Math.sqrt(s2 + s2 / 3), 9);
  });

  test('with ranges, intervals from a coarse and a fine sample of the same population agree', () => {
    // A figure whose difference is 3 per unit of a drawn parameter, with sampling noise of variance
    // k × 0.01 at 1:k (the population's own variance 0.01), over 40 replications.
    const half = (k: number, seed: string) => {
      const rng = seedrandom(seed);
      const theta = Array.from({ length: 40 }, () => rng());
      const d = theta.map((t) => 3 * t + Math.sqrt(k * 0.01) * normal(rng));
      const r = difference(
        d,
        d.map(() => 0),
        { scaleK: k, parameters: theta.map((t) => [t]) },
      );
      expect(r.sampling).toBe('removed');
      return (r.interval![1] - r.interval![0]) / 2;
    };
    // The truth: the parameter's spread 3² ÷ 12 = 0.75, plus the population's 0.01.
    const truth = normalQuantile(0.95) * Math.sqrt(0.75 + 0.01);
    for (const seed of ['a', 'b', 'c']) {
      expect(half(100, seed) / truth).toBeGreaterThan(0.6);
      expect(half(100, seed) / truth).toBeLessThan(1.5);
      expect(half(1, seed) / truth).toBeGreaterThan(0.6);
      expect(half(1, seed) / truth).toBeLessThan(1.5);
    }
  });
});

describe('figureDifferences', () => {
  const runs = (values: number[][], ranged = false) => ({
    figureSamples: values.map(([a, b]) => ({ a: a!, b: b! })),
    sampleParameters: values.map((_, r): Record<string, number> =>
      ranged ? { 'behaviour.uptake': 0.1 + r / 100 } : {},
    ),
    ranged,
  });

  test('names each figure and pairs replication r of the run with replication r of the baseline', () => {
    const run = runs([
      [110, 5],
      [130, 5],
      [120, 5],
    ]);
    const base = runs([
      [100, 5],
      [120, 5],
      [110, 5],
    ]);
    const [a, b] = figureDifferences(run, base, ['a', 'b'], { scaleK: 1 });
    expect(a!.key).toBe('a');
    expect(a!.change).toBe(10);
    // Paired: every replication differs by exactly 10, so the interval has no width.
    expect(a!.interval).toEqual([10, 10]);
    expect(a!.withinNoise).toBe(false);
    expect(b!.change).toBe(0);
    expect(b!.changeShare).toBe(0);
    expect(b!.withinNoise).toBe(true);
  });

  test('is the same as difference() on the figure with the drawn parameters when a run has ranges', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7].map((r) => [100 + 7 * r + (r % 3), 1]);
    const run = runs(values, true);
    const base = runs(
      values.map(([a]) => [a! - 3 - (a! % 2), 1]),
      false,
    );
    const [got] = figureDifferences(run, base, ['a'], { scaleK: 10, coverage: 0.8 });
    const expected = difference(
      run.figureSamples.map((f) => f.a),
      base.figureSamples.map((f) => f.a),
      { scaleK: 10, coverage: 0.8, parameters: run.sampleParameters.map((s) => [s['behaviour.uptake']!]) },
    );
    expect(got).toEqual({ key: 'a', ...expected });
  });

  test('refuses runs with different numbers of replications', () => {
    expect(() =>
      figureDifferences(
        runs([[1, 1]]),
        runs([
          [1, 1],
          [2, 2],
        ]),
        ['a'],
        { scaleK: 1 },
      ),
    ).toThrow('run both with the same replications');
  });
});
