import { describe, expect, test } from 'vitest';
import { dailyClaims, runCalendar } from '../../src/clearing/calendar';
import {
  DEFAULT_CLEARING_PARAMETERS,
  providerLagDays,
  settlementLagDays,
} from '../../src/clearing/parameters';
import { trackPrepayment } from '../../src/clearing/usage';

describe('DEFAULT_CLEARING_PARAMETERS', () => {
  test('C7: providers are paid within 38 days of a month’s close, clearing money arrives 41 days after it', () => {
    expect(providerLagDays(DEFAULT_CLEARING_PARAMETERS.calendar)).toBe(38);
    expect(settlementLagDays(DEFAULT_CLEARING_PARAMETERS.calendar)).toBe(41);
  });

  test('C7: a month uses the prepayment from its first provider payment until clearing repays it, about one month at the peak', () => {
    const p = DEFAULT_CLEARING_PARAMETERS;
    const cal = runCalendar('2026-01', 3, p.calendar);
    const { claimsFen, repaidFen } = dailyClaims(cal, [2_800, 2_800, 3_100]);
    const t = trackPrepayment(p.warnings, claimsFen, repaidFen, [{ day: 0, fen: 10_000 }]);
    // January's providers are paid on 11 February – 10 March (days 41–68); nothing is drawn before.
    expect(t.outstandingFen[40]).toBe(0);
    expect(t.outstandingFen[68]).toBe(2_800);
    // February's providers are paid from 11 March (day 69); clearing repays January on 14 March (day 72).
    expect(t.outstandingFen[71]).toBe(2_800 + 100 * 3);
    expect(t.outstandingFen[72]).toBe(100 * 4);
    // At the peak about one month of claims is out: 30% of a prepayment of about 3.3 months.
    expect(t.peakUsage).toBeLessThan(0.32);
    expect(t.events).toEqual([]);
  });
});

describe('the clearing lags (C7)', () => {
  test('settlementLagDays adds results, confirmation and transfer; providerLagDays declaration and payment', () => {
    const calendar = {
      ...DEFAULT_CLEARING_PARAMETERS.calendar,
      providerDeclarationDays: 5,
      providerPaymentDays: 7,
      resultsLagDays: 1,
      confirmationLagDays: 10,
      transferLagDays: 100,
    };
    expect(settlementLagDays(calendar)).toBe(111);
    expect(providerLagDays(calendar)).toBe(12);
  });
});
