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
 *
 * This module builds the model from the samples ({@link ClaimsAccumulator}); what the model holds and
 * what is read from it are in `claimsModel.ts`, the fit of source (c) in `parameterSpread.ts`.
 */
import { USES, type ClaimsModel } from './claimsModel';
import type { FlowCube } from './flows';
import { parameterGroups, type ParameterSample } from './parameterSpread';
import { denoise } from './smooth';

/** The model's shape and what is read from it (`claimsModel.ts`), importable from here as well. */
export {
  crossProvinceSpread,
  sharingMoments,
  type ClaimsModel,
  type SpreadSources,
  type TotalSpread,
} from './claimsModel';

/**
 * Sampled payments behind a pair's own mix of uses (and a use's own `phi`) that weigh as much as
 * the national one: with fewer, the pair leans on the national values.
 */
const CREDIBILITY = 20;

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
