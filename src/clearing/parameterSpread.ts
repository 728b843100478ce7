/**
 * The parameter spread of the claims model (参数不确定性), source (c) in `claims.ts`: the national
 * profile of every replication that drew its parameters from the scenario's ranges, read as a level
 * and a trend against the replications' mean profile, and kept as spread only as far as sampling
 * noise does not explain it.
 */
import { USES } from './claimsModel';

/** One replication that drew its parameters: its national totals by use and month and their sampling variance. */
export interface ParameterSample {
  totalsFen: Float64Array;
  samplingFen2: Float64Array;
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
export function parameterGroups(
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
