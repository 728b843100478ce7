import { expect, test } from 'vitest';
import { simulateRange } from '../../../src/engine';
import { PUBLISHED_2024, sharingFigures } from '../../../src/engine/report';
import { sampleSize } from '../../../src/population/generate';
import {
  calibrationRecords,
  crossAreaMissReason,
  DETAIL_TOLERANCE_PCT,
  YEAR_TOLERANCE_PCT,
} from '../../../src/ui/validation/calibration';
import { inputOf, population } from '../../engine/helpers';

const input = inputOf('calibration-2024', 10_000);
const result = simulateRange(input, 0, sampleSize(population().model, 10_000));
const records = calibrationRecords(result, input.window.start);
const byName = new Map(records.map((r) => [r.name, r]));
const row = (name: string) => {
  const r = byName.get(name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

test('the calibration rows carry the published 2024 figures, the model figures of the run and their tolerances', () => {
  const P = PUBLISHED_2024;
  const f = sharingFigures(result, input.window.start);
  const expected: [string, number, number, number][] = [
    ['year/times', P.yearTimes, f.yearTimes, YEAR_TOLERANCE_PCT],
    ['year/amount', P.yearYuan, f.yearYuan, YEAR_TOLERANCE_PCT],
    [
      'season/oct-dec-vs-jan-sep',
      P.octDecYuan / 3 / (P.janSepYuan / 9),
      f.octDecMonthlyYuan / f.janSepMonthlyYuan,
      DETAIL_TOLERANCE_PCT,
    ],
    ['use/medical', P.janNovByUseYuan.medical, f.janNovByUseYuan.medical, DETAIL_TOLERANCE_PCT],
    ['use/pharmacy', P.janNovByUseYuan.pharmacy, f.janNovByUseYuan.pharmacy, DETAIL_TOLERANCE_PCT],
    [
      'use/contributions',
      P.janNovByUseYuan.contributions,
      f.janNovByUseYuan.contributions,
      DETAIL_TOLERANCE_PCT,
    ],
    ['use/total', P.janNovByUseYuan.total, f.janNovByUseYuan.total, DETAIL_TOLERANCE_PCT],
    ['geo/same-area/times', P.janOctSameAreaTimes, f.janOctSameAreaTimes, DETAIL_TOLERANCE_PCT],
    ['geo/same-area/amount', P.janOctSameAreaYuan, f.janOctSameAreaYuan, DETAIL_TOLERANCE_PCT],
    ['geo/same-province/times', P.janOctSameProvinceTimes, f.janOctSameProvinceTimes, DETAIL_TOLERANCE_PCT],
    ['geo/same-province/amount', P.janOctSameProvinceYuan, f.janOctSameProvinceYuan, DETAIL_TOLERANCE_PCT],
  ];
  expect(records.map((r) => [r.name, r.published, r.generated, r.tolerancePct])).toEqual(expected);
  // The published figures as facts.md gives them.
  expect(row('year/times').published).toBe(371_000_000);
  expect(row('year/amount').published).toBeCloseTo(51_154_000_000, 0);
  expect(row('use/medical').published).toBeCloseTo(34_310_000_000, 0);
  expect(row('geo/same-province/times').published).toBeCloseTo(19_762_900, 0);
  expect(row('year/amount').unit).toBe('yuan');
  expect(row('year/times').unit).toBe('times');
  expect(row('season/oct-dec-vs-jan-sep').unit).toBe('ratio');
});

test('each row has relative error (model − published) / published and is within when |error| ≤ its tolerance', () => {
  for (const r of records) {
    expect(r.relError, r.name).toBeCloseTo(r.generated / r.published - 1, 12);
    expect(r.within, r.name).toBe(Math.abs(r.generated / r.published - 1) <= r.tolerancePct / 100);
  }
  // A 1:10000 run lands the year's amount near 511.54亿元: plausible, not necessarily within tolerance.
  expect(row('year/amount').generated).toBeGreaterThan(400e8);
  expect(row('year/amount').generated).toBeLessThan(650e8);
});

test('a model value off by a known share gives that relative error, with its sign, and falls outside past the tolerance', () => {
  // Half the weight: every count and amount halves, the seasonal ratio stays.
  const half = { ...result, summary: result.summary.map((x) => x / 2) };
  const halved = new Map(calibrationRecords(half, input.window.start).map((r) => [r.name, r]));
  const year = halved.get('year/amount')!;
  expect(year.generated).toBeCloseTo(row('year/amount').generated / 2, 0);
  expect(year.relError).toBeCloseTo(row('year/amount').generated / 2 / PUBLISHED_2024.yearYuan - 1, 12);
  expect(year.relError).toBeLessThan(-0.3);
  expect(year.within).toBe(false);
  expect(halved.get('season/oct-dec-vs-jan-sep')!.relError).toBeCloseTo(
    row('season/oct-dec-vs-jan-sep').relError,
    12,
  );
});

test('the amount across pooling areas, when outside, says why in both languages with the run’s yuan a person-time', () => {
  const f = sharingFigures(result, input.window.start);
  const across = row('geo/same-province/amount');
  const sameYuan = Math.round(f.janOctSameAreaYuan / f.janOctSameAreaTimes);
  const otherYuan = Math.round(f.janOctSameProvinceYuan / f.janOctSameProvinceTimes);
  // The published 329.75亿元 / 2.63亿 and 39.33亿元 / 1,976.29万 person-times.
  const reason = crossAreaMissReason(f);
  expect(reason.reasonEn).toContain(
    `pays ${sameYuan} yuan a person-time within a pooling area and ${otherYuan} across`,
  );
  expect(reason.reasonEn).toContain('the published figures give 125 and 199');
  expect(reason.reasonZh).toContain(`统筹地区内每人次 ${sameYuan} 元、省内跨统筹地区每人次 ${otherYuan} 元`);
  expect(reason.reasonZh).toContain('125 元和 199 元');
  // 39.33亿 / 1,976.29万 against 329.75亿 / 2.63亿: 199.0 against 125.4 yuan, 59% more.
  expect(reason.reasonEn).toContain('explaining the 59% more a person-time');
  expect(reason.reasonZh).toContain('高出 59%');
  const timesWithin = row('geo/same-province/times').within;
  expect(
    reason.reasonEn.endsWith(`The person-times are ${timesWithin ? 'within' : 'also outside'} tolerance.`),
  ).toBe(true);
  const far = crossAreaMissReason({
    ...f,
    janOctSameProvinceTimes: 2 * PUBLISHED_2024.janOctSameProvinceTimes,
  });
  expect(far.reasonEn.endsWith('The person-times are also outside tolerance.')).toBe(true);
  expect(far.reasonZh.endsWith('人次也超出容差。')).toBe(true);
  if (across.within) expect(across.reasonEn).toBeUndefined();
  else expect([across.reasonZh, across.reasonEn]).toEqual([reason.reasonZh, reason.reasonEn]);
  // Every other row is a plain check: no status, no reason.
  for (const r of records.filter((x) => x.name !== 'geo/same-province/amount')) {
    expect([r.status, r.reasonZh, r.reasonEn], r.name).toEqual([undefined, undefined, undefined]);
  }
  // Scaled to the published amount, the row is within and carries no reason.
  const met = { ...result, summary: result.summary.slice() };
  const k = PUBLISHED_2024.janOctSameProvinceYuan / f.janOctSameProvinceYuan;
  const scaled = calibrationRecords({ ...met, summary: met.summary.map((x) => x * k) }, input.window.start);
  const metRow = scaled.find((r) => r.name === 'geo/same-province/amount')!;
  expect(metRow.within).toBe(true);
  expect(metRow.reasonEn).toBeUndefined();
});
