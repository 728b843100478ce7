import { describe, expect, test } from 'vitest';
import { dailyClaims, daysInMonth, runCalendar } from '../../src/clearing/calendar';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';

const monthly = DEFAULT_CLEARING_PARAMETERS.calendar;
const tenDays = { cycle: { days: 10 }, resultsLagDays: 3, confirmationLagDays: 2, transferLagDays: 5 };

describe('runCalendar (C2, C7)', () => {
  test('runCalendar("2028-01", 14, monthly) counts leap-year days and closes a period each month', () => {
    const c = runCalendar('2028-01', 14, monthly);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(c.windowDays).toBe(366 + 31 + 28);
    expect(Array.from(c.periodEnd)).toEqual(Array.from(c.monthStart.slice(1)));
    expect(Array.from(c.year.slice(11, 14))).toEqual([2028, 2029, 2029]);
    expect(Array.from(c.monthOfYear.slice(11, 14))).toEqual([12, 1, 2]);
    expect(c.lagDays).toBe(31);
    expect(c.horizonDays).toBe(c.windowDays + 32);
  });

  test('runCalendar with a 10-day cycle closes periods every 10 days, the last one at the end of the run', () => {
    const c = runCalendar('2026-01', 2, tenDays);
    expect(Array.from(c.periodEnd)).toEqual([10, 20, 30, 40, 50, 59]);
    expect(c.lagDays).toBe(10);
  });

  test('runCalendar names the bad start month', () => {
    expect(() => runCalendar('2026-13', 1, monthly)).toThrow(/start: expected a month as YYYY-MM/);
  });
});

describe('dailyClaims (C7)', () => {
  test('spreads each month over its days and repays each period in full after the lag', () => {
    const c = runCalendar('2026-01', 3, monthly);
    const { claimsFen, repaidFen } = dailyClaims(c, [3_100, 0, 3_107]);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(claimsFen)).toBe(6_207);
    expect(sum(repaidFen)).toBe(6_207);
    expect(claimsFen[0]).toBe(100);
    expect(repaidFen[31 + 31]).toBe(3_100); // January closes on day 31, repaid 31 days later
    expect(repaidFen[31 + 28 + 31 + 31]).toBe(3_107);
    expect(claimsFen.slice(59, 90).every((v) => v === 100 || v === 101)).toBe(true);
  });
});
