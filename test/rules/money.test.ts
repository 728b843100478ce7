import { describe, expect, test } from 'vitest';
import { fenAsYuan, yuanToFen } from '../../src/rules';

describe('money (分 and 元)', () => {
  test('yuanToFen counts whole fen, rounding half a fen away from zero', () => {
    expect(yuanToFen(1_500)).toBe(150_000);
    expect(yuanToFen(0.125)).toBe(13);
    expect(yuanToFen(-0.125)).toBe(-13);
    expect(yuanToFen(0.124)).toBe(12);
    expect(yuanToFen(0)).toBe(0);
  });

  test('yuanToFen refuses an amount that is not finite', () => {
    expect(() => yuanToFen(Number.NaN)).toThrow('not an amount of yuan: NaN');
    expect(() => yuanToFen(Infinity)).toThrow(RangeError);
  });

  test('fenAsYuan shows two decimals and thousands separators', () => {
    expect(fenAsYuan(150_000)).toBe('1,500.00');
    expect(fenAsYuan(5)).toBe('0.05');
    expect(fenAsYuan(123_456_789)).toBe('1,234,567.89');
  });
});
