/**
 * Drawing years of claims (全年费用抽样), the first stage of the prepayment model (rules C5–C7): for
 * each insured-place province and each of its treatment provinces, many years of monthly claims in
 * the whole population, drawn without simulating again: each pair and month a lognormal amount
 * with the pair-month's expected claims and variance (a sum of many payments: non-negative and
 * right-skewed), independently across pairs and months, in groups of draws (one per replication
 * that drew parameters). Of each drawn year it keeps what the second stage needs: the peak of
 * outstanding claims of every pair, and how the scenario's rule fares over the province (tracked
 * day by day in the first draws). Every pair has its own seeded stream, so any split of the
 * provinces (over worker threads) gives the same draws.
 */
import { daySchedule, peakOutstanding, peakWeights, spreadClaims, type DaySchedule } from './calendar';
import type { Moments, PrepaymentModelInput } from './prepaymentInput';
import { resizeSchedule, sizeFrom } from './resize';
import { nearestRank } from './neededSize';
import { trackCounts } from './usage';
import { nextUnit, seedFamily, streamKey } from '../population/random';

/** Quantiles across draws. */
export interface Spread {
  p05: number;
  p50: number;
  p95: number;
}

/** How the scenario's own rule fares over the draws, for one province. */
export interface RuleOutcome {
  /** Share of draws with a red warning on any of the province's prepayments in the year. */
  redProbability: number;
  /** Share of draws with a yellow warning. */
  yellowProbability: number;
  /** Mean red warnings, top-ups and top-up fen in a year. */
  redWarningsMean: number;
  topUpsMean: number;
  topUpFenMean: number;
  /** Peak usage of the province's prepayments in the year. */
  peakUsage: Spread;
  /** Each run month's highest usage: 5th, 50th and 95th percentile across draws. */
  monthUsage: { p05: Float64Array; p50: Float64Array; p95: Float64Array };
}

/**
 * Lognormal parameters of one pair over the groups and months: log-scale location and spread, and
 * the mean. A month without claims keeps all three 0, and so draws 0 × (1 + 0 × z) = 0.
 */
function lognormal(moments: readonly Moments[], c: number, P: number, M: number) {
  const G = moments.length;
  const loc = new Float64Array(G * M);
  const scale = new Float64Array(G * M);
  const mean = new Float64Array(G * M);
  let any = false;
  for (let g = 0; g < G; g++) {
    // Stryker disable next-line EqualityOperator: moments hold the run's M months (M × P² entries); month M reads past their end, undefined, which is no claim
    for (let m = 0; m < M; m++) {
      const mu = moments[g]!.meanFen[m * P * P + c]!;
      if (!(mu > 0)) continue;
      any = true;
      const s2 = Math.log1p(moments[g]!.varianceFen2[m * P * P + c]! / (mu * mu));
      loc[g * M + m] = Math.log(mu) - s2 / 2;
      scale[g * M + m] = Math.sqrt(s2);
      mean[g * M + m] = mu;
    }
  }
  return any ? { loc, scale, mean } : null;
}

/** Whether the polar method keeps a pair of uniforms on (−1, 1) with u² + v² = s: inside the unit disc, off its centre. */
export function polarAccepts(s: number): boolean {
  return s > 0 && s < 1;
}

/** Standard normals in pairs from one stream (Box–Muller, both branches). */
export class Normals {
  readonly #state = new Int32Array(4);
  #spare = 0;
  #hasSpare = false;
  constructor(key: ReturnType<typeof streamKey>, index: number) {
    seedFamily(key, index, this.#state);
  }
  /** The next standard normal (Marsaglia's polar method: two per accepted pair, no trigonometry). */
  next(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spare;
    }
    for (;;) {
      const u = 2 * nextUnit(this.#state) - 1;
      const v = 2 * nextUnit(this.#state) - 1;
      const s = u * u + v * v;
      if (!polarAccepts(s)) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      this.#spare = v * f;
      this.#hasSpare = true;
      return u * f;
    }
  }
}

/** Below this log-scale spread a lognormal is drawn as the normal with its mean and spread (no exp). */
const NEAR_NORMAL = 0.05;

/**
 * Fills `out[d × M + m]` with draw d of a pair's monthly claims (0 where nothing is expected), and
 * adds each into `alsoAdd` when given.
 */
function drawSeries(
  ln: ReturnType<typeof lognormal>,
  normals: Normals,
  D: number,
  G: number,
  M: number,
  out: Float64Array,
  alsoAdd: Float64Array | null,
): void {
  // Stryker disable next-line EqualityOperator: a draw past the end writes past the end of typed arrays, and the normals' stream is this call's own
  for (let d = 0; d < D; d++) {
    const g = d % G;
    for (let m = 0; m < M; m++) {
      const z = normals.next();
      let x = 0;
      if (ln) {
        const loc = ln.loc[g * M + m]!;
        const scale = ln.scale[g * M + m]!;
        x = scale < NEAR_NORMAL ? ln.mean[g * M + m]! * (1 + scale * z) : Math.exp(loc + scale * z);
      }
      out[d * M + m] = x;
      if (alsoAdd) alsoAdd[d * M + m] = alsoAdd[d * M + m]! + x;
    }
  }
}

/** Running totals of the rule's outcomes for one province over the rule draws. */
class RuleTally {
  readonly red: Uint8Array;
  readonly yellow: Uint8Array;
  readonly redWarnings: Float64Array;
  readonly topUps: Float64Array;
  readonly topUpFen: Float64Array;
  readonly peak: Float64Array;
  readonly monthPeak: Float64Array;
  constructor(
    readonly draws: number,
    readonly months: number,
  ) {
    this.red = new Uint8Array(draws);
    this.yellow = new Uint8Array(draws);
    this.redWarnings = new Float64Array(draws);
    this.topUps = new Float64Array(draws);
    this.topUpFen = new Float64Array(draws);
    this.peak = new Float64Array(draws);
    this.monthPeak = new Float64Array(draws * months);
  }

  outcome(): RuleOutcome {
    const n = this.draws;
    const M = this.months;
    const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / n;
    const spread = (a: Float64Array): Spread => {
      const s = Float64Array.from(a).sort();
      return { p05: nearestRank(s, 0.05), p50: nearestRank(s, 0.5), p95: nearestRank(s, 0.95) };
    };
    const byMonth = Array.from({ length: M }, (_, m) =>
      spread(Float64Array.from({ length: n }, (_, d) => this.monthPeak[d * M + m]!)),
    );
    return {
      redProbability: mean(this.red),
      yellowProbability: mean(this.yellow),
      redWarningsMean: mean(this.redWarnings),
      topUpsMean: mean(this.topUps),
      topUpFenMean: mean(this.topUpFen),
      peakUsage: spread(this.peak),
      monthUsage: {
        p05: Float64Array.from(byMonth, (s) => s.p05),
        p50: Float64Array.from(byMonth, (s) => s.p50),
        p95: Float64Array.from(byMonth, (s) => s.p95),
      },
    };
  }
}

/** Tracks one pair under the rule in every rule draw and adds its outcome into the province's tally. */
function tallyRule(
  input: PrepaymentModelInput,
  series: Float64Array,
  opening: Float64Array | null,
  tally: RuleTally,
  scratch: RuleScratch,
): void {
  const { calendar: cal, params } = input;
  const M = cal.months;
  // Stryker disable next-line EqualityOperator: a draw past the end writes past the end of the tally's typed arrays; the scratch buffers are cleared before each use
  for (let d = 0; d < tally.draws; d++) {
    const monthly = series.subarray(d * M, d * M + M);
    const sizes = scratch.resizes.map((r) => ({
      day: cal.monthStart[r.month]!,
      fen: Math.ceil(sizeFrom(r, params.prepayment.sizing, monthly, opening)),
    }));
    const days = scratch.days;
    spreadClaims(scratch.schedule, monthly, days);
    const c = trackCounts(
      params.warnings,
      days.claimsFen,
      days.repaidFen,
      sizes,
      cal.monthStart,
      scratch.monthPeak,
    );
    if (c.red > 0) tally.red[d] = 1;
    if (c.yellow > 0 || c.red > 0) tally.yellow[d] = 1;
    tally.redWarnings[d] = tally.redWarnings[d]! + c.red;
    tally.topUps[d] = tally.topUps[d]! + c.topUps;
    tally.topUpFen[d] = tally.topUpFen[d]! + c.topUpFen;
    // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
    if (c.peakUsage > tally.peak[d]!) tally.peak[d] = c.peakUsage;
    // Stryker disable next-line EqualityOperator: month M of the scratch is past its end, undefined, and undefined > x is false
    for (let m = 0; m < M; m++) {
      const at = d * M + m;
      // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
      if (scratch.monthPeak[m]! > tally.monthPeak[at]!) tally.monthPeak[at] = scratch.monthPeak[m]!;
    }
  }
}

/** Buffers reused across pairs. */
interface RuleScratch {
  resizes: ReturnType<typeof resizeSchedule>;
  schedule: DaySchedule;
  monthPeak: Float64Array;
  days: { claimsFen: Float64Array; repaidFen: Float64Array };
}

/** A pair's expected monthly claims averaged over the groups. */
export function expectedSeries(moments: readonly Moments[], c: number, P: number, M: number): Float64Array {
  return Float64Array.from(
    { length: M },
    (_, m) => moments.reduce((s, g) => s + g.meanFen[m * P * P + c]!, 0) / moments.length,
  );
}

/** One insured-place province's drawn years: per treatment province, its peaks and the rule's opening size. */
export interface ProvinceDraws {
  province: number;
  /** The treatment provinces it holds a prepayment in. */
  treatments: Int32Array;
  /** The rule's opening size of each of those prepayments. */
  openingFen: Float64Array;
  /** Per treatment province, the peak outstanding claims in each draw. */
  peaks: Float64Array[];
  /** How the rule fares over the province in the first draws. */
  rule: RuleOutcome;
  /** Under `direct-settlement`: the same for the direct-settlement flows alone. */
  directSettlementOnly: { peaks: Float64Array[]; ruleOpeningFen: number; rule: RuleOutcome } | null;
}

/** How many years to draw: `draws` for the peaks, the first `ruleDraws` of them tracked under the rule. */
export interface DrawCounts {
  draws: number;
  ruleDraws: number;
}

/**
 * C5–C7: the drawn years of `provinces` (insured-place indices). Deterministic in the input and its
 * seed, whatever provinces are asked for together.
 */
export function drawProvinces(
  input: PrepaymentModelInput,
  counts: DrawCounts,
  provinces: readonly number[],
): ProvinceDraws[] {
  const { calendar: cal, params, provinces: P } = input;
  const G = input.sharing.length;
  const M = cal.months;
  const { draws: D, ruleDraws: Drule } = counts;
  const weights = peakWeights(cal);
  const drawKey = streamKey(`${input.seed}|claims`);
  const bgKey = streamKey(`${input.seed}|direct-settlement`);
  const resizes = resizeSchedule(
    cal,
    params.prepayment,
    // Stryker disable next-line ObjectLiteral,StringLiteral,ArrayDeclaration: resizeSchedule only asks whether the rule is perfect foresight (or previous-year, for a sizing year nothing here reads); the list is never read
    input.opening ? { rule: 'forecast', monthlyOwesFen: [] } : { rule: 'perfect-foresight' },
    params.calendar.resultsLagDays,
  );
  const scratch: RuleScratch = {
    resizes,
    schedule: daySchedule(cal),
    monthPeak: new Float64Array(M),
    days: { claimsFen: new Float64Array(cal.horizonDays), repaidFen: new Float64Array(cal.horizonDays) },
  };
  const total = new Float64Array(D * M);
  const background = new Float64Array(D * M);
  // A pair's forecast of the first year: sharing and direct settlement, or direct settlement alone.
  const openingOf = (c: number, withSharing: boolean): Float64Array | null => {
    const o = input.opening;
    if (!o) return null;
    return Float64Array.from(
      { length: 12 },
      (_, k) =>
        (withSharing ? o.sharingFen[k * P * P + c]! : 0) + (o.directSettlementFen?.[k * P * P + c] ?? 0),
    );
  };
  // Under perfect foresight the opening size reported is the one the expected year would get.
  const openingSize = (c: number, withSharing: boolean): number => {
    const list = openingOf(c, withSharing);
    const expected = new Float64Array(M);
    // Stryker disable next-line ConditionalExpression: with an opening list the opening resize has no source months, so the expected series is never read
    if (!list) {
      if (withSharing) expected.set(expectedSeries(input.sharing, c, P, M));
      if (input.directSettlement) {
        const bg = expectedSeries(input.directSettlement, c, P, M);
        // Stryker disable next-line EqualityOperator: month M is past the end of a typed array, and the write is dropped
        for (let m = 0; m < M; m++) expected[m] = expected[m]! + bg[m]!;
      }
    }
    return Math.ceil(sizeFrom(resizes[0]!, params.prepayment.sizing, expected, list));
  };
  return provinces.map((i): ProvinceDraws => {
    const treatments: number[] = [];
    const peaks: Float64Array[] = [];
    const bgPeaks: Float64Array[] = [];
    const openings: number[] = [];
    let bgOpeningSum = 0;
    const tally = new RuleTally(Drule, M);
    const bgTally = input.directSettlement ? new RuleTally(Drule, M) : null;
    for (let j = 0; j < P; j++) {
      if (i === j) continue;
      const c = i * P + j;
      const share = lognormal(input.sharing, c, P, M);
      const bg = input.directSettlement ? lognormal(input.directSettlement, c, P, M) : null;
      if (!share && !bg) continue;
      treatments.push(j);
      drawSeries(share, new Normals(drawKey, c), D, G, M, total, null);
      // Stryker disable next-line ConditionalExpression: without direct settlement bg is null, and drawing it would only add zeros
      if (input.directSettlement) drawSeries(bg, new Normals(bgKey, c), D, G, M, background, total);
      const peak = new Float64Array(D);
      const bgPeak = input.directSettlement ? new Float64Array(D) : null;
      // Stryker disable next-line EqualityOperator: draw D is past the end of the peaks' typed arrays, and the writes are dropped
      for (let d = 0; d < D; d++) {
        peak[d] = peakOutstanding(weights, total.subarray(d * M, d * M + M));
        if (bgPeak) bgPeak[d] = peakOutstanding(weights, background.subarray(d * M, d * M + M));
      }
      peaks.push(peak);
      // Stryker disable next-line ConditionalExpression: bgPeaks is returned only under direct settlement, when bgPeak is always set
      if (bgPeak) bgPeaks.push(bgPeak);
      openings.push(openingSize(c, true));
      tallyRule(input, total, openingOf(c, true), tally, scratch);
      if (bgTally) {
        bgOpeningSum += openingSize(c, false);
        tallyRule(input, background, openingOf(c, false), bgTally, scratch);
      }
    }
    return {
      province: i,
      treatments: Int32Array.from(treatments),
      openingFen: Float64Array.from(openings),
      peaks,
      rule: tally.outcome(),
      directSettlementOnly: bgTally
        ? { peaks: bgPeaks, ruleOpeningFen: bgOpeningSum, rule: bgTally.outcome() }
        : null,
    };
  });
}
