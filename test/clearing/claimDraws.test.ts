import { describe, expect, test } from 'vitest';
import { peakOutstanding, peakWeights, runCalendar } from '../../src/clearing/calendar';
import { drawProvinces, expectedSeries, Normals } from '../../src/clearing/claimDraws';
import type { SpreadSources } from '../../src/clearing/claims';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import type { Moments, PrepaymentModelInput } from '../../src/clearing/prepaymentInput';
import { streamKey } from '../../src/population/random';

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
});
