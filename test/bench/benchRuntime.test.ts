import { expect, test } from 'vitest';
import { pairedSpeedup } from '../../bench/benchRuntime';

test('the speed-up is the median of the ratios of alternated runs, leaving out the first pair', () => {
  // Wall times of 1 and 2 workers timed in alternation, on a machine that slows down as they go.
  // The best runs of each (0.9 s and 0.5 s) would give 1.8; the first pair (fresh threads) gives 1.
  const one = [2.0, 0.9, 1.2, 1.3, 1.9];
  const two = [2.0, 0.5, 0.6, 0.65, 1.0];
  const s = pairedSpeedup(one, two);
  // Ratios 1.8, 2, 2, 1.9: the median is 1.95.
  expect(s.median).toBeCloseTo(1.95, 10);
  expect(s.min).toBeCloseTo(1.8, 10);
  expect(s.max).toBeCloseTo(2, 10);
});

test('runs that do not come in pairs, or only the first pair, are refused', () => {
  expect(pairedSpeedup([1, 1], [1, 0.55]).median).toBeCloseTo(1 / 0.55, 10);
  expect(() => pairedSpeedup([1, 1], [1])).toThrow(/in pairs/);
  expect(() => pairedSpeedup([1], [0.5])).toThrow(/at least one pair after the first/);
});
