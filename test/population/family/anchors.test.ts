import { describe, expect, test } from 'vitest';
import { solveAnchorWeights } from '../../../src/population/family/anchors';
import { anchorHistograms, countAges, mixHistograms } from '../../../src/population/family/expectation';
import { fertilityTables, keptShare } from '../../../src/population/family/fertility';
import { DEFAULT_FAMILY_PARAMETERS as P } from '../../../src/population/family/parameters';

const FERT = fertilityTables({ second: 0.5, further: 0.15 }, keptShare(P));

const SHARES = { age0to14: 0.1795, age15to59: 0.6335, age60plus: 0.187, age65plus: 0.135 };

describe('solveAnchorWeights', () => {
  test('the solved anchor weights give the published age shares exactly', () => {
    const h = anchorHistograms(P, FERT);
    const w = solveAnchorWeights(h.total, SHARES);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const x of w) expect(x).toBeGreaterThan(0);
    const all = mixHistograms(h.total, w);
    const n = countAges(all, 0, Infinity);
    expect(countAges(all, 0, 14) / n).toBeCloseTo(SHARES.age0to14, 10);
    expect(countAges(all, 15, 59) / n).toBeCloseTo(SHARES.age15to59, 10);
    expect(countAges(all, 60, Infinity) / n).toBeCloseTo(SHARES.age60plus, 10);
    expect(countAges(all, 65, Infinity) / n).toBeCloseTo(SHARES.age65plus, 10);
  });

  test('refuses age shares the family model cannot reach, and shares that do not add up', () => {
    const h = anchorHistograms(P, FERT);
    expect(() => solveAnchorWeights(h.total, { ...SHARES, age0to14: 0.6, age15to59: 0.213 })).toThrow(
      /cannot reach/,
    );
    expect(() => solveAnchorWeights(h.total, { ...SHARES, age0to14: 0.3 })).toThrow(/add up to 1/);
  });
});
