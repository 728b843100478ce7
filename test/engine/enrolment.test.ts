/**
 * Enrolment of uninsured relatives in a small national run (R2, R11): counted by area and age band
 * with the parameter on, none with it off; the contributions that enrol them are paid from quotas to
 * the resident-contribution collectors, the books balance, and the counts do not depend on how the
 * families are split into ranges.
 */
import { describe, expect, test } from 'vitest';
import { loadFamily, simulateFamily } from '../../src/engine/family';
import { prepare } from '../../src/engine/prepare';
import { simulateRange } from '../../src/engine/range';
import { AGE_BANDS, series, SUMMARY, timesField, type RangeResult } from '../../src/engine/result';
import { FamilyState } from '../../src/engine/state';
import { USE_RESIDENT, GEOGRAPHY_COUNT } from '../../src/engine/codes';
import { SchemeCode } from '../../src/population/columns';
import { chunkSource } from '../../src/population/generate';
import { streamKey } from '../../src/population/random';
import { inputOf, resultBits } from './helpers';
import type { Scenario } from '../../src/scenario';

const K = 10_000;
const FAMILIES = 4_000;

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

/** The baseline at 1:10,000 with enrolment on or off and a high uptake, so that a small run shows it. */
function run(open: boolean, edit: (s: Scenario) => void = () => {}): RangeResult {
  const input = inputOf('baseline-2026', K, (s) => {
    s.rules.enrolmentOfUninsured = open;
    s.behaviour.contributions.enrolmentUptake = 0.5;
    edit(s);
  });
  return simulateRange(input, 0, FAMILIES);
}

describe('relatives insured thanks to sharing', () => {
  const on = run(true);
  const off = run(false);

  test('with enrolment open some uninsured relatives are enrolled; with it closed none are', () => {
    const enrolled = sum(series(on, SUMMARY.enrolled));
    expect(enrolled).toBeGreaterThan(0);
    expect(sum(on.enrolments)).toBe(enrolled);
    expect(enrolled % K).toBe(0);
    expect(sum(series(off, SUMMARY.enrolled))).toBe(0);
    expect(sum(off.enrolments)).toBe(0);
  });

  test('enrolments happen in the collection season and are counted by area and age band', () => {
    const byMonth = series(on, SUMMARY.enrolled);
    const weights = inputOf('baseline-2026', K).behaviour.contributions.monthWeights;
    byMonth.forEach((n, m) => {
      if (weights[m] === 0) expect(n).toBe(0);
    });
    expect(on.enrolments).toHaveLength(on.areas * AGE_BANDS.length);
  });

  test('each enrolment is a payment from a quota to a resident-contribution collector, and the books balance', () => {
    const enrolled = sum(series(on, SUMMARY.enrolled));
    let residentTimes = 0;
    for (let g = 0; g < GEOGRAPHY_COUNT; g++) residentTimes += sum(series(on, timesField(g, USE_RESIDENT)));
    expect(residentTimes).toBeGreaterThanOrEqual(enrolled);
    // The profile shows the payments made while the relative was still uninsured: one a relative,
    // from the quota, at most the 400 yuan contribution and mostly all of it (a small balance leaves
    // the rest to cash: about 7% of the fen at 1:10000).
    let uninsuredTimes = 0;
    let uninsuredFen = 0;
    for (let m = 0; m < on.months; m++) {
      for (let a = 0; a < AGE_BANDS.length; a++) {
        const at = ((m * AGE_BANDS.length + a) * 4 + SchemeCode.uninsured) * 2;
        uninsuredTimes += on.beneficiaryProfile[at]!;
        uninsuredFen += on.beneficiaryProfile[at + 1]!;
      }
    }
    expect(uninsuredTimes).toBe(enrolled);
    expect(uninsuredFen).toBeGreaterThan(0.75 * enrolled * 40_000);
    expect(uninsuredFen).toBeLessThanOrEqual(enrolled * 40_000);
    expect(on.residual.every((x) => x === 0)).toBe(true);
  });

  test('the result does not depend on how the families are split into ranges', () => {
    const input = inputOf('baseline-2026', K, (s) => {
      s.behaviour.contributions.enrolmentUptake = 0.5;
    });
    const whole = simulateRange(input, 0, 1_500);
    const a = simulateRange(input, 0, 700);
    const b = simulateRange(input, 700, 1_500);
    for (let i = 0; i < a.enrolments.length; i++) a.enrolments[i] = a.enrolments[i]! + b.enrolments[i]!;
    expect(sum(whole.enrolments)).toBeGreaterThan(0);
    expect([...whole.enrolments]).toEqual([...a.enrolments]);
    expect(resultBits(simulateRange(input, 0, 1_500))).toEqual(resultBits(whole));
  });
});

test('an enrolled relative is resident insured from the next January, and may then share as any insured relative', () => {
  // Two years, so that the coverage year of the 2026 enrolments lies in the window.
  const input = inputOf('baseline-2026', K, (s) => {
    s.window.end = '2027-12';
    s.behaviour.contributions.enrolmentUptake = 1;
  });
  const ctx = prepare(input);
  const chunk = chunkSource(input.model, streamKey(input.seed), K, 1_500)(0, 1_500);
  const f = new FamilyState(ctx);
  let insured = 0;
  let checked = 0;
  for (let j = 0; j < chunk.familyCount; j++) {
    loadFamily(f, chunk, j);
    const start = chunk.familyStart[j]!;
    const candidates = Array.from({ length: f.members.count }, (_, p) => p).filter(
      (p) => f.members.enrolCandidate[p] === 1,
    );
    simulateFamily(f);
    for (const p of candidates) {
      checked++;
      expect(chunk.scheme[start + p]).toBe(SchemeCode.uninsured);
      if (f.members.scheme[p] === SchemeCode.resident) {
        insured++;
        expect(f.members.candidatePairs[p]).toBeGreaterThan(0);
        expect(f.members.contributionFen[p]).toBe(ctx.enrolmentFen);
      } else expect(f.members.scheme[p]).toBe(SchemeCode.uninsured);
    }
  }
  expect(checked).toBeGreaterThan(0);
  expect(insured).toBeGreaterThan(0);
});
