import { describe, expect, test } from 'vitest';
import { peakOutstanding, peakWeights, runCalendar } from '../../src/clearing/calendar';
import { ClaimsAccumulator, type SpreadSources } from '../../src/clearing/claims';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import { prepaymentInput, type Moments, type PrepaymentModelInput } from '../../src/clearing/prepaymentInput';
import { drawsFor, prepaymentModel, replicationsFor } from '../../src/clearing/prepaymentModel';
import { trackPairs } from '../../src/clearing/run';
import { loadDatasetFromDisk } from '../../src/population/node';
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
