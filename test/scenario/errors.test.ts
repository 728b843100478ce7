import { describe, expect, test } from 'vitest';
import { closest, formatScenarioErrors, parseScenario } from '../../src/scenario';
import { rawScenario } from './helpers';

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
