/**
 * Monte Carlo over replications of a run (蒙特卡洛模拟), rules C5 and C6: each replication's flows are
 * cleared with `clearRun`, and per insured-place province the spread of peak prepayment usage, the
 * probability of a red warning, and the prepayment that avoids one with a chosen confidence are read
 * off across replications. Replications are independent and taken in order r = 0 … R − 1, so the same
 * inputs give the same bits.
 *
 * "The prepayment at any size" treats the province's prepayments as one amount X split among its
 * treatment provinces in proportion to what each pair needs at the chosen confidence — the
 * confidence quantile, across replications, of the pair's peak outstanding claims — held fixed for the
 * whole run (no yearly re-sizing). (A split by each pair's share of all claims would give a pair whose
 * claims come in one replication only a share that shrinks with R, and a needed size that grows with R.) Outstanding claims do not depend on the prepayment, and the
 * first red warning comes before any top-up, so a replication warns red at X exactly when some pair's
 * peak outstanding reaches red × its share of X: each replication has a critical size K, and it warns
 * red at X iff X ≤ K.
 */
import type { FlowCube } from './flows';
import type { ClearingParameters } from './parameters';
import type { FirstYearSizing } from './resize';
import { clearRun, type AreaProvinces, type ClearingResult, type ClearRunOptions } from './run';

/**
 * The seed of replication `r` of a run seeded with `seed`: `${seed}#r${r}` (e.g. `baseline-2026#r7`).
 * A plain string, so it feeds the population's `streamKey(seed)` like any scenario seed, and
 * replication r of a seed is the same whatever R is.
 */
export function deriveSeed(seed: string, r: number): string {
  if (!Number.isInteger(r) || r < 0)
    throw new RangeError(`replication: expected a whole number ≥ 0, got ${r}`);
  return `${seed}#r${r}`;
}

/** Where replication cubes come from: a list, or a function of the replication index. */
export type ReplicationSource =
  readonly FlowCube[] | { replications: number; replicate: (r: number) => FlowCube };

/** Options of `monteCarlo`: the clearing options plus the confidence and the reported quantiles. */
export interface MonteCarloOptions extends ClearRunOptions {
  /** Confidence for the needed prepayment, in (0, 1]; default 0.95. */
  confidence?: number;
  /** Quantiles of peak usage to report, each in (0, 1]; default [0.05, 0.5, 0.95]. */
  quantiles?: readonly number[];
}

/** One insured-place province across the replications. */
export interface ProvinceMonteCarlo {
  province: number;
  /** Peak usage of the province's prepayments in each replication (at the sized prepayments, with top-ups). */
  peakUsage: Float64Array;
  /** Mean of `peakUsage` (Infinity if any replication had claims against no prepayment). */
  peakUsageMean: number;
  /** Nearest-rank quantiles of `peakUsage`, one per `MonteCarloResult.quantiles` entry. */
  peakUsageQuantiles: number[];
  /** Share of replications with a red warning at the sized prepayments (C6). */
  redProbability: number;
  /** Mean over replications of the province's opening prepayment as sized by the rule (C5). */
  sizedPrepaymentMeanFen: number;
  /**
   * `redProbabilityAt` the mean sized prepayment, rounded to the fen: the same prepayment in every
   * replication, as a province that sizes before knowing the year would hold. Under the
   * `perfect-foresight` opening rule each replication is sized from its own flows, so
   * `redProbability` is the more optimistic of the two.
   */
  redProbabilityAtMeanSize: number;
  /** The split of a single prepayment among treatment provinces (see the module comment). */
  split: Float64Array;
  /** Per replication, the critical size K: a fixed prepayment X warns red iff X ≤ K (0: no claims). */
  criticalFen: Float64Array;
  /** The smallest prepayment with P(no red warning) ≥ the result's confidence. */
  neededPrepaymentFen: number;
}

/** A Monte Carlo summary of R replications. */
export interface MonteCarloResult {
  replications: number;
  /** The opening-size rule every replication was cleared with. */
  firstYear: FirstYearSizing['rule'];
  provinces: number;
  confidence: number;
  quantiles: number[];
  provinceResults: ProvinceMonteCarlo[];
}

/** The q-quantile (nearest rank) of ascending `sorted`; 0 when empty. */
function nearestRank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1]!;
}

/**
 * C6: the probability of a red warning when province `p` holds a fixed prepayment of `prepaymentFen`
 * for the whole run, split as `p.split`: the share of replications whose critical size is at least it.
 */
export function redProbabilityAt(p: ProvinceMonteCarlo, prepaymentFen: number): number {
  const R = p.criticalFen.length;
  if (R === 0) return 0;
  let red = 0;
  for (const k of p.criticalFen) if (k > 0 && prepaymentFen <= k) red++;
  return red / R;
}

/**
 * C5, C6: the smallest whole-fen fixed prepayment for province `p` with P(no red warning) ≥
 * `confidence` across the replications; 0 when the province has no cross-province claims. Never
 * decreases as `confidence` grows.
 */
export function prepaymentAtConfidence(p: ProvinceMonteCarlo, confidence: number): number {
  if (!(confidence > 0 && confidence <= 1)) {
    throw new RangeError(`confidence: expected a number in (0, 1], got ${confidence}`);
  }
  const sorted = Float64Array.from(p.criticalFen).sort();
  const k = nearestRank(sorted, confidence);
  return k > 0 ? Math.floor(k) + 1 : 0;
}

/**
 * C5, C6: a Monte Carlo summary built one replication at a time, for callers that produce cubes
 * asynchronously (simulation in workers) and should not hold them all: `add(cube)` clears a
 * replication and keeps only its summaries; `result()` summarizes the replications added so far.
 * Replications count in the order they are added.
 */
export class MonteCarloAccumulator {
  readonly #P: number;
  readonly #peakUsage: number[][];
  readonly #red: number[];
  readonly #sized: Float64Array;
  readonly #claims: Float64Array;
  readonly #peakOut: Float64Array[] = [];

  constructor(
    readonly areaProvince: AreaProvinces,
    readonly provinces: number,
    readonly params: ClearingParameters,
    readonly options: MonteCarloOptions,
  ) {
    const P = (this.#P = provinces);
    this.#peakUsage = Array.from({ length: P }, () => []);
    this.#red = Array.from({ length: P }, () => 0);
    this.#sized = new Float64Array(P);
    this.#claims = new Float64Array(P * P);
  }

  /** Replications added so far. */
  get replications(): number {
    return this.#peakOut.length;
  }

  /** Clears one replication's cube, keeps its summaries and returns its clearing. */
  add(cube: FlowCube): ClearingResult {
    const P = this.#P;
    const result = clearRun(cube, this.areaProvince, P, this.params, this.options);
    for (const s of result.provinceSummaries) {
      this.#peakUsage[s.province]!.push(s.peakUsage);
      if (s.redWarnings > 0) this.#red[s.province]!++;
      this.#sized[s.province]! += s.openingPrepaymentFen;
    }
    const peakOut = new Float64Array(P * P);
    for (const pp of result.prepayments) {
      const cell = pp.insured * P + pp.treatment;
      this.#claims[cell]! += pp.ledger.claimsFen;
      peakOut[cell] = pp.peakOutstandingFen;
    }
    this.#peakOut.push(peakOut);
    return result;
  }

  /**
   * Province i's split of a single prepayment among its treatment provinces: in proportion to each
   * pair's confidence quantile of peak outstanding claims across replications, or, when no pair
   * reaches a positive quantile, to its share of all claims.
   */
  #split(i: number, confidence: number): Float64Array {
    const P = this.#P;
    const need = new Float64Array(P);
    const peaks = new Float64Array(this.#peakOut.length);
    let total = 0;
    for (let j = 0; j < P; j++) {
      this.#peakOut.forEach((peakOut, r) => (peaks[r] = peakOut[i * P + j]!));
      need[j] = Math.max(0, nearestRank(Float64Array.from(peaks).sort(), confidence));
      total += need[j]!;
    }
    if (total > 0) return need.map((x) => x / total);
    let claims = 0;
    for (let j = 0; j < P; j++) claims += Math.max(0, this.#claims[i * P + j]!);
    return Float64Array.from({ length: P }, (_, j) =>
      claims > 0 ? Math.max(0, this.#claims[i * P + j]!) / claims : 0,
    );
  }

  /** The summary of the replications added so far (at least one). */
  result(): MonteCarloResult {
    const R = this.replications;
    if (R < 1) throw new RangeError('replications: expected a whole number ≥ 1, got 0');
    const P = this.#P;
    const red = this.params.warnings.red;
    const confidence = this.options.confidence ?? 0.95;
    const quantiles = [...(this.options.quantiles ?? [0.05, 0.5, 0.95])];
    const provinceResults = Array.from({ length: P }, (_, i): ProvinceMonteCarlo => {
      const split = this.#split(i, confidence);
      const criticalFen = Float64Array.from(this.#peakOut, (peakOut) => {
        let k = 0;
        for (let j = 0; j < P; j++) {
          const out = peakOut[i * P + j]!;
          if (out > 0 && split[j]! > 0) k = Math.max(k, out / (red * split[j]!));
        }
        return k;
      });
      const usage = Float64Array.from(this.#peakUsage[i]!);
      const sortedUsage = Float64Array.from(usage).sort();
      const p: ProvinceMonteCarlo = {
        province: i,
        peakUsage: usage,
        peakUsageMean: usage.reduce((a, b) => a + b, 0) / R,
        peakUsageQuantiles: quantiles.map((q) => nearestRank(sortedUsage, q)),
        redProbability: this.#red[i]! / R,
        sizedPrepaymentMeanFen: this.#sized[i]! / R,
        split,
        criticalFen,
        redProbabilityAtMeanSize: 0,
        neededPrepaymentFen: 0,
      };
      p.redProbabilityAtMeanSize = redProbabilityAt(p, Math.round(p.sizedPrepaymentMeanFen));
      p.neededPrepaymentFen = prepaymentAtConfidence(p, confidence);
      return p;
    });
    const firstYear = this.options.firstYear?.rule ?? 'perfect-foresight';
    return { replications: R, firstYear, provinces: P, confidence, quantiles, provinceResults };
  }
}

/**
 * C5, C6: clears every replication with `clearRun` and summarizes each insured-place province.
 * `source` is a list of replication cubes, or `{ replications, replicate }` where `replicate(r)` builds
 * replication r's cube (seed it with `deriveSeed(seed, r)`); cubes are cleared one at a time and
 * only their summaries kept (see `MonteCarloAccumulator` for cubes that arrive asynchronously).
 */
export function monteCarlo(
  source: ReplicationSource,
  areaProvince: AreaProvinces,
  provinces: number,
  params: ClearingParameters,
  options: MonteCarloOptions,
): MonteCarloResult {
  const generated = 'replicate' in source ? source : null;
  const list = generated ? null : (source as readonly FlowCube[]);
  const R = generated ? generated.replications : list!.length;
  if (!Number.isInteger(R) || R < 1) {
    throw new RangeError(`replications: expected a whole number ≥ 1, got ${R}`);
  }
  const acc = new MonteCarloAccumulator(areaProvince, provinces, params, options);
  for (let r = 0; r < R; r++) acc.add(generated ? generated.replicate(r) : list![r]!);
  return acc.result();
}
