import { describe, expect, test } from 'vitest';
import { ClaimsAccumulator } from '../../src/clearing/claims';
import { sharingMoments, type ClaimsModel } from '../../src/clearing/claimsModel';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { denoise } from '../../src/clearing/smooth';
import { AREA_PROVINCE, cubeOf, handCube, PROVINCES, syntheticModel, syntheticSample, TWO } from './helpers';

const FAMILIES = 60_000;
const P = PROVINCES;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/** A pair's expected year and its 1:1 variance summed over months, from a model. */
function pairYear(m: ClaimsModel, c: number) {
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
    const m = syntheticModel(1, 1);
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
    const truth = syntheticModel(1, 1);
    for (const [k, R] of [
      [10, 10],
      [100, 40],
    ] as const) {
      const m = syntheticModel(k, R);
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
    expect(syntheticModel(100, 4).levelRelVar[1]!).toBeGreaterThan(syntheticModel(10, 4).levelRelVar[1]!);
  });

  test('the 1:1 variance it derives matches the month-to-month spread of whole populations', () => {
    const m = syntheticModel(1, 1);
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
});

describe('the claims model worked by hand', () => {
  test('a pair’s mix of uses and its phi lean on the national ones by its sampled payments against 20', () => {
    const acc = new ClaimsAccumulator(TWO, 2, 2, 1);
    acc.add(handCube(), false);
    expect(acc.samples).toBe(1);
    const m = acc.model();
    // National medical: 12,000 fen, 500 yuan²; pharmacy: 5,000 fen, 2,500 yuan²; all uses 17,000.
    const phiMedical = (500 * 1e4) / 12_000;
    // Cell 1: level 10,000 from 4 payments, weight 4 ÷ 24.
    const w1 = 4 / 24;
    expect(m.share[1 * 4 + 0]).toBeCloseTo(((w1 * 1 + (1 - w1) * (12 / 17)) * 10_000) / 12_000, 12);
    expect(m.share[1 * 4 + 1]).toBeCloseTo(((1 - w1) * (5 / 17) * 10_000) / 5_000, 12);
    expect(m.phi[1 * 4 + 0]).toBeCloseTo((4 * 100 + 20 * phiMedical) / 24, 9);
    expect(m.phi[1 * 4 + 1]).toBeCloseTo(5_000, 9);
    // Cell 2: level 7,000 from 2 payments, weight 2 ÷ 22.
    const w2 = 2 / 22;
    expect(m.share[2 * 4 + 0]).toBeCloseTo(((w2 * (2 / 7) + (1 - w2) * (12 / 17)) * 7_000) / 12_000, 12);
    expect(m.share[2 * 4 + 1]).toBeCloseTo(((w2 * (5 / 7) + (1 - w2) * (5 / 17)) * 7_000) / 5_000, 12);
    const pay = (2 * 2_000) / 7_000;
    expect(m.phi[2 * 4 + 0]).toBeCloseTo((pay * 2_000 + 20 * phiMedical) / (pay + 20), 9);
    expect(m.phi[2 * 4 + 1]).toBeCloseTo(5_000, 9);
    // No claims, no share; the diagonal and the other uses stay 0.
    expect(Array.from(m.share.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect([m.share[1 * 4 + 2], m.share[1 * 4 + 3], m.phi[3 * 4]]).toEqual([0, 0, 0]);
    // Own error of each level: squares ÷ level².
    expect(Array.from(m.levelRelVar)).toEqual([0, (100 * 1e4) / 10_000 ** 2, (2_900 * 1e4) / 7_000 ** 2, 0]);
    // The national months as they are (two months are too few to smooth); 6 cross-province payments.
    expect(Array.from(m.profile)).toEqual([10_000, 2_000, 5_000, 0, 0, 0, 0, 0]);
    expect(m.groups).toEqual([m.profile]);
    expect(m).toMatchObject({ provinces: 2, months: 2, scaleK: 1, samples: 1, personTimes: 6 });
    expect(m.sources).toEqual({
      sampling: 'removed',
      population: true,
      parameters: false,
      parameterDraws: 0,
      parameterShare: [0, 0, 0, 0],
    });
  });

  test('at 1:k over n samples the levels are means of the samples, their error k ÷ n times a sample’s', () => {
    const acc = new ClaimsAccumulator(TWO, 2, 2, 10);
    acc.add(handCube(2, 10), false);
    acc.add(handCube(2, 10), false);
    const m = acc.model();
    expect(Array.from(m.profile)).toEqual([100_000, 20_000, 50_000, 0, 0, 0, 0, 0]);
    expect(m.levelRelVar[1]).toBeCloseTo((10 * 1_000 * 1e4) / 2 / 100_000 ** 2, 15);
    // Person-times: 6 a sample (the counts are the sample's payments, already weighted by k).
    expect(m.personTimes).toBe(6);
    expect(m.scaleK).toBe(10);
    expect(m.samples).toBe(2);
  });

  test('the national months lose the wiggles their sampling noise explains', () => {
    const acc = new ClaimsAccumulator(TWO, 2, 6, 1);
    const c = new FlowCube(6, 2);
    const months = [10_000, 14_000, 9_000, 15_000, 11_000, 13_000];
    months.forEach((fen, m) => c.add(m, 0, 1, USE_INDEX.medical, fen, 10, 400));
    acc.add(c, false);
    const m = acc.model();
    // Each month's sampling variance: k × 400 yuan² × 10⁴ ÷ n².
    const expected = denoise(
      months,
      months.map(() => 400 * 1e4),
    );
    expect(Array.from(m.profile.subarray(0, 6))).toEqual(Array.from(expected));
    expect(Array.from(m.profile.subarray(0, 6))).not.toEqual(months);
  });

  test('ClaimsAccumulator refuses a bad scale, a sample of other months, and a model of no samples', () => {
    expect(() => new ClaimsAccumulator(TWO, 2, 2, 0)).toThrow('scaleK: expected a whole number ≥ 1, got 0');
    expect(() => new ClaimsAccumulator(TWO, 2, 2, 2.5)).toThrow(/got 2.5/);
    const acc = new ClaimsAccumulator(TWO, 2, 2, 1);
    expect(() => acc.model()).toThrow('a claims model needs at least one sample');
    expect(() => acc.add(new FlowCube(3, 2), false)).toThrow('a sample of 3 months in a model of 2');
    expect(acc.samples).toBe(0);
  });
});

describe('the claims model cell by cell', () => {
  test('at 1:k over n samples a pair’s credibility counts its payments ÷ k, its phi weighs them by use over n', () => {
    const acc = new ClaimsAccumulator(TWO, 2, 2, 10);
    acc.add(handCube(2, 10), false);
    acc.add(handCube(2, 10), false);
    const m = acc.model();
    // Cell 1: 200,000 fen of medical bills over 2 samples (level 100,000) in 8 payments, 0.8 sampled.
    const w = 0.8 / 20.8;
    expect(m.share[1 * 4 + 0]).toBeCloseTo(((w + (1 - w) * (12 / 17)) * 100_000) / 120_000, 12);
    expect(m.share[1 * 4 + 1]).toBeCloseTo(((1 - w) * (5 / 17) * 100_000) / 50_000, 12);
    // Its own phi: 2,000 yuan² × 10⁴ ÷ 200,000 fen; national medical: 10,000 yuan² × 10⁴ ÷ 240,000.
    const usePhi = (10_000 * 1e4) / 240_000;
    const pay = (0.8 * 200_000) / (100_000 * 2);
    expect(m.phi[1 * 4 + 0]).toBeCloseTo((pay * 100 + 20 * usePhi) / (pay + 20), 9);
    // Cell 2: 2 × 20,000 medical and 2 × 50,000 pharmacy fen (level 70,000) in 4 payments, 0.4 sampled.
    const w2 = 0.4 / 20.4;
    expect(m.share[2 * 4 + 0]).toBeCloseTo(((w2 * (2 / 7) + (1 - w2) * (12 / 17)) * 70_000) / 120_000, 12);
    const pay2 = (0.4 * 40_000) / (70_000 * 2);
    expect(m.phi[2 * 4 + 0]).toBeCloseTo((pay2 * ((8_000 * 1e4) / 40_000) + 20 * usePhi) / (pay2 + 20), 9);
  });

  test('a use’s national months lose the wiggles of k × Σ squares ÷ n², summed over every pair of that use', () => {
    const months = [10_000, 14_000, 9_000, 15_000, 11_000, 13_000];
    const rows = (f: number) => [
      ...months.map((fen, m) => [m, 0, 1, USE_INDEX.pharmacy, fen * f, 5, 300]),
      ...months.map((fen, m) => [m, 1, 0, USE_INDEX.pharmacy, fen, 5, 100 + 10 * m]),
      ...months.map((fen, m) => [m, 1, 0, USE_INDEX.medical, 3 * fen, 5, 5 * (m + 1)]),
    ];
    const acc = new ClaimsAccumulator(TWO, 2, 6, 3);
    acc.add(cubeOf(6, rows(1)), false);
    acc.add(cubeOf(6, rows(2)), false);
    const m = acc.model();
    const pharmacy = denoise(
      months.map((fen) => (3 * fen + 2 * fen) / 2),
      months.map((_, x) => (3 * (2 * 300 + 2 * (100 + 10 * x)) * 1e4) / 4),
    );
    const medical = denoise(
      months.map((fen) => 3 * fen),
      months.map((_, x) => (3 * 2 * 5 * (x + 1) * 1e4) / 4),
    );
    for (let x = 0; x < 6; x++) {
      expect(m.profile[USE_INDEX.pharmacy * 6 + x]).toBeCloseTo(pharmacy[x]!, 6);
      expect(m.profile[USE_INDEX.medical * 6 + x]).toBeCloseTo(medical[x]!, 6);
    }
    // sharingMoments: each pair-month is Σ over uses of share × the use's month, its variance phi × that.
    const { meanFen, varianceFen2 } = sharingMoments(m, 0);
    for (let x = 0; x < 6; x++)
      for (let c = 0; c < 4; c++) {
        let mu = 0;
        let v = 0;
        for (let u = 0; u < 4; u++) {
          mu += m.share[c * 4 + u]! * m.profile[u * 6 + x]!;
          v += m.phi[c * 4 + u]! * m.share[c * 4 + u]! * m.profile[u * 6 + x]!;
        }
        expect(meanFen[x * 4 + c]).toBeCloseTo(mu, 6);
        expect(varianceFen2[x * 4 + c]).toBeCloseTo(v, 3);
      }
    expect(varianceFen2[3 * 4 + 2]).toBeGreaterThan(0);
  });

  test('refunds: a use whose national total is 0 gets no share; a pair whose mix comes to 0 no phi; national uses summing to 0 give the pair its own mix', () => {
    const zero = new ClaimsAccumulator(TWO, 2, 1, 1);
    zero.add(
      cubeOf(1, [
        [0, 0, 1, 0, 500, 1, 1],
        [0, 1, 0, 0, -500, 1, 1],
        [0, 1, 0, 1, 1_000, 1, 4],
      ]),
      false,
    );
    const a = zero.model();
    expect([a.share[1 * 4 + 0], a.phi[1 * 4 + 0], a.share[2 * 4 + 0], a.phi[2 * 4 + 0]]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(a.share[2 * 4 + 1]).toBeGreaterThan(0);

    const none = new ClaimsAccumulator(TWO, 2, 1, 1);
    none.add(
      cubeOf(1, [
        [0, 0, 1, 0, 500, 1, 1],
        [0, 1, 0, 1, -500, 1, 1],
      ]),
      false,
    );
    // All uses sum to 0: the pair's mix is its own share, weight 1 ÷ 21.
    expect(none.model().share[1 * 4 + 0]).toBeCloseTo(1 / 21, 15);

    const even = new ClaimsAccumulator(TWO, 2, 1, 1);
    even.add(
      cubeOf(1, [
        [0, 0, 1, 0, -100, 0, 0],
        [0, 0, 1, 1, 300, 20, 1],
        [0, 1, 0, 0, 400, 1, 9],
      ]),
      false,
    );
    // Pair 0 → 1: weight ½, own medical mix −½, national ½: a mix of exactly 0.
    const c = even.model();
    expect([c.share[1 * 4 + 0], c.phi[1 * 4 + 0]]).toEqual([0, 0]);
    expect(c.phi[1 * 4 + 1]).toBeGreaterThan(0);
  });
});
