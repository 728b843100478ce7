import { describe, expect, test } from 'vitest';
import { ClaimsAccumulator, crossProvinceSpread, sharingMoments } from '../../src/clearing/claims';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { denoise } from '../../src/clearing/smooth';
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

/** Two pooling areas, one in each of two provinces. */
const TWO = Int32Array.of(0, 1);

/**
 * A one-sample cube written by hand: pair 0 → 1 (cell 1) pays 10,000 fen of medical bills in month 0
 * in 4 payments (squares 100 yuan²); pair 1 → 0 (cell 2) pays 5,000 fen at a pharmacy in month 0
 * (one payment, 2,500 yuan²) and 2,000 fen of medical bills in month 1 (one, 400 yuan²); a payment
 * inside province 0 is no cross-province claim.
 */
function handCube(months = 2, scale = 1): FlowCube {
  const c = new FlowCube(months, 2);
  c.add(0, 0, 1, USE_INDEX.medical, 10_000 * scale, 4, 100 * scale);
  c.add(0, 1, 0, USE_INDEX.pharmacy, 5_000 * scale, 1, 2_500 * scale);
  c.add(1, 1, 0, USE_INDEX.medical, 2_000 * scale, 1, 400 * scale);
  c.add(1, 0, 0, USE_INDEX.medical, 999, 1, 1);
  return c;
}

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

  test('replications that drew parameters: a level spread sampling cannot explain is kept, one profile each', () => {
    // Two replications, the second's claims three times the first's, with no sampling variance.
    const acc = new ClaimsAccumulator(TWO, 2, 3, 1);
    const sample = (f: number) => {
      const c = new FlowCube(3, 2);
      [1_000, 2_000, 4_000].forEach((fen, m) => c.add(m, 0, 1, USE_INDEX.medical, fen * f, 1, 0));
      return c;
    };
    acc.add(sample(1), true);
    acc.add(sample(3), true);
    const m = acc.model();
    expect(m.groups.map((g) => Array.from(g.subarray(0, 3)).map((x) => Math.round(x)))).toEqual([
      [1_000, 2_000, 4_000],
      [3_000, 6_000, 12_000],
    ]);
    expect(m.sources).toMatchObject({ parameters: true, parameterDraws: 2 });
    expect(m.sources.parameterShare[0]).toBeCloseTo(1, 9);
    expect(m.sources.parameterShare.slice(1)).toEqual([0, 0, 0]);
    // The groups' mean is the pooled profile; group 1 is three times group 0.
    const mean = sharingMoments(m, 'mean').meanFen;
    const g1 = sharingMoments(m, 1).meanFen;
    const g0 = sharingMoments(m, 0).meanFen;
    for (let month = 0; month < 3; month++) {
      expect(mean[month * 4 + 1]).toBeCloseTo((g0[month * 4 + 1]! + g1[month * 4 + 1]!) / 2, 6);
      expect(g1[month * 4 + 1]! / g0[month * 4 + 1]!).toBeCloseTo(3, 9);
    }
    // With a single such replication there is no spread to keep.
    const one = new ClaimsAccumulator(TWO, 2, 3, 1);
    one.add(sample(1), true);
    expect(one.model().sources).toMatchObject({
      parameters: false,
      parameterDraws: 1,
      parameterShare: [0, 0, 0, 0],
    });
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

  test('ClaimsAccumulator refuses a bad scale, a sample of other months, and a model of no samples', () => {
    expect(() => new ClaimsAccumulator(TWO, 2, 2, 0)).toThrow('scaleK: expected a whole number ≥ 1, got 0');
    expect(() => new ClaimsAccumulator(TWO, 2, 2, 2.5)).toThrow(/got 2.5/);
    const acc = new ClaimsAccumulator(TWO, 2, 2, 1);
    expect(() => acc.model()).toThrow('a claims model needs at least one sample');
    expect(() => acc.add(new FlowCube(3, 2), false)).toThrow('a sample of 3 months in a model of 2');
    expect(acc.samples).toBe(0);
  });
});

/** One sample's cube of 2 areas (one per province) from `[month, sharer, treatment, use, fen, count, squares]` rows. */
function cubeOf(months: number, rows: readonly (readonly number[])[]): FlowCube {
  const c = new FlowCube(months, 2);
  for (const [m, s, t, u, fen, n, sq] of rows) c.add(m!, s!, t!, u!, fen!, n!, sq!);
  return c;
}

/** The replications' groups as parameterGroups documents them, worked out from the raw samples (all drew parameters). */
function referenceGroups(
  base: ArrayLike<number>,
  samples: readonly (readonly number[])[][],
  k: number,
  M: number,
) {
  const G = samples.length;
  const totals = samples.map((rows) => {
    const t = new Float64Array(4 * M);
    const s = new Float64Array(4 * M);
    for (const [m, a, b, u, fen, , sq] of rows) {
      if (a === b) continue;
      const x = u! * M + m!;
      t[x] = t[x]! + fen!;
      s[x] = s[x]! + k * sq! * 1e4;
    }
    return { t, s };
  });
  const mean = new Float64Array(4 * M);
  const meanS = new Float64Array(4 * M);
  for (const { t, s } of totals)
    for (let x = 0; x < 4 * M; x++) {
      mean[x] = mean[x]! + t[x]! / G;
      meanS[x] = meanS[x]! + s[x]! / G;
    }
  const kept = (v: number[], sv: number[]) => {
    const mu = sum(v) / G;
    const obs = v.reduce((a, b) => a + (b - mu) ** 2, 0) / (G - 1);
    return obs > 0 ? Math.sqrt(Math.max(0, 1 - sum(sv) / G / obs)) : 0;
  };
  const groups = samples.map(() => new Float64Array(4 * M));
  const shares: number[] = [];
  for (let u = 0; u < 4; u++) {
    const months = Array.from({ length: M }, (_, m) => m).filter((m) => mean[u * M + m]! > 0);
    const w = months.map((m) => 1 / Math.max(meanS[u * M + m]! / mean[u * M + m]! ** 2, 1e-6));
    const sw = sum(w);
    const centre = sw > 0 ? sum(months.map((m, i) => w[i]! * m)) / sw : 0;
    const stt = sum(months.map((m, i) => w[i]! * (m - centre) ** 2));
    const fits = totals.map(({ t, s }) => {
      let level = months.length ? 0 : 1;
      let trend = 0;
      let levelVar = 0;
      let trendVar = 0;
      months.forEach((m, i) => {
        const mu = mean[u * M + m]!;
        const y = t[u * M + m]! / mu;
        const v = s[u * M + m]! / mu ** 2;
        level += (w[i]! * y) / sw;
        levelVar += (w[i]! / sw) ** 2 * v;
        if (stt > 0) {
          trend += (w[i]! * (m - centre) * y) / stt;
          trendVar += ((w[i]! * (m - centre)) / stt) ** 2 * v;
        }
      });
      return { level, trend, levelVar, trendVar };
    });
    const ls = kept(
      fits.map((f) => f.level),
      fits.map((f) => f.levelVar),
    );
    const ts = kept(
      fits.map((f) => f.trend),
      fits.map((f) => f.trendVar),
    );
    shares.push(ls);
    const level = sum(fits.map((f) => f.level)) / G;
    const trend = sum(fits.map((f) => f.trend)) / G;
    const weight = sum(Array.from(mean.subarray(u * M, (u + 1) * M)));
    const mid =
      weight > 0 ? sum(Array.from({ length: M }, (_, m) => m * mean[u * M + m]!)) / weight : (M - 1) / 2;
    fits.forEach((f, g) => {
      for (let m = 0; m < M; m++)
        groups[g]![u * M + m] = Math.max(
          0,
          base[u * M + m]! * (1 + ls * (f.level - level) + ts * (f.trend - trend) * (m - mid)),
        );
    });
  }
  return { groups, shares };
}

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

  test('replications that drew parameters: each use’s level and trend against the mean, weighted by sampling, kept by the share sampling does not explain', () => {
    const M = 4;
    const k = 2;
    const sample = (g: number): number[][] => [
      // Medical, pair 0 → 1: every month, its level and its rise differing by replication.
      ...[100_000, 140_000, 170_000, 230_000].map((fen, m) => [
        m,
        0,
        1,
        USE_INDEX.medical,
        Math.round(fen * (1 + 0.1 * g) * (1 + 0.05 * g * m)),
        3,
        200 + 150 * m + 70 * g,
      ]),
      // Pharmacy, pair 1 → 0: nothing in month 1; month 3 without sampling variance.
      ...[300_000, 0, 250_000, 200_000].map((fen, m) => [
        m,
        1,
        0,
        USE_INDEX.pharmacy,
        Math.round(fen * (1.2 - 0.15 * g) * (1 - 0.08 * g * m + 0.02 * g * g * m)),
        2,
        m % 2 === 1 ? 0 : 4_000 - 500 * m + 300 * g,
      ]),
      // Resident contributions (use 2), pair 0 → 1: month 2 only.
      [2, 0, 1, 2, 500_000 + 90_000 * g * g, 1, 9_000 + 1_000 * g],
      // Inside province 0: no cross-province claim.
      [1, 0, 0, USE_INDEX.medical, 777, 1, 5],
    ];
    const samples = [0, 1, 2].map(sample);
    const acc = new ClaimsAccumulator(TWO, 2, M, k);
    for (const rows of samples) acc.add(cubeOf(M, rows), true);
    const m = acc.model();
    const ref = referenceGroups(m.profile, samples, k, M);
    expect(m.groups).toHaveLength(3);
    for (let g = 0; g < 3; g++)
      for (let x = 0; x < 4 * M; x++) expect(m.groups[g]![x]).toBeCloseTo(ref.groups[g]![x]!, 6);
    for (let u = 0; u < 4; u++) expect(m.sources.parameterShare[u]).toBeCloseTo(ref.shares[u]!, 12);
  });

  test('replications whose months of a use sum to 0 (refunds in month 0) read its trend about the middle month', () => {
    const rows = (a: number, b: number): number[][] => [
      [0, 0, 1, USE_INDEX.medical, -(a + b), 1, 0],
      [1, 0, 1, USE_INDEX.medical, a, 1, 0],
      [2, 0, 1, USE_INDEX.medical, b, 1, 0],
    ];
    const samples = [rows(1_000, 3_000), rows(2_000, 1_000)];
    const acc = new ClaimsAccumulator(TWO, 2, 3, 1);
    for (const r of samples) acc.add(cubeOf(3, r), true);
    const m = acc.model();
    const ref = referenceGroups(m.profile, samples, 1, 3);
    for (let g = 0; g < 2; g++)
      for (let x = 0; x < 3; x++) expect(m.groups[g]![x]).toBeCloseTo(ref.groups[g]![x]!, 6);
    expect(m.groups[0]![2]! / m.groups[0]![1]!).not.toBeCloseTo(m.groups[1]![2]! / m.groups[1]![1]!, 3);
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
