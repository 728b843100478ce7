/**
 * Differences against a baseline, with intervals (差异及其区间): a figure of a scenario minus the
 * same figure of a baseline, run at the same seed. Scenarios run at the same seed share their random
 * numbers (the same families, the same draws for the same events), and replication r of both runs at
 * the same derived seed, so the differences are paired: replication by replication, much of the
 * sampling noise cancels.
 *
 * The interval is for the difference in the whole population, not in the 1:k sample, and says which
 * sources of spread it holds, as the prepayment model does:
 * - sampling noise of the 1:k sample: removed. Over replications the paired differences vary by
 *   s², which at 1:k is about k times the whole population's own year-to-year variance (a 1:k
 *   sample weighted by k sums 1/k of the families, each k times); so that variance is s² ÷ k;
 * - the whole population's year-to-year randomness: included (s² ÷ k);
 * - the estimate's own error: included (s² ÷ n over n replications), which shrinks with more
 *   replications and at finer scales;
 * - parameter uncertainty, when the scenarios give ranges: included. Replication r of both scenarios
 *   draws the same parameters, so its difference is a function of them plus noise: a least-squares
 *   line on the drawn parameters splits s² into what the parameters explain (kept in full, with the
 *   little noise a fitted line picks up, on the safe side) and the residual, which is sampling noise
 *   and is divided by k as above. With too few replications for the line (fewer than the parameters + 3), the noise
 *   cannot be told apart and s² stays in full: a wider interval, on the safe side, and it says so.
 * A normal interval at the chosen coverage; a difference whose interval holds 0 is within noise.
 */

/** The change of one figure against the baseline. */
export interface Difference {
  /** Mean of the figure over the replications, scenario and baseline. */
  value: number;
  baseline: number;
  /** value − baseline (the mean of the paired differences). */
  change: number;
  /** change ÷ baseline; null when the baseline is 0. */
  changeShare: number | null;
  /** The interval of the change at `coverage`; null with fewer than 2 replications. */
  interval: [number, number] | null;
  /** Whether the interval holds 0 (null without an interval). */
  withinNoise: boolean | null;
  /** How the sampling noise was handled. */
  sampling: 'removed' | 'kept (too few replications to separate it from the parameters)';
}

/** What {@link difference} needs besides the values. */
export interface DifferenceOptions {
  /** k of scale 1:k. */
  scaleK: number;
  /** Coverage of the interval (default 0.9). */
  coverage?: number;
  /** The drawn parameters of each replication (the same for both scenarios); empty without ranges. */
  parameters?: readonly (readonly number[])[];
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Least squares of `y` on the columns of `x` (rows: observations) with an intercept: the fitted
 * values. Columns that do not vary are left out; solved by Gauss–Jordan on the centred normal equations.
 */
export function fittedValues(
  y: readonly number[],
  x: readonly (readonly number[])[],
): { fitted: number[]; columns: number } {
  const n = y.length;
  const width = x[0]?.length ?? 0;
  const cols: number[][] = [];
  for (let j = 0; j < width; j++) {
    const col = x.map((row) => row[j]!);
    const m = mean(col);
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - m) ** 2, 0) / n);
    if (sd > 0) cols.push(col.map((v) => (v - m) / sd));
  }
  const ym = mean(y);
  const p = cols.length;
  if (p === 0) return { fitted: y.map(() => ym), columns: 0 };
  // Normal equations A b = c on centred data.
  const A = cols.map((ci) => [
    ...cols.map((cj) => ci.reduce((s, v, r) => s + v * cj[r]!, 0)),
    ci.reduce((s, v, r) => s + v * (y[r]! - ym), 0),
  ]);
  for (let i = 0; i < p; i++) {
    let pivot = i;
    for (let r = i + 1; r < p; r++) if (Math.abs(A[r]![i]!) > Math.abs(A[pivot]![i]!)) pivot = r;
    [A[i], A[pivot]] = [A[pivot]!, A[i]!];
    const d = A[i]![i]!;
    if (Math.abs(d) < 1e-12 * n) return { fitted: y.map(() => ym), columns: 0 };
    for (let k = i; k <= p; k++) A[i]![k] = A[i]![k]! / d;
    for (let r = 0; r < p; r++) {
      if (r === i) continue;
      const f = A[r]![i]!;
      for (let k = i; k <= p; k++) A[r]![k] = A[r]![k]! - f * A[i]![k]!;
    }
  }
  const beta = A.map((row) => row[p]!);
  return { fitted: y.map((_, r) => ym + cols.reduce((s, col, j) => s + beta[j]! * col[r]!, 0)), columns: p };
}

/**
 * The difference of `scenario` against `baseline`: values of one figure per replication (index r
 * of both at the same seed), at scale 1:k, with the replications' drawn parameters when they drew any.
 */
export function difference(
  scenario: readonly number[],
  baseline: readonly number[],
  options: DifferenceOptions,
): Difference {
  const n = scenario.length;
  if (n === 0 || baseline.length !== n) {
    throw new RangeError(
      `paired differences need as many values on each side, got ${n} and ${baseline.length}`,
    );
  }
  const d = scenario.map((x, i) => x - baseline[i]!);
  const change = mean(d);
  const base = mean(baseline);
  const out: Difference = {
    value: mean(scenario),
    baseline: base,
    change,
    changeShare: base !== 0 ? change / base : null,
    interval: null,
    withinNoise: null,
    sampling: 'removed',
  };
  if (n < 2) return out;
  const s2 = d.reduce((s, x) => s + (x - change) ** 2, 0) / (n - 1);
  const k = options.scaleK;
  let population = s2 / k;
  const parameters = options.parameters ?? [];
  const width = parameters[0]?.length ?? 0;
  if (width > 0) {
    if (parameters.length !== n)
      throw new RangeError(`parameters for ${parameters.length} of ${n} replications`);
    if (n >= width + 3) {
      const { fitted, columns } = fittedValues(d, parameters);
      const rss = d.reduce((s, x, r) => s + (x - fitted[r]!) ** 2, 0);
      const noise = rss / (n - columns - 1);
      // What the line explains holds the parameters' spread and, on the safe side, the part of the
      // noise a fitted line picks up (about columns ÷ (n − 1) of it): at coarse scales, where the
      // noise hides the parameters' effect, subtracting it would read their spread as zero.
      const explained = fitted.reduce((s, f) => s + (f - change) ** 2, 0) / (n - 1);
      population = explained + noise / k;
    } else {
      population = s2;
      out.sampling = 'kept (too few replications to separate it from the parameters)';
    }
  }
  const half = normalQuantile(0.5 + (options.coverage ?? 0.9) / 2) * Math.sqrt(population + s2 / n);
  out.interval = [change - half, change + half];
  out.withinNoise = change - half <= 0 && 0 <= change + half;
  return out;
}

/** The drawn parameters of a run's samples as rows, in the order of `paths` (for {@link difference}). */
export function parameterRows(
  samples: readonly Record<string, number>[],
  paths: readonly string[],
): number[][] {
  return samples.map((s) => paths.map((p) => s[p] ?? NaN));
}

/** The figures of two runs of src/runtime/figures.ts, as their runs keep them. */
export interface FigureRuns {
  figureSamples: readonly Record<string, number>[];
  sampleParameters: readonly Record<string, number>[];
  ranged: boolean;
}

/** One figure's difference, named. */
export interface NamedDifference extends Difference {
  key: string;
}

/**
 * Every figure of `run` against `baseline` (the same number of replications; runs at the same seed
 * pair up). The drawn parameters are the scenario run's, at every path either run drew.
 */
export function figureDifferences(
  run: FigureRuns,
  baseline: FigureRuns,
  keys: readonly string[],
  options: { scaleK: number; coverage?: number },
): NamedDifference[] {
  if (run.figureSamples.length !== baseline.figureSamples.length) {
    throw new RangeError(
      `the runs have ${run.figureSamples.length} and ${baseline.figureSamples.length} samples: run both with the same replications`,
    );
  }
  const paths = [
    ...new Set([
      ...Object.keys(run.sampleParameters[0] ?? {}),
      ...Object.keys(baseline.sampleParameters[0] ?? {}),
    ]),
  ].sort();
  const rows = run.sampleParameters.map((s, r) =>
    paths.map((p) => s[p] ?? baseline.sampleParameters[r]![p]!),
  );
  const ranged = run.ranged || baseline.ranged;
  return keys.map((key) => ({
    key,
    ...difference(
      run.figureSamples.map((f) => f[key]!),
      baseline.figureSamples.map((f) => f[key]!),
      { scaleK: options.scaleK, coverage: options.coverage, parameters: ranged ? rows : [] },
    ),
  }));
}
