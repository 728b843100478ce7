import { expect, test } from 'vitest';
import { columnTexts } from '../../src/analytics/columns';
import { parameterColumnName, sweepTables } from '../../src/analytics/sweepTables';
import { FIGURES } from '../../src/runtime/figures';
import type { Level, SweepRunResult } from '../../src/runtime/sweep';

const level = (value: number, interval: [number, number] | null): Level => ({ value, interval });

/** A sweep of two points over two provinces, with every level written by hand. */
function result(replications: number): SweepRunResult {
  const iv = (x: number): [number, number] | null => (replications > 0 ? [x - 10.5, x + 10.5] : null);
  return {
    scale: '1:1000',
    replications,
    coverage: 0.9,
    sources: { sampling: 'removed', population: 'included', parameters: 'no ranges', estimate: 'included' },
    points: [0.1, 0.5].map((share, index) => ({
      index,
      values: { 'behaviour.quota.shareOfSpendable': share, 'rules.relativeScope': 'near-relatives' },
      scenarioId: `s-${index + 1}`,
      digest: `d${index}`,
      figures: Object.fromEntries(
        FIGURES.map((f, j) => [f.key, level(1000 * j + index + 0.5, iv(1000 * j))]),
      ),
      provinces: [0, 1, 2].map((p) => ({
        sharedFen: level(100 * p + 2.5, iv(100 * p)),
        paidInOtherProvincesFen: level(-2.5, iv(0)),
      })),
    })),
  };
}

const parameters = [
  { path: 'behaviour.quota.shareOfSpendable', values: [0.1, 0.5] },
  { path: 'rules.relativeScope', values: ['near-relatives'] },
];

test('a swept parameter’s column is its path in snake_case', () => {
  expect(parameterColumnName('behaviour.quota.shareOfSpendable')).toBe('behaviour_quota_share_of_spendable');
  expect(parameterColumnName('behaviour.uptake.monthlyRate.crossProvince')).toBe(
    'behaviour_uptake_monthly_rate_cross_province',
  );
  expect(parameterColumnName('rules.relativeScope')).toBe('rules_relative_scope');
});

test('the sweep table has a row per point and figure, a column per parameter, whole numbers and intervals', () => {
  const [sweep, provinces] = sweepTables(parameters, result(3), 2);
  expect(sweep!.name).toBe('sweep');
  expect(Object.keys(sweep!.columns)).toEqual([
    'behaviour_quota_share_of_spendable',
    'rules_relative_scope',
    'point',
    'scenario',
    'digest',
    'figure',
    'unit',
    'value',
    'low',
    'high',
  ]);
  const c = sweep!.columns;
  expect(c.point).toHaveLength(2 * FIGURES.length);
  expect(
    [...(c.behaviour_quota_share_of_spendable as Float64Array)].slice(FIGURES.length - 1, FIGURES.length + 1),
  ).toEqual([0.1, 0.5]);
  expect(columnTexts(c.rules_relative_scope!)[0]).toBe('near-relatives');
  expect(columnTexts(c.figure!).slice(0, FIGURES.length)).toEqual(FIGURES.map((f) => f.key));
  // 0.5 and 1.5 round half away from zero; −10.5 to −11.
  expect([...(c.value as Float64Array)].slice(0, 2)).toEqual([1, 1001]);
  expect((c.value as Float64Array)[FIGURES.length]).toBe(2);
  expect((c.low as Float64Array)[0]).toBe(-11);
  expect((c.high as Float64Array)[0]).toBe(11);

  // By province: the provinces asked for, each measure, whole fen (−2.5 → −3).
  expect(provinces!.name).toBe('sweep_provinces');
  const p = provinces!.columns;
  expect([...(p.province as Int32Array)]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
  expect(columnTexts(p.measure!).slice(0, 2)).toEqual(['sharedFen', 'paidInOtherProvincesFen']);
  expect([...(p.value_fen as Float64Array)].slice(0, 4)).toEqual([3, -3, 103, -3]);
  expect([...(p.point as Int32Array)]).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
});

test('without replications the tables have no interval columns', () => {
  const [sweep, provinces] = sweepTables(parameters, result(0), 2);
  expect(Object.keys(sweep!.columns)).not.toContain('low');
  expect(Object.keys(provinces!.columns)).not.toContain('low_fen');
});
