import { describe, expect, test } from 'vitest';
import {
  anchorHistograms,
  CELLS,
  countAges,
  migrantSiblingShares,
  mixHistograms,
  moreThan,
} from '../../../src/population/family/expectation';
import { AGES, DEFAULT_FAMILY_PARAMETERS as P } from '../../../src/population/family/parameters';

const SIBSHIP = [45.78, 43.08, 11.13];

describe('expected family composition', () => {
  test('moreThan turns shares of 1, 2, 3 into P(count > c)', () => {
    const m = moreThan([2, 1, 1]);
    expect(m[0]).toBe(1);
    expect(m[1]).toBeCloseTo(0.5, 12);
    expect(m[2]).toBeCloseTo(0.25, 12);
  });

  test('migrantSiblingShares: the eldest always migrates, later siblings with probability extra^s', () => {
    const s = migrantSiblingShares([1, 1, 2], 0.5);
    expect(s[0]).toBeCloseTo(1, 12);
    expect(s[1]).toBeCloseTo(0.75 * 0.5, 12);
    expect(s[2]).toBeCloseTo(0.5 * 0.25, 12);
  });

  test('per anchor: one eldest sibling of the anchor age, other siblings younger, grandparents older', () => {
    const h = anchorHistograms(P, SIBSHIP);
    const a = h.anchors.indexOf(40);
    const total = h.total.subarray(a * CELLS, (a + 1) * CELLS);
    const gp = h.grandparents.subarray(a * CELLS, (a + 1) * CELLS);
    // Grandparents are at least anchor + first-birth age and at most two alive.
    expect(countAges(gp, 0, 40 + P.firstBirthAge.min - 1)).toBe(0);
    expect(countAges(gp, 0, Infinity)).toBeGreaterThan(0);
    expect(countAges(gp, 0, Infinity)).toBeLessThanOrEqual(2);
    // Nobody in the family (but grandparents) is older than anchor + the widest spouse gap.
    expect(countAges(total, 40 + P.spouseGap.max + 1, Infinity) - countAges(gp, 0, Infinity)).toBeCloseTo(
      0,
      12,
    );
    // Expected siblings: 1 + P(2+) + P(3), all of them present in the histogram.
    expect(countAges(total, 0, Infinity)).toBeGreaterThan(moreThan(SIBSHIP).reduce((x, y) => x + y, 0));
  });

  test('migrant units are part of the family: never more people of any age than the family holds', () => {
    const h = anchorHistograms(P, SIBSHIP);
    for (let k = 0; k < h.total.length; k++)
      expect(h.migrantUnits[k]!).toBeLessThanOrEqual(h.total[k]! + 1e-12);
  });

  test('mixHistograms with one-hot weights returns that anchor’s histogram', () => {
    const h = anchorHistograms(P, SIBSHIP);
    const w = new Float64Array(h.anchors.length);
    w[3] = 1;
    expect(Array.from(mixHistograms(h.total, w))).toEqual(Array.from(h.total.subarray(3 * CELLS, 4 * CELLS)));
  });

  test('countAges sums one sex or both over an age band', () => {
    const h = new Float64Array(CELLS);
    h[10] = 1; // male aged 10
    h[AGES + 70] = 2; // female aged 70
    expect(countAges(h, 0, 14)).toBe(1);
    expect(countAges(h, 60, Infinity, 1)).toBe(2);
    expect(countAges(h, 60, Infinity, 0)).toBe(0);
  });
});
