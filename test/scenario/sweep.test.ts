import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  MAX_SWEEP_POINTS,
  parseSweep,
  parseSweepText,
  sweepPoints,
  type Sweep,
} from '../../src/scenario/sweep';
import { SCENARIO_DIR, scenario } from './helpers';

const SHARE = 'behaviour.quota.shareOfSpendable';

const sweepOf = (parameters: unknown, extra: Record<string, unknown> = {}): unknown => ({
  id: 'test-sweep',
  title: { zh: '测试', en: 'Test' },
  scenario: '../baseline-2026.json',
  parameters,
  ...extra,
});

const ok = (json: unknown): Sweep => {
  const r = parseSweep(json);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('; '));
  return r.sweep;
};

describe('parseSweep', () => {
  test('the shipped sweep files are valid and their combinations are valid scenarios', () => {
    for (const name of ['quota-share', 'scope-2021']) {
      const text = readFileSync(`${SCENARIO_DIR}sweeps/${name}.json`, 'utf8');
      const r = parseSweepText(text);
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      const base = scenario(r.sweep.scenario.replace('../', '').replace('.json', ''));
      expect(sweepPoints(base, r.sweep).ok, name).toBe(true);
    }
  });

  test('every error names its field path: a path that is no parameter, a parameter or a value given twice', () => {
    const r = parseSweep(
      sweepOf([
        { path: 'seed', values: [1, 2] },
        { path: SHARE, values: [0.1, 0.1] },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['parameters[0].path', 'unknown-key'],
      ['parameters[1].values[1]', 'inconsistent'],
    ]);
    expect(r.errors[0]!.en).toBe('"seed" is not a parameter of a scenario: the change was refused');
    expect(r.errors[1]!.zh).toContain('出现了两次');

    const twice = parseSweep(
      sweepOf([
        { path: SHARE, values: [0.1, 0.2] },
        { path: SHARE, values: [0.3, 0.4] },
      ]),
    );
    expect(twice.ok || twice.errors.map((e) => e.path)).toEqual(['parameters[1].path']);
  });

  test('the schema refuses a missing field, one value, a third parameter and unknown keys, by path', () => {
    const r = parseSweep({
      ...(sweepOf([{ path: SHARE, values: [0.1] }]) as object),
      extra: 1,
      scenario: undefined,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('scenario');
    expect(paths).toContain('parameters[0].values');
    expect(paths).toContain('extra');
    const three = parseSweep(sweepOf([1, 2, 3].map((i) => ({ path: SHARE, values: [i, i + 1] }))));
    expect(three.ok || three.errors.map((e) => e.path)).toEqual(['parameters']);
  });

  test(`more than ${MAX_SWEEP_POINTS} combinations are refused before anything runs`, () => {
    const values = Array.from({ length: 11 }, (_, i) => i / 10);
    const r = parseSweep(
      sweepOf([
        { path: SHARE, values },
        { path: 'behaviour.quota.topUp', values },
      ]),
    );
    expect(r.ok || r.errors.map((e) => [e.path, e.en])).toEqual([
      ['parameters', `121 combinations: a sweep runs at most ${MAX_SWEEP_POINTS}`],
    ]);
  });

  test('JSON syntax errors give line and column; a __proto__ key is refused', () => {
    const bad = parseSweepText('{\n  "id": "x",\n  oops\n}');
    expect(bad.ok || bad.errors[0]!.en).toMatch(/line 3, column 3/);
    const proto = parseSweepText('{"__proto__": {"polluted": 1}}');
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sweepPoints', () => {
  const base = scenario('baseline-2026');

  test('every combination is the base with those values, at its seed, the last parameter changing fastest', () => {
    const sweep = ok(
      sweepOf([
        { path: SHARE, values: [0.1, 0.5] },
        { path: 'rules.relativeScope', values: ['near-relatives', 'spouse-parents-children'] },
      ]),
    );
    const r = sweepPoints(base, sweep);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.points.map((p) => [p.index, p.scenario.id, p.values])).toEqual([
      [0, 'test-sweep-1', { [SHARE]: 0.1, 'rules.relativeScope': 'near-relatives' }],
      [1, 'test-sweep-2', { [SHARE]: 0.1, 'rules.relativeScope': 'spouse-parents-children' }],
      [2, 'test-sweep-3', { [SHARE]: 0.5, 'rules.relativeScope': 'near-relatives' }],
      [3, 'test-sweep-4', { [SHARE]: 0.5, 'rules.relativeScope': 'spouse-parents-children' }],
    ]);
    for (const p of r.points) {
      expect(p.scenario.seed).toBe(base.seed);
      expect(p.scenario.behaviour.quota.shareOfSpendable).toBe(p.values[SHARE]);
      expect(p.scenario.rules.relativeScope).toBe(p.values['rules.relativeScope']);
      expect(p.scenario.title.en).toContain(`${SHARE} = ${String(p.values[SHARE])}`);
    }
    // The base itself is left as it was.
    expect(base.behaviour.quota.shareOfSpendable).toBe(0.3);
  });

  test('a range the base gives for a swept parameter is dropped, so replications keep the swept value', () => {
    expect(base.uncertainty[SHARE]).toBeDefined();
    const r = sweepPoints(base, ok(sweepOf([{ path: SHARE, values: [0.1, 0.9] }])));
    if (!r.ok) throw new Error('refused');
    for (const p of r.points) {
      expect(p.scenario.uncertainty[SHARE]).toBeUndefined();
      expect(p.scenario.notes[`uncertainty.${SHARE}`]).toBeUndefined();
      // Other ranges stay.
      expect(Object.keys(p.scenario.uncertainty).length).toBe(Object.keys(base.uncertainty).length - 1);
    }
  });

  test('a value the scenario refuses is named at its place in the sweep, with the scenario field', () => {
    const r = sweepPoints(base, ok(sweepOf([{ path: SHARE, values: [0.5, 1.5, 'half'] }])));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['parameters[0].values[1]', 'parameters[0].values[2]']);
    expect(r.errors[0]!.en).toMatch(new RegExp(`^${SHARE.replaceAll('.', '\\.')}: `));
    expect(r.errors[1]!.zh).toMatch(new RegExp(`^${SHARE.replaceAll('.', '\\.')}：`));
  });
});
