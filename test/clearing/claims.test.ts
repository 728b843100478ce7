import { describe, expect, test } from 'vitest';
import { ClaimsAccumulator, crossProvinceSpread, sharingMoments } from '../../src/clearing/claims';
import { AREA_PROVINCE, PROVINCES, syntheticSample } from './helpers';

const FAMILIES = 60_000;
const P = PROVINCES;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/** The claims model of replications 0 … R − 1 of the synthetic population at 1:k. */
function model(k: number, R: number, levels?: (r: number) => number) {
  const acc = new ClaimsAccumulator(AREA_PROVINCE, P, 12, k);
  for (let r = 0; r < R; r++)
    acc.add(syntheticSample('claims', FAMILIES, k, r, levels?.(r) ?? 1), levels !== undefined);
  return acc.model();
}

/** A pair's expected year and its 1:1 variance summed over months, from a model. */
function pairYear(m: ReturnType<typeof model>, c: number) {
  const { meanFen, varianceFen2 } = sharingMoments(m, 'mean');
  let mean = 0;
  let variance = 0;
  for (let month = 0; month < 12; month++) {
    mean += meanFen[month * P * P + c]!;
    variance += varianceFen2[month * P * P + c]!;
  }
  return { mean, variance };
}

describe('ClaimsAccumulator (scale-free claims)', () => {
  test('at 1:1 a pair’s expected year has its own total, and its variance is the sum of its squared bills', () => {
    const whole = syntheticSample('claims', FAMILIES, 1, 0);
    const m = model(1, 1);
    let fen = 0;
    let squares = 0;
    whole.forEachCell((_m, s, t, _u, amount, _n, sq) => {
      if (AREA_PROVINCE[s] === 0 && AREA_PROVINCE[t] === 1) {
        fen += amount;
        squares += sq;
      }
    });
    const year = pairYear(m, 0 * P + 1);
    // Its months lose the wiggles of their own randomness (the expected year), the total stays.
    expect(Math.abs(year.mean / fen - 1)).toBeLessThan(0.01);
    // phi is pulled a little towards the national value: within a few per cent.
    expect(year.variance / (squares * 1e4)).toBeGreaterThan(0.97);
    expect(year.variance / (squares * 1e4)).toBeLessThan(1.03);
    expect(m.sources).toMatchObject({ sampling: 'removed', population: true, parameters: false });
  });

  test('1:k samples give the same expected claims and 1:1 variance as the whole population, not √k times the spread', () => {
    const truth = model(1, 1);
    for (const [k, R] of [
      [10, 10],
      [100, 40],
    ] as const) {
      const m = model(k, R);
      for (const c of [1, 3, 5]) {
        const a = pairYear(truth, c);
        const b = pairYear(m, c);
        expect(b.mean / a.mean).toBeGreaterThan(0.9);
        expect(b.mean / a.mean).toBeLessThan(1.1);
        expect(b.variance / a.variance).toBeGreaterThan(0.75);
        expect(b.variance / a.variance).toBeLessThan(1.33);
      }
      // The pair's own estimation error shrinks as more of the population is sampled.
      expect(m.levelRelVar[1]!).toBeGreaterThan(0);
    }
    expect(model(100, 4).levelRelVar[1]!).toBeGreaterThan(model(10, 4).levelRelVar[1]!);
  });

  test('the 1:1 variance it derives matches the month-to-month spread of whole populations', () => {
    const m = model(1, 1);
    // Whole populations of other seeds: the spread of one pair-month across them.
    const totals = Array.from({ length: 30 }, (_, s) => {
      let fen = 0;
      syntheticSample(`claims-${s}`, FAMILIES, 1, 0).forEachCell((month, a, b, _u, amount) => {
        if (month === 6 && AREA_PROVINCE[a] === 1 && AREA_PROVINCE[b] === 0) fen += amount;
      });
      return fen;
    });
    const mean = sum(totals) / totals.length;
    const observed = totals.reduce((s, x) => s + (x - mean) ** 2, 0) / (totals.length - 1);
    const derived = sharingMoments(m, 'mean').varianceFen2[6 * P * P + 1 * P + 0]!;
    expect(derived / observed).toBeGreaterThan(0.6);
    expect(derived / observed).toBeLessThan(1.6);
  });

  test('replications differing only by sampling are not read as parameter spread; a real level spread is kept', () => {
    const noise = model(100, 20, () => 1);
    expect(noise.sources.parameters).toBe(true);
    expect(noise.sources.parameterShare[0]).toBeLessThan(0.5);
    const levels = (r: number) => 0.6 + (0.8 * r) / 19;
    const spread = model(100, 20, levels);
    expect(spread.sources.parameterShare[0]).toBeGreaterThan(0.7);
    const totals = spread.groups.map((g) => sum(g));
    expect(Math.max(...totals) / Math.min(...totals)).toBeGreaterThan(1.6);
  });

  test('crossProvinceSpread at 1:100 and 1:10 agrees: the spread of the whole population, not of the sample', () => {
    const a = crossProvinceSpread(model(10, 10)).fen;
    const b = crossProvinceSpread(model(100, 40)).fen;
    expect(b.expected / a.expected).toBeGreaterThan(0.95);
    expect(b.expected / a.expected).toBeLessThan(1.05);
    const width = (x: typeof a) => (x.p95 - x.p05) / x.expected;
    expect(width(b) / width(a)).toBeGreaterThan(0.8);
    expect(width(b) / width(a)).toBeLessThan(1.25);
  });
});
