import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bootstrapBase,
  bootstrapNeeded,
  criticalSizes,
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
