import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planRanges } from '../../src/runtime/plan';

describe('planRanges', () => {
  test('covers every family once, in order, with sizes differing by at most one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 1, max: 8 }),
        (families, workers) => {
          const ranges = planRanges(families, { workers });
          let next = 0;
          ranges.forEach((r, i) => {
            expect(r.index).toBe(i);
            expect(r.from).toBe(next);
            expect(r.to).toBeGreaterThan(r.from);
            next = r.to;
          });
          expect(next).toBe(families);
          const sizes = ranges.map((r) => r.to - r.from);
          if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  test('gives each worker several ranges and keeps ranges under the size bound', () => {
    expect(planRanges(1000, { workers: 2 })).toHaveLength(8);
    const big = planRanges(1_000_000, { workers: 2, maxFamilies: 50_000 });
    expect(big).toHaveLength(20);
    expect(Math.max(...big.map((r) => r.to - r.from))).toBeLessThanOrEqual(50_000);
    expect(planRanges(3, { workers: 4 })).toHaveLength(3);
    expect(planRanges(0, { workers: 4 })).toEqual([]);
  });

  test('refuses a fractional family count or no worker', () => {
    expect(() => planRanges(2.5, { workers: 1 })).toThrow(/whole number of families/);
    expect(() => planRanges(10, { workers: 0 })).toThrow(/at least one worker/);
  });
});
