import { describe, expect, test } from 'vitest';
import { dayOf, formatStamp, minuteOfDay, monthOf, parseStamp } from '../../src/rules';

describe('minute stamps', () => {
  test('parseStamp and formatStamp round-trip Beijing date-times', () => {
    expect(parseStamp('2020-01-01')).toBe(0);
    expect(parseStamp('2020-01-02T06:30')).toBe(1440 + 390);
    const s = parseStamp('2026-02-28T22:15');
    expect(formatStamp(s)).toBe('2026-02-28T22:15');
    expect(monthOf(s)).toBe('2026-02');
    expect(minuteOfDay(s)).toBe(22 * 60 + 15);
    expect(dayOf(parseStamp('2026-03-01T00:00'))).toBe(dayOf(s) + 1);
  });

  test('parseStamp rejects malformed and impossible dates', () => {
    expect(() => parseStamp('2026-02-30')).toThrow(/calendar/);
    expect(() => parseStamp('2026/02/01')).toThrow(/YYYY-MM-DD/);
    expect(() => parseStamp('2026-02-01T24:00')).toThrow();
  });

  test('parseStamp takes the last minute of an hour and of a day, and refuses minute 60 and beyond', () => {
    expect(formatStamp(parseStamp('2026-02-01T10:59'))).toBe('2026-02-01T10:59');
    expect(formatStamp(parseStamp('2026-02-01T23:59'))).toBe('2026-02-01T23:59');
    expect(parseStamp('2026-02-01')).toBe(parseStamp('2026-02-01T00:00'));
    expect(() => parseStamp('2026-02-01T10:60')).toThrow('not a calendar date-time "2026-02-01T10:60"');
    expect(() => parseStamp('2026-02-01T10:75')).toThrow(/calendar/);
    expect(() => parseStamp('2026-02-01T7:05')).toThrow(
      'not a date-time "2026-02-01T7:05": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM',
    );
  });
});
