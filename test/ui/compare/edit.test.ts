import { expect, test } from 'vitest';
import baselineJson from '../../../scenarios/baseline-2026.json';
import { parseScenario, type Scenario } from '../../../src/scenario';
import { editScenario, errorsByField, fieldKind, readTyped, rebaseEdit } from '../../../src/ui/compare/edit';

const parsed = parseScenario(baselineJson);
if (!parsed.ok) throw new Error('baseline-2026 must parse');
const baseline: Scenario = parsed.scenario;

test('editScenario with no changes gives a valid copy named <base>-edited', () => {
  const { result } = editScenario(baseline, {});
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.scenario.id).toBe('baseline-2026-edited');
    expect(result.scenario.rules).toEqual(baseline.rules);
  }
});

test('an out-of-range value is explained at its own field, in both languages', () => {
  const { result } = editScenario(baseline, { 'rules.quotaLimits.maxChangesPerDay': 0 });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const byField = errorsByField(result.errors);
  expect([...byField.keys()]).toEqual(['rules.quotaLimits.maxChangesPerDay']);
  const [error] = byField.get('rules.quotaLimits.maxChangesPerDay')!;
  expect(error!.code).toBe('out-of-range');
  expect(error!.en).toContain('a whole number ≥ 1');
  expect(error!.zh).toContain('不小于 1');
});

test('a bad list item is placed at the list field; a cross-field check at the fields it compares', () => {
  const { result } = editScenario(baseline, {
    'rules.permittedUses': ['medical', 'dentistry'],
    'clearing.warnings.yellow': 0.95,
  });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const byField = errorsByField(result.errors);
  expect(byField.get('rules.permittedUses')?.[0]?.path).toBe('rules.permittedUses[1]');
  expect(byField.get('clearing.warnings.yellow')?.[0]?.code).toBe('inconsistent');
  expect(byField.get('clearing.warnings.red')?.[0]?.code).toBe('inconsistent');
});

test('fieldKind reads the schema: booleans, choices, nullable numbers, and JSON for the rest', () => {
  expect(fieldKind('rules.geography.crossProvince')).toEqual({ kind: 'boolean' });
  expect(fieldKind('clearing.settlement')).toEqual({
    kind: 'choice',
    options: ['gross-bilateral', 'multilateral-netting'],
  });
  expect(fieldKind('rules.quotaLimits.monthlyUseCapFen')).toEqual({ kind: 'number', nullable: true });
  expect(fieldKind('clearing.warnings.red')).toEqual({ kind: 'number', nullable: false });
  expect(fieldKind('rules.permittedUses')).toEqual({ kind: 'json' });
});

test('readTyped turns typed text into the value the scenario gets', () => {
  expect(readTyped({ kind: 'number', nullable: true }, ' ')).toEqual({ value: null });
  expect(readTyped({ kind: 'number', nullable: false }, '')).toEqual({ value: '' });
  expect(readTyped({ kind: 'number', nullable: false }, '0.8')).toEqual({ value: 0.8 });
  expect(readTyped({ kind: 'number', nullable: false }, 'abc')).toEqual({ value: 'abc' });
  expect(readTyped({ kind: 'json' }, '["medical"]')).toEqual({ value: ['medical'] });
  expect(readTyped({ kind: 'json' }, '[medical')).toEqual({ error: 'json' });
  expect(readTyped({ kind: 'boolean' }, '', true)).toEqual({ value: true });
});

test('editScenario refuses a path that is not a parameter and never walks into __proto__', () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  const values: Record<string, unknown> = { '__proto__.polluted': 'yes', 'constructor.prototype.x': 1 };
  Object.defineProperty(values, '__proto__', { value: { polluted: 'yes' }, enumerable: true });
  const { result } = editScenario(baseline, values);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors.map((e) => [e.path, e.code])).toEqual([
    ['', 'unknown-key'],
    ['', 'unknown-key'],
    ['', 'unknown-key'],
  ]);
  expect(result.errors[0]!.en).toBe(
    '"__proto__.polluted" is not a parameter of a scenario: the change was refused',
  );
  expect(result.errors[0]!.zh).toBe('"__proto__.polluted" 不是方案参数：已拒绝此修改');
});

test('editScenario reports objects where the month weights belong at that field, without throwing', () => {
  const { result } = editScenario(baseline, { 'behaviour.contributions.monthWeights': [{ toString: 1 }] });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const byField = errorsByField(result.errors);
  expect([...byField.keys()]).toEqual(['behaviour.contributions.monthWeights']);
  expect(byField.get('behaviour.contributions.monthWeights')!.map((e) => [e.path, e.code])).toEqual([
    ['behaviour.contributions.monthWeights[0]', 'wrong-type'],
    ['behaviour.contributions.monthWeights', 'out-of-range'],
  ]);
});

test('rebaseEdit keeps the base and its changes while the base is offered, else starts over from the first', () => {
  const values = { 'rules.quotaLimits.maxChangesPerDay': 3 };
  const kept = rebaseEdit({ base: 'my-file', values }, ['baseline-2026', 'my-file']);
  expect(kept).toEqual({ base: 'my-file', values });
  expect(kept.values).not.toBe(values);
  expect(rebaseEdit({ base: 'my-file', values }, ['baseline-2026', 'netting-2026'])).toEqual({
    base: 'baseline-2026',
    values: {},
  });
});
