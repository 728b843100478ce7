import { describe, expect, test } from 'vitest';
import { peakOutstanding, peakWeights, runCalendar } from '../../src/clearing/calendar';
import { drawProvinces, expectedSeries, Normals, polarAccepts } from '../../src/clearing/claimDraws';
import type { SpreadSources } from '../../src/clearing/claims';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import type { Moments, PrepaymentModelInput } from '../../src/clearing/prepaymentInput';
import { nextUnit, seedFamily, streamKey } from '../../src/population/random';

const P = 2;
const dedicated: ClearingParameters = {
  ...DEFAULT_CLEARING_PARAMETERS,
  prepayment: { ...DEFAULT_CLEARING_PARAMETERS.prepayment, model: 'dedicated' },
};
const sources: SpreadSources = {
  sampling: 'removed',
  population: true,
  parameters: false,
  parameterDraws: 0,
  parameterShare: [0, 0, 0, 0],
};

/** Moments over `months` months where only pair 0 → 1 has claims: `monthly(m)` expected, coefficient of variation `cv`. */
function moments(months: number, monthly: (m: number) => number, cv: number, cell = 1): Moments {
  const meanFen = new Float64Array(months * P * P);
  const varianceFen2 = new Float64Array(months * P * P);
  for (let m = 0; m < months; m++) {
    meanFen[m * P * P + cell] = monthly(m);
    varianceFen2[m * P * P + cell] = (cv * monthly(m)) ** 2;
  }
  return { meanFen, varianceFen2 };
}

/** A model input over `months` months with these groups, a forecast of 1,000,000 fen a month for pair 0 → 1. */
function input(
  months: number,
  sharing: Moments[],
  extra: Partial<PrepaymentModelInput> = {},
): PrepaymentModelInput {
  const sharingFen = new Float64Array(12 * P * P);
  for (let k = 0; k < 12; k++) sharingFen[k * P * P + 1] = 1_000_000;
  return {
    calendar: runCalendar('2026-01', months, DEFAULT_CLEARING_PARAMETERS.calendar),
    params: dedicated,
    provinces: P,
    sharing,
    directSettlement: null,
    opening: { sharingFen, directSettlementFen: null },
    levelRelVar: new Float64Array(P * P),
    sharingShare: Float64Array.of(0, 1, 0, 0),
    sources,
    seed: 'draws',
    ...extra,
  };
}

const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / a.length;
const sd = (a: ArrayLike<number>) => {
  const mu = mean(a);
  return Math.sqrt(Array.from(a).reduce((s, x) => s + (x - mu) ** 2, 0) / (a.length - 1));
};

describe('Normals', () => {
  test('standard normals from a seeded stream: the same for the same key and index, another for another index', () => {
    const key = streamKey('normals');
    const take = (i: number) => {
      const n = new Normals(key, i);
      return Array.from({ length: 20_000 }, () => n.next());
    };
    const a = take(0);
    expect(take(0)).toEqual(a);
    expect(take(1).slice(0, 4)).not.toEqual(a.slice(0, 4));
    expect(Math.abs(mean(a))).toBeLessThan(0.03);
    expect(Math.abs(sd(a) - 1)).toBeLessThan(0.03);
    // Both numbers of each accepted pair are used: consecutive values are not tied to each other.
    const lag1 = a.slice(1).reduce((s, x, i) => s + x * a[i]!, 0) / (a.length - 1);
    expect(Math.abs(lag1)).toBeLessThan(0.03);
    expect(a.filter((x) => x > 1.96).length / a.length).toBeCloseTo(0.025, 2);
  });
});

/** Moments over `months` months with, per cell, each month's expected claims and variance. */
function cellMoments(
  months: number,
  provinces: number,
  cells: Record<number, { mean: number[]; variance: number[] }>,
): Moments {
  const meanFen = new Float64Array(months * provinces * provinces);
  const varianceFen2 = new Float64Array(months * provinces * provinces);
  for (const [cell, { mean, variance }] of Object.entries(cells)) {
    for (let m = 0; m < months; m++) {
      meanFen[m * provinces * provinces + Number(cell)] = mean[m]!;
      varianceFen2[m * provinces * provinces + Number(cell)] = variance[m]!;
    }
  }
  return { meanFen, varianceFen2 };
}

/**
 * A pair's draws by hand: from stream `key`, family `cell`, one normal z per draw and month (taking
 * the groups in turn); a month with mean μ and variance σ² draws exp(ln μ − s²/2 + s·z) with
 * s² = ln(1 + σ²/μ²), or μ(1 + s·z) when s < 0.05, and 0 when μ is 0.
 */
function drawsByHand(
  groups: { mean: number[]; variance: number[] }[],
  key: string,
  cell: number,
  D: number,
  M: number,
) {
  const normals = new Normals(streamKey(key), cell);
  return Array.from({ length: D }, (_, d) => {
    const g = groups[d % groups.length]!;
    return Array.from({ length: M }, (_, m) => {
      const z = normals.next();
      const mu = g.mean[m]!;
      if (mu === 0) return 0;
      const s2 = Math.log1p(g.variance[m]! / (mu * mu));
      const s = Math.sqrt(s2);
      return s < 0.05 ? mu * (1 + s * z) : Math.exp(Math.log(mu) - s2 / 2 + s * z);
    });
  });
}

/** A variance that gives a mean of 1,000,000 fen a log-scale spread of exactly 0.05, the near-normal bound. */
const AT_NEAR_NORMAL = 2503127605.795085;

describe('Normals, exactly', () => {
  test('the polar method: uniforms u, v on (−1, 1) until 0 < u² + v² < 1, then u·f and v·f with f = √(−2 ln s / s)', () => {
    const key = streamKey('polar');
    const state = new Int32Array(4);
    seedFamily(key, 3, state);
    const expected: number[] = [];
    while (expected.length < 1_000) {
      const u = 2 * nextUnit(state) - 1;
      const v = 2 * nextUnit(state) - 1;
      const s = u * u + v * v;
      if (!(s > 0 && s < 1)) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      expected.push(u * f, v * f);
    }
    const n = new Normals(key, 3);
    expect(Array.from({ length: 1_000 }, () => n.next())).toEqual(expected);
  });

  test('the polar method keeps a pair strictly inside the unit disc and off its centre', () => {
    expect(polarAccepts(0.5)).toBe(true);
    expect(polarAccepts(Number.MIN_VALUE)).toBe(true);
    expect(polarAccepts(1 - 2 ** -53)).toBe(true);
    expect(polarAccepts(1)).toBe(false);
    expect(polarAccepts(0)).toBe(false);
    expect(polarAccepts(1.5)).toBe(false);
  });
});

describe('drawProvinces (C5–C7)', () => {
  test('with no randomness every drawn year is the expected year: its peak, the rule’s opening and outcome', () => {
    const monthly = (m: number) => 1_000_000 * (1 + m / 11);
    const inp = input(12, [moments(12, monthly, 0)]);
    const [p0, p1] = drawProvinces(inp, { draws: 30, ruleDraws: 10 }, [0, 1]);
    const peak = peakOutstanding(
      peakWeights(inp.calendar),
      Array.from({ length: 12 }, (_, m) => monthly(m)),
    );
    expect(p0!.province).toBe(0);
    expect(Array.from(p0!.treatments)).toEqual([1]);
    expect(p0!.peaks).toHaveLength(1);
    expect(p0!.peaks[0]).toHaveLength(30);
    for (const x of p0!.peaks[0]!) expect(x).toBeCloseTo(peak, 3);
    // The forecast of 1,000,000 a month sizes the opening: two months' worth.
    expect(Array.from(p0!.openingFen)).toEqual([2_000_000]);
    const r = p0!.rule;
    expect([r.peakUsage.p05, r.peakUsage.p50]).toEqual([r.peakUsage.p95, r.peakUsage.p95]);
    expect(r.monthUsage.p05).toEqual(r.monthUsage.p95);
    expect(r.monthUsage.p05).toHaveLength(12);
    expect(r.redProbability === 0 || r.redProbability === 1).toBe(true);
    expect(p0!.directSettlementOnly).toBeNull();
    expect(p1).toMatchObject({ province: 1, peaks: [], directSettlementOnly: null });
    expect(Array.from(p1!.treatments)).toEqual([]);
    expect(p1!.rule.redProbability).toBe(0);
  });

  test('a pair’s month is drawn lognormal with its expected claims and variance, and the near-normal case as normal', () => {
    // One month: its peak outstanding is the month's claims, so the peaks are the draws themselves.
    for (const cv of [0.5, 0.02]) {
      const [p0] = drawProvinces(
        input(1, [moments(1, () => 1_000_000, cv)]),
        { draws: 8_000, ruleDraws: 1 },
        [0],
      );
      const x = p0!.peaks[0]!;
      expect(mean(x) / 1_000_000).toBeCloseTo(1, 1);
      expect(sd(x) / 1_000_000 / cv).toBeGreaterThan(0.95);
      expect(sd(x) / 1_000_000 / cv).toBeLessThan(1.05);
      expect(Math.min(...x)).toBeGreaterThan(0);
    }
    // Right-skewed when lognormal: the median below the mean.
    const [skewed] = drawProvinces(
      input(1, [moments(1, () => 1_000_000, 1)]),
      { draws: 8_000, ruleDraws: 1 },
      [0],
    );
    const sorted = Float64Array.from(skewed!.peaks[0]!).sort();
    expect(sorted[4_000]! / mean(sorted)).toBeCloseTo(1 / Math.SQRT2, 1);
  });

  test('draws take the groups in turn, and a group without claims in a month draws nothing there', () => {
    const low = moments(1, () => 1_000, 0);
    const high = moments(1, () => 5_000, 0);
    const none = moments(1, () => 0, 0);
    const [p0] = drawProvinces(input(1, [low, high, none]), { draws: 6, ruleDraws: 3 }, [0]);
    expect(Array.from(p0!.peaks[0]!).map((x) => Math.round(x))).toEqual([1_000, 5_000, 0, 1_000, 5_000, 0]);
  });

  test('the rule’s red and yellow chances count the rule draws whose peak usage reaches each line', () => {
    // One month, opening 2,000,000: a draw warns yellow at 1,400,000 and red at 1,800,000 outstanding.
    const inp = input(1, [moments(1, () => 1_400_000, 0.3)]);
    const [p0] = drawProvinces(inp, { draws: 400, ruleDraws: 400 }, [0]);
    const x = Array.from(p0!.peaks[0]!);
    const share = (line: number) => x.filter((v) => v >= line * 2_000_000).length / x.length;
    expect(p0!.rule.redProbability).toBeCloseTo(share(0.9), 12);
    expect(p0!.rule.yellowProbability).toBeCloseTo(share(0.7), 12);
    expect(p0!.rule.redProbability).toBeGreaterThan(0.05);
    expect(p0!.rule.yellowProbability).toBeLessThan(0.95);
    // Each red warning tops the prepayment up by half (to 3,000,000, then 4,500,000 …), which takes
    // usage under the red line the same day; a draw that climbs on to 90% of the new size warns again.
    let reds = 0;
    let topUpFen = 0;
    for (const v of x) {
      for (let size = 2_000_000; v >= 0.9 * size; size *= 1.5) {
        reds++;
        topUpFen += size / 2;
      }
    }
    expect(p0!.rule.redWarningsMean).toBeCloseTo(reds / 400, 12);
    expect(p0!.rule.redWarningsMean).toBeGreaterThan(p0!.rule.redProbability);
    expect(p0!.rule.topUpsMean).toBeCloseTo(reds / 400, 12);
    expect(p0!.rule.topUpFenMean).toBeCloseTo(topUpFen / 400, 6);
    // Peak usage before any top-up: the draws' peaks over the opening, at the 5th, 50th and 95th percentile.
    const usage = Float64Array.from(x, (v) => v / 2_000_000).sort();
    expect(p0!.rule.peakUsage.p05).toBeLessThanOrEqual(usage[Math.ceil(0.05 * 400) - 1]! + 1e-12);
    expect(p0!.rule.peakUsage.p50).toBeLessThanOrEqual(usage[199]! + 1e-12);
    expect(p0!.rule.peakUsage.p05).toBeLessThan(p0!.rule.peakUsage.p50);
    expect(p0!.rule.peakUsage.p50).toBeLessThan(p0!.rule.peakUsage.p95);
  });

  test('riding on direct settlement: its flows are drawn apart, added to sharing’s, and answered for alone too', () => {
    const share = moments(12, () => 100_000, 0);
    const bg = moments(12, () => 1_000_000, 0);
    const bgOpening = new Float64Array(12 * P * P);
    for (let k = 0; k < 12; k++) bgOpening[k * P * P + 1] = 900_000;
    const inp = input(12, [share], {
      params: DEFAULT_CLEARING_PARAMETERS,
      directSettlement: [bg],
      opening: { sharingFen: input(12, [share]).opening!.sharingFen, directSettlementFen: bgOpening },
    });
    const [p0] = drawProvinces(inp, { draws: 4, ruleDraws: 2 }, [0]);
    const w = peakWeights(inp.calendar);
    for (const x of p0!.peaks[0]!)
      expect(x).toBeCloseTo(peakOutstanding(w, new Array(12).fill(1_100_000)), 3);
    const alone = p0!.directSettlementOnly!;
    for (const x of alone.peaks[0]!)
      expect(x).toBeCloseTo(peakOutstanding(w, new Array(12).fill(1_000_000)), 3);
    // Openings: two months of the forecast, with and without sharing.
    expect(Array.from(p0!.openingFen)).toEqual([2 * 1_900_000]);
    expect(alone.ruleOpeningFen).toBe(2 * 900_000);
    expect(alone.rule.peakUsage.p50).toBeLessThan(p0!.rule.peakUsage.p50 + 1);
  });

  test('under perfect foresight the opening reported is the one the expected year would get', () => {
    const monthly = (m: number) => 100_000 * (m + 1);
    const inp = input(12, [moments(12, monthly, 0.2), moments(12, (m) => 3 * monthly(m), 0.2)], {
      opening: null,
    });
    const [p0] = drawProvinces(inp, { draws: 4, ruleDraws: 2 }, [0]);
    // The groups' mean: 200,000 × (m + 1); two months of its average (1,300,000).
    expect(Array.from(p0!.openingFen)).toEqual([2_600_000]);
  });

  test('expectedSeries averages a pair’s months over the groups', () => {
    const a = moments(3, (m) => 10 * (m + 1), 0);
    const b = moments(3, (m) => 30 * (m + 1), 0);
    expect(Array.from(expectedSeries([a, b], 1, P, 3))).toEqual([20, 40, 60]);
    expect(Array.from(expectedSeries([a, b], 2, P, 3))).toEqual([0, 0, 0]);
  });

  test('the draws do not depend on which provinces are asked for together', () => {
    // Pair 0 → 1 and pair 1 → 0 both have claims.
    const a = moments(3, () => 500_000, 0.4, 1);
    const b = moments(3, () => 400_000, 0.4, 2);
    const both = input(3, [
      {
        meanFen: a.meanFen.map((v, i) => v + b.meanFen[i]!),
        varianceFen2: a.varianceFen2.map((v, i) => v + b.varianceFen2[i]!),
      },
    ]);
    const counts = { draws: 50, ruleDraws: 10 };
    const together = drawProvinces(both, counts, [0, 1]);
    expect(drawProvinces(both, counts, [1])).toEqual([together[1]]);
    expect(drawProvinces(both, counts, [0])).toEqual([together[0]]);
    expect(together[1]!.peaks[0]).not.toEqual(together[0]!.peaks[0]);
  });

  test('each draw is exactly the lognormal with its group’s month’s mean and variance, from the pair’s own stream', () => {
    const a = {
      mean: [1_000_000, 0, 2_000_000],
      variance: [500_000 ** 2, 0, 40_000 ** 2],
    };
    const b = {
      mean: [3_000_000, 1_000_000, 500_000],
      variance: [2_400_000 ** 2, AT_NEAR_NORMAL, 150_000 ** 2],
    };
    // Month 1 of group b sits exactly on the near-normal bound: it is drawn lognormal.
    expect(Math.sqrt(Math.log1p(AT_NEAR_NORMAL / 1e12))).toBe(0.05);
    const inp = input(3, [cellMoments(3, P, { 1: a }), cellMoments(3, P, { 1: b })]);
    const [p0] = drawProvinces(inp, { draws: 5, ruleDraws: 1 }, [0]);
    const w = peakWeights(inp.calendar);
    const byHand = drawsByHand([a, b], 'draws|claims', 1, 5, 3);
    expect(Array.from(p0!.peaks[0]!)).toEqual(byHand.map((x) => peakOutstanding(w, x)));
  });

  test('direct settlement draws from its own stream, adds to sharing’s, and a pair with direct settlement alone is held', () => {
    const share = { mean: [1_000_000, 2_000_000], variance: [300_000 ** 2, 10_000 ** 2] };
    const bg01 = { mean: [700_000, 400_000], variance: [350_000 ** 2, 200_000 ** 2] };
    const bg10 = { mean: [900_000, 1_100_000], variance: [100_000 ** 2, 500_000 ** 2] };
    const none = { mean: [0, 0], variance: [0, 0] };
    // Pair 0 → 0 (a province's own claims) has claims too, and is never a treatment province.
    const inp = input(2, [cellMoments(2, P, { 0: share, 1: share })], {
      directSettlement: [cellMoments(2, P, { 0: bg01, 1: bg01, 2: bg10 })],
    });
    const [p0, p1] = drawProvinces(inp, { draws: 3, ruleDraws: 1 }, [0, 1]);
    const w = peakWeights(inp.calendar);
    const peaksOf = (x: number[][]) => x.map((s) => peakOutstanding(w, s));
    const s01 = drawsByHand([share], 'draws|claims', 1, 3, 2);
    const b01 = drawsByHand([bg01], 'draws|direct-settlement', 1, 3, 2);
    const b10 = drawsByHand([bg10], 'draws|direct-settlement', 2, 3, 2);
    expect(Array.from(p0!.treatments)).toEqual([1]);
    expect(Array.from(p0!.directSettlementOnly!.peaks[0]!)).toEqual(peaksOf(b01));
    expect(Array.from(p0!.peaks[0]!)).toEqual(peaksOf(s01.map((x, d) => x.map((v, m) => v + b01[d]![m]!))));
    expect(Array.from(p1!.treatments)).toEqual([0]);
    expect(Array.from(p1!.peaks[0]!)).toEqual(peaksOf(b10.map((x) => x.map((v) => 0 + v))));
    expect(Array.from(p1!.directSettlementOnly!.peaks[0]!)).toEqual(peaksOf(b10));
    expect(drawsByHand([none], 'x', 0, 1, 2)).toEqual([[0, 0]]);
  });

  test('a province’s peak usage and each month’s are the highest over its prepayments', () => {
    const P3 = 3;
    const base = input(3, []);
    const sharingFen = new Float64Array(12 * P3 * P3);
    for (let k = 0; k < 12; k++) sharingFen[k * P3 * P3 + 1] = sharingFen[k * P3 * P3 + 2] = 1_000_000;
    const pair01 = { mean: [1_300_000, 200_000, 0], variance: [0, 0, 0] };
    const pair02 = { mean: [300_000, 1_100_000, 0], variance: [0, 0, 0] };
    const run = (cells: Record<number, { mean: number[]; variance: number[] }>) =>
      drawProvinces(
        {
          ...base,
          provinces: P3,
          sharing: [cellMoments(3, P3, cells)],
          opening: { sharingFen, directSettlementFen: null },
          levelRelVar: new Float64Array(P3 * P3),
          sharingShare: new Float64Array(P3 * P3).fill(1),
        },
        { draws: 3, ruleDraws: 3 },
        [0],
      )[0]!.rule;
    const both = run({ 1: pair01, 2: pair02 });
    const first = run({ 1: pair01 });
    const second = run({ 2: pair02 });
    // Claims are drawn from the prepayments the month after. The first prepayment, tracked first,
    // peaks higher over the year and in month 1.
    expect(first.peakUsage.p50).toBeGreaterThan(second.peakUsage.p50);
    expect(first.monthUsage.p50[1]).toBeGreaterThan(second.monthUsage.p50[1]!);
    expect(both.peakUsage).toEqual(first.peakUsage);
    const top = Float64Array.from([0, 1, 2], (m) =>
      Math.max(first.monthUsage.p50[m]!, second.monthUsage.p50[m]!),
    );
    expect(both.monthUsage).toEqual({ p05: top, p50: top, p95: top });
  });

  test('each rule draw is tracked on its own months', () => {
    const low = { mean: [1_000_000, 900_000], variance: [0, 0] };
    const high = { mean: [1_500_000, 1_700_000], variance: [0, 0] };
    const rule = (groups: { mean: number[]; variance: number[] }[]) =>
      drawProvinces(
        input(
          2,
          groups.map((g) => cellMoments(2, P, { 1: g })),
        ),
        { draws: 2, ruleDraws: 2 },
        [0],
      )[0]!.rule;
    const both = rule([low, high]);
    const lowOnly = rule([low]);
    const highOnly = rule([high]);
    expect(lowOnly.peakUsage.p50).toBeLessThan(highOnly.peakUsage.p50);
    expect(both.peakUsage).toEqual({
      p05: lowOnly.peakUsage.p50,
      p50: lowOnly.peakUsage.p50,
      p95: highOnly.peakUsage.p50,
    });
    expect(both.monthUsage.p95).toEqual(highOnly.monthUsage.p50);
  });

  test('a draw that jumps straight past the red line counts as yellow too', () => {
    // Top-ups off, 60,000,000 drawn over the month's 28 draw days against an opening of 2,000,000:
    // the first day of claims is already red, and usage never comes up through the yellow line.
    const params = { ...dedicated, warnings: { ...dedicated.warnings, topUpFraction: 0 } };
    const inp = input(1, [moments(1, () => 60_000_000, 0)], { params });
    expect(inp.calendar.drawDays).toBe(28);
    const [p0] = drawProvinces(inp, { draws: 2, ruleDraws: 2 }, [0]);
    expect(p0!.rule.redProbability).toBe(1);
    expect(p0!.rule.topUpsMean).toBe(0);
    expect(p0!.rule.yellowProbability).toBe(1);
  });

  test('under perfect foresight with direct settlement the openings add its expected flows, alone without sharing', () => {
    const inp = input(12, [moments(12, (m) => 100_000 * (m + 1), 0)], {
      params: DEFAULT_CLEARING_PARAMETERS,
      directSettlement: [moments(12, () => 1_000_000, 0)],
      opening: null,
    });
    const [p0] = drawProvinces(inp, { draws: 2, ruleDraws: 1 }, [0]);
    // Two months of the average: (650,000 + 1,000,000) with sharing, 1,000,000 alone.
    expect(Array.from(p0!.openingFen)).toEqual([3_300_000]);
    expect(p0!.directSettlementOnly!.ruleOpeningFen).toBe(2_000_000);
  });

  test('direct settlement alone is tracked under the rule from its own forecast, without sharing’s', () => {
    const bgOpening = new Float64Array(12 * P * P);
    for (let k = 0; k < 12; k++) bgOpening[k * P * P + 1] = 900_000;
    const base = input(1, [moments(1, () => 100_000, 0)]);
    const inp = input(1, [moments(1, () => 100_000, 0)], {
      params: DEFAULT_CLEARING_PARAMETERS,
      directSettlement: [moments(1, () => 1_000_000, 0)],
      opening: { sharingFen: base.opening!.sharingFen, directSettlementFen: bgOpening },
    });
    const [p0] = drawProvinces(inp, { draws: 1, ruleDraws: 1 }, [0]);
    const alone = p0!.directSettlementOnly!;
    // One month: its claims are its peak outstanding, against the 1,800,000 of direct settlement's forecast.
    expect(alone.rule.peakUsage.p50).toBeCloseTo(1_000_000 / 1_800_000, 12);
    expect(p0!.rule.peakUsage.p50).toBeCloseTo(1_100_000 / 3_800_000, 12);
  });
});
