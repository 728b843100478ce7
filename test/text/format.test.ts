import { describe, expect, test } from 'vitest';
import { formatCount, formatDuration, formatFen, formatPercent } from '../../src/text/format';

describe('formatFen(fen, "zh")', () => {
  test.each([
    [0, '0.00元'],
    [1, '0.01元'],
    [123_456, '1,234.56元'],
    [999_999, '9,999.99元'],
    [1_000_000, '1.00万元'],
    [123_456_789, '123.46万元'],
    [9_999_999_999, '1.00亿元'],
    [10_000_000_000, '1.00亿元'],
    [5_115_400_000_000, '511.54亿元'],
    [51_154_000_000_000, '5,115.40亿元'],
    [1_000_000_000_000_000, '100,000.00亿元'],
  ])('%i fen → %s', (fen, shown) => {
    expect(formatFen(fen, 'zh')).toBe(shown);
  });

  test('picks the unit by size for negative amounts too', () => {
    expect(formatFen(-5_115_400_000_000, 'zh')).toBe('-511.54亿元');
    expect(formatFen(-123_456, 'zh')).toBe('-1,234.56元');
  });

  test('rounds half away from zero', () => {
    expect(formatFen(1_005_000, 'zh')).toBe('1.01万元');
    expect(formatFen(-1_005_000, 'zh')).toBe('-1.01万元');
    expect(formatFen(1_004_999, 'zh')).toBe('1.00万元');
  });

  test('stays exact near the largest safe integer', () => {
    // 9,007,199,254,740,991 fen = 90,071,992,547,409.91 yuan = 900,719.9254740991亿元
    expect(formatFen(Number.MAX_SAFE_INTEGER, 'zh')).toBe('900,719.93亿元');
  });
});

describe('formatFen(fen, "en")', () => {
  test.each([
    [0, '0.00 yuan'],
    [123_456, '1,234.56 yuan'],
    [99_999_999, '999,999.99 yuan'],
    [100_000_000, '1.00 million yuan'],
    [123_456_789, '1.23 million yuan'],
    [99_999_999_999, '1.00 billion yuan'],
    [5_115_400_000_000, '51.15 billion yuan'],
    [1_000_000_000_000_000, '10,000.00 billion yuan'],
  ])('%i fen → %s', (fen, shown) => {
    expect(formatFen(fen, 'en')).toBe(shown);
  });

  test('signs negative amounts', () => {
    expect(formatFen(-250_000_000, 'en')).toBe('-2.50 million yuan');
  });
});

describe('formatFen rejects what is not integer fen', () => {
  test.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])('%s', (fen) => {
    expect(() => formatFen(fen, 'zh')).toThrow(RangeError);
  });
});

test('formatCount rounds and groups digits in both languages', () => {
  expect(formatCount(1_409_778_724, 'zh')).toBe('1,409,778,724');
  expect(formatCount(1_409_778_723.6, 'en')).toBe('1,409,778,724');
  expect(formatCount(0, 'en')).toBe('0');
});

test('formatPercent shows two decimals, with a sign only when asked', () => {
  expect(formatPercent(12.5, 'zh')).toBe('12.50%');
  expect(formatPercent(-0.0412, 'en', 2, true)).toBe('-0.04%');
  expect(formatPercent(1.5, 'en', 1, true)).toBe('+1.5%');
  expect(formatPercent(0, 'en', 2, true)).toBe('0.00%');
});

describe('formatDuration(ms, lang)', () => {
  test.each([
    [0, '0 秒', '0 s'],
    [1_200, '2 秒', '2 s'],
    [59_000, '59 秒', '59 s'],
    [59_001, '1 分 0 秒', '1 min 0 s'],
    [754_000, '12 分 34 秒', '12 min 34 s'],
    [4_500_000, '75 分 0 秒', '75 min 0 s'],
  ])('%i ms → %s / %s', (ms, zh, en) => {
    expect(formatDuration(ms, 'zh')).toBe(zh);
    expect(formatDuration(ms, 'en')).toBe(en);
  });
});
