import { describe, expect, test } from 'vitest';
import {
  clip,
  closest,
  formatPath,
  formatScenarioErrors,
  formatStoryErrors,
  MAX_ERRORS,
  parseScenario,
  parseStory,
  quote,
  QUOTE_LENGTH,
  type ScenarioError,
} from '../../src/scenario';
import { notePaths } from '../../src/scenario/notes';
import { rawScenario } from './helpers';
import { rawStory, scenarioById } from './storyFiles';

/** The errors of a raw scenario, and how long parsing took in milliseconds. */
function timed(raw: unknown): { errors: ScenarioError[]; ms: number } {
  const start = performance.now();
  const r = parseScenario(raw);
  return { errors: r.ok ? [] : r.errors, ms: performance.now() - start };
}

/** The longest text of any error: its path, English or Chinese. */
const longest = (errors: readonly ScenarioError[]) =>
  Math.max(0, ...errors.flatMap((e) => [e.path.length, e.en.length, e.zh.length]));

describe('clip and quote', () => {
  test('keep a short text whole and cut a long one to QUOTE_LENGTH characters with its length', () => {
    expect(clip('maxChangesPerDay')).toBe('maxChangesPerDay');
    expect(quote('a"b')).toBe('"a\\"b"');
    const long = 'x'.repeat(1_000_000);
    expect(clip(long)).toBe(`${'x'.repeat(QUOTE_LENGTH)}…(1000000 characters)`);
    expect(clip(long, 'zh')).toBe(`${'x'.repeat(QUOTE_LENGTH)}…（共 1000000 个字符）`);
    expect(quote(long)).toBe(`"${'x'.repeat(QUOTE_LENGTH)}…"(1000000 characters)`);
  });

  test('do not cut a character outside the Basic Multilingual Plane in half', () => {
    const text = `${'x'.repeat(QUOTE_LENGTH - 1)}😀${'y'.repeat(10)}`;
    expect(clip(text).startsWith(`${'x'.repeat(QUOTE_LENGTH - 1)}…`)).toBe(true);
  });

  test('no key a note may name is long enough to be cut', () => {
    const raw = rawScenario('baseline-2026');
    for (const path of notePaths(raw)) expect(path.length, path).toBeLessThanOrEqual(QUOTE_LENGTH);
    for (const key of Object.keys(raw.notes)) expect(key.length, key).toBeLessThanOrEqual(QUOTE_LENGTH);
  });
});

describe('formatPath', () => {
  test('quotes a key longer than QUOTE_LENGTH and cuts it', () => {
    expect(formatPath(['rules', 'k'.repeat(5000)])).toBe(
      `rules["${'k'.repeat(QUOTE_LENGTH)}…(5000 characters)"]`,
    );
  });
});

describe('closest', () => {
  test('gives no suggestion for a key of a megabyte, at once', () => {
    const start = performance.now();
    expect(closest('maxChangesPerDay'.repeat(70_000), ['maxChangesPerDay', 'maxChangeFen'])).toBeNull();
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('error text is bounded, and bounded work makes it', () => {
  test('an unknown key of a megabyte is reported in well under a second, quoted in a few dozen characters', () => {
    const raw = rawScenario('baseline-2026');
    raw.rules['k'.repeat(1_000_000)] = 1;
    const { errors, ms } = timed(raw);
    expect(ms).toBeLessThan(1000);
    expect(errors.map((e) => e.code)).toEqual(['unknown-key']);
    expect(errors[0]!.path).toBe(`rules["${'k'.repeat(QUOTE_LENGTH)}…(1000000 characters)"]`);
    expect(errors[0]!.en).toContain(`unknown field "${'k'.repeat(QUOTE_LENGTH)}…"(1000000 characters)`);
    expect(errors[0]!.zh).toContain(`未知字段 "${'k'.repeat(QUOTE_LENGTH)}…"（共 1000000 个字符）`);
    expect(formatScenarioErrors(errors).length).toBeLessThan(1000);
  });

  test('an unknown note of five megabytes is reported in well under a second, and the error text stays short', () => {
    const raw = rawScenario('baseline-2026');
    raw.notes['n'.repeat(5_000_000)] = 'a note';
    const { errors, ms } = timed(raw);
    expect(ms).toBeLessThan(1000);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      [`notes["${'n'.repeat(QUOTE_LENGTH)}…(5000000 characters)"]`, 'unknown-note'],
    ]);
    expect(formatScenarioErrors(errors).length).toBeLessThan(500);
  });

  test('long keys in records, notes and ranges, and long values, are all cut in paths and messages', () => {
    const raw = rawScenario('baseline-2026');
    const long = 'p'.repeat(200_000);
    raw.rules.geography.rollout.byProvince[long] = '2026-01';
    raw.rules.geography.rollout.byPoolingArea['440100'] = long;
    raw.notes[long] = 'a note';
    raw.uncertainty[long] = { low: 0, high: 1 };
    raw.seed = ['s'.repeat(100_000)];
    raw.id = 'Q'.repeat(300_000);
    const { errors, ms } = timed(raw);
    expect(ms).toBeLessThan(1000);
    expect(errors.length).toBe(6);
    expect(longest(errors)).toBeLessThan(400);
  });

  test('a file with 20,000 unknown keys reports the first MAX_ERRORS and says more were left out', () => {
    const raw = rawScenario('baseline-2026');
    for (let i = 0; i < 20_000; i++) {
      raw.rules[`extraField${i}`] = i;
      raw.notes[`rules.extraField${i}`] = 'note';
    }
    const { errors, ms } = timed(raw);
    expect(ms).toBeLessThan(1500);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors.at(-1)).toMatchObject({ path: '', code: 'too-many-errors' });
    expect(errors.at(-1)!.en).toBe(
      `only the first ${MAX_ERRORS} errors are shown; correct them and check the file again`,
    );
  });

  test("a story's long ids are cut where its cross-checks quote them", () => {
    const raw = rawStory('01-suzhou-quota.json') as { people: { id: string }[] };
    const long = `a${'-b'.repeat(100_000)}`;
    raw.people[0]!.id = long;
    raw.people[1]!.id = long;
    const r = parseStory(raw, scenarioById);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.en.startsWith('the person id "a-b-b'))).toBe(true);
    expect(longest(r.errors)).toBeLessThan(400);
    expect(formatStoryErrors(r.errors).length).toBeLessThan(400 * (r.errors.length + 1));
  });
});
