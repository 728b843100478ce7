import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario';
import { drawParameters, mayBeUncertain } from '../../src/scenario/uncertainty';
import { rawScenario, scenario } from './helpers';

/** Path and code of every error of a raw scenario. */
function errorsOf(raw: unknown): [string, string][] {
  const r = parseScenario(raw);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

describe('uncertainty ranges', () => {
  test('the 2026 baseline draws its four uncertain parameters; the 2024 calibration has none', () => {
    expect(Object.keys(scenario('baseline-2026').uncertainty).sort()).toEqual([
      'behaviour.quota.shareOfSpendable',
      'behaviour.uptake.awarenessMonths',
      'behaviour.uptake.monthlyRate.crossProvince',
      'clearing.directSettlement.yearlyGrowth',
    ]);
    expect(scenario('calibration-2024').uncertainty).toEqual({});
  });

  test('only numeric behaviour parameters and the direct-settlement growth may be drawn', () => {
    expect(mayBeUncertain('behaviour.uptake.awarenessMonths')).toBe(true);
    expect(mayBeUncertain('clearing.directSettlement.yearlyGrowth')).toBe(true);
    expect(mayBeUncertain('clearing.warnings.red')).toBe(false);
    expect(mayBeUncertain('behaviour.contributions.monthWeights')).toBe(false);
    expect(mayBeUncertain('behaviour.uptake')).toBe(false);
    expect(mayBeUncertain('rules.relativeScope')).toBe(false);
  });

  test('a range that names no drawable parameter, leaves its field, is reversed, misses the value or has no note is refused by path', () => {
    const raw = rawScenario('baseline-2026');
    raw.uncertainty['clearing.warnings.red'] = { low: 0.8, high: 0.95 };
    raw.uncertainty['behaviour.uptake.onNeed'] = { low: -0.1, high: 0.2 };
    raw.uncertainty['behaviour.quota.topUp'] = { low: 0.6, high: 0.4 };
    raw.uncertainty['behaviour.uptake.awarenessMonths'] = { low: 13, high: 24 };
    const errors = errorsOf(raw);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['uncertainty["clearing.warnings.red"]', 'unknown-key'],
        ['uncertainty["behaviour.uptake.onNeed"].low', 'out-of-range'],
        ['uncertainty["behaviour.quota.topUp"]', 'inconsistent'],
        ['uncertainty["behaviour.uptake.awarenessMonths"]', 'inconsistent'],
        ['notes["uncertainty.behaviour.quota.topUp"]', 'missing-note'],
      ]),
    );
    const bad = rawScenario('baseline-2026');
    bad.uncertainty['behaviour.uptake.onNeed'] = { low: 0.01, hi: 0.1 };
    expect(errorsOf(bad)).toEqual(
      expect.arrayContaining([['uncertainty["behaviour.uptake.onNeed"].hi', 'unknown-key']]),
    );
  });

  test('drawParameters gives replication r the same values whatever else is drawn, inside the ranges, whole where the field is', () => {
    const s = scenario('baseline-2026');
    const draws = Array.from({ length: 40 }, (_, r) => drawParameters(s, r));
    expect(drawParameters(s, 7)).toEqual(draws[7]);
    for (const d of draws) {
      for (const [path, value] of Object.entries(d.values)) {
        const { low, high } = s.uncertainty[path]!;
        expect(value).toBeGreaterThanOrEqual(low);
        expect(value).toBeLessThanOrEqual(high);
      }
      expect(Number.isInteger(d.values['behaviour.uptake.awarenessMonths'])).toBe(true);
      expect(d.scenario.behaviour.uptake.awarenessMonths).toBe(d.values['behaviour.uptake.awarenessMonths']);
      expect(d.scenario.clearing.directSettlement.yearlyGrowth).toBe(
        d.values['clearing.directSettlement.yearlyGrowth'],
      );
    }
    // The draws spread over the ranges, and the scenario itself is left as it was.
    const rates = draws.map((d) => d.values['behaviour.uptake.monthlyRate.crossProvince']!);
    expect(Math.min(...rates)).toBeLessThan(0.0015);
    expect(Math.max(...rates)).toBeGreaterThan(0.0035);
    expect(s.behaviour.uptake.monthlyRate.crossProvince).toBe(0.002);
    expect(drawParameters(scenario('calibration-2024'), 3)).toEqual({
      scenario: scenario('calibration-2024'),
      values: {},
    });
  });
});
