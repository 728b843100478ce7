import { expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import {
  calibrationNoise,
  calibrationRows,
  calibrationSpreadReport,
  type CalibrationRow,
} from '../../src/engine/calibrationSpread';
import { sampleSize } from '../../src/population/generate';
import { calibrationRecords } from '../../src/ui/validation/calibration';
import { inputOf, population } from './helpers';

test('the calibration rows of a run agree with the Validation workspace’s rows: error, tolerance, verdict', () => {
  const input = inputOf('calibration-2024', 10_000);
  const result = simulateRange(input, 0, sampleSize(population().model, 10_000));
  const rows = calibrationRows(result, input.window.start);
  const records = calibrationRecords(result, input.window.start);
  expect(rows).toEqual(
    records.map((r) => ({
      name: r.name,
      relError: r.relError,
      tolerancePct: r.tolerancePct,
      within: r.within,
    })),
  );
  expect(rows.map((r) => r.name)).toContain('geo/same-province/amount');
});

/** A row of error `e` against tolerance `tol` percent. */
const row = (name: string, e: number, tol: number): CalibrationRow => ({
  name,
  relError: e,
  tolerancePct: tol,
  within: Math.abs(e) <= tol / 100,
});

test('the noise report gives each target its own error, the mean and σ over seeds, and the runs outside', () => {
  // year: errors 0.02, 0.04, 0.06 → mean 4.0%, σ 2.0%; amount: −0.16, −0.14, −0.18 → mean −16.0%, σ 2.0%.
  const runs = [
    [row('year', 0.02, 10), row('amount', -0.16, 15)],
    [row('year', 0.04, 10), row('amount', -0.14, 15)],
    [row('year', 0.06, 10), row('amount', -0.18, 15)],
  ];
  const lines = calibrationSpreadReport(runs, 500);
  expect(lines[0]).toBe(
    'sampling noise over 3 seeds at 1:500 (relative error: this seed, mean over seeds, σ; runs outside):',
  );
  expect(lines[1]).toBe('  year      +2.0%  mean   +4.0%  σ 2.0%  ±10%  outside in 0 of 3');
  expect(lines[2]).toBe('  amount   -16.0%  mean  -16.0%  σ 2.0%  ±15%  outside in 2 of 3');
  expect(lines[3]).toBe('every tolerance is more than twice its σ: a verdict at this scale is not chance');
});

test('a target whose tolerance is under twice its σ is named as one that may miss by chance', () => {
  // σ of 0.00, 0.06, 0.12 is 6%: twice it (12%) exceeds a 10% tolerance, not a 15% one.
  const runs = [
    [row('noisy', 0.0, 10), row('steady', 0.0, 15)],
    [row('noisy', 0.06, 10), row('steady', 0.06, 15)],
    [row('noisy', 0.12, 10), row('steady', 0.12, 15)],
  ];
  expect(calibrationSpreadReport(runs, 1000).at(-1)).toBe(
    'tolerance under twice σ (may miss by chance at this scale; use a smaller k): noisy',
  );
});

test('the noise report refuses fewer than two runs', () => {
  expect(() => calibrationSpreadReport([[row('year', 0, 10)]], 1000)).toThrow(RangeError);
  expect(() => calibrationSpreadReport([], 1000)).toThrow(/two seeds or more/);
});

test('each target’s noise: its own error, mean, σ, runs outside, and whether the tolerance is under 2σ', () => {
  const runs = [
    [row('year', 0.02, 10), row('noisy', 0.0, 10)],
    [row('year', 0.04, 10), row('noisy', 0.06, 10)],
    [row('year', 0.06, 10), row('noisy', 0.12, 10)],
  ];
  const [year, noisy] = calibrationNoise(runs);
  expect(year).toEqual({
    name: 'year',
    relError: 0.02,
    meanRelError: expect.closeTo(0.04, 12),
    sdRelError: expect.closeTo(0.02, 12),
    tolerancePct: 10,
    outside: 0,
    seeds: 3,
    noisy: false,
  });
  // 0.12 is outside ±10% in one run of three; σ 6% makes 2σ = 12% > 10%.
  expect(noisy).toMatchObject({ name: 'noisy', outside: 1, seeds: 3, noisy: true });
  expect(noisy!.sdRelError).toBeCloseTo(0.06, 12);
  expect(() => calibrationNoise(runs.slice(0, 1))).toThrow(/two seeds or more/);
});
