import { describe, expect, test } from 'vitest';
import { peakOutstanding, peakWeights, runCalendar } from '../../src/clearing/calendar';
import { Normals, type ProvinceDraws, type RuleOutcome } from '../../src/clearing/claimDraws';
import { ClaimsAccumulator, type SpreadSources } from '../../src/clearing/claims';
import {
  bootstrapBase,
  bootstrapNeeded,
  criticalSizes,
  nearestRank,
  sizeAtConfidence,
} from '../../src/clearing/neededSize';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import { prepaymentInput, type Moments, type PrepaymentModelInput } from '../../src/clearing/prepaymentInput';
import {
  answerFrom,
  checkModelInput,
  drawCounts,
  drawsFor,
  prepaymentModel,
  replicationsFor,
} from '../../src/clearing/prepaymentModel';
import { trackPairs } from '../../src/clearing/run';
import { loadDatasetFromDisk } from '../../src/population/node';
import { nextUnit, seedFamily, streamKey } from '../../src/population/random';
import { AREA_PROVINCE, PROVINCES, syntheticSample } from './helpers';

const P = 2;
const M = 12;
/** The calendar of 2026, made when a test asks for it (not when the file loads). */
const calendarOf2026 = () => runCalendar('2026-01', M, DEFAULT_CLEARING_PARAMETERS.calendar);
const dedicated: ClearingParameters = {
  ...DEFAULT_CLEARING_PARAMETERS,
  prepayment: { ...DEFAULT_CLEARING_PARAMETERS.prepayment, model: 'dedicated' },
};
const noParameters: SpreadSources = {
  sampling: 'removed',
  population: true,
  parameters: false,
  parameterDraws: 0,
  parameterShare: [0, 0, 0, 0],
};

/** Moments of two provinces where only 0 → 1 has claims: `monthly(m)` expected, cv `cv`. */
function pairMoments(monthly: (m: number) => number, cv: number): Moments {
  const meanFen = new Float64Array(M * P * P);
  const varianceFen2 = new Float64Array(M * P * P);
  for (let m = 0; m < M; m++) {
    meanFen[m * P * P + 1] = monthly(m);
    varianceFen2[m * P * P + 1] = (cv * monthly(m)) ** 2;
  }
  return { meanFen, varianceFen2 };
}

/** A model input with one pair's sharing claims in `groups` groups, no direct settlement. */
function input(groups: Moments[], overrides: Partial<PrepaymentModelInput> = {}): PrepaymentModelInput {
  const opening = new Float64Array(12 * P * P);
  for (let k = 0; k < 12; k++) opening[k * P * P + 1] = groups[0]!.meanFen[k * P * P + 1]!;
  return {
    calendar: calendarOf2026(),
    params: dedicated,
    provinces: P,
    sharing: groups,
    directSettlement: null,
    opening: { sharingFen: opening, directSettlementFen: null },
    levelRelVar: new Float64Array(P * P),
    sharingShare: Float64Array.of(0, 1, 0, 0),
    sources: noParameters,
    seed: 'test',
    ...overrides,
  };
}

describe('prepaymentModel (C5–C7)', () => {
  test('with no randomness, the needed size is the peak outstanding claims ÷ red, known exactly', () => {
    const steady = pairMoments((m) => 1_000_000 * (1 + m / 11), 0);
    const a = prepaymentModel(input([steady]), { confidence: 0.95 });
    const monthly = Float64Array.from({ length: M }, (_, m) => 1_000_000 * (1 + m / 11));
    const peak = peakOutstanding(peakWeights(calendarOf2026()), monthly);
    const needed = a.provinces[0]!.needed!;
    expect(needed.fen).toBe(Math.floor(peak / 0.9) + 1);
    expect([needed.lowFen, needed.highFen]).toEqual([needed.fen, needed.fen]);
    expect(a.provinces[1]!.needed!.fen).toBe(0);
    expect(a.national.needed!.fen).toBe(needed.fen);
  });

  test('the rule fares in every draw as the expected year does when nothing is random', () => {
    // Growing sharing sized on its own average: December outruns two months of the average.
    for (const slope of [0, 8]) {
      const grow = (m: number) => 1_000_000 * (1 + (slope * m) / 11);
      const a = prepaymentModel(input([pairMoments(grow, 0)]), { confidence: 0.9 });
      const owes = Array.from({ length: M }, (_, m) => Float64Array.of(0, Math.round(grow(m)), 0, 0));
      const forecast = owes.map((o) => Float64Array.from(o));
      const tracked = trackPairs(calendarOf2026(), dedicated, owes, P, {
        rule: 'forecast',
        monthlyOwesFen: forecast,
      });
      const summary = tracked.provinceSummaries[0]!;
      expect(summary.redWarnings > 0).toBe(slope > 0);
      expect(a.provinces[0]!.rule.redProbability).toBe(summary.redWarnings > 0 ? 1 : 0);
      expect(a.provinces[0]!.rule.peakUsage.p50).toBeCloseTo(summary.peakUsage, 2);
      expect(a.provinces[0]!.ruleOpeningFen).toBe(tracked.prepayments[0]!.sizesFen[0]);
    }
  });

  test('the same inputs give the same answer, and more randomness a larger needed size and interval', () => {
    const quiet = prepaymentModel(input([pairMoments(() => 1e6, 0.05)]), { confidence: 0.95 });
    expect(prepaymentModel(input([pairMoments(() => 1e6, 0.05)]), { confidence: 0.95 })).toEqual(quiet);
    const noisy = prepaymentModel(input([pairMoments(() => 1e6, 0.3)]), { confidence: 0.95 });
    expect(noisy.provinces[0]!.needed!.fen).toBeGreaterThan(quiet.provinces[0]!.needed!.fen);
    const levelError = prepaymentModel(
      input([pairMoments(() => 1e6, 0.05)], { levelRelVar: Float64Array.of(0, 0.04, 0, 0) }),
      {
        confidence: 0.95,
      },
    );
    const n = levelError.provinces[0]!.needed!;
    expect((n.highFen - n.lowFen) / n.fen).toBeGreaterThan(0.2);
    expect(n.lowFen).toBeLessThanOrEqual(n.fen);
    expect(n.highFen).toBeGreaterThanOrEqual(n.fen);
  });

  test('a confidence the parameter draws cannot resolve is refused, never set to the largest draw', () => {
    expect(replicationsFor(0.95)).toBe(20);
    expect(replicationsFor(0.99)).toBe(100);
    expect(drawsFor(0.99, 7) % 7).toBe(0);
    const groups = Array.from({ length: 10 }, (_, g) => pairMoments(() => 1e6 * (0.8 + g / 20), 0.1));
    const sources = { ...noParameters, parameters: true, parameterDraws: 10 };
    const at95 = prepaymentModel(input(groups, { sources }), { confidence: 0.95 });
    expect(at95.unresolved).toEqual({ minimumReplications: 20 });
    expect(at95.provinces[0]!.needed).toBeNull();
    expect(at95.national.needed).toBeNull();
    // The rule's outcomes are still given; 90% is resolved by ten draws.
    expect(at95.provinces[0]!.rule.peakUsage.p50).toBeGreaterThan(0);
    expect(
      prepaymentModel(input(groups, { sources }), { confidence: 0.9 }).provinces[0]!.needed,
    ).not.toBeNull();
  });

  test('from 1:10 and 1:100 samples of one population the needed sizes agree', () => {
    const dataset = loadDatasetFromDisk();
    // The synthetic population has three provinces; the dataset only names them (direct settlement unused).
    const three = { ...dataset, provinces: dataset.provinces.slice(0, PROVINCES) };
    const answer = (k: number, R: number) => {
      const acc = new ClaimsAccumulator(AREA_PROVINCE, PROVINCES, M, k);
      for (let r = 0; r < R; r++) acc.add(syntheticSample('model', 60_000, k, r), false);
      const claims = acc.model();
      return prepaymentModel(prepaymentInput(claims, three, calendarOf2026(), dedicated, null, 'scale'), {
        confidence: 0.95,
      });
    };
    const fine = answer(10, 10);
    const coarse = answer(100, 40);
    const ratio = coarse.national.needed!.fen / fine.national.needed!.fen;
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
    for (let i = 0; i < PROVINCES; i++) {
      const r = coarse.provinces[i]!.needed!.fen / fine.provinces[i]!.needed!.fen;
      expect(r).toBeGreaterThan(0.85);
      expect(r).toBeLessThan(1.15);
    }
  });
});

describe('prepaymentModel: counts, checks and what the answer carries', () => {
  test('drawsFor: at least 1,000 draws, 50 beyond the confidence, at most 20,000, in whole groups', () => {
    expect(drawsFor(0.5, 1)).toBe(1_000);
    expect(drawsFor(0.95, 1)).toBe(1_000);
    expect(drawsFor(0.99, 1)).toBe(5_000);
    expect(drawsFor(0.999, 1)).toBe(20_000);
    expect(drawsFor(0.95, 7)).toBe(1_001);
    expect(drawsFor(0.99, 3)).toBe(5_001);
    expect(replicationsFor(0.9)).toBe(10);
    expect(replicationsFor(0.5)).toBe(2);
  });

  test('drawCounts: the rule is tracked in 100 draws (in whole groups) unless fewer are drawn or asked for', () => {
    const one = input([pairMoments(() => 1e6, 0)]);
    expect(drawCounts(one, { confidence: 0.95 })).toEqual({ draws: 1_000, ruleDraws: 100 });
    expect(drawCounts(one, { confidence: 0.95, draws: 60 })).toEqual({ draws: 60, ruleDraws: 60 });
    expect(drawCounts(one, { confidence: 0.95, ruleDraws: 7 })).toEqual({ draws: 1_000, ruleDraws: 7 });
    const three = input(Array.from({ length: 3 }, () => pairMoments(() => 1e6, 0)));
    expect(drawCounts(three, { confidence: 0.9 })).toEqual({ draws: 1_002, ruleDraws: 102 });
  });

  test('checkModelInput refuses a confidence outside (0, 1) and draw groups that do not match', () => {
    const ok = input([pairMoments(() => 1e6, 0)]);
    for (const c of [0, 1, -0.5, Number.NaN]) {
      expect(() => checkModelInput(ok, c)).toThrow(`confidence: expected a number in (0, 1), got ${c}`);
    }
    expect(() => checkModelInput(ok, 0.95)).not.toThrow();
    expect(() => checkModelInput({ ...ok, sharing: [] }, 0.95)).toThrow(
      'draw groups: 0 for sharing, 0 for direct settlement',
    );
    const ds = pairMoments(() => 1e6, 0);
    expect(() => checkModelInput({ ...ok, directSettlement: [ds, ds] }, 0.95)).toThrow(
      'draw groups: 1 for sharing, 2 for direct settlement',
    );
    expect(() => checkModelInput({ ...ok, directSettlement: [ds] }, 0.95)).not.toThrow();
    expect(() => prepaymentModel(ok, { confidence: 1 })).toThrow(/confidence/);
  });

  test('the answer says what it was made from: model, opening rule, confidence, draws, rounds and groups', () => {
    const a = prepaymentModel(input([pairMoments(() => 1e6, 0.1)]), { confidence: 0.9, draws: 200 });
    expect(a).toMatchObject({
      model: 'dedicated',
      firstYear: 'forecast',
      confidence: 0.9,
      interval: 0.9,
      draws: 200,
      ruleDraws: 100,
      bootstrap: 200,
      groups: 1,
      unresolved: null,
    });
    expect(a.sources).toEqual(noParameters);
    expect(a.national.directSettlementOnly).toBeNull();
    expect(a.provinces.map((p) => p.province)).toEqual([0, 1]);
    expect(Array.from(a.provinces[0]!.treatments)).toEqual([1]);
    expect(a.provinces[0]!.criticalFen).toHaveLength(200);
    expect(Array.from(a.provinces[0]!.split)).toEqual([1]);
    expect(a.national.ruleOpeningFen).toBe(a.provinces[0]!.ruleOpeningFen);
    const grouped = prepaymentModel(
      input([pairMoments(() => 1e6, 0.1), pairMoments(() => 2e6, 0.1)], { opening: null }),
      { confidence: 0.9, draws: 100, bootstrap: 30 },
    );
    expect(grouped).toMatchObject({ firstYear: 'perfect-foresight', groups: 2, bootstrap: 30 });
    expect(
      prepaymentModel(input([pairMoments(() => 1e6, 0.1), pairMoments(() => 2e6, 0.1)]), {
        confidence: 0.9,
        draws: 100,
      }).bootstrap,
    ).toBe(100);
  });

  test('a pair’s level error widens the interval only through its sharing part', () => {
    const noisy = { levelRelVar: Float64Array.of(0, 0.04, 0, 0) };
    const options = { confidence: 0.9, draws: 300 };
    const sharing = prepaymentModel(input([pairMoments(() => 1e6, 0.05)], noisy), options).provinces[0]!
      .needed!;
    expect(sharing.highFen - sharing.lowFen).toBeGreaterThan(0.2 * sharing.fen);
    const none = prepaymentModel(
      input([pairMoments(() => 1e6, 0.05)], { ...noisy, sharingShare: Float64Array.of(0, 0, 0, 0) }),
      options,
    ).provinces[0]!.needed!;
    expect([none.lowFen, none.highFen]).toEqual([none.fen, none.fen]);
  });

  test('riding on direct settlement: direct settlement alone is answered for beside it, and what sharing adds', () => {
    const ds = pairMoments(() => 10e6, 0.02);
    const withDs = input([pairMoments(() => 1e6, 0.02)], {
      params: DEFAULT_CLEARING_PARAMETERS,
      directSettlement: [ds],
      opening: null,
    });
    const a = prepaymentModel(withDs, { confidence: 0.9, draws: 200 });
    expect(a.model).toBe('direct-settlement');
    const p = a.provinces[0]!;
    const alone = p.directSettlementOnly!;
    expect(alone.needed!.fen).toBeLessThan(p.needed!.fen);
    expect(p.needed!.fen / alone.needed!.fen).toBeCloseTo(1.1, 1);
    expect(alone.ruleOpeningFen).toBeLessThan(p.ruleOpeningFen);
    expect(a.national.directSettlementOnly!.needed!.fen).toBe(alone.needed!.fen);
    expect(a.national.directSettlementOnly!.ruleOpeningFen).toBe(alone.ruleOpeningFen);
    // Direct settlement's own interval has no level error of sharing's in it.
    const n = a.national.directSettlementOnly!.needed!;
    expect(n.lowFen).toBeLessThanOrEqual(n.fen);
    expect(n.highFen).toBeGreaterThanOrEqual(n.fen);
    const unresolved = prepaymentModel(
      {
        ...withDs,
        sharing: [withDs.sharing[0]!, withDs.sharing[0]!],
        directSettlement: [ds, ds],
        sources: { ...noParameters, parameters: true, parameterDraws: 2 },
      },
      { confidence: 0.9, draws: 100 },
    );
    expect(unresolved.provinces[0]!.directSettlementOnly!.needed).toBeNull();
    expect(unresolved.national.directSettlementOnly!.needed).toBeNull();
  });

  test('the national needed size is the sum of the provinces’, its interval from the same rounds', () => {
    const both = pairMoments(() => 1e6, 0.2);
    for (let m = 0; m < M; m++) {
      both.meanFen[m * P * P + 2] = 3e6;
      both.varianceFen2[m * P * P + 2] = (0.2 * 3e6) ** 2;
    }
    const a = prepaymentModel(
      input([both], {
        levelRelVar: Float64Array.of(0, 0.01, 0.01, 0),
        sharingShare: Float64Array.of(0, 1, 1, 0),
      }),
      {
        confidence: 0.9,
        draws: 300,
      },
    );
    const [p0, p1] = a.provinces;
    expect(a.national.needed!.fen).toBe(p0!.needed!.fen + p1!.needed!.fen);
    expect(a.national.needed!.lowFen).toBeLessThanOrEqual(a.national.needed!.fen);
    expect(a.national.needed!.highFen).toBeGreaterThan(a.national.needed!.fen);
    expect(a.national.ruleOpeningFen).toBe(p0!.ruleOpeningFen + p1!.ruleOpeningFen);
  });
});

/** A rule outcome that answerFrom passes through untouched. */
const RULE: RuleOutcome = {
  redProbability: 0,
  yellowProbability: 0,
  redWarningsMean: 0,
  topUpsMean: 0,
  topUpFenMean: 0,
  peakUsage: { p05: 0, p50: 0, p95: 0 },
  monthUsage: { p05: new Float64Array(0), p50: new Float64Array(0), p95: new Float64Array(0) },
};

/** D draws of peaks, spread by a fixed pattern around `level`. */
const peaksAround = (level: number, D: number, phase: number) =>
  Float64Array.from({ length: D }, (_, d) => level * (1 + 0.3 * Math.sin(d * 1.7 + phase)));

/** A province's drawn years, made by hand. */
function handDraws(
  province: number,
  treatments: number[],
  peaks: Float64Array[],
  bgPeaks?: Float64Array[],
): ProvinceDraws {
  return {
    province,
    treatments: Int32Array.from(treatments),
    openingFen: new Float64Array(treatments.length).fill(1_000),
    peaks,
    rule: RULE,
    directSettlementOnly: bgPeaks ? { peaks: bgPeaks, ruleOpeningFen: 500, rule: RULE } : null,
  };
}

/** The needed size and its rounds by hand, from the rounds' pair factors and group weights. */
function neededByHand(
  peaks: Float64Array[],
  factors: number[][],
  weights: Float64Array[],
  G: number,
  confidence: number,
) {
  const red = DEFAULT_CLEARING_PARAMETERS.warnings.red;
  const critical = criticalSizes(peaks, confidence, red);
  const base = bootstrapBase(peaks, critical.quantileFen, G);
  const rounds = weights.map((w, b) =>
    bootstrapNeeded(
      base,
      factors.map((f) => f[b]!),
      w,
      confidence,
      red,
    ),
  );
  return { fen: sizeAtConfidence(critical.criticalFen, confidence), rounds };
}

/** A size and the 5th to 95th percentile of its rounds, as the answer gives them. */
function intervalOf(fen: number, rounds: number[]) {
  const sorted = Float64Array.from(rounds).sort();
  return {
    fen,
    lowFen: Math.min(fen, nearestRank(sorted, 0.05)),
    highFen: Math.max(fen, nearestRank(sorted, 0.95)),
  };
}

describe('prepaymentModel: the bootstrap interval, exactly', () => {
  test('each round scales a pair’s level by max(0, 1 + sharing share × √relVar × z), z from the pair’s own stream', () => {
    const P3 = 3;
    const D = 40;
    const B = 40;
    const levelRelVar = Float64Array.of(0, 0.04, 0.09, 0, 0, 0.16, 0, 0, 0);
    const sharingShare = Float64Array.of(0, 0.5, 1, 0, 0, 0.8, 0, 0, 0);
    const base = input([pairMoments(() => 1e6, 0)]);
    const inp: PrepaymentModelInput = { ...base, provinces: P3, levelRelVar, sharingShare, seed: 'levels' };
    const draws = [
      handDraws(0, [1, 2], [peaksAround(1e6, D, 0), peaksAround(2e6, D, 1)]),
      handDraws(1, [2], [peaksAround(3e6, D, 2)]),
      handDraws(2, [], []),
    ];
    const a = answerFrom(inp, draws, { confidence: 0.9, bootstrap: B });
    const factorsOf = (c: number) => {
      const n = new Normals(streamKey('levels|bootstrap-levels'), c);
      const sd = Math.sqrt(levelRelVar[c]!);
      return Array.from({ length: B }, () => Math.max(0, 1 + sharingShare[c]! * sd * n.next()));
    };
    const one = Array.from({ length: B }, () => Float64Array.of(1));
    const n0 = neededByHand(draws[0]!.peaks, [factorsOf(1), factorsOf(2)], one, 1, 0.9);
    const n1 = neededByHand(draws[1]!.peaks, [factorsOf(5)], one, 1, 0.9);
    const i0 = intervalOf(n0.fen, n0.rounds);
    const i1 = intervalOf(n1.fen, n1.rounds);
    // The intervals reach both sides of the size.
    for (const i of [i0, i1]) expect(i.lowFen < i.fen && i.fen < i.highFen).toBe(true);
    expect(a.provinces[0]!.needed).toEqual(i0);
    expect(a.provinces[1]!.needed).toEqual(i1);
    expect(a.provinces[2]!.needed).toEqual({ fen: 0, lowFen: 0, highFen: 0 });
    expect(a.national.needed).toEqual(
      intervalOf(
        n0.fen + n1.fen,
        n0.rounds.map((r, b) => r + n1.rounds[b]!),
      ),
    );
  });

  test('with grouped draws each round resamples the groups from the seed’s group stream; direct settlement alone too', () => {
    const G = 3;
    const D = 30;
    const B = 25;
    // Draws d of group d mod 3 run 25% higher per group, so resampling the groups moves the quantile.
    const grouped = (level: number, n: number, phase: number) =>
      Float64Array.from(peaksAround(level, n, phase), (x, d) => x + level * 0.25 * (d % G));
    const groups = Array.from({ length: G }, () => pairMoments(() => 1e6, 0));
    const inp = input(groups, {
      params: DEFAULT_CLEARING_PARAMETERS,
      directSettlement: groups,
      seed: 'groups',
    });
    const draws = [
      handDraws(0, [1], [grouped(2e6, D, 0)], [grouped(1e6, D, 3)]),
      handDraws(1, [0], [grouped(3e6, D, 1)], [grouped(2e6, D, 4)]),
    ];
    const a = answerFrom(inp, draws, { confidence: 0.8, bootstrap: B });
    const state = new Int32Array(4);
    seedFamily(streamKey('groups|bootstrap-groups'), 0, state);
    const weights = Array.from({ length: B }, () => {
      const w = new Float64Array(G);
      for (let g = 0; g < G; g++) w[Math.floor(nextUnit(state) * G)]! += 1;
      return w;
    });
    const ones = [Array.from({ length: B }, () => 1)];
    const share = draws.map((p) => neededByHand(p.peaks, ones, weights, G, 0.8));
    const bg = draws.map((p) => neededByHand(p.directSettlementOnly!.peaks, ones, weights, G, 0.8));
    const ends = share.map((n) => intervalOf(n.fen, n.rounds));
    for (const i of ends) expect(i.lowFen < i.fen && i.fen < i.highFen).toBe(true);
    expect(a.provinces.map((p) => p.needed)).toEqual(ends);
    expect(a.provinces.map((p) => p.directSettlementOnly!.needed)).toEqual(
      bg.map((n) => intervalOf(n.fen, n.rounds)),
    );
    const national = (n: typeof share) =>
      intervalOf(
        n[0]!.fen + n[1]!.fen,
        n[0]!.rounds.map((r, b) => r + n[1]!.rounds[b]!),
      );
    expect(a.national.needed).toEqual(national(share));
    expect(a.national.directSettlementOnly!.needed).toEqual(national(bg));
    expect(a.national.directSettlementOnly!.needed!.lowFen).toBeLessThan(
      a.national.directSettlementOnly!.needed!.fen,
    );
  });

  test('the answer holds for no provinces, and for a first province without prepayments', () => {
    const inp = input([pairMoments(() => 1e6, 0)]);
    expect(answerFrom(inp, [], { confidence: 0.9 })).toMatchObject({ draws: 0, provinces: [] });
    const peaks = [peaksAround(1e6, 20, 0)];
    const a = answerFrom(inp, [handDraws(0, [], []), handDraws(1, [0], peaks)], { confidence: 0.9 });
    expect(a.draws).toBe(20);
    expect(a.provinces[1]!.needed!.fen).toBe(
      sizeAtConfidence(criticalSizes(peaks, 0.9, 0.9).criticalFen, 0.9),
    );
  });
});
