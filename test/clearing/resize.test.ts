import { describe, expect, test } from 'vitest';
import { runCalendar } from '../../src/clearing/calendar';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { pairSize, resizeSchedule } from '../../src/clearing/resize';

const params = DEFAULT_CLEARING_PARAMETERS;
const foresight = { rule: 'perfect-foresight' } as const;

describe('resizeSchedule (C5)', () => {
  test('a two-year run opens with its first year and re-sizes from 2026’s months, in force from March 2027', () => {
    const s = resizeSchedule(runCalendar('2026-01', 24, params.calendar), params.prepayment, foresight);
    expect(s.map((r) => [r.kind, r.month, r.sizingYear])).toEqual([
      ['opening', 0, 2026],
      ['yearly', 14, 2026],
    ]);
    expect(s[1]!.sourceMonths).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('a run that starts in June re-sizes from the months of its first year it has', () => {
    const s = resizeSchedule(runCalendar('2026-06', 12, params.calendar), params.prepayment, foresight);
    expect(s.map((r) => [r.kind, r.month])).toEqual([
      ['opening', 0],
      ['yearly', 9],
    ]);
    expect(s[0]!.sourceMonths).toHaveLength(12);
    expect(s[1]!.sourceMonths).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test('a payment deadline in December puts the new size in force in the next January', () => {
    const prepayment = { ...params.prepayment, resizeMonth: 11, paymentDeadlineMonth: 12 };
    const s = resizeSchedule(runCalendar('2026-01', 25, params.calendar), prepayment, foresight);
    // Decided in late 2027 from 2026, in force from January 2028 (run month 24).
    expect(s.map((r) => [r.month, r.sizingYear])).toEqual([
      [0, 2026],
      [24, 2026],
    ]);
  });

  test('a previous-year opening is sized from the given matrices, not from the run', () => {
    const cal = runCalendar('2026-01', 12, params.calendar);
    const previous = Array.from({ length: 12 }, () => Float64Array.from([0, 600, 0, 0]));
    const firstYear = { rule: 'previous-year', monthlyOwesFen: previous } as const;
    const [opening] = resizeSchedule(cal, params.prepayment, firstYear);
    const owes = Array.from({ length: 12 }, () => Float64Array.from([0, 100, 0, 0]));
    expect(opening!.sizingYear).toBe(2025);
    expect(pairSize(opening!, params.prepayment.sizing, owes, firstYear, 1)).toBe(1_200);
    const [own] = resizeSchedule(cal, params.prepayment, foresight);
    expect(pairSize(own!, params.prepayment.sizing, owes, foresight, 1)).toBe(200);
  });
});
