import { describe, expect, test } from 'vitest';
import { meanBaseRatio, solveMoneyScales } from '../../../src/population/family/money';
import { DEFAULT_FAMILY_PARAMETERS as P } from '../../../src/population/family/parameters';

describe('employee money', () => {
  test('meanBaseRatio: without clamping the base is the wage; clamping only raises the low end here', () => {
    const free = meanBaseRatio({ meanRatio: 0.9, sigma: 0.55, baseFloor: 1e-9, baseCeiling: 1e9 });
    expect(free).toBeCloseTo(0.9, 10);
    const clamped = meanBaseRatio(P.wage);
    expect(clamped).toBeGreaterThan(0.9);
    expect(clamped).toBeLessThan(0.9 * P.wage.baseCeiling);
  });

  test('solveMoneyScales hits the yearly credits and the balance it was given', () => {
    const holders = [
      { inService: 100, inServiceYears: 1500, retired: 40, retiredYears: 1600 },
      { inService: 50, inServiceYears: 900, retired: 10, retiredYears: 420 },
    ];
    const wageFen = Float64Array.from([12_000_000, 9_000_000]);
    const credits = 40_000_000;
    const balance = 80_000_000;
    const s = solveMoneyScales(P, holders, wageFen, 12_000_000, credits, balance);
    expect(s.inServiceCreditsFen + s.retiredCreditsFen).toBeCloseTo(credits, 3);
    const base = meanBaseRatio(P.wage);
    const expectedBalance = holders.reduce((sum, h, k) => {
      const yearly = P.inServiceCreditRate * base * wageFen[k]!;
      const retiree = 12 * s.retireeCreditFen * (wageFen[k]! / 12_000_000);
      return sum + s.balanceScale * (h.inServiceYears * yearly + h.retiredYears * retiree);
    }, 0);
    expect(expectedBalance).toBeCloseTo(balance, 3);
  });

  test('refuses when in-service credits alone exceed the published credits', () => {
    const holders = [{ inService: 1000, inServiceYears: 1, retired: 1, retiredYears: 1 }];
    expect(() => solveMoneyScales(P, holders, Float64Array.from([12_000_000]), 12_000_000, 1, 1)).toThrow(
      /in-service credits alone/,
    );
  });
});
