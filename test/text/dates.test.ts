import { describe, expect, test } from 'vitest';
import { formatDay, formatMonth, formatMonthShort, timeTickFormat } from '../../src/text/dates';

describe('dates in each language', () => {
  test('formatMonth writes 2026年1月 in Chinese and Jan 2026 in English', () => {
    expect(formatMonth('2026-01', 'zh')).toBe('2026年1月');
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026');
    expect(formatMonth('2027-03-15', 'zh')).toBe('2027年3月');
  });

  test('formatMonthShort drops the year: 3月 / Mar', () => {
    expect(formatMonthShort('2026-03', 'zh')).toBe('3月');
    expect(formatMonthShort('2026-03', 'en')).toBe('Mar');
  });

  test('formatDay writes 2026年1月5日 / 5 Jan 2026 and refuses a month without its day', () => {
    expect(formatDay('2026-01-05', 'zh')).toBe('2026年1月5日');
    expect(formatDay('2026-01-05', 'en')).toBe('5 Jan 2026');
    expect(() => formatDay('2026-01', 'zh')).toThrow(RangeError);
  });

  test('a text that is no month is refused', () => {
    expect(() => formatMonth('2026-13', 'zh')).toThrow(RangeError);
    expect(() => formatMonth('Jan 2026', 'en')).toThrow(RangeError);
  });

  test('timeTickFormat names the year in January, the month on other firsts, month and day otherwise', () => {
    const zh = timeTickFormat('zh');
    const en = timeTickFormat('en');
    const at = (text: string) => new Date(`${text}T00:00:00Z`);
    expect(zh(at('2026-01-01'))).toBe('2026年1月');
    expect(zh(at('2026-04-01'))).toBe('4月');
    expect(zh(at('2026-04-15'))).toBe('4月15日');
    expect(en(at('2026-01-01'))).toBe('Jan 2026');
    expect(en(at('2026-04-01'))).toBe('Apr');
    expect(en(at('2026-04-15'))).toBe('15 Apr');
  });
});
