/**
 * The claims model (共济清算需求模型): what a run's 1:k samples say about the cross-province claims
 * of the whole population, with the sampling noise of the sample taken out.
 *
 * At 1:k a sampled family stands for k families, so a province pair's monthly total in one sample
 * varies about √k times as much as the real total does. The model keeps apart three sources of
 * spread:
 * - (a) sampling noise of the 1:k sample: removed. Expected claims come from all samples pooled,
 *   and a pair's month is not read from its own lumpy cell but as the pair's share of the year's
 *   cross-province claims of a use times the national month of that use (the engine gives every pair
 *   the same seasonality and uptake curve, so their months differ only by sampling noise); the
 *   national months themselves lose the wiggles their own sampling noise explains;
 *   A pair's level is its own, its mix of uses leans on the national mix while it has few sampled
 *   payments (credibility weighting);
 * - (b) the month-to-month randomness of the whole population's claims: a pair's month is a sum of
 *   many independent payments, so its variance is about the sum of their squares, which the cells
 *   keep (`FlowCube` squares; at 1:k weighted by k). It is `phi × mean`, with `phi` = Σ x² ÷ Σ x of
 *   the pair's payments (shrunk towards the national value of the use when the pair has few);
 * - (c) uncertainty in behaviour parameters: replications that drew parameters from the scenario's
 *   ranges each give a national month profile per use; their spread minus what sampling noise
 *   alone would give (an empirical-Bayes shrinkage per use) is kept as the parameter spread, one
 *   group of draws per replication.
 * How well each pair's level is known (the estimate's own error, for intervals) is its pooled
 * sampling variance.
 */
import { normalCdf } from '../population/random';
import type { FlowCube } from './flows';
import { denoise } from './smooth';

/** Number of uses in the cube (medical, pharmacy, resident contribution, LTC contribution). */
const USES = 4;

/**
 * Sampled payments behind a pair's own mix of uses (and a use's own `phi`) that weigh as much as
 * the national one: with fewer, the pair leans on the national values.
 */
const CREDIBILITY = 20;

/** One replication that drew its parameters: its national totals by use and month and their sampling variance. */
interface ParameterSample {
  totalsFen: Float64Array;
  samplingFen2: Float64Array;
}

/** What the model says about the sources of spread it includes. */
export interface SpreadSources {
  /** (a) Always removed: the figures do not depend on the scale. */
  sampling: 'removed';
  /** (b) The whole population's month-to-month randomness. */
  population: true;
  /** (c) Whether parameter uncertainty is included (replications that drew parameters, at least 2). */
  parameters: boolean;
  /** Replications that drew parameters. */
  parameterDraws: number;
  /** Per use, the share of the replications' spread kept as parameter spread (0 when (c) is off). */
  parameterShare: number[];
}

/**
 * Collects the cross-province cells of a run's samples (the main run and its replications, all at
 * scale 1:k) into pooled sums by province pair, use and month, and the national totals of every
 * replication that drew parameters. Memory does not grow with the cube's size.
 */
export class ClaimsAccumulator {
  readonly #P: number;
  readonly #sum: Float64Array;
  readonly #squares: Float64Array;
  readonly #count: Float64Array;
  readonly #draws: ParameterSample[] = [];
  #samples = 0;

  constructor(
    readonly areaProvince: Int32Array,
    readonly provinces: number,
    readonly months: number,
    readonly scaleK: number,
  ) {
    if (!(Number.isInteger(scaleK) && scaleK >= 1))
      throw new RangeError(`scaleK: expected a whole number ≥ 1, got ${scaleK}`);
    this.#P = provinces;
    const n = provinces * provinces * USES * months;
    this.#sum = new Float64Array(n);
    this.#squares = new Float64Array(n);
    this.#count = new Float64Array(n);
  }

  /** Samples added so far. */
  get samples(): number {
    return this.#samples;
  }

  /** Adds one sample's cube; `parameterDraw` when its parameters were drawn from the scenario's ranges. */
  add(cube: FlowCube, parameterDraw: boolean): void {
    if (cube.months !== this.months)
      throw new RangeError(`a sample of ${cube.months} months in a model of ${this.months}`);
    const P = this.#P;
    const M = this.months;
    const k = this.scaleK;
    const draw: ParameterSample | null = parameterDraw
      ? { totalsFen: new Float64Array(USES * M), samplingFen2: new Float64Array(USES * M) }
      : null;
    cube.forEachCell((month, sharerArea, treatmentArea, use, amountFen, count, squaresYuan2) => {
      const i = this.areaProvince[sharerArea]!;
      const j = this.areaProvince[treatmentArea]!;
      if (i === j) return;
      const at = ((i * P + j) * USES + use) * M + month;
      this.#sum[at] = this.#sum[at]! + amountFen;
      this.#squares[at] = this.#squares[at]! + squaresYuan2;
      this.#count[at] = this.#count[at]! + count;
      if (draw) {
        draw.totalsFen[use * M + month] = draw.totalsFen[use * M + month]! + amountFen;
        draw.samplingFen2[use * M + month] = draw.samplingFen2[use * M + month]! + k * squaresYuan2 * 1e4;
      }
    });
    if (draw) this.#draws.push(draw);
    this.#samples++;
  }

  /** The claims model of the samples added so far (at least one). */
  model(): ClaimsModel {
    if (this.#samples < 1) throw new RangeError('a claims model needs at least one sample');
    return buildModel(
      this.#P,
      this.months,
      this.scaleK,
      this.#samples,
      this.#sum,
      this.#squares,
      this.#count,
      this.#draws,
    );
  }
}

/** The scale-free claims of a run: expected monthly claims and their variance for every province pair. */
export interface ClaimsModel {
  provinces: number;
  months: number;
  scaleK: number;
  samples: number;
  /** Pair c's share of use u's national cross-province claims over the run, `[c × 4 + u]`. */
  share: Float64Array;
  /** Variance per fen of expected claims in the whole population (fen), `[c × 4 + u]`. */
  phi: Float64Array;
  /** National cross-province claims of use u in month m, pooled over the samples with their noise taken out (`smooth.ts`), `[u × months + m]` (fen). */
  profile: Float64Array;
  /** One national profile per group of draws: the replications' parameter spread, or the pooled profile alone. */
  groups: Float64Array[];
  /** Relative variance of each pair's level as estimated from the samples (its own error), `[c]`. */
  levelRelVar: Float64Array;
  /** Cross-province payments over the run, pooled (person-times of the whole population). */
  personTimes: number;
  sources: SpreadSources;
}

function buildModel(
  P: number,
  M: number,
  k: number,
  n: number,
  sum: Float64Array,
  squares: Float64Array,
  count: Float64Array,
  draws: readonly ParameterSample[],
): ClaimsModel {
  const profile = new Float64Array(USES * M);
  const share = new Float64Array(P * P * USES);
  const phi = new Float64Array(P * P * USES);
  const levelRelVar = new Float64Array(P * P);
  const useFen = new Float64Array(USES);
  const useSquares = new Float64Array(USES);
  for (let c = 0; c < P * P; c++) {
    // Stryker disable next-line EqualityOperator: at u = USES it writes only past the end of profile, useFen and useSquares (typed arrays ignore it)
    for (let u = 0; u < USES; u++) {
      for (let m = 0; m < M; m++) {
        const at = (c * USES + u) * M + m;
        profile[u * M + m] = profile[u * M + m]! + sum[at]! / n;
        useFen[u] = useFen[u]! + sum[at]!;
        useSquares[u] = useSquares[u]! + squares[at]!;
      }
    }
  }
  const useTotal = Float64Array.from({ length: USES }, (_, u) => useFen[u]! / n);
  const usePhi = Float64Array.from({ length: USES }, (_, u) =>
    // Stryker disable next-line ConditionalExpression,EqualityOperator: usePhi of a use whose national total is not positive is never read: the pair loop skips such a use before it reads usePhi
    useFen[u]! > 0 ? (useSquares[u]! * 1e4) / useFen[u]! : 0,
  );
  const allUses = useTotal.reduce((a, b) => a + b, 0);
  const fen = new Float64Array(USES);
  const sq = new Float64Array(USES);
  // Stryker disable next-line EqualityOperator: at c = P² it reads past the end (a NaN level) and writes only past the end of share, phi and levelRelVar
  for (let c = 0; c < P * P; c++) {
    let level = 0;
    let levelSquares = 0;
    let sampled = 0;
    fen.fill(0);
    sq.fill(0);
    for (let u = 0; u < USES; u++) {
      for (let m = 0; m < M; m++) {
        const at = (c * USES + u) * M + m;
        fen[u] = fen[u]! + sum[at]!;
        sq[u] = sq[u]! + squares[at]!;
        sampled += count[at]! / k;
      }
      level += fen[u]! / n;
      levelSquares += sq[u]! / n;
    }
    if (level <= 0) continue;
    // The pair's level is its own; its mix of uses, and each use's phi, lean on the national ones
    // while it has few sampled payments (a lone sampled contribution must not make a pair all
    // contributions, all in the collection season).
    const weight = sampled / (sampled + CREDIBILITY);
    for (let u = 0; u < USES; u++) {
      const mix = weight * (fen[u]! / n / level) + (1 - weight) * (allUses > 0 ? useTotal[u]! / allUses : 0);
      if (mix <= 0 || useTotal[u]! <= 0) continue;
      share[c * USES + u] = (mix * level) / useTotal[u]!;
      const own = fen[u]! > 0 ? (sq[u]! * 1e4) / fen[u]! : usePhi[u]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: at fen[u] = 0 both give 0; below 0 own is usePhi, so phi is usePhi whatever usePayments (−20, the one exception, needs a mix ≤ 0, skipped above)
      const usePayments = fen[u]! > 0 ? (sampled * fen[u]!) / (level * n) : 0;
      phi[c * USES + u] = (usePayments * own + CREDIBILITY * usePhi[u]!) / (usePayments + CREDIBILITY);
    }
    // The pooled level is a mean of n samples, each with sampling variance k × (its 1:1 variance).
    levelRelVar[c] = (k * levelSquares * 1e4) / n / (level * level);
  }
  // The pooled national month of a use varies by its samples' sampling variance ÷ n²; take out
  // the month-to-month wiggles that this noise explains.
  const smoothed = new Float64Array(USES * M);
  // Stryker disable next-line EqualityOperator: at u = USES it smooths an empty subarray and sets nothing
  for (let u = 0; u < USES; u++) {
    const variance = new Float64Array(M);
    for (let c = 0; c < P * P; c++) {
      // Stryker disable next-line EqualityOperator: at m = M it writes only past the end of variance
      for (let m = 0; m < M; m++) variance[m] = variance[m]! + squares[(c * USES + u) * M + m]!;
    }
    // Stryker disable next-line EqualityOperator: at m = M it writes only past the end of variance
    for (let m = 0; m < M; m++) variance[m] = (k * variance[m]! * 1e4) / (n * n);
    smoothed.set(denoise(profile.subarray(u * M, (u + 1) * M), variance), u * M);
  }
  const { groups, parameterShare } = parameterGroups(smoothed, draws, M);
  let personTimes = 0;
  for (let x = 0; x < count.length; x++) personTimes += count[x]!;
  return {
    personTimes: personTimes / n,
    provinces: P,
    months: M,
    scaleK: k,
    samples: n,
    share,
    phi,
    profile: smoothed,
    groups,
    levelRelVar,
    sources: {
      sampling: 'removed',
      population: true,
      parameters: groups.length > 1,
      parameterDraws: draws.length,
      parameterShare,
    },
  };
}

/** A replication's profile of one use against the mean: level and trend, with their sampling variances. */
interface ProfileFit {
  level: number;
  trend: number;
  levelVar: number;
  trendVar: number;
}

/**
 * Fits `totals[m] ÷ mean[m]` over the months by weighted least squares on a level and a trend in
 * time centred on the weighted mean month. The weights are the inverse of the replications' mean
 * sampling variance of the ratio (the same for every replication, so that a replication's own noise
 * does not pick its weights); the fit's sampling variances follow from the replication's own.
 */
function fitProfile(
  totals: ArrayLike<number>,
  sampling: ArrayLike<number>,
  meanSampling: ArrayLike<number>,
  mean: ArrayLike<number>,
  u: number,
  M: number,
): ProfileFit {
  const w = new Float64Array(M);
  let sw = 0;
  let swt = 0;
  for (let m = 0; m < M; m++) {
    const mu = mean[u * M + m]!;
    if (!(mu > 0)) continue;
    // Months without sampling variance weigh as a ratio known to 0.1%.
    w[m] = 1 / Math.max(meanSampling[u * M + m]! / (mu * mu), 1e-6);
    sw += w[m]!;
    swt += w[m]! * m;
  }
  // Stryker disable next-line ConditionalExpression: sw is 0 only when the use's mean is positive in no month, alike for every replication: then every fit is level 0, trend 0, no spread, and the factor stays 1 all the same
  if (sw === 0) return { level: 1, trend: 0, levelVar: 0, trendVar: 0 };
  const centre = swt / sw;
  let stt = 0;
  for (let m = 0; m < M; m++) stt += w[m]! * (m - centre) ** 2;
  let level = 0;
  let trend = 0;
  let levelVar = 0;
  let trendVar = 0;
  for (let m = 0; m < M; m++) {
    if (w[m] === 0) continue;
    const mu = mean[u * M + m]!;
    const y = totals[u * M + m]! / mu;
    const v = sampling[u * M + m]! / (mu * mu);
    const t = m - centre;
    level += (w[m]! * y) / sw;
    levelVar += (w[m]! / sw) ** 2 * v;
    if (stt > 0) {
      trend += (w[m]! * t * y) / stt;
      trendVar += ((w[m]! * t) / stt) ** 2 * v;
    }
  }
  return { level, trend, levelVar, trendVar };
}

/** λ = √(1 − expected sampling variance ÷ observed variance), at least 0: the share of a spread sampling does not explain. */
function keptShare(values: readonly number[], samplingVariances: readonly number[]): number {
  const G = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / G;
  const observed = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (G - 1);
  const sampling = samplingVariances.reduce((a, b) => a + b, 0) / G;
  return observed > 0 ? Math.sqrt(Math.max(0, 1 - sampling / observed)) : 0;
}

/**
 * (c): the national profile of every replication that drew parameters. Parameters move a use's
 * claims smoothly through the year (uptake sets the level, awareness how fast it rises), while
 * sampling noise moves each month on its own; so each replication's profile is read as a level and
 * a trend against the replications' mean profile (weighted least squares), and each of the two is
 * pulled towards the mean so that what is left of its spread across replications is what sampling
 * noise does not explain (λ² = 1 − mean sampling variance ÷ observed variance, at least 0). Fewer
 * than two such replications: the pooled profile alone.
 */
function parameterGroups(
  base: Float64Array,
  draws: readonly ParameterSample[],
  M: number,
): { groups: Float64Array[]; parameterShare: number[] } {
  const G = draws.length;
  if (G < 2) return { groups: [base], parameterShare: Array.from({ length: USES }, () => 0) };
  const mean = new Float64Array(USES * M);
  const meanSampling = new Float64Array(USES * M);
  for (const d of draws) {
    // Stryker disable next-line EqualityOperator: at x = length it writes only past the end of mean and meanSampling
    for (let x = 0; x < mean.length; x++) {
      mean[x] = mean[x]! + d.totalsFen[x]! / G;
      meanSampling[x] = meanSampling[x]! + d.samplingFen2[x]! / G;
    }
  }
  const groups = draws.map(() => new Float64Array(USES * M));
  const parameterShare: number[] = [];
  for (let u = 0; u < USES; u++) {
    const fits = draws.map((d) => fitProfile(d.totalsFen, d.samplingFen2, meanSampling, mean, u, M));
    const levelShare = keptShare(
      fits.map((f) => f.level),
      fits.map((f) => f.levelVar),
    );
    const trendShare = keptShare(
      fits.map((f) => f.trend),
      fits.map((f) => f.trendVar),
    );
    const level = fits.reduce((a, f) => a + f.level, 0) / G;
    // Stryker disable next-line ArithmeticOperator: the fits' trends average to the trend of the mean ratio, 1 in every month, about a centred time: 0, so their sum negated or times G is 0 too
    const trend = fits.reduce((a, f) => a + f.trend, 0) / G;
    parameterShare.push(levelShare);
    let centre = 0;
    let weight = 0;
    for (let m = 0; m < M; m++) {
      centre += m * mean[u * M + m]!;
      weight += mean[u * M + m]!;
    }
    centre = weight > 0 ? centre / weight : (M - 1) / 2;
    fits.forEach((f, g) => {
      // Stryker disable next-line EqualityOperator: at m = M it writes the next use's month 0, which that use's own pass overwrites (past the end for the last use)
      for (let m = 0; m < M; m++) {
        const factor = 1 + levelShare * (f.level - level) + trendShare * (f.trend - trend) * (m - centre);
        groups[g]![u * M + m] = Math.max(0, base[u * M + m]! * factor);
      }
    });
  }
  return { groups, parameterShare };
}

/**
 * Expected claims and their variance for every pair and month under one group of draws (`group`
 * an index into `model.groups`, or `'mean'` for the average over groups), laid out
 * `[m × P² + c]` as {@link PairMonthMoments}.
 */
export function sharingMoments(
  model: ClaimsModel,
  group: number | 'mean',
): { meanFen: Float64Array; varianceFen2: Float64Array } {
  const { provinces: P, months: M } = model;
  const profile =
    group === 'mean'
      ? Float64Array.from(
          model.groups[0]!,
          (_, x) => model.groups.reduce((s, g) => s + g[x]!, 0) / model.groups.length,
        )
      : model.groups[group]!;
  const meanFen = new Float64Array(M * P * P);
  const varianceFen2 = new Float64Array(M * P * P);
  for (let c = 0; c < P * P; c++) {
    for (let u = 0; u < USES; u++) {
      const s = model.share[c * USES + u]!;
      // Stryker disable next-line ConditionalExpression: a use with share 0 adds 0 × its (finite) month to the mean and phi × 0 to the variance
      if (s === 0) continue;
      const f = model.phi[c * USES + u]!;
      // Stryker disable next-line EqualityOperator: at m = M it writes only past the end of meanFen and varianceFen2
      for (let m = 0; m < M; m++) {
        const mu = s * profile[u * M + m]!;
        const at = m * P * P + c;
        meanFen[at] = meanFen[at]! + mu;
        varianceFen2[at] = varianceFen2[at]! + f * mu;
      }
    }
  }
  return { meanFen, varianceFen2 };
}

/** A total's expected value and its 5th and 95th percentile in the whole population. */
export interface TotalSpread {
  expected: number;
  p05: number;
  p95: number;
}

/**
 * The spread of the run's national cross-province sharing (fen, and person-times in proportion) in
 * the whole population: per group of draws a normal with the group's expected total and the sum of
 * its pairs' month variances (independent), mixed over the groups; percentiles by bisection on the
 * mixture's distribution function.
 */
export function crossProvinceSpread(model: ClaimsModel): { fen: TotalSpread; personTimes: TotalSpread } {
  const parts = model.groups.map((_, g) => {
    const { meanFen, varianceFen2 } = sharingMoments(model, g);
    return {
      mean: meanFen.reduce((a, b) => a + b, 0),
      sd: Math.sqrt(varianceFen2.reduce((a, b) => a + b, 0)),
    };
  });
  const expected = parts.reduce((s, p) => s + p.mean, 0) / parts.length;
  const cdf = (x: number) =>
    parts.reduce((s, p) => s + (p.sd > 0 ? normalCdf((x - p.mean) / p.sd) : x >= p.mean ? 1 : 0), 0) /
    parts.length;
  const quantile = (q: number): number => {
    let lo = Math.min(...parts.map((p) => p.mean - 10 * p.sd));
    let hi = Math.max(...parts.map((p) => p.mean + 10 * p.sd));
    // Stryker disable next-line UpdateOperator: the bracket, under 2⁵⁴ fen wide, halves to half a fen long before 200 steps, so the cap on k is never what stops it
    for (let k = 0; k < 200 && hi - lo > 0.5; k++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < q) lo = mid;
      else hi = mid;
    }
    return Math.max(0, Math.round(hi));
  };
  const fen = { expected: Math.round(expected), p05: quantile(0.05), p95: quantile(0.95) };
  const perFen = expected > 0 ? model.personTimes / expected : 0;
  const personTimes = {
    expected: Math.round(model.personTimes),
    p05: Math.round(fen.p05 * perFen),
    p95: Math.round(fen.p95 * perFen),
  };
  return { fen, personTimes };
}
