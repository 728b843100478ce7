import { describe, expect, test } from 'vitest';
import { dailyShare, sizePrepayment } from '../../src/clearing/prepayment';

describe('sizePrepayment (C5)', () => {
  test('C5: two months of the previous year’s average month, rounded up to the fen', () => {
    const months = [100, 100, 100, 100, 100, 100, 100, 100, 100, 200, 200, 201];
    // 1,501 fen over 12 months: 2 × 125.08 = 250.17 → 251; Hebei's six months: 750.5 → 751.
    expect(sizePrepayment({ method: 'months-of-average', months: 2 }, months)).toBe(251);
    expect(sizePrepayment({ method: 'months-of-average', months: 6 }, months)).toBe(751);
  });

  test('C5: a percentile of monthly need uses the nearest rank', () => {
    const months = [5, 1, 4, 2, 3, 9, 8, 7, 6, 10, 12, 11];
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 95 }, months)).toBe(12);
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 50 }, months)).toBe(6);
    expect(sizePrepayment({ method: 'months-of-average', months: 2 }, [])).toBe(0);
  });
});

describe('dailyShare', () => {
  test('spreads a period’s fen over its days in whole fen that add up exactly', () => {
    const days = Array.from({ length: 31 }, (_, d) => dailyShare(1_000_003, 31, d));
    expect(days.reduce((a, b) => a + b, 0)).toBe(1_000_003);
    expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(1);
  });
});

describe('sizePrepayment and dailyShare at their edges', () => {
  test('C5: a fractional number of months is allowed and rounded up to the fen', () => {
    expect(sizePrepayment({ method: 'months-of-average', months: 1.5 }, [100, 101])).toBe(151); // 150.75
    expect(sizePrepayment({ method: 'months-of-average', months: 2 }, [100, 100])).toBe(200);
  });

  test('C5: the lowest percentile still takes the smallest month, the 100th the largest, each rounded up', () => {
    const months = [40.2, 10.5, 30, 20];
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 0.1 }, months)).toBe(11);
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 25 }, months)).toBe(11);
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 26 }, months)).toBe(20);
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 100 }, months)).toBe(41);
    expect(sizePrepayment({ method: 'percentile-of-monthly-need', percentile: 50 }, [])).toBe(0);
  });

  test('dailyShare gives the remainder fen to the first days', () => {
    expect(Array.from({ length: 4 }, (_, d) => dailyShare(10, 4, d))).toEqual([3, 3, 2, 2]);
    expect(Array.from({ length: 3 }, (_, d) => dailyShare(2, 3, d))).toEqual([1, 1, 0]);
    expect(Array.from({ length: 2 }, (_, d) => dailyShare(8, 2, d))).toEqual([4, 4]);
  });
});
