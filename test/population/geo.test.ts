import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../src/population/geo';

describe('greatCircleKm', () => {
  it('gives about 1,067 km from Beijing to Shanghai', () => {
    expect(greatCircleKm(39.9047, 116.4072, 31.2304, 121.4737)).toBeCloseTo(1067, -1);
  });

  it('is zero for one point and symmetric', () => {
    expect(greatCircleKm(30, 100, 30, 100)).toBe(0);
    expect(greatCircleKm(23.1, 113.3, 43.8, 87.6)).toBeCloseTo(greatCircleKm(43.8, 87.6, 23.1, 113.3), 9);
  });

  it('gives a quarter of the circumference from the pole to the equator', () => {
    expect(greatCircleKm(90, 0, 0, 45)).toBeCloseTo((Math.PI / 2) * 6371.0088, 6);
  });
});
