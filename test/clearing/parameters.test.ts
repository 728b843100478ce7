import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CLEARING_PARAMETERS,
  settlementLagDays,
  toPrepaymentPolicy,
} from '../../src/clearing/parameters';
import { trackUsage } from '../../src/clearing/prepayment';

describe('clearing parameters', () => {
  test('C7: the default lags add up to 31 days from month close to money in the account', () => {
    expect(settlementLagDays(DEFAULT_CLEARING_PARAMETERS.calendar)).toBe(31);
  });

  test('C5–C7: toPrepaymentPolicy carries sizing, thresholds, top-up and the total lag', () => {
    expect(toPrepaymentPolicy(DEFAULT_CLEARING_PARAMETERS)).toEqual({
      sizing: { method: 'months-of-average', months: 2 },
      yellow: 0.7,
      red: 0.9,
      topUpFraction: 0.5,
      settlementLagDays: 31,
    });
  });

  test('C7: with a 31-day lag, a month is still uncleared when the next one has fully accrued', () => {
    const policy = toPrepaymentPolicy(DEFAULT_CLEARING_PARAMETERS);
    const t = trackUsage(policy, [3_000, 3_000, 3_000], [31, 28, 31], [10_000, 10_000, 10_000]);
    // At the end of February, January's 3,000 and February's 3,000 are both outstanding.
    expect(t.peakUsage[1]).toBeCloseTo(0.6, 10);
    expect(t.events).toEqual([]);
  });
});
