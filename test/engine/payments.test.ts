import { describe, expect, test } from 'vitest';
import { simulateRange, SUMMARY_FIELDS, TIMES_AT, type RangeResult } from '../../src/engine';
import { USE_LTC, USE_MEDICAL, USE_RESIDENT } from '../../src/engine/codes';
import type { Scenario } from '../../src/scenario';
import { inputOf } from './helpers';

const K = 2000;
const FAMILIES = 40_000;

/** Person-times paid with shared money for `use` over the window, all geographies. */
function timesOf(r: RangeResult, use: number): number {
  let s = 0;
  for (let m = 0; m < r.months; m++)
    for (let g = 0; g < 3; g++) s += r.summary[m * SUMMARY_FIELDS + TIMES_AT + g * 4 + use]!;
  return s;
}

/** Insured relatives' contributions only: enrolments of uninsured ones are enrolment.test.ts's. */
function run(residentShared: number, ltcShared: number): RangeResult {
  const edit = (s: Scenario) => {
    s.behaviour.contributions.residentShared = residentShared;
    s.behaviour.contributions.ltcShared = ltcShared;
    s.rules.enrolmentOfUninsured = false;
  };
  return simulateRange(inputOf('baseline-2026', K, edit), 0, FAMILIES);
}

describe('contributions go to shared money at the scenario’s shares', () => {
  const base = run(0.2, 0.2);

  test('with both shares 0 no contribution is paid with shared money, and bills still are', () => {
    const none = run(0, 0);
    expect(timesOf(base, USE_RESIDENT)).toBeGreaterThan(0);
    expect(timesOf(base, USE_LTC)).toBeGreaterThan(0);
    expect(timesOf(none, USE_RESIDENT)).toBe(0);
    expect(timesOf(none, USE_LTC)).toBe(0);
    expect(timesOf(none, USE_MEDICAL)).toBeGreaterThan(0);
    expect([...none.residual].every((x) => x === 0)).toBe(true);
  });

  test('doubling a share about doubles its contributions and leaves the other use about where it was', () => {
    const doubled = run(0.4, 0.2);
    const resident = timesOf(doubled, USE_RESIDENT) / timesOf(base, USE_RESIDENT);
    const ltc = timesOf(doubled, USE_LTC) / timesOf(base, USE_LTC);
    expect(resident).toBeGreaterThan(1.8);
    expect(resident).toBeLessThan(2.2);
    expect(ltc).toBeGreaterThan(0.85);
    expect(ltc).toBeLessThan(1.15);
  });
});
