import { describe, expect, test } from 'vitest';
import { chooseLtcAreas, NATIONAL_LTC_PILOTS } from '../../../src/population/family/ltc';

describe('chooseLtcAreas', () => {
  const areas = [
    { code: '110000', weight: 700 }, // Beijing: only a district runs a pilot
    { code: '130800', weight: 10 }, // Chengde, a national pilot
    { code: '370100', weight: 50 }, // Jinan, Shandong (key province)
    { code: '370300', weight: 40 },
    { code: '220200', weight: 30 }, // Jilin city, Jilin (key province)
    { code: '440300', weight: 800 }, // Shenzhen
    { code: '510100', weight: 20 }, // Chengdu, a national pilot
  ];

  test('named national pilots come first, then key provinces by size, then the largest others', () => {
    const flags = (count: number) => Array.from(chooseLtcAreas(areas, count));
    expect(flags(2)).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(flags(4)).toEqual([0, 1, 1, 1, 0, 0, 1]);
    expect(flags(6)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    expect(flags(7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  test('chooses exactly the requested number when there are enough areas', () => {
    expect(chooseLtcAreas(areas, 5).reduce((a, b) => a + b, 0)).toBe(5);
    expect(NATIONAL_LTC_PILOTS.length).toBe(27);
  });
});
