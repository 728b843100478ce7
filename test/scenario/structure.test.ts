import { describe, expect, test } from 'vitest';
import { checkStructure, MAX_DEPTH, parseScenario, parseStory } from '../../src/scenario';
import { rawScenario } from './helpers';
import { rawStory, scenarioById } from './storyFiles';

/** A list nested `depth` deep around `inner`: `[[[inner]]]`. */
function nested(depth: number, inner: unknown = 1): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** An object whose own key `__proto__` holds `value`, as JSON.parse makes it. */
const withProtoKey = (value: unknown, rest: Record<string, unknown> = {}) =>
  JSON.parse(
    JSON.stringify(rest).replace(
      /^\{/,
      `{"__proto__":${JSON.stringify(value)}${Object.keys(rest).length ? ',' : ''}`,
    ),
  ) as Record<string, unknown>;

describe('checkStructure', () => {
  test('accepts the nesting a file needs and refuses one level more than MAX_DEPTH, naming the path', () => {
    expect(checkStructure(nested(MAX_DEPTH - 1, {}))).toEqual({ errors: [], tooDeep: false });
    const r = checkStructure({ a: nested(MAX_DEPTH) });
    expect(r.tooDeep).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe('too-deep');
    expect(r.errors[0]!.path).toBe(`a${'[0]'.repeat(MAX_DEPTH - 1)}`);
    expect(r.errors[0]!.en).toContain(`more than ${MAX_DEPTH} deep`);
    expect(r.errors[0]!.zh).toContain(`超过 ${MAX_DEPTH} 层`);
  });

  test('walks a value nested a million deep without overflowing the stack', () => {
    expect(checkStructure(nested(1_000_000)).tooDeep).toBe(true);
  });

  test('reports every __proto__ key as a bad-format key, wherever it is', () => {
    const r = checkStructure({ a: [withProtoKey(1)], b: withProtoKey({ c: 2 }, { d: 3 }) });
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['a[0].__proto__', 'bad-format'],
      ['b.__proto__', 'bad-format'],
    ]);
    expect(r.errors[0]!.en).toBe('the key "__proto__" is not allowed anywhere in a file');
    expect(r.errors[0]!.zh).toBe('文件中任何位置都不允许使用键 "__proto__"');
  });
});

describe('parseScenario and parseStory refuse hostile structures', () => {
  test('a scenario with a list nested 5,000 deep gives one too-deep error instead of a stack overflow', () => {
    const raw = rawScenario('baseline-2026');
    raw.behaviour.contributions.monthWeights = nested(5000);
    const r = parseScenario(raw);
    expect(r.ok || r.errors.map((e) => [e.path, e.code])).toEqual([
      [`behaviour.contributions.monthWeights${'[0]'.repeat(MAX_DEPTH - 3)}`, 'too-deep'],
    ]);
  });

  test('a story with a list nested 5,000 deep gives one too-deep error instead of a stack overflow', () => {
    const raw = rawStory('01-suzhou-quota.json');
    raw.steps = nested(5000);
    const r = parseStory(raw, scenarioById);
    expect(r.ok || r.errors.map((e) => e.code)).toEqual(['too-deep']);
  });

  test('a __proto__ key in a record of a scenario is an error, once, wherever zod would skip it', () => {
    const raw = rawScenario('baseline-2026');
    raw.rules.geography.rollout.byProvince = withProtoKey({ polluted: 'yes' });
    raw.notes = withProtoKey('a note', raw.notes);
    raw.uncertainty = withProtoKey({ low: 0, high: 1 }, raw.uncertainty);
    raw.rules.quotaLimits = withProtoKey(1, raw.rules.quotaLimits);
    const r = parseScenario(raw);
    expect(r.ok || r.errors.map((e) => [e.path, e.code])).toEqual([
      ['rules.geography.rollout.byProvince.__proto__', 'bad-format'],
      ['rules.quotaLimits.__proto__', 'bad-format'],
      ['uncertainty.__proto__', 'bad-format'],
      ['notes.__proto__', 'bad-format'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a __proto__ key in a record of a story is an error', () => {
    const raw = rawStory('01-suzhou-quota.json');
    raw.places = withProtoKey({ zh: '毒', en: 'Poison' }, raw.places as Record<string, unknown>);
    const r = parseStory(raw, scenarioById);
    expect(r.ok || r.errors.map((e) => [e.path, e.code])).toEqual([['places.__proto__', 'bad-format']]);
  });
});
