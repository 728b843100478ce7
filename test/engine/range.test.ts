import { describe, expect, test } from 'vitest';
import { mergeRangeResults, S, series, simulateRange, SUMMARY_FIELDS } from '../../src/engine';
import { C, CLASSES } from '../../src/engine/result';
import { inputOf, resultBits } from './helpers';

describe('simulateRange', () => {
  const input = inputOf('baseline-2026', 2000);

  test('one range and three ranges merged in another order give identical bits', () => {
    const whole = simulateRange(input, 0, 3000);
    const a = simulateRange(input, 0, 700);
    const b = simulateRange(input, 700, 1900);
    const c = simulateRange(input, 1900, 3000);
    const merged = mergeRangeResults(mergeRangeResults(c, a), b);
    expect(resultBits(merged)).toEqual(resultBits(whole));
    expect(whole.flows.totalFen()).toBeGreaterThan(0);
  });

  test('the conservation residual is 0 fen in every month, and the ledger classes sum to 0', () => {
    for (const name of ['baseline-2026', 'pilot-2025-wallet', 'monthly-cap-2026', 'calibration-2024']) {
      const r = simulateRange(inputOf(name, 2000), 0, 2500);
      expect([...r.residual], name).toEqual(new Array(r.months).fill(0));
      for (let m = 0; m < r.months; m++) {
        const row = r.ledger.subarray(m * CLASSES.length, (m + 1) * CLASSES.length);
        expect(
          row.reduce((s, x) => s + x, 0),
          `${name} month ${m}`,
        ).toBe(0);
        expect(row[C.quotas]! + row[C.wallets]!).toBe(
          r.summary[m * SUMMARY_FIELDS + S.quotaFrozenFen]! + r.summary[m * SUMMARY_FIELDS + S.walletFen]!,
        );
      }
    }
  });

  test('the flow cube holds exactly the shared money of the summaries', () => {
    const r = simulateRange(input, 0, 1500);
    const shared = series(r, S.sharedFen).reduce((s, x) => s + x, 0);
    const times = series(r, S.personTimes).reduce((s, x) => s + x, 0);
    expect(r.flows.totalFen()).toBe(shared);
    expect(r.flows.cells().reduce((s, c) => s + c.count, 0)).toBe(times);
    expect(shared % input.scaleK).toBe(0);
  });

  test('relationships are set up, stand, and end by choice and by insurance changes', () => {
    const r = simulateRange(input, 0, 3000);
    const total = (f: number) => series(r, f).reduce((s, x) => s + x, 0);
    expect(total(S.setUpStock)).toBeGreaterThan(0);
    expect(total(S.setUp)).toBeGreaterThan(0);
    expect(total(S.setUpOnNeed)).toBeGreaterThan(0);
    expect(total(S.endedVoluntary)).toBeGreaterThan(0);
    expect(total(S.endedDeath) + total(S.endedMove) + total(S.endedLeave)).toBeGreaterThan(0);
    const active = series(r, S.active);
    const ended = [S.endedVoluntary, S.endedMove, S.endedDeath, S.endedLeave].map((f) => series(r, f));
    let standing = 0;
    active.forEach((a, m) => {
      standing +=
        r.summary[m * SUMMARY_FIELDS + S.setUpStock]! +
        r.summary[m * SUMMARY_FIELDS + S.setUp]! -
        ended.reduce((s, e) => s + e[m]!, 0);
      expect(a, `month ${m}`).toBe(standing);
    });
  });
});
