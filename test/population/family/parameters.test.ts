import { describe, expect, test } from 'vitest';
import {
  checkFamilyParameters,
  DEFAULT_FAMILY_PARAMETERS as P,
  marriedShare,
  survivalTo,
} from '../../../src/population/family/parameters';

describe('family parameters', () => {
  test('marriedShare rises from 0 at fromAge to the full share at fullAge and stays there', () => {
    expect(marriedShare(P, P.marriage.fromAge)).toBe(0);
    expect(marriedShare(P, P.marriage.fullAge)).toBe(P.marriage.share);
    expect(marriedShare(P, 80)).toBe(P.marriage.share);
    const mid = (P.marriage.fromAge + P.marriage.fullAge) / 2;
    expect(marriedShare(P, mid)).toBeCloseTo(P.marriage.share / 2, 10);
  });

  test('survivalTo is 1 at birth, one half at the median age, and falls with age', () => {
    expect(survivalTo(P, 0)).toBe(1);
    expect(survivalTo(P, P.survival.medianAge)).toBeCloseTo(0.5, 12);
    for (let a = 1; a <= 110; a++) expect(survivalTo(P, a)).toBeLessThan(survivalTo(P, a - 1));
  });

  test('checkFamilyParameters accepts the defaults and names a bad field', () => {
    expect(() => checkFamilyParameters(P)).not.toThrow();
    expect(() => checkFamilyParameters({ ...P, leftBehind: 1.5 })).toThrow(/leftBehind/);
    expect(() => checkFamilyParameters({ ...P, anchorAge: { min: 40, max: 30 } })).toThrow(/anchorAge/);
    expect(() => checkFamilyParameters({ ...P, wage: { ...P.wage, baseFloor: 0 } })).toThrow(/wage/);
  });
});
