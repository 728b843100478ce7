import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  dailyClaims,
  daysInMonth,
  daySchedule,
  peakOutstanding,
  peakWeights,
  runCalendar,
  spreadClaims,
} from '../../src/clearing/calendar';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingCalendar } from '../../src/clearing/parameters';
import { trackPrepayment } from '../../src/clearing/usage';

const monthly = DEFAULT_CLEARING_PARAMETERS.calendar;
const tenDays: ClearingCalendar = {
  cycle: { days: 10 },
  providerDeclarationDays: 10,
  providerPaymentDays: 28,
  resultsLagDays: 3,
  confirmationLagDays: 2,
  transferLagDays: 5,
};
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('runCalendar (C2, C7)', () => {
  test('runCalendar("2028-01", 14, monthly) counts leap-year days and closes a period each month', () => {
    const c = runCalendar('2028-01', 14, monthly);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(c.windowDays).toBe(366 + 31 + 28);
    expect(Array.from(c.periodEnd)).toEqual(Array.from(c.monthStart.slice(1)));
    expect(Array.from(c.year.slice(11, 14))).toEqual([2028, 2029, 2029]);
    expect(Array.from(c.monthOfYear.slice(11, 14))).toEqual([12, 1, 2]);
    expect(c.lagDays).toBe(41);
    expect(c.horizonDays).toBe(c.windowDays + 42);
  });

  test('providers of a month are paid from the day after the declaration deadline, over the payment days', () => {
    const c = runCalendar('2026-01', 2, monthly);
    // January closes on day 31; declared by the 10th of February (day 40), paid on days 41 … 68.
    expect(c.drawStart[0]).toBe(31 + 10);
    expect(c.drawDays).toBe(28);
    expect(c.drawStart[1]).toBe(31 + 28 + 10);
  });

  test('runCalendar with a 10-day cycle closes periods every 10 days, the last one at the end of the run', () => {
    const c = runCalendar('2026-01', 2, tenDays);
    expect(Array.from(c.periodEnd)).toEqual([10, 20, 30, 40, 50, 59]);
    expect(c.lagDays).toBe(10);
    // The last month's providers are paid after the last repayment: they set the horizon.
    expect(c.horizonDays).toBe(59 + 10 + 28);
  });

  test('runCalendar names the bad start month', () => {
    expect(() => runCalendar('2026-13', 1, monthly)).toThrow(/start: expected a month as YYYY-MM/);
  });
});

describe('dailyClaims (C7)', () => {
  test('draws each month from the prepayment as its providers are paid and repays it 41 days after the close', () => {
    const c = runCalendar('2026-01', 3, monthly);
    const { claimsFen, repaidFen } = dailyClaims(c, [2_800, 0, 2_807]);
    expect(sum(claimsFen)).toBe(5_607);
    expect(sum(repaidFen)).toBe(5_607);
    expect(Array.from(claimsFen.slice(41, 69))).toEqual(Array.from({ length: 28 }, () => 100));
    expect(sum(claimsFen.slice(0, 41))).toBe(0);
    expect(repaidFen[31 + 41]).toBe(2_800); // after every provider of January has been paid
    expect(repaidFen[90 + 41]).toBe(2_807);
  });

  test('with clearing faster than providers, the part drawn after its repayment day is repaid as it is drawn', () => {
    const c = runCalendar('2026-01', 1, tenDays);
    const { claimsFen, repaidFen } = dailyClaims(c, [3_100]);
    expect(sum(claimsFen)).toBe(3_100);
    expect(sum(repaidFen)).toBe(3_100);
    // Every period of January is repaid by day 41, before or on the first provider payment: nothing stays out.
    let outstanding = 0;
    for (let d = 0; d < c.horizonDays; d++) {
      outstanding += claimsFen[d]! - repaidFen[d]!;
      expect(outstanding).toBeLessThanOrEqual(0);
    }
  });

  test('peak weights give the peak outstanding claims that day-by-day tracking finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        (flows, fast) => {
          const c = runCalendar('2026-01', 12, fast ? tenDays : monthly);
          const { claimsFen, repaidFen } = dailyClaims(c, flows);
          const tracked = trackPrepayment(DEFAULT_CLEARING_PARAMETERS.warnings, claimsFen, repaidFen, [
            { day: 0, fen: 1 },
          ]);
          // Whole-fen rounding moves a day's claims by less than a fen per month drawn.
          expect(peakOutstanding(peakWeights(c), flows)).toBeCloseTo(tracked.peakOutstandingFen, -1);
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });

  test('daySchedule and spreadClaims spread months as dailyClaims does, without rounding to the fen', () => {
    for (const cal of [monthly, tenDays]) {
      const c = runCalendar('2026-03', 12, cal);
      const flows = Array.from({ length: 12 }, (_, m) => 1_000_000 * (m + 1) + 7);
      const whole = dailyClaims(c, flows);
      const into = { claimsFen: new Float64Array(c.horizonDays), repaidFen: new Float64Array(c.horizonDays) };
      spreadClaims(daySchedule(c), flows, into);
      for (let d = 0; d < c.horizonDays; d++) {
        expect(Math.abs(into.claimsFen[d]! - whole.claimsFen[d]!)).toBeLessThan(12);
        expect(Math.abs(into.repaidFen[d]! - whole.repaidFen[d]!)).toBeLessThan(12 * 28);
      }
      expect(sum(into.claimsFen)).toBeCloseTo(sum(flows), 3);
      expect(sum(into.repaidFen)).toBeCloseTo(sum(flows), 3);
    }
  });
});
