/**
 * The spread of the validation over seeds (种子间离散度): the same targets tallied with several seeds
 * at one scale, and for each target the mean and the standard deviation of its relative error. A
 * 1:k sample is an estimate: the standard deviation is the sampling noise at that scale, which tells
 * a miss by chance from a bias of the model.
 */
import type { ValidationRow } from './validate';

/** A target's relative error over several seeds. */
export interface SeedSpread {
  /** Runs the target was produced in. */
  seeds: number;
  /** Mean of (generated − published) / published over the runs. */
  meanRelError: number;
  /** Sample standard deviation (n − 1) of the relative error; 0 for a single run. */
  sdRelError: number;
}

/** The seeds of a spread of `n` runs: the scenario's `seed` first, then `seed/2` … `seed/n`. */
export function spreadSeeds(seed: string, n: number): string[] {
  if (!(Number.isInteger(n) && n >= 1))
    throw new RangeError(`spreadSeeds: n = ${n} is not a whole number ≥ 1`);
  return Array.from({ length: n }, (_, i) => (i === 0 ? seed : `${seed}/${i + 1}`));
}

/**
 * The spread of every target's relative error over `runs` (each the rows of one seed), by target
 * name, in the order the targets first appear.
 */
export function seedSpreads(
  runs: readonly (readonly Pick<ValidationRow, 'name' | 'relError'>[])[],
): Map<string, SeedSpread> {
  const errors = new Map<string, number[]>();
  for (const rows of runs) {
    for (const r of rows) {
      const list = errors.get(r.name);
      if (list) list.push(r.relError);
      else errors.set(r.name, [r.relError]);
    }
  }
  const out = new Map<string, SeedSpread>();
  for (const [name, xs] of errors) {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
    out.set(name, {
      seeds: xs.length,
      meanRelError: mean,
      sdRelError: xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0,
    });
  }
  return out;
}

/**
 * Whether a tolerance of `tolerancePct` percent is less than twice the noise `sdRelError` (σ of the
 * relative error): then a target may fall outside by chance alone at that scale.
 */
export function toleranceUnderTwoSigma(tolerancePct: number, sdRelError: number): boolean {
  return tolerancePct < 2 * 100 * sdRelError;
}

/**
 * The checked targets whose tolerance is less than twice their noise over seeds: at this scale
 * they may fall outside by chance alone, and a larger sample (a smaller k) is needed to judge them.
 * A lower bound (tolerance 0) is left out: it has no band to compare.
 */
export function noisierThanTolerance(
  rows: readonly ValidationRow[],
  spreads: ReadonlyMap<string, SeedSpread>,
): string[] {
  return rows
    .filter((r) => r.status === 'within' || r.status === 'outside')
    .filter((r) => r.tolerancePct > 0)
    .filter((r) => {
      const s = spreads.get(r.name);
      return s !== undefined && s.seeds > 1 && toleranceUnderTwoSigma(r.tolerancePct, s.sdRelError);
    })
    .map((r) => r.name);
}
