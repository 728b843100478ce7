/**
 * The prepayment a province needs (所需预付金), rules C5 and C6: the smallest fixed amount X that
 * avoids a red warning in the year with a chosen confidence, over many draws of the year's claims.
 *
 * X is one amount for the whole year (no re-sizing), split among the province's treatment provinces
 * in proportion to what each needs at the same confidence: the confidence quantile, across draws,
 * of that pair's peak outstanding claims. Outstanding claims do not depend on the prepayment and
 * the first red warning comes before any top-up, so a draw warns red at X exactly when some pair's
 * peak outstanding reaches red × its share of X: each draw has a critical size K, and warns red at
 * X iff X ≤ K. The needed size is the confidence quantile of K (nearest rank), plus one fen.
 *
 * How sure that figure is comes from a bootstrap: each round perturbs every pair's expected level by
 * its own estimation error and, when the draws come in groups (one per replication that drew
 * parameters), resamples the groups; the interval is the 5th to 95th percentile of the rounds.
 */

/** The needed size and its interval, whole fen. */
export interface NeededSize {
  fen: number;
  lowFen: number;
  highFen: number;
}

/** The q-quantile (nearest rank) of ascending `sorted`; 0 when empty. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return sorted[Math.min(n, Math.max(1, Math.ceil(q * n))) - 1]!;
}

/** The smallest whole-fen X with a share ≥ `confidence` of `critical` below it; 0 when nothing is ever at risk. */
export function sizeAtConfidence(critical: ArrayLike<number>, confidence: number): number {
  const k = nearestRank(Float64Array.from(critical).sort(), confidence);
  return k > 0 ? Math.floor(k) + 1 : 0;
}

/** The share of draws whose critical size is at least `prepaymentFen` (P(red) at that fixed size). */
export function redShareAt(critical: ArrayLike<number>, prepaymentFen: number): number {
  const n = critical.length;
  if (n === 0) return 0;
  let red = 0;
  // Stryker disable next-line EqualityOperator: critical[n] is past the end, undefined, and undefined > 0 is false
  for (let d = 0; d < n; d++) if (critical[d]! > 0 && prepaymentFen <= critical[d]!) red++;
  return red / n;
}

/** A province's split and critical sizes from its pairs' peak outstanding claims. */
export interface CriticalSizes {
  /** Each pair's confidence quantile of peak outstanding claims (fen). */
  quantileFen: Float64Array;
  /** Each pair's share of the province's prepayment. */
  split: Float64Array;
  /** Per draw, the critical size K (0: no claims in that draw). */
  criticalFen: Float64Array;
}

/**
 * C5, C6: the split and critical sizes of one province from `peaks[j][d]`, pair j's peak
 * outstanding claims in draw d. When no pair has a positive quantile (claims too rare to reach the
 * confidence), pairs share by their mean peak instead.
 */
export function criticalSizes(
  peaks: readonly Float64Array[],
  confidence: number,
  red: number,
): CriticalSizes {
  const J = peaks.length;
  const D = J > 0 ? peaks[0]!.length : 0;
  const quantileFen = Float64Array.from(peaks, (p) => nearestRank(Float64Array.from(p).sort(), confidence));
  let total = quantileFen.reduce((a, b) => a + b, 0);
  const weight = Float64Array.from(quantileFen);
  if (total <= 0) {
    peaks.forEach((p, j) => (weight[j] = p.reduce((a, b) => a + b, 0) / Math.max(1, D)));
    total = weight.reduce((a, b) => a + b, 0);
  }
  const split = weight.map((w) => (total > 0 ? w / total : 0));
  const criticalFen = new Float64Array(D);
  for (let j = 0; j < J; j++) {
    const s = split[j]!;
    if (s <= 0) continue;
    const p = peaks[j]!;
    // Stryker disable next-line EqualityOperator: draw D is past the end of the peaks, so k is NaN, and NaN > x is false
    for (let d = 0; d < D; d++) {
      const k = p[d]! / (red * s);
      // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
      if (k > criticalFen[d]!) criticalFen[d] = k;
    }
  }
  return { quantileFen, split, criticalFen };
}

/**
 * A province's draws ready for bootstrap rounds: each draw's ratio max_j peak_j,d ÷ q_j (so that
 * K_d = Σ_j q_j ÷ red × ratio_d), sorted, with each sorted draw's group.
 */
export interface BootstrapBase {
  ratio: Float64Array;
  group: Uint32Array;
  quantileFen: Float64Array;
}

/** The {@link BootstrapBase} of a province from its pairs' peaks and quantiles; `groups` groups draws by d mod groups. */
export function bootstrapBase(
  peaks: readonly Float64Array[],
  quantileFen: Float64Array,
  groups: number,
): BootstrapBase {
  const D = peaks.length > 0 ? peaks[0]!.length : 0;
  const ratio = new Float64Array(D);
  peaks.forEach((p, j) => {
    const q = quantileFen[j]!;
    if (q <= 0) return;
    // Stryker disable next-line EqualityOperator: draw D is past the end of the peaks, so r is NaN, and NaN > x is false
    for (let d = 0; d < D; d++) {
      const r = p[d]! / q;
      // Stryker disable next-line EqualityOperator: a running maximum keeps the same value with >=
      if (r > ratio[d]!) ratio[d] = r;
    }
  });
  const order = Uint32Array.from({ length: D }, (_, d) => d).sort((a, b) => ratio[a]! - ratio[b]!);
  return {
    ratio: Float64Array.from(order, (d) => ratio[d]!),
    group: Uint32Array.from(order, (d) => d % groups),
    quantileFen,
  };
}

/**
 * The needed size in one bootstrap round: every pair's level scaled by its factor (its estimation
 * error) and, with grouped draws, the groups counted `groupWeight[g]` times (resampled). The split
 * is held at the full sample's, so the size is Σ_j f_j q_j ÷ red × the confidence quantile of the
 * ratios over the resampled draws (weighted nearest rank), plus one fen.
 */
export function bootstrapNeeded(
  base: BootstrapBase,
  pairFactor: ArrayLike<number>,
  groupWeight: ArrayLike<number>,
  confidence: number,
  red: number,
): number {
  let sum = 0;
  for (let j = 0; j < base.quantileFen.length; j++) sum += pairFactor[j]! * base.quantileFen[j]!;
  const D = base.ratio.length;
  if (sum <= 0 || D === 0) return 0;
  let total = 0;
  for (let x = 0; x < D; x++) total += groupWeight[base.group[x]!]!;
  const target = confidence * total - 1e-9;
  let acc = 0;
  // Stryker disable next-line EqualityOperator: acc reaches total ≥ target by draw D − 1 (confidence < 1), so the loop never gets to draw D
  for (let x = 0; x < D; x++) {
    acc += groupWeight[base.group[x]!]!;
    if (acc >= target) return Math.floor((base.ratio[x]! * sum) / red) + 1;
  }
  return Math.floor((base.ratio[D - 1]! * sum) / red) + 1;
}
