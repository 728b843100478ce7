import { describe, expect, test } from 'vitest';
import { runCalendar } from '../../src/clearing/calendar';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { pairSize, resizeSchedule, sizeFrom } from '../../src/clearing/resize';

const params = DEFAULT_CLEARING_PARAMETERS;
const lag = params.calendar.resultsLagDays;
const foresight = { rule: 'perfect-foresight' } as const;
const summary = (s: ReturnType<typeof resizeSchedule>) => s.map((r) => [r.kind, r.month, r.sizingYear]);

describe('resizeSchedule (C5)', () => {
  test('a two-year run opens with its first year and re-sizes from 2026’s months, in force from March 2027', () => {
    const s = resizeSchedule(runCalendar('2026-01', 24, params.calendar), params.prepayment, foresight, lag);
    expect(summary(s)).toEqual([
      ['opening', 0, 2026],
      ['yearly', 14, 2026],
    ]);
    expect(s[1]!.sourceMonths).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('a run that starts in June re-sizes from the months of its first year it has', () => {
    const s = resizeSchedule(runCalendar('2026-06', 12, params.calendar), params.prepayment, foresight, lag);
    expect(s.map((r) => [r.kind, r.month])).toEqual([
      ['opening', 0],
      ['yearly', 9],
    ]);
    expect(s[0]!.sourceMonths).toHaveLength(12);
    expect(s[1]!.sourceMonths).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test('a payment deadline in December puts the new size in force in the next January', () => {
    const prepayment = { ...params.prepayment, resizeMonth: 11, paymentDeadlineMonth: 12 };
    const s = resizeSchedule(runCalendar('2026-01', 25, params.calendar), prepayment, foresight, lag);
    // Decided in late 2027 from 2026, in force from January 2028 (run month 24).
    expect(s.map((r) => [r.month, r.sizingYear])).toEqual([
      [0, 2026],
      [24, 2026],
    ]);
  });

  test('a quarterly re-sizing uses the last 12 months with results out, the rest from the opening list', () => {
    const cal = runCalendar('2026-01', 12, params.calendar);
    const firstYear = { rule: 'forecast', monthlyOwesFen: [] } as const;
    const s = resizeSchedule(cal, { ...params.prepayment, resizing: 'quarterly' }, firstYear, lag);
    expect(s.map((r) => [r.kind, r.month])).toEqual([
      ['opening', 0],
      ['rolling', 3],
      ['rolling', 6],
      ['rolling', 9],
    ]);
    // On 1 April January and February are out (February's results on 20 March), March is not.
    expect(s[1]!.sourceMonths).toEqual([0, 1]);
    expect(s[1]!.openingMonths).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s[3]!.sourceMonths).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Two months of a rolling average: 10 forecast months of 300 and two run months of 600.
    const size = sizeFrom(s[1]!, params.prepayment.sizing, [600, 600], new Array(12).fill(300));
    expect(size).toBe(2 * ((10 * 300 + 2 * 600) / 12));
  });

  test('a monthly re-sizing comes into force every month, always from 12 months', () => {
    const cal = runCalendar('2026-01', 12, params.calendar);
    const firstYear = { rule: 'forecast', monthlyOwesFen: [] } as const;
    const s = resizeSchedule(cal, { ...params.prepayment, resizing: 'monthly' }, firstYear, lag);
    expect(s.map((r) => r.month)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s.every((r) => r.sourceMonths.length + r.openingMonths.length === 12)).toBe(true);
    // Under perfect foresight the run's own months stand in for the same months of the year before:
    // on 1 April, March–December of the run for last year's, then January and February.
    const own = resizeSchedule(cal, { ...params.prepayment, resizing: 'monthly' }, foresight, lag);
    expect(own[3]!.sourceMonths).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1]);
  });

  test('forecast and previous-year openings are sized from the given matrices, not from the run', () => {
    const cal = runCalendar('2026-01', 12, params.calendar);
    const given = Array.from({ length: 12 }, () => Float64Array.from([0, 600, 0, 0]));
    const owes = Array.from({ length: 12 }, () => Float64Array.from([0, 100, 0, 0]));
    for (const rule of ['previous-year', 'forecast'] as const) {
      const firstYear = { rule, monthlyOwesFen: given };
      const [opening] = resizeSchedule(cal, params.prepayment, firstYear, lag);
      expect(opening!.sizingYear).toBe(rule === 'previous-year' ? 2025 : 2026);
      expect(pairSize(opening!, params.prepayment.sizing, owes, firstYear, 1)).toBe(1_200);
    }
    const [own] = resizeSchedule(cal, params.prepayment, foresight, lag);
    expect(pairSize(own!, params.prepayment.sizing, owes, foresight, 1)).toBe(200);
  });
});

describe('resizeSchedule edges (C5, C7)', () => {
  test('a month whose results come out on the first day of the next month counts as known then', () => {
    const cal = runCalendar('2026-01', 4, params.calendar);
    const firstYear = { rule: 'forecast', monthlyOwesFen: [] } as const;
    const monthly = { ...params.prepayment, resizing: 'monthly' as const };
    // February closes on day 59; results 31 days later fall on 1 April (day 90): known for April's size.
    const onTime = resizeSchedule(cal, monthly, firstYear, 31);
    expect(onTime[3]!.sourceMonths).toEqual([0, 1]);
    expect(onTime[3]!.openingMonths).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(resizeSchedule(cal, monthly, firstYear, 32)[3]!.sourceMonths).toEqual([0]);
    expect(resizeSchedule(cal, monthly, firstYear, 0)[3]!.sourceMonths).toEqual([0, 1, 2]);
  });

  test('a rolling size comes only from months before it stands, however early results are said to come out', () => {
    const cal = runCalendar('2026-01', 4, params.calendar);
    const firstYear = { rule: 'forecast', monthlyOwesFen: [] } as const;
    const monthly = { ...params.prepayment, resizing: 'monthly' as const };
    // Results 62 days before a month closes would cover the month in force and the next one too.
    const s = resizeSchedule(cal, monthly, firstYear, -62);
    expect(s.map((r) => r.sourceMonths)).toEqual([[], [0], [0, 1], [0, 1, 2]]);
  });

  test('a rolling size never reaches back more than 12 months', () => {
    const cal = runCalendar('2026-01', 30, params.calendar);
    const s = resizeSchedule(cal, { ...params.prepayment, resizing: 'monthly' }, foresight, 0);
    expect(s[25]!.sourceMonths).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(s[25]!.openingMonths).toEqual([]);
    expect(s[25]).toMatchObject({ month: 25, kind: 'rolling', sizingYear: 2028 });
  });

  test('under perfect foresight a short run’s rolling size uses only the months the run has', () => {
    const cal = runCalendar('2026-01', 4, params.calendar);
    const s = resizeSchedule(cal, { ...params.prepayment, resizing: 'quarterly' }, foresight, lag);
    expect(s.map((r) => [r.kind, r.month])).toEqual([
      ['opening', 0],
      ['rolling', 3],
    ]);
    // Known on 1 April: January and February. The ten months before them stand for last year's
    // March–December, which the run's own March and April stand in for; the rest it does not have.
    expect(s[1]!.sourceMonths).toEqual([2, 3, 0, 1]);
    expect(s[0]!.sourceMonths).toEqual([0, 1, 2, 3]);
    expect(s[0]!.openingMonths).toEqual([]);
  });

  test('a yearly re-sizing is skipped when none of its year lies in the run', () => {
    // A run from January 2027: March 2027 would re-size from 2026, which the run does not have.
    const cal = runCalendar('2027-01', 14, params.calendar);
    const s = resizeSchedule(cal, params.prepayment, foresight, lag);
    expect(summary(s)).toEqual([['opening', 0, 2027]]);
    const opening = resizeSchedule(cal, params.prepayment, { rule: 'forecast', monthlyOwesFen: [] }, lag)[0]!;
    expect(opening.openingMonths).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(opening.sourceMonths).toEqual([]);
  });

  test('a payment deadline in another month puts the size in force the month after it', () => {
    const prepayment = { ...params.prepayment, resizeMonth: 3, paymentDeadlineMonth: 5 };
    const s = resizeSchedule(runCalendar('2026-01', 24, params.calendar), prepayment, foresight, lag);
    expect(summary(s)).toEqual([
      ['opening', 0, 2026],
      ['yearly', 17, 2026],
    ]);
  });

  test('sizeFrom is never negative, and reads missing opening months as zero', () => {
    const cal = runCalendar('2026-01', 12, params.calendar);
    const [own] = resizeSchedule(cal, params.prepayment, foresight, lag);
    expect(sizeFrom(own!, params.prepayment.sizing, new Array(12).fill(-100), null)).toBe(0);
    const [opening] = resizeSchedule(cal, params.prepayment, { rule: 'forecast', monthlyOwesFen: [] }, lag);
    expect(sizeFrom(opening!, params.prepayment.sizing, [], [1_200])).toBe(200); // 2 × 1,200 ÷ 12
    expect(sizeFrom(opening!, params.prepayment.sizing, [], null)).toBe(0);
    const firstYear = { rule: 'forecast' as const, monthlyOwesFen: [Float64Array.of(0, 600)] };
    expect(pairSize(opening!, params.prepayment.sizing, [], firstYear, 1)).toBe(100);
    expect(pairSize(opening!, params.prepayment.sizing, [], firstYear, 3)).toBe(0);
  });
});
