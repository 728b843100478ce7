import { describe, expect, test } from 'vitest';
import { diffScenarios } from '../../src/scenario';
import { scenario } from './helpers';

describe('diffScenarios', () => {
  test('baseline against the 2021 scope lists the scope, enrolment, geography and use differences', () => {
    const diff = diffScenarios(scenario('baseline-2026'), scenario('scope-2021'));
    const rules = diff.filter((d) => d.path.startsWith('rules.'));
    expect(rules).toEqual([
      { path: 'rules.relativeScope', a: 'near-relatives', b: 'spouse-parents-children' },
      { path: 'rules.enrolmentOfUninsured', a: true, b: false },
      { path: 'rules.geography.sameProvince', a: true, b: false },
      { path: 'rules.geography.crossProvince', a: true, b: false },
      { path: 'rules.geography.rollout.defaultStart', a: '2026-01', b: '2024-01' },
      {
        path: 'rules.permittedUses',
        a: ['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution'],
        b: ['medical', 'pharmacy', 'resident-contribution'],
      },
    ]);
    expect(diff.filter((d) => d.path.startsWith('clearing.'))).toEqual([]);
    expect(diff.map((d) => d.path)).toEqual(
      expect.arrayContaining(['id', 'seed', 'window.start', 'window.end', 'title.en']),
    );
    expect(diff.some((d) => d.path.startsWith('notes'))).toBe(false);
  });

  test('a scenario does not differ from itself', () => {
    const s = scenario('pilot-2025-wallet');
    expect(diffScenarios(s, s, { notes: true })).toEqual([]);
  });

  test('record entries present on one side only, and a null leaf against an object', () => {
    const diff = diffScenarios(scenario('baseline-2026'), scenario('pilot-2025-wallet'));
    expect(diff).toContainEqual({
      path: 'rules.geography.rollout.byProvince.44',
      a: undefined,
      b: '2025-10',
    });
    expect(diff).toContainEqual({
      path: 'rules.quotaLimits.quietHours',
      a: null,
      b: { start: '22:00', end: '06:00' },
    });
    expect(diff).toContainEqual({ path: 'rules.quotaLimits.maxChangeFen', a: null, b: 200_000 });
  });

  test('with notes: true, differing notes are listed under their quoted keys', () => {
    const diff = diffScenarios(scenario('baseline-2026'), scenario('scope-2021'), { notes: true });
    expect(diff.map((d) => d.path)).toContain('notes["rules.relativeScope"].en');
  });
});
