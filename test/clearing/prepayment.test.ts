import { describe, expect, test } from 'vitest';
import {
  dailyShare,
  prepaymentForConfidence,
  sizePrepayment,
  trackUsage,
  type PrepaymentPolicy,
} from '../../src/clearing/prepayment';

const policy: PrepaymentPolicy = {
  sizing: { method: 'months-of-average', months: 2 },
  yellow: 0.7,
  red: 0.9,
  topUpFraction: 0.5,
  settlementLagDays: 10,
};

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

describe('trackUsage (C6, C7)', () => {
  test('C7: claims build up over the month and are cleared after the lag; usage peaks just before clearing', () => {
    const t = trackUsage(policy, [3_000, 3_000], [30, 30], [10_000, 10_000]);
    // Month 0 ends with 3,000 outstanding; 10 days into month 1 it adds 1,000 before month 0 clears.
    expect(t.peakUsage[0]).toBeCloseTo(0.3, 10);
    expect(t.peakUsage[1]).toBeCloseTo(0.4, 10);
    expect(t.events).toEqual([]);
  });

  test('C6: a yellow warning at 70%, a red one at 90% with an emergency top-up that lowers the usage', () => {
    const t = trackUsage(policy, [8_000, 8_000], [30, 30], [10_000, 10_000]);
    // Yellow late in month 0; red on day 34 as month 1's claims pile on month 0's uncleared 8,000;
    // the top-up takes the prepayment to 15,000; yellow again on day 40 just before month 0 clears.
    expect(t.events.map((e) => [e.kind, e.day])).toEqual([
      ['yellow', 26],
      ['red', 33],
      ['top-up', 33],
      ['yellow', 39],
    ]);
    const topUp = t.events.find((e) => e.kind === 'top-up')!;
    expect(topUp.amountFen).toBe(5_000);
    expect(t.prepaymentFen[1]).toBe(15_000);
    expect(t.events[0]!.usage).toBeGreaterThanOrEqual(0.7);
    expect(t.events[1]!.usage).toBeGreaterThanOrEqual(0.9);
  });

  test('C6: no warnings fire when the prepayment covers the peak', () => {
    const t = trackUsage(policy, [1_000, 1_000, 1_000], [31, 28, 31], [2_000, 2_000, 2_000]);
    expect(Math.max(...t.peakUsage)).toBeLessThan(0.7);
    expect(t.events).toHaveLength(0);
  });
});

describe('prepaymentForConfidence (C5, C6)', () => {
  test('the prepayment that keeps usage below red in the chosen share of replications', () => {
    const peaks = Array.from({ length: 100 }, (_, i) => (i + 1) * 900);
    expect(prepaymentForConfidence(peaks, 0.9, 0.95)).toBe(95_000);
    expect(prepaymentForConfidence(peaks, 0.9, 0.5)).toBe(50_000);
  });
});
