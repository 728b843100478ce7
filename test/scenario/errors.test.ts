import { describe, expect, test } from 'vitest';
import { closest, formatScenarioErrors, parseScenario, parseStory } from '../../src/scenario';
import { rawScenario } from './helpers';
import { rawStory, scenarioById, storyFiles } from './storyFiles';

describe('formatScenarioErrors', () => {
  test('one line per error with file, path, English and Chinese, under a count', () => {
    const raw = rawScenario('baseline-2026');
    raw.clearing.warnings.red = 0.6;
    raw.rules.quotaModel = 'wallet';
    const r = parseScenario(raw);
    const errors = r.ok ? [] : r.errors.map((e) => ({ ...e, file: 'scenarios/x.json' }));
    expect(formatScenarioErrors(errors).split('\n')).toEqual([
      '场景文件有 2 处错误 / the scenario has 2 errors:',
      '  scenarios/x.json: rules.quotaModel: expected "virtual-quota" or "wallet-transfer" (R9), got "wallet" / 应为"virtual-quota" 或 "wallet-transfer"（R9），实际为 "wallet"',
      '  scenarios/x.json: clearing.warnings: the yellow threshold must be below the red threshold / 黄色预警线须低于红色预警线',
    ]);
  });
});

describe('closest', () => {
  test('suggests a name within a few edits, or a different case, and nothing for unrelated names', () => {
    expect(closest('maxChangesPerDy', ['maxChangeFen', 'maxChangesPerDay'])).toBe('maxChangesPerDay');
    expect(closest('QUOTAMODEL', ['quotaModel', 'quotaLimits'])).toBe('quotaModel');
    expect(closest('colour', ['settlement', 'warnings'])).toBeNull();
  });
});

describe('numbers JSON cannot hold', () => {
  test('1e400 (read as Infinity) is reported as a number too large, not as null', () => {
    const raw = rawScenario('baseline-2026');
    raw.rules.quotaLimits.maxChangesPerDay = JSON.parse('1e400');
    raw.behaviour.care.inpatientOlderFactor = JSON.parse('-1e400');
    const r = parseScenario(raw);
    const byPath = Object.fromEntries((r.ok ? [] : r.errors).map((e) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual([
      'behaviour.care.inpatientOlderFactor',
      'rules.quotaLimits.maxChangesPerDay',
    ]);
    expect(byPath['rules.quotaLimits.maxChangesPerDay']!.en).toMatch(
      /, got a number too large \(Infinity\)$/,
    );
    expect(byPath['rules.quotaLimits.maxChangesPerDay']!.zh).toMatch(/，实际为 数值过大（Infinity）$/);
    expect(byPath['behaviour.care.inpatientOlderFactor']!.en).toMatch(
      /, got a number too large \(-Infinity\)$/,
    );
  });
});

describe('unknown keys', () => {
  /** The English and Chinese texts of the one error a change to the baseline gives. */
  const onlyError = (change: (raw: ReturnType<typeof rawScenario>) => void) => {
    const raw = rawScenario('baseline-2026');
    change(raw);
    const r = parseScenario(raw);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['unknown-key']);
    return r.ok ? { path: '', en: '', zh: '' } : r.errors[0]!;
  };

  test('an unknown key lists the keys allowed at its place, never an empty list', () => {
    expect(onlyError((raw) => (raw.rules.geography.rollout.x = 1))).toMatchObject({
      path: 'rules.geography.rollout.x',
      en: 'unknown field "x"; allowed here: defaultStart, byProvince, byPoolingArea',
      zh: '未知字段 "x"；此处允许：defaultStart、byProvince、byPoolingArea',
    });
  });

  test('in a union told apart by a key (prepayment sizing), the keys of the member that key picks', () => {
    expect(onlyError((raw) => (raw.clearing.prepayment.sizing.foo = 1))).toMatchObject({
      path: 'clearing.prepayment.sizing.foo',
      en: 'unknown field "foo"; allowed here: method, months',
      zh: '未知字段 "foo"；此处允许：method、months',
    });
    const other = onlyError(
      (raw) =>
        (raw.clearing.prepayment.sizing = { method: 'percentile-of-monthly-need', percentile: 95, month: 1 }),
    );
    expect(other.en).toBe('unknown field "month"; allowed here: method, percentile');
  });

  test('in a plain union (clearing cycle, notes), the keys of its object members', () => {
    expect(onlyError((raw) => (raw.clearing.calendar.cycle = { days: 5, foo: 1 }))).toMatchObject({
      path: 'clearing.calendar.cycle.foo',
      en: 'unknown field "foo"; allowed here: days',
      zh: '未知字段 "foo"；此处允许：days',
    });
    const note = onlyError(
      (raw) => (raw.notes['rules.relativeScope'] = { zh: '说明', en: 'note', fr: 'note' }),
    );
    expect(note.path).toBe('notes["rules.relativeScope"].fr');
    expect(note.en).toMatch(/; allowed here: zh, en$/);
    expect(note.zh).toMatch(/；此处允许：zh、en$/);
  });

  test('in a story step, the keys of the step its "op" picks', () => {
    const raw = rawStory(storyFiles()[0]!) as { steps: Record<string, unknown>[] };
    const op = raw.steps[0]!.op;
    raw.steps[0]!.colour = 'red';
    const r = parseStory(raw, scenarioById);
    const error = (r.ok ? [] : r.errors).find((e) => e.code === 'unknown-key');
    expect(error?.path).toBe('steps[0].colour');
    expect(op).toBe('establish');
    expect(error?.en).toBe(
      'unknown field "colour"; allowed here: op, relationship, consent, at, narration, expect',
    );
  });
});
