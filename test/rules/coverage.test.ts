/**
 * Every sharing rule R1–R12 must have at least one test that names it in its title and asserts on
 * it (a posting or refusal carrying that id). This test reads the rules tests as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHARING_RULES } from '../../src/rules';

const TITLE = /\b(?:test|it|describe)\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;

/** The rule ids of `ids` that no file both names in a test title and asserts as a quoted id. */
export function rulesWithoutTests(ids: readonly string[], files: readonly string[]): string[] {
  return ids.filter(
    (id) =>
      !files.some((text) => {
        const named = [...text.matchAll(TITLE)].some((m) => new RegExp(`\\b${id}\\b`).test(m[2]!));
        return named && new RegExp(`['"]${id}['"]`).test(text);
      }),
  );
}

describe('rule coverage', () => {
  test('every sharing rule R1–R12 is exercised by a test that names it', () => {
    const dir = import.meta.dirname;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(SHARING_RULES).toHaveLength(12);
    expect(rulesWithoutTests(SHARING_RULES, files)).toEqual([]);
  });

  test('rulesWithoutTests reports a rule that is only named, or only asserted', () => {
    const onlyNamed = "test('R4: consent', () => { expect(x).toBe(1); });";
    const onlyAsserted = "test('consent', () => { expect(r.rule).toBe('R5'); });";
    const both = "test('R6 ends it', () => { expect(r).toMatchObject({ rule: 'R6' }); });";
    expect(rulesWithoutTests(['R4', 'R5', 'R6'], [onlyNamed, onlyAsserted, both])).toEqual(['R4', 'R5']);
  });
});
