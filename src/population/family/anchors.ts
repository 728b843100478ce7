/**
 * Anchor-age weights (家庭锚定年龄权重): how often each age of the eldest middle-generation sibling
 * occurs, solved so that the expected population has the published age shares. Among all weightings
 * that hit the shares exactly, it takes the one closest to uniform (least relative entropy): weights
 * ∝ exp(λ·g(a)), with λ found by Newton's method on the convex dual.
 */
import { CELLS, countAges } from './expectation';

/** Published age shares (fractions of the whole population). */
export interface AgeShares {
  age0to14: number;
  age15to59: number;
  age60plus: number;
  age65plus: number;
}

/**
 * The three independent bands the solver matches ([0,14], [60,64], [65,∞)); [15,59] follows from
 * the total. Each is [from, to, target share].
 */
function bands(s: AgeShares): [number, number, number][] {
  const sum = s.age0to14 + s.age15to59 + s.age60plus;
  if (Math.abs(sum - 1) > 0.005) {
    throw new RangeError(`age shares 0–14, 15–59 and 60+ must add up to 1, got ${sum.toFixed(4)}`);
  }
  if (!(s.age65plus > 0 && s.age65plus < s.age60plus)) {
    throw new RangeError('age share 65+ must be positive and below the share 60+');
  }
  return [
    [0, 14, s.age0to14],
    [60, 64, s.age60plus - s.age65plus],
    [65, Infinity, s.age65plus],
  ];
}

/** Solves a 3×3 linear system by Cramer's rule; returns null when it is singular. */
function solve3(m: number[][], v: number[]): number[] | null {
  const det = (a: number[][]): number =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  if (!Number.isFinite(d) || Math.abs(d) < 1e-300) return null;
  return [0, 1, 2].map((c) => det(m.map((row, r) => row.map((x, k) => (k === c ? v[r]! : x)))) / d);
}

/**
 * Weights (summing to 1) over the anchors of `perAnchorTotal` (one histogram per anchor, as from
 * anchorHistograms) that give the expected population exactly the shares `shares`. Throws when the
 * family model cannot reach them.
 */
export function solveAnchorWeights(perAnchorTotal: Float64Array, shares: AgeShares): Float64Array {
  const n = perAnchorTotal.length / CELLS;
  const b = bands(shares);
  // g[a][j]: expected members of anchor a in band j minus the target share of its expected size.
  const g = Array.from({ length: n }, (_, a) => {
    const h = perAnchorTotal.subarray(a * CELLS, (a + 1) * CELLS);
    const size = countAges(h, 0, Infinity);
    return b.map(([from, to, share]) => countAges(h, from, to) - share * size);
  });
  // Converged when the expected band excesses are zero to within rounding of the family sizes.
  const tolerance = 1e-12 * Math.max(...g.map((x) => Math.max(...x.map(Math.abs))));
  let lambda = [0, 0, 0];
  const weightsAt = (l: number[]): Float64Array => {
    const e = g.map((x) => x[0]! * l[0]! + x[1]! * l[1]! + x[2]! * l[2]!);
    const top = Math.max(...e);
    const w = Float64Array.from(e, (x) => Math.exp(x - top));
    const sum = w.reduce((s, x) => s + x, 0);
    return w.map((x) => x / sum);
  };
  const dual = (l: number[]): number => {
    const e = g.map((x) => x[0]! * l[0]! + x[1]! * l[1]! + x[2]! * l[2]!);
    const top = Math.max(...e);
    return top + Math.log(e.reduce((s, x) => s + Math.exp(x - top), 0) / n);
  };
  for (let iter = 0; iter < 200; iter++) {
    const w = weightsAt(lambda);
    const mean = [0, 1, 2].map((j) => g.reduce((s, x, a) => s + w[a]! * x[j]!, 0));
    if (Math.hypot(...mean) < tolerance) return w;
    const cov = [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => g.reduce((s, x, a) => s + w[a]! * (x[i]! - mean[i]!) * (x[j]! - mean[j]!), 0)),
    );
    const step = solve3(cov, mean);
    if (!step) break;
    let t = 1;
    const f0 = dual(lambda);
    let next = lambda.map((x, j) => x - t * step[j]!);
    // Within rounding of the dual a full step is taken: near the optimum the dual is flat.
    while (dual(next) > f0 + 1e-12 && t > 1e-10) {
      t /= 2;
      next = lambda.map((x, j) => x - t * step[j]!);
    }
    lambda = next;
  }
  throw new RangeError(
    'the family model cannot reach the published age shares with its anchor ages; widen anchorAge or change the family parameters',
  );
}
