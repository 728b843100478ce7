import { describe, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { PUBLISHED_2024, sharingFigures } from '../../src/engine/report';
import { sampleSize } from '../../src/population/generate';
import { inputOf, population } from './helpers';

const within = (value: number, published: number, tolerance: number) =>
  expect(
    Math.abs(value / published - 1),
    `${value.toExponential(3)} vs ${published.toExponential(3)}`,
  ).toBeLessThan(tolerance);

describe('calibration-2024 reproduces the published 2024 within-province sharing (1:2000)', () => {
  const k = 2000;
  const input = inputOf('calibration-2024', k);
  const r = simulateRange(input, 0, sampleSize(population().model, k));
  const f = sharingFigures(r, input.window.start);
  const P = PUBLISHED_2024;

  test('the year: 3.71亿 person-times and 511.54亿元, each within 10%', () => {
    within(f.yearTimes, P.yearTimes, 0.1);
    within(f.yearYuan, P.yearYuan, 0.1);
  });

  test('October–December run at about twice the January–September monthly level', () => {
    const published = P.octDecYuan / 3 / (P.janSepYuan / 9);
    within(f.octDecMonthlyYuan / f.janSepMonthlyYuan, published, 0.15);
  });

  test('January–November by use: institutions 343.1亿, pharmacies 20.7亿, contributions 74.8亿, each within 15%', () => {
    within(f.janNovByUseYuan.medical, P.janNovByUseYuan.medical, 0.15);
    within(f.janNovByUseYuan.pharmacy, P.janNovByUseYuan.pharmacy, 0.15);
    within(f.janNovByUseYuan.contributions, P.janNovByUseYuan.contributions, 0.15);
    within(f.janNovByUseYuan.total, P.janNovByUseYuan.total, 0.15);
  });

  test('January–October person-times: same pooling area 2.63亿, other pooling areas of the province 1,976万, within 15%', () => {
    within(f.janOctSameAreaTimes, P.janOctSameAreaTimes, 0.15);
    within(f.janOctSameProvinceTimes, P.janOctSameProvinceTimes, 0.15);
    expect(f.janOctCrossProvinceYuan).toBe(0);
  });

  test('January–October amount within a pooling area: 329.75亿, within 15%', () => {
    within(f.janOctSameAreaYuan, P.janOctSameAreaYuan, 0.15);
  });

  // A known miss (docs/engine-model.md, "Across pooling areas"): nothing in the model makes bills
  // across pooling areas larger than within one, so this amount stays about 30% short. A change
  // that brings it within 15% makes this test fail: then turn it into a plain test.
  test.fails(
    'January–October amount across pooling areas of a province: 39.33亿, within 15% (known miss)',
    () => {
      within(f.janOctSameProvinceYuan, P.janOctSameProvinceYuan, 0.15);
    },
  );
});
