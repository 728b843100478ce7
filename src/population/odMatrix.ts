/**
 * The estimated origin–destination matrix of inter-provincial migrants (跨省流动人口 OD 矩阵), 2020:
 * persons by hukou province (origin) × residence province (destination).
 *
 * No published 31×31 table was found (census yearbook table 7-3 is not available as text), so the
 * matrix is estimated:
 * 1. Origin totals: Henan (16.1M) and Anhui (11.52M) are fixed at their published outflows; every
 *    other origin gets `population × (wage / mean wage)^(−β)` (people leave low-wage provinces more),
 *    scaled so that all origins add up to the census national total; a published lower bound
 *    (Sichuan "more than 10M") is enforced by fixing the origin at the bound when the scaled value
 *    falls short, raised by the shortfalls of that origin's published corridor lower bounds in a
 *    first fit (Sichuan → Zhejiang ≥ 1M), since "more than" is not met by the bound itself.
 * 2. Gravity seed: `d^(−γ)` with `d` the great-circle distance between provincial capitals; the
 *    diagonal is zero (only moves between provinces count).
 * 3. Iterative proportional fitting (Furness) scales rows and columns until every column reproduces
 *    the census inflow of its destination and every row its origin total; the masses of the gravity
 *    model are the balancing factors.
 * 4. β and γ are chosen on a fixed grid to minimise the squared log error against the published
 *    corridor counts marked `fit` in `corridors.csv` (Beijing 2020 census, residents by hukou
 *    province); the other corridors are only reported.
 * 5. Flows are rounded to whole persons column by column (largest remainder), so column totals stay
 *    exact.
 * Pure and deterministic: the committed `data/od-matrix.csv` is this function's output, and a test
 * rebuilds it.
 */
import type { Corridor, Province } from './dataset';
import { greatCircleKm } from './geo';

/** The province fields the matrix is built from. */
export type OdProvince = Pick<
  Province,
  'code2' | 'population' | 'inflow' | 'wageYuan' | 'outflow' | 'outflowBound' | 'capitalLat' | 'capitalLon'
>;

/** Model parameters: wage elasticity β of the outflow propensity and distance decay γ. */
export interface OdParameters {
  wageElasticity: number;
  distanceDecay: number;
}

function steps(from: number, to: number, step: number): number[] {
  const n = Math.round((to - from) / step);
  return Array.from({ length: n + 1 }, (_, k) => Math.round((from + k * step) * 1000) / 1000);
}

/** The grid searched for β and γ. */
export const PARAMETER_GRID = {
  wageElasticity: steps(0, 8, 0.25),
  distanceDecay: steps(0, 3, 0.05),
} as const;

/** Great-circle distances (km) between provincial capitals, row-major. */
export function capitalDistances(provinces: readonly OdProvince[]): Float64Array {
  const n = provinces.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = provinces[i]!;
      const b = provinces[j]!;
      d[i * n + j] = i === j ? 0 : greatCircleKm(a.capitalLat, a.capitalLon, b.capitalLat, b.capitalLon);
    }
  }
  return d;
}

/** Origin totals and which origins are held at a published value or bound. */
export interface OriginTotals {
  totals: Float64Array;
  /** Per origin: 'exact' (published), 'lower' (held at a published lower bound) or 'model'. */
  kind: ('exact' | 'lower' | 'model')[];
}

/**
 * Origin totals for wage elasticity β: published exact outflows are kept; the rest share the
 * remainder of the national total in proportion to `population × (wage / mean)^(−β)`, with published
 * lower bounds enforced. `floors` (per origin, optional) raise an origin's lower bound above the
 * published one ({@link corridorFloors}).
 */
export function originTotals(
  provinces: readonly OdProvince[],
  wageElasticity: number,
  floors?: Float64Array,
): OriginTotals {
  const n = provinces.length;
  const total = provinces.reduce((s, p) => s + p.inflow, 0);
  const people = provinces.reduce((s, p) => s + p.population, 0);
  const meanWage = provinces.reduce((s, p) => s + p.wageYuan * p.population, 0) / people;
  const totals = new Float64Array(n);
  const kind: OriginTotals['kind'] = provinces.map((p) => (p.outflowBound === 'exact' ? 'exact' : 'model'));
  const propensity = provinces.map((p) => p.population * Math.pow(p.wageYuan / meanWage, -wageElasticity));
  for (;;) {
    let fixed = 0;
    let free = 0;
    const bound = (i: number): number => Math.max(provinces[i]!.outflow!, floors?.[i] ?? 0);
    for (let i = 0; i < n; i++) {
      if (kind[i] === 'model') free += propensity[i]!;
      else fixed += bound(i);
    }
    const remainder = total - fixed;
    if (!(remainder > 0) || !(free > 0)) throw new RangeError('published outflows exceed the national total');
    let raised = false;
    for (let i = 0; i < n; i++) {
      const p = provinces[i]!;
      if (kind[i] !== 'model') {
        totals[i] = bound(i);
        continue;
      }
      totals[i] = (propensity[i]! / free) * remainder;
      if (p.outflowBound === 'lower' && totals[i]! < bound(i)) {
        kind[i] = 'lower';
        raised = true;
      }
    }
    if (!raised) return { totals, kind };
  }
}

/**
 * Lower bounds, above the published ones, for origins held at a published lower bound: a bound such
 * as Sichuan's "more than 10M" says only "more than", and the same origin's published corridor
 * lower bounds (Sichuan → Zhejiang ≥ 1M) say by how much at least. Each such origin's floor is its
 * total plus the shortfalls of its corridors of medium or high reliability in the fitted flows;
 * other origins get 0.
 */
export function corridorFloors(
  flows: Float64Array,
  provinces: readonly OdProvince[],
  corridors: readonly Corridor[],
  origins: OriginTotals,
): Float64Array {
  const n = provinces.length;
  const index = new Map(provinces.map((p, i) => [p.code2, i]));
  const floors = new Float64Array(n);
  for (const c of corridors) {
    const i = index.get(c.origin);
    const j = index.get(c.destination);
    if (c.metric !== 'lower-bound' || c.reliability === 'low') continue;
    if (i === undefined || j === undefined || origins.kind[i] !== 'lower') continue;
    floors[i] = (floors[i] || origins.totals[i]!) + Math.max(0, c.value - flows[i * n + j]!);
  }
  return floors;
}

/** Result of iterative proportional fitting. */
export interface IpfResult {
  flows: Float64Array;
  iterations: number;
  /** Largest relative gap between a row sum and its target after the last column step. */
  maxRowError: number;
}

/**
 * Fits `seed` (row-major, zero diagonal) to the row and column totals by alternately scaling rows and
 * columns; stops when every row is within `tolerance` (relative) or after `maxIterations`.
 */
export function fitProportions(
  seed: Float64Array,
  rows: Float64Array,
  columns: Float64Array,
  tolerance = 1e-12,
  maxIterations = 20000,
): IpfResult {
  const n = rows.length;
  const f = Float64Array.from(seed);
  let maxRowError = Infinity;
  let it = 0;
  while (it < maxIterations && maxRowError > tolerance) {
    it++;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += f[i * n + j]!;
      const k = s > 0 ? rows[i]! / s : 0;
      for (let j = 0; j < n; j++) f[i * n + j]! *= k;
    }
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += f[i * n + j]!;
      const k = s > 0 ? columns[j]! / s : 0;
      for (let i = 0; i < n; i++) f[i * n + j]! *= k;
    }
    maxRowError = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += f[i * n + j]!;
      maxRowError = Math.max(maxRowError, Math.abs(s - rows[i]!) / rows[i]!);
    }
  }
  return { flows: f, iterations: it, maxRowError };
}

/** The gravity seed `d^(−γ)` with a zero diagonal. */
export function gravitySeed(distances: Float64Array, distanceDecay: number): Float64Array {
  return distances.map((d) => (d > 0 ? Math.pow(d, -distanceDecay) : 0));
}

/** Mean squared natural-log error of the matrix against the corridor counts marked `fit`. */
export function corridorFitError(
  flows: Float64Array,
  provinces: readonly OdProvince[],
  corridors: readonly Corridor[],
): number {
  const n = provinces.length;
  const index = new Map(provinces.map((p, i) => [p.code2, i]));
  let sum = 0;
  let count = 0;
  for (const c of corridors) {
    if (c.use !== 'fit' || c.metric !== 'count') continue;
    const model = flows[index.get(c.origin)! * n + index.get(c.destination)!]!;
    sum += Math.log(model / c.value) ** 2;
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/**
 * Rounds to whole persons column by column: floors, then gives the missing persons to the largest
 * fractional parts (ties to the lower origin index), so every column sums exactly to its total.
 */
export function roundByColumn(flows: Float64Array, columns: Float64Array): Float64Array {
  const n = columns.length;
  const out = flows.map(Math.floor);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += out[i * n + j]!;
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => i !== j)
      .sort((a, b) => flows[b * n + j]! - out[b * n + j]! - (flows[a * n + j]! - out[a * n + j]!) || a - b);
    for (let k = 0; k < Math.round(columns[j]! - s); k++) out[order[k % order.length]! * n + j]! += 1;
  }
  return out;
}

/** Everything the build produces, for the CSV and the fit report. */
export interface OdBuild {
  parameters: OdParameters;
  /** Mean squared log error against the `fit` corridors at the chosen parameters. */
  fitError: number;
  origins: OriginTotals;
  /** The fitted flows before rounding. */
  fitted: IpfResult;
  /** The matrix in whole persons, row-major origin × destination. */
  od: Float64Array;
}

/** Builds the matrix from the provinces (in table order) and the published corridors. */
export function buildOdMatrix(provinces: readonly OdProvince[], corridors: readonly Corridor[]): OdBuild {
  const distances = capitalDistances(provinces);
  const columns = Float64Array.from(provinces, (p) => p.inflow);
  const seeds = PARAMETER_GRID.distanceDecay.map((g) => gravitySeed(distances, g));
  let best: OdParameters = { wageElasticity: 0, distanceDecay: 0 };
  let bestError = Infinity;
  for (const beta of PARAMETER_GRID.wageElasticity) {
    const rows = originTotals(provinces, beta).totals;
    PARAMETER_GRID.distanceDecay.forEach((gamma, g) => {
      const fit = fitProportions(seeds[g]!, rows, columns, 1e-9, 2000);
      const error = corridorFitError(fit.flows, provinces, corridors);
      if (error < bestError) {
        bestError = error;
        best = { wageElasticity: beta, distanceDecay: gamma };
      }
    });
  }
  const seed = gravitySeed(distances, best.distanceDecay);
  const first = originTotals(provinces, best.wageElasticity);
  const floors = corridorFloors(
    fitProportions(seed, first.totals, columns).flows,
    provinces,
    corridors,
    first,
  );
  const origins = originTotals(provinces, best.wageElasticity, floors);
  const fitted = fitProportions(seed, origins.totals, columns);
  return {
    parameters: best,
    fitError: corridorFitError(fitted.flows, provinces, corridors),
    origins,
    fitted,
    od: roundByColumn(fitted.flows, columns),
  };
}

/** The matrix as CSV text: header `origin,<code2>…`, one row per origin, whole persons. */
export function odMatrixCsv(provinces: readonly Pick<Province, 'code2'>[], od: Float64Array): string {
  const n = provinces.length;
  const lines = [['origin', ...provinces.map((p) => p.code2)].join(',')];
  for (let i = 0; i < n; i++) {
    lines.push([provinces[i]!.code2, ...Array.from(od.subarray(i * n, (i + 1) * n), String)].join(','));
  }
  return lines.join('\n') + '\n';
}
