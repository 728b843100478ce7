import { expect, test } from 'vitest';
import { defaultValues, readValues, SWEEPABLE_PATHS, sweepFromForm } from '../../../src/ui/compare/sweepForm';
import { scenario } from '../../scenario/helpers';

const SHARE = 'behaviour.quota.shareOfSpendable';

test('the form offers numbers, choices and switches, and no list or union', () => {
  expect(SWEEPABLE_PATHS).toContain(SHARE);
  expect(SWEEPABLE_PATHS).toContain('rules.relativeScope');
  expect(SWEEPABLE_PATHS).not.toContain('rules.permittedUses');
  expect(SWEEPABLE_PATHS).not.toContain('behaviour.contributions.monthWeights');
});

test('values are read comma-separated (Chinese commas too), numbers in plain decimals', () => {
  expect(readValues(SHARE, '0.1, 0.3，0.5、0.7 ,', 0)).toEqual({ values: [0.1, 0.3, 0.5, 0.7], errors: [] });
  expect(readValues('rules.relativeScope', 'near-relatives, spouse-parents-children', 0).values).toEqual([
    'near-relatives',
    'spouse-parents-children',
  ]);
  const bad = readValues(SHARE, '0.1, 1e-1, half', 1);
  expect(bad.values).toEqual([0.1]);
  expect(bad.errors.map((e) => [e.path, e.en])).toEqual([
    ['parameters[1].values[1]', 'expected a number such as 0.3, got "1e-1"'],
    ['parameters[1].values[2]', 'expected a number such as 0.3, got "half"'],
  ]);
});

test('the form makes the sweep a file would, and refuses what a file refuses, by path', () => {
  const base = scenario('baseline-2026');
  const made = sweepFromForm(base, [{ path: SHARE, values: '0.1, 0.3, 0.5, 0.7, 0.9' }]);
  expect(made.ok).toBe(true);
  if (!made.ok) return;
  expect(made.points.map((p) => p.scenario.behaviour.quota.shareOfSpendable)).toEqual([
    0.1, 0.3, 0.5, 0.7, 0.9,
  ]);
  expect(made.points.every((p) => p.scenario.seed === base.seed)).toBe(true);
  expect(made.parameters).toEqual([{ path: SHARE, values: [0.1, 0.3, 0.5, 0.7, 0.9] }]);

  const one = sweepFromForm(base, [{ path: SHARE, values: '0.5' }]);
  expect(one.ok || one.errors.map((e) => e.path)).toEqual(['parameters[0].values']);
  const outside = sweepFromForm(base, [{ path: SHARE, values: '0.5, 2' }]);
  expect(outside.ok || outside.errors.map((e) => e.path)).toEqual(['parameters[0].values[1]']);
  const choice = sweepFromForm(base, [{ path: 'rules.relativeScope', values: 'near-relatives, cousins' }]);
  expect(choice.ok || choice.errors.map((e) => e.path)).toEqual(['parameters[0].values[1]']);
});

test('the values first typed follow the base scenario’s own value', () => {
  const base = scenario('baseline-2026');
  expect(defaultValues(SHARE, base)).toBe('0.1, 0.3, 0.5, 0.7, 0.9');
  expect(defaultValues('rules.relativeScope', base)).toBe(base.rules.relativeScope);
  expect(defaultValues('no.such.path', base)).toBe('');
  expect(defaultValues('rules.relativeScope', undefined)).toBe('');
});
