import { describe, expect, test } from 'vitest';
import { ClaimsAccumulator } from '../../src/clearing/claims';
import { crossProvinceSpread } from '../../src/clearing/claimsModel';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { cubeOf, handCube, syntheticModel, TWO } from './helpers';

describe('crossProvinceSpread (the spread of the whole population)', () => {
  test('crossProvinceSpread at 1:100 and 1:10 agrees: the spread of the whole population, not of the sample', () => {
    const a = crossProvinceSpread(syntheticModel(10, 10)).fen;
    const b = crossProvinceSpread(syntheticModel(100, 40)).fen;
    expect(b.expected / a.expected).toBeGreaterThan(0.95);
    expect(b.expected / a.expected).toBeLessThan(1.05);
    const width = (x: typeof a) => (x.p95 - x.p05) / x.expected;
    expect(width(b) / width(a)).toBeGreaterThan(0.8);
    expect(width(b) / width(a)).toBeLessThan(1.25);
  });

  test('crossProvinceSpread without randomness: every percentile at the expected total, or at each group’s', () => {
    const acc = new ClaimsAccumulator(TWO, 2, 2, 1);
    const c = new FlowCube(2, 2);
    c.add(0, 0, 1, USE_INDEX.medical, 10_000, 4, 0);
    c.add(1, 0, 1, USE_INDEX.medical, 30_000, 4, 0);
    acc.add(c, false);
    const flat = crossProvinceSpread(acc.model());
    expect(flat.fen).toEqual({ expected: 40_000, p05: 40_000, p95: 40_000 });
    expect(flat.personTimes).toEqual({ expected: 8, p05: 8, p95: 8 });
    const two = new ClaimsAccumulator(TWO, 2, 2, 1);
    for (const f of [1, 3]) {
      const s = new FlowCube(2, 2);
      s.add(0, 0, 1, USE_INDEX.medical, 10_000 * f, 2, 0);
      s.add(1, 0, 1, USE_INDEX.medical, 10_000 * f, 2, 0);
      two.add(s, true);
    }
    const mixed = crossProvinceSpread(two.model());
    expect(mixed.fen.expected).toBe(40_000);
    expect(Math.abs(mixed.fen.p05 - 20_000)).toBeLessThanOrEqual(1);
    expect(Math.abs(mixed.fen.p95 - 60_000)).toBeLessThanOrEqual(1);
    expect(mixed.personTimes.expected).toBe(4);
    expect(mixed.personTimes.p95).toBe(6);
  });

  test('crossProvinceSpread brackets each percentile to half a fen and gives the bracket’s upper end, rounded', () => {
    const spread = (scale: number) => {
      const acc = new ClaimsAccumulator(TWO, 2, 2, 1);
      acc.add(handCube(2, scale), false);
      return crossProvinceSpread(acc.model()).fen;
    };
    expect(spread(2)).toEqual({ expected: 34_000, p05: 21_520, p95: 46_481 });
    expect(spread(17)).toEqual({ expected: 289_000, p05: 252_614, p95: 325_387 });
  });

  test('crossProvinceSpread of no cross-province claims is 0; of groups without randomness, a mixture of steps', () => {
    const acc = new ClaimsAccumulator(TWO, 2, 2, 1);
    acc.add(cubeOf(2, [[0, 0, 0, 0, 5_000, 3, 9]]), false);
    expect(crossProvinceSpread(acc.model())).toEqual({
      fen: { expected: 0, p05: 0, p95: 0 },
      personTimes: { expected: 0, p05: 0, p95: 0 },
    });
    const three = new ClaimsAccumulator(TWO, 2, 2, 1);
    for (const f of [1, 2, 3]) three.add(cubeOf(2, [[0, 0, 1, 0, 10_000 * f, 2, 0]]), true);
    const s = crossProvinceSpread(three.model()).fen;
    expect(s.expected).toBe(20_000);
    expect(Math.abs(s.p05 - 10_000)).toBeLessThanOrEqual(1);
    expect(Math.abs(s.p95 - 30_000)).toBeLessThanOrEqual(1);
    // Twenty groups of 1,000 … 20,000 fen: the 5th and 95th percentiles are the 1st and the 19th.
    const twenty = new ClaimsAccumulator(TWO, 2, 2, 1);
    for (let g = 1; g <= 20; g++) twenty.add(cubeOf(2, [[0, 0, 1, 0, 1_000 * g, 1, 0]]), true);
    const t = crossProvinceSpread(twenty.model()).fen;
    expect(t.expected).toBe(10_500);
    expect(Math.abs(t.p05 - 1_000)).toBeLessThanOrEqual(1);
    expect(Math.abs(t.p95 - 19_000)).toBeLessThanOrEqual(1);
  });
});
