import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import { decideQuotaChange, type RuleParameters } from '../../src/rules';
import {
  parseScenario,
  toClearingParameters,
  toEngineParameters,
  toRuleParameters,
  type ScenarioClearing,
  type ScenarioRules,
} from '../../src/scenario';
import { rules2026 } from '../rules/fixtures';
import { rawScenario, scenario } from './helpers';

describe('toRuleParameters', () => {
  test('maps the pilot limits exactly: 200000 fen, 3 a day, quiet hours 22:00 → 1320 and 06:00 → 360', () => {
    const rules = toRuleParameters(scenario('pilot-2025-wallet'));
    expect(rules.quotaLimits).toEqual({
      maxChangeFen: 200_000,
      maxQuotaFen: null,
      maxChangesPerDay: 3,
      quietHours: { startMinute: 1320, endMinute: 360 },
    });
    expect(rules.quotaModel).toBe('wallet-transfer');
    expect(rules.permittedUses).toEqual(['medical', 'pharmacy', 'resident-contribution']);
    expect(rules.geography.rollout).toEqual({
      defaultStart: '2025-06',
      byProvince: { '44': '2025-10' },
      byPoolingArea: {},
    });
  });

  test('the baseline gives the rules core its own reading of the 2026 notice', () => {
    expect(toRuleParameters(scenario('baseline-2026'))).toEqual(rules2026());
  });

  test('the 2021 scope: spouse, parents and children, within the pooling area only', () => {
    const rules = toRuleParameters(scenario('scope-2021'));
    expect(rules.relativeScope).toBe('spouse-parents-children');
    expect(rules.geography).toMatchObject({
      samePoolingArea: true,
      sameProvince: false,
      crossProvince: false,
    });
  });

  test('the rules read the converted limits: a change at 23:00 is refused by R7', () => {
    const rules = toRuleParameters(scenario('pilot-2025-wallet'));
    const request = {
      currentQuotaFen: 0,
      requestedQuotaFen: 100_000,
      spendableFen: 500_000,
      changesToday: 0,
    };
    const late = decideQuotaChange(rules.quotaLimits, rules.quotaModel, { ...request, minuteOfDay: 23 * 60 });
    expect(late).toMatchObject({ ok: false, rule: 'R7', code: 'quiet-hours' });
    const noon = decideQuotaChange(rules.quotaLimits, rules.quotaModel, { ...request, minuteOfDay: 12 * 60 });
    expect(noon).toEqual({ ok: true, deltaFen: 100_000 });
  });

  test('shares no object with the scenario', () => {
    const s = scenario('pilot-2025-wallet');
    const rules = toRuleParameters(s);
    rules.geography.rollout.byProvince['51'] = '2025-01';
    (rules.permittedUses as string[]).push('ltc-contribution');
    expect(s.rules.geography.rollout.byProvince).toEqual({ '44': '2025-10' });
    expect(s.rules.permittedUses).toHaveLength(3);
  });

  test('the scenario sections have exactly the fields of the parameter interfaces', () => {
    expectTypeOf(toRuleParameters).returns.toEqualTypeOf<RuleParameters>();
    expectTypeOf(toClearingParameters).returns.toEqualTypeOf<ClearingParameters>();
    expectTypeOf<keyof ScenarioRules>().toEqualTypeOf<keyof RuleParameters>();
    expectTypeOf<keyof ScenarioClearing>().toEqualTypeOf<keyof ClearingParameters>();
    expectTypeOf<ScenarioClearing>().toEqualTypeOf<ClearingParameters>();
  });
});

describe('toClearingParameters', () => {
  test('every preset uses the documented clearing defaults', () => {
    for (const name of ['baseline-2026', 'pilot-2025-wallet', 'scope-2021']) {
      expect(toClearingParameters(scenario(name))).toEqual(DEFAULT_CLEARING_PARAMETERS);
    }
  });

  test('carries a faster cycle, percentile sizing and netting through unchanged', () => {
    const raw = rawScenario('baseline-2026');
    raw.clearing.settlement = 'multilateral-netting';
    raw.clearing.calendar.cycle = { days: 10 };
    raw.clearing.prepayment.sizing = { method: 'percentile-of-monthly-need', percentile: 95 };
    const r = parseScenario(raw);
    if (!r.ok) expect.fail(r.errors.map((e) => e.en).join('; '));
    const c = toClearingParameters(r.scenario);
    expect(c.settlement).toBe('multilateral-netting');
    expect(c.calendar.cycle).toEqual({ days: 10 });
    expect(c.prepayment.sizing).toEqual({ method: 'percentile-of-monthly-need', percentile: 95 });
    expect(c.calendar.cycle).not.toBe(r.scenario.clearing.calendar.cycle);
  });
});

describe('toEngineParameters', () => {
  test('gives the engine the rules, a copy of the behaviour section, the window and the seed', () => {
    const s = scenario('calibration-2024');
    const e = toEngineParameters(s);
    expect(e.rules).toEqual(toRuleParameters(s));
    expect(e.behaviour).toEqual(s.behaviour);
    expect(e.behaviour.contributions.monthWeights).not.toBe(s.behaviour.contributions.monthWeights);
    expect(e.behaviour.uptake.initialShare).not.toBe(s.behaviour.uptake.initialShare);
    expect(e.window).toEqual({ start: '2024-01', end: '2024-12' });
    expect(e.seed).toBe('calibration-2024');
  });

  test('the monthly cap (R11) reaches the rules only where a scenario sets one', () => {
    expect(toRuleParameters(scenario('monthly-cap-2026')).quotaLimits.monthlyUseCapFen).toBe(50_000);
    expect(toRuleParameters(scenario('baseline-2026')).quotaLimits).not.toHaveProperty('monthlyUseCapFen');
  });

  test('monthly contribution shares must sum to 1', () => {
    const raw = rawScenario('baseline-2026');
    raw.behaviour.contributions.monthWeights[9] = 0.5;
    const r = parseScenario(raw);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['behaviour.contributions.monthWeights']);
  });
});
