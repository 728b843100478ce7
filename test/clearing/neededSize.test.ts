import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bootstrapBase,
  bootstrapNeeded,
  criticalSizes,
  nearestRank,
  redShareAt,
  sizeAtConfidence,
} from '../../src/clearing/neededSize';

const peaksArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 20, max: 60 }))
  .chain(([J, D]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: D, maxLength: D }), {
      minLength: J,
      maxLength: J,
    }),
  )
  .map((pairs) => pairs.map((p) => Float64Array.from(p)));

describe('neededSize (C5, C6)', () => {
  test('a draw warns red at a fixed size X exactly when some pair’s peak reaches red × its share of X', () => {
    fc.assert(
      fc.property(peaksArb, fc.double({ min: 0.5, max: 0.99, noNaN: true }), (peaks, confidence) => {
        const red = 0.9;
        const { split, criticalFen } = criticalSizes(peaks, confidence, red);
        const X = sizeAtConfidence(criticalFen, confidence);
        for (let d = 0; d < criticalFen.length; d++) {
          const warns = peaks.some((p, j) => split[j]! > 0 && p[d]! > 0 && p[d]! >= red * split[j]! * X);
          expect(warns).toBe(criticalFen[d]! >= X && criticalFen[d]! > 0);
        }
        // The needed size keeps P(red) within 1 − confidence, and one fen less does not.
        expect(redShareAt(criticalFen, X)).toBeLessThanOrEqual(1 - confidence + 1e-12);
        if (X > 1) expect(redShareAt(criticalFen, X - 1)).toBeGreaterThan(1 - confidence - 1e-12);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  test('the split follows the chosen confidence: each pair’s quantile of its own peaks', () => {
    const steady = Float64Array.from({ length: 100 }, () => 1_000);
    const lumpy = Float64Array.from({ length: 100 }, (_, d) => (d % 10 === 0 ? 5_000 : 0));
    expect(Array.from(criticalSizes([steady, lumpy], 0.8, 0.9).split)).toEqual([1, 0]);
    const at95 = criticalSizes([steady, lumpy], 0.95, 0.9).split;
    expect(at95[1]! / at95[0]!).toBeCloseTo(5, 12);
  });

  test('a bootstrap round with every factor 1 and every group once gives the needed size itself', () => {
    fc.assert(
      fc.property(peaksArb, fc.integer({ min: 1, max: 5 }), (peaks, G) => {
        const red = 0.9;
        const c = criticalSizes(peaks, 0.9, red);
        const base = bootstrapBase(peaks, c.quantileFen, G);
        const round = bootstrapNeeded(
          base,
          new Float64Array(peaks.length).fill(1),
          new Float64Array(G).fill(1),
          0.9,
          red,
        );
        expect(Math.abs(round - sizeAtConfidence(c.criticalFen, 0.9))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  test('a pair whose level is estimated 10% higher raises the needed size by its part of it', () => {
    const a = Float64Array.from({ length: 50 }, (_, d) => 1_000 + d);
    const b = Float64Array.from({ length: 50 }, (_, d) => 3_000 + 2 * d);
    const c = criticalSizes([a, b], 0.9, 0.9);
    const base = bootstrapBase([a, b], c.quantileFen, 1);
    const one = Float64Array.of(1);
    const up = bootstrapNeeded(base, Float64Array.of(1, 1.1), one, 0.9, 0.9);
    const same = bootstrapNeeded(base, Float64Array.of(1, 1), one, 0.9, 0.9);
    const share = c.quantileFen[1]! / (c.quantileFen[0]! + c.quantileFen[1]!);
    expect(up / same).toBeCloseTo(1 + 0.1 * share, 3);
  });
});

describe('neededSize, small cases worked by hand', () => {
  test('nearestRank takes the ⌈q n⌉-th value, at least the first and at most the last; 0 for none', () => {
    const s = Float64Array.of(10, 20, 30, 40);
    expect([0, 0.25, 0.26, 0.5, 0.75, 1, 1.5].map((q) => nearestRank(s, q))).toEqual([
      10, 10, 20, 20, 30, 40, 40,
    ]);
    expect(nearestRank(new Float64Array(0), 0.5)).toBe(0);
  });

  test('sizeAtConfidence is one fen above the critical size at the confidence, and 0 when nothing is at risk', () => {
    expect(sizeAtConfidence([30.5, 10, 20, 40], 0.75)).toBe(31);
    expect(sizeAtConfidence([30, 10, 20, 40], 0.75)).toBe(31);
    expect(sizeAtConfidence([0, 0, 0], 0.9)).toBe(0);
    expect(sizeAtConfidence([], 0.9)).toBe(0);
  });

  test('redShareAt counts the draws whose critical size reaches the prepayment, never those with no claims', () => {
    expect(redShareAt([0, 10, 20, 30], 20)).toBe(0.5);
    expect(redShareAt([0, 10, 20, 30], 21)).toBe(0.25);
    expect(redShareAt([0, 0], 0)).toBe(0);
    expect(redShareAt([], 5)).toBe(0);
  });

  test('criticalSizes: each draw’s critical size is its largest peak ÷ (red × the pair’s share)', () => {
    const a = Float64Array.of(90, 0, 45, 90);
    const b = Float64Array.of(0, 90, 90, 0);
    const c = criticalSizes([a, b], 0.5, 0.9);
    // The median peaks: 45 for the first pair, 0 for the second (two of its four draws have none).
    expect(Array.from(c.quantileFen)).toEqual([45, 0]);
    expect(Array.from(c.split)).toEqual([1, 0]);
    expect(Array.from(c.criticalFen)).toEqual([100, 0, 50, 100]);
  });

  test('criticalSizes shares by mean peak when no pair reaches the confidence, and gives nothing for no pairs', () => {
    const rare = Float64Array.of(0, 0, 0, 40);
    const rarer = Float64Array.of(0, 0, 0, 20);
    const c = criticalSizes([rare, rarer], 0.5, 0.5);
    expect(Array.from(c.quantileFen)).toEqual([0, 0]);
    expect(Array.from(c.split)).toEqual([40 / 60, 20 / 60]);
    expect(c.criticalFen[3]).toBeCloseTo(120, 9); // 40 ÷ (0.5 × 2/3)
    expect(Array.from(c.criticalFen.slice(0, 3))).toEqual([0, 0, 0]);
    const none = criticalSizes([Float64Array.of(0, 0)], 0.5, 0.9);
    expect(Array.from(none.split)).toEqual([0]);
    expect(Array.from(none.criticalFen)).toEqual([0, 0]);
    const empty = criticalSizes([], 0.5, 0.9);
    expect([empty.quantileFen.length, empty.split.length, empty.criticalFen.length]).toEqual([0, 0, 0]);
  });

  test('bootstrapBase sorts the draws by their largest peak-to-quantile ratio and keeps each draw’s group', () => {
    const a = Float64Array.of(50, 100, 150, 0);
    const b = Float64Array.of(40, 10, 0, 80);
    const base = bootstrapBase([a, b, Float64Array.of(9, 9, 9, 9)], Float64Array.of(100, 20, 0), 2);
    // Ratios: max(0.5, 2) = 2, max(1, 0.5) = 1, 1.5, 4; the third pair has no quantile and counts for nothing.
    expect(Array.from(base.ratio)).toEqual([1, 1.5, 2, 4]);
    expect(Array.from(base.group)).toEqual([1, 0, 0, 1]);
    expect(Array.from(base.quantileFen)).toEqual([100, 20, 0]);
  });

  test('bootstrapNeeded: the weighted confidence quantile of the ratios × Σ f q ÷ red, plus one fen', () => {
    const base = {
      ratio: Float64Array.of(1, 1.5, 2, 4),
      group: Uint32Array.of(1, 0, 0, 1),
      quantileFen: Float64Array.of(100, 20),
    };
    // Every group once: the 50% ratio is 1.5; Σ f q = 120; 1.5 × 120 ÷ 0.9 = 200 → 201.
    expect(bootstrapNeeded(base, [1, 1], [1, 1], 0.5, 0.9)).toBe(201);
    // Group 1 counted three times, group 0 not at all: ratios 1, 1, 1, 4, 4, 4 → the median is 1.
    expect(bootstrapNeeded(base, [1, 1], [0, 3], 0.5, 0.9)).toBe(Math.floor(120 / 0.9) + 1);
    // The first pair's level 10% higher: Σ f q = 130.
    expect(bootstrapNeeded(base, [1.1, 1], [1, 1], 1, 0.9)).toBe(Math.floor((4 * 130) / 0.9) + 1);
    expect(bootstrapNeeded(base, [0, 0], [1, 1], 0.5, 0.9)).toBe(0);
    expect(
      bootstrapNeeded(
        { ...base, ratio: new Float64Array(0), group: new Uint32Array(0) },
        [1, 1],
        [1, 1],
        0.5,
        0.9,
      ),
    ).toBe(0);
    // A confidence above every weight still gives the largest ratio.
    expect(bootstrapNeeded(base, [1, 1], [1, 1], 1.5, 0.9)).toBe(Math.floor((4 * 120) / 0.9) + 1);
  });
});

describe('neededSize: exact small cases', () => {
  test('when no pair’s quantile is positive, pairs share by their mean peak, Σ peaks ÷ D', () => {
    // At 50% both quantiles are 0; the mean peaks are 1/3 and 7/3.
    const { quantileFen, split } = criticalSizes(
      [Float64Array.of(0, 0, 1), Float64Array.of(0, 0, 7)],
      0.5,
      0.9,
    );
    expect(Array.from(quantileFen)).toEqual([0, 0]);
    const w = [1 / 3, 7 / 3];
    expect(Array.from(split)).toEqual([w[0]! / (w[0]! + w[1]!), w[1]! / (w[0]! + w[1]!)]);
    // In floating point that is not 1/8: the division by D is kept.
    expect(split[0]).not.toBe(1 / 8);
  });

  test('the weighted quantile is the first draw whose cumulative weight reaches confidence × total − 1e-9', () => {
    const base = {
      ratio: Float64Array.of(1, 2),
      group: Uint32Array.of(0, 1),
      quantileFen: Float64Array.of(900),
    };
    // Weights 0.999999998 and 1: the first draw's weight is exactly 0.5 × 1.999999998 − 1e-9.
    const first = 0.999999998;
    expect(first).toBe(0.5 * (first + 1) - 1e-9);
    expect(bootstrapNeeded(base, [1], [first, 1], 0.5, 0.9)).toBe(Math.floor((1 * 900) / 0.9) + 1);
    expect(bootstrapNeeded(base, [1], [first * 0.999, 1], 0.5, 0.9)).toBe(Math.floor((2 * 900) / 0.9) + 1);
  });
});
