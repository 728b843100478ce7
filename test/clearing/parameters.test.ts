import { describe, expect, test } from 'vitest';
import { dailyClaims, runCalendar } from '../../src/clearing/calendar';
import { DEFAULT_CLEARING_PARAMETERS, settlementLagDays } from '../../src/clearing/parameters';
import { trackPrepayment } from '../../src/clearing/usage';

describe('clearing parameters', () => {
  test('C7: the default lags add up to 31 days from month close to money in the account', () => {
    expect(settlementLagDays(DEFAULT_CLEARING_PARAMETERS.calendar)).toBe(31);
  });

  test('C7: with a 31-day lag, a month is still uncleared when the next one has fully accrued', () => {
    const p = DEFAULT_CLEARING_PARAMETERS;
    const cal = runCalendar('2026-01', 3, p.calendar);
    const { claimsFen, repaidFen } = dailyClaims(cal, [3_100, 2_800, 3_100]);
    const t = trackPrepayment(p.warnings, claimsFen, repaidFen, [{ day: 0, fen: 10_000 }]);
    // On the last day of February, January's 3,100 and February's 2,800 are both outstanding.
    expect(t.outstandingFen[58]).toBe(5_900);
    // January's money arrives on 3 March (day 62): usage peaks just before, with 3 days of March on top.
    expect(t.peakUsage).toBeCloseTo(0.62, 12);
    expect(t.reachedUsage[62]).toBeCloseTo((2_800 + 400) / 10_000, 12);
    expect(t.events).toEqual([]);
  });
});
