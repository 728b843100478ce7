/**
 * What the claims model holds and what is read from it (共济清算需求模型的结果): per province pair its
 * share of each use's national cross-province claims and its variance per fen, the national months
 * and one profile per group of draws; from these, a pair-month's expected claims and variance under
 * a group, and the spread of the run's national cross-province sharing. How the model is built from
 * a run's samples, and the three sources of spread it keeps apart, is in `claims.ts`.
 */
import { normalCdf } from '../population/random';

/** Number of uses in the cube (medical, pharmacy, resident contribution, LTC contribution). */
export const USES = 4;

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
