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

/** A clearing calendar anywhere in the schema's ranges (lags of 0 to 90 days, cycles of 1 to 31). */
const calendarArb: fc.Arbitrary<ClearingCalendar> = fc.record({
  cycle: fc.oneof(fc.constant('monthly' as const), fc.record({ days: fc.integer({ min: 1, max: 31 }) })),
  providerDeclarationDays: fc.integer({ min: 0, max: 90 }),
  providerPaymentDays: fc.integer({ min: 0, max: 90 }),
  resultsLagDays: fc.integer({ min: 0, max: 90 }),
  confirmationLagDays: fc.integer({ min: 0, max: 90 }),
  transferLagDays: fc.integer({ min: 0, max: 90 }),
});

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

  test('on any calendar the schema allows, peak weights find the peak that day-by-day tracking finds', () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 11 }),
        fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 14 }),
        (cal, startMonth, flows) => {
          const c = runCalendar(`2027-${String(startMonth + 1).padStart(2, '0')}`, flows.length, cal);
          const { claimsFen, repaidFen } = dailyClaims(c, flows);
          let outstanding = 0;
          let peak = 0;
          for (let d = 0; d < c.horizonDays; d++) {
            outstanding += claimsFen[d]! - repaidFen[d]!;
            peak = Math.max(peak, outstanding);
          }
          // Whole-fen rounding (a month's remainder to its first days, a part's to its first draw
          // days) moves the running total by at most about a fen per day, per month and period.
          const slack = flows.length * (c.periodEnd.length + 2) * 32;
          expect(Math.abs(peakOutstanding(peakWeights(c), flows) - peak)).toBeLessThanOrEqual(slack);
          expect(Array.from(peakWeights(c).days).every((d) => d >= 0 && d < c.horizonDays)).toBe(true);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  test('on any calendar the schema allows, daySchedule repays each month in day order as dailyClaims does', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 1, max: 4 }), (cal, months) => {
        const c = runCalendar('2026-11', months, cal);
        const flows = Array.from({ length: months }, (_, m) => 900_000 * (m + 1) + 13);
        const whole = dailyClaims(c, flows);
        const into = {
          claimsFen: new Float64Array(c.horizonDays),
          repaidFen: new Float64Array(c.horizonDays),
        };
        const s = daySchedule(c);
        spreadClaims(s, flows, into);
        for (const days of s.repayDay)
          expect(Array.from(days)).toEqual(Array.from(days).sort((a, b) => a - b));
        for (const shares of s.repayShare) expect(Array.from(shares).every((x) => x > 0)).toBe(true);
        let drawn = 0;
        let exact = 0;
        for (let d = 0; d < c.horizonDays; d++) {
          drawn += into.claimsFen[d]! - into.repaidFen[d]!;
          exact += whole.claimsFen[d]! - whole.repaidFen[d]!;
          expect(Math.abs(drawn - exact)).toBeLessThan(months * (c.periodEnd.length + 2) * 32);
        }
      }),
      { numRuns: 60, seed: 12 },
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

describe('the calendar’s edges (C2, C7)', () => {
  test('daysInMonth knows every month and the Gregorian leap years', () => {
    expect(Array.from({ length: 12 }, (_, m) => daysInMonth(2026, m + 1))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect([2024, 2000, 1900, 2100, 2025].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28, 28]);
  });

  test('runCalendar crosses into the next year after December', () => {
    const c = runCalendar('2026-11', 4, monthly);
    expect(Array.from(c.year)).toEqual([2026, 2026, 2027, 2027]);
    expect(Array.from(c.monthOfYear)).toEqual([11, 12, 1, 2]);
    expect(Array.from(c.monthStart)).toEqual([0, 30, 61, 92, 120]);
    expect(c.windowDays).toBe(120);
    expect(c.months).toBe(4);
    expect(c.start).toBe('2026-11');
  });

  test('runCalendar refuses a run of no months, a fractional one, a bad month and a cycle of no days', () => {
    expect(() => runCalendar('2026-01', 0, monthly)).toThrow('months: expected a whole number ≥ 1, got 0');
    expect(() => runCalendar('2026-01', 1.5, monthly)).toThrow(/got 1.5/);
    expect(() => runCalendar('2026-00', 1, monthly)).toThrow(
      'start: expected a month as YYYY-MM, got "2026-00"',
    );
    expect(() => runCalendar('2026-1', 1, monthly)).toThrow(/YYYY-MM/);
    expect(() => runCalendar('x2026-01', 1, monthly)).toThrow(/YYYY-MM/);
    expect(() => runCalendar('2026-01x', 1, monthly)).toThrow(/YYYY-MM/);
    expect(() => runCalendar('2026-01', 1, { ...tenDays, cycle: { days: 0 } })).toThrow(
      'calendar.cycle.days: expected a whole number ≥ 1, got 0',
    );
    expect(() => runCalendar('2026-01', 1, { ...tenDays, cycle: { days: 2.5 } })).toThrow(/got 2.5/);
    expect(Array.from(runCalendar('2026-02', 1, { ...tenDays, cycle: { days: 1 } }).periodEnd)).toEqual(
      Array.from({ length: 28 }, (_, k) => k + 1),
    );
  });

  test('providers paid on the day they declare still draw over one day', () => {
    const c = runCalendar('2026-01', 1, { ...monthly, providerPaymentDays: 0, providerDeclarationDays: 0 });
    expect(c.drawDays).toBe(1);
    expect(Array.from(c.drawStart)).toEqual([31]);
    const { claimsFen } = dailyClaims(c, [500]);
    expect(claimsFen[31]).toBe(500);
    expect(sum(claimsFen)).toBe(500);
  });

  test('the horizon ends the day after the later of the last repayment and the last provider payment', () => {
    // Monthly: repaid 41 days after the close, providers done 38 days after it: the repayment is last.
    expect(runCalendar('2026-01', 1, monthly).horizonDays).toBe(31 + 41 + 1);
    // Slow providers: paid until 10 + 60 days after the close, after the repayment.
    const slow = runCalendar('2026-01', 1, { ...monthly, providerPaymentDays: 60 });
    expect(slow.horizonDays).toBe(31 + 10 + 60 - 1 + 1);
  });

  test('a 10-day cycle splits a month’s claims by the days of each period, each repaid after its own period', () => {
    // 31 January days at 100 fen: periods end on days 10, 20, 30 and 31; each is repaid 10 days after it
    // closes, all before the providers are paid (from day 41), so each part is repaid as it is drawn.
    const c = runCalendar('2026-01', 1, { ...tenDays, providerPaymentDays: 1 });
    expect(Array.from(c.periodEnd)).toEqual([10, 20, 30, 31]);
    const { claimsFen, repaidFen } = dailyClaims(c, [3_100]);
    expect(claimsFen[41]).toBe(3_100);
    expect(repaidFen[41]).toBe(3_100);
    // Slower clearing: the periods ending on days 30 and 31 are repaid after the providers are paid.
    const late = runCalendar('2026-01', 1, { ...tenDays, providerPaymentDays: 1, transferLagDays: 15 });
    const d = dailyClaims(late, [3_100]);
    expect([d.repaidFen[41], d.repaidFen[50], d.repaidFen[51]]).toEqual([2_000, 1_000, 100]);
  });

  test('dailyClaims fills the arrays it is given, clearing what they held', () => {
    const c = runCalendar('2026-01', 2, monthly);
    const into = {
      claimsFen: new Float64Array(c.horizonDays).fill(7),
      repaidFen: new Float64Array(c.horizonDays).fill(7),
    };
    const out = dailyClaims(c, [0, 2_800], into);
    expect(out.claimsFen).toBe(into.claimsFen);
    expect(out.repaidFen).toBe(into.repaidFen);
    expect(sum(into.claimsFen)).toBe(2_800);
    expect(sum(into.repaidFen)).toBe(2_800);
    expect(into.repaidFen[59 + 41]).toBe(2_800);
  });

  test('daySchedule gives each month draws and repayments that add up to the whole month', () => {
    for (const cal of [monthly, tenDays]) {
      const c = runCalendar('2026-01', 3, cal);
      const s = daySchedule(c);
      for (let m = 0; m < 3; m++) {
        expect(Array.from(s.drawDay[m]!)).toEqual(Array.from({ length: 28 }, (_, t) => c.drawStart[m]! + t));
        expect(sum(s.drawShare[m]!)).toBeCloseTo(1, 12);
        expect(sum(s.repayShare[m]!)).toBeCloseTo(1, 12);
        const days = Array.from(s.repayDay[m]!);
        expect(days).toEqual([...days].sort((a, b) => a - b));
        expect(days[0]!).toBeGreaterThanOrEqual(c.drawStart[m]!);
      }
    }
    // Monthly: a month is repaid on one day, 41 days after its close.
    const s = daySchedule(runCalendar('2026-01', 1, monthly));
    expect(Array.from(s.repayDay[0]!)).toEqual([72]);
  });

  test('spreadClaims clears the arrays it fills and skips months without claims', () => {
    const c = runCalendar('2026-01', 2, monthly);
    const into = {
      claimsFen: new Float64Array(c.horizonDays).fill(3),
      repaidFen: new Float64Array(c.horizonDays).fill(3),
    };
    spreadClaims(daySchedule(c), [0, 2_800], into);
    expect(sum(into.claimsFen)).toBeCloseTo(2_800, 6);
    expect(into.claimsFen[c.drawStart[1]!]).toBeCloseTo(100, 9);
    expect(into.claimsFen[c.drawStart[0]!]).toBe(0);
    expect(into.repaidFen[59 + 41]).toBeCloseTo(2_800, 6);
  });

  test('peakWeights lists the days on which outstanding claims can peak, in order, with the months open on each', () => {
    const c = runCalendar('2026-01', 2, monthly);
    const w = peakWeights(c);
    // Repayments on days 72 and 100, providers done on days 68 and 96: candidates the day before and those.
    expect(Array.from(w.days)).toEqual([68, 71, 96, 99]);
    expect(w.months.map((m) => Array.from(m))).toEqual([[0], [0, 1], [1], [1]]);
    expect(Array.from(w.weights[0]!)).toEqual([1]);
    expect(Array.from(w.weights[1]!)).toEqual([1, 3 / 28]);
    expect(peakOutstanding(w, [2_800, 0])).toBe(2_800);
    expect(peakOutstanding(w, [0, 0])).toBe(0);
  });
});
