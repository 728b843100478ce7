import { describe, expect, test } from 'vitest';
import {
  anchorHistograms,
  CELLS,
  countAges,
  mixHistograms,
} from '../../../src/population/family/expectation';
import { fertilityTables, keptShare } from '../../../src/population/family/fertility';
import {
  AGES,
  DEFAULT_FAMILY_PARAMETERS as P,
  MAX_SIBLINGS,
} from '../../../src/population/family/parameters';

const FERT = fertilityTables({ second: 0.5, further: 0.15 }, keptShare(P));

describe('expected family composition', () => {
  test('per anchor: one eldest sibling of the anchor age, other siblings younger, grandparents older', () => {
    const h = anchorHistograms(P, FERT);
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
    // At least the eldest and the other expected siblings (the grandmother's listed children) are there.
    // (The youngest grandmother of anchor 40 is 40 + 22: her cohort has the fewest second children.)
    const second = FERT.siblingsMoreThan[(40 + P.firstBirthAge.min) * MAX_SIBLINGS + 1]!;
    expect(countAges(total, 0, Infinity) - countAges(gp, 0, Infinity)).toBeGreaterThan(1 + second);
  });

  test('migrant units are part of the family: never more people of any age than the family holds', () => {
    const h = anchorHistograms(P, FERT);
    for (let k = 0; k < h.total.length; k++)
      expect(h.migrantUnits[k]!).toBeLessThanOrEqual(h.total[k]! + 1e-12);
  });

  test('mixHistograms with one-hot weights returns that anchor’s histogram', () => {
    const h = anchorHistograms(P, FERT);
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
