/**
 * The calibration's sampling noise (校准目标的种子间离散度): the 2024 calibration targets of the same
 * scenario run with several seeds at one scale, and for each target its relative error in the
 * scenario's own run, the mean and standard deviation over the runs, and in how many runs it fell
 * outside its tolerance. A 1:k run is an estimate of the whole population: the standard deviation
 * is the noise of that estimate, and a miss far beyond it is a bias of the model, not chance.
 */
import { seedSpreads, toleranceUnderTwoSigma } from '../population/seedSpread';
import { calibrationTargets } from './calibrationTargets';
import type { RangeResult } from './result';

/** A calibration target of one run, as the Validation workspace's rows give it. */
export interface CalibrationRow {
  /** Target key, e.g. `geo/same-province/amount`. */
  name: string;
  /** (model − published) / published. */
  relError: number;
  /** Tolerance in percent. */
  tolerancePct: number;
  /** Whether the run's value is within the tolerance. */
  within: boolean;
}

/**
 * The calibration targets of a run as rows: relative error (model − published) / published, within
 * when its absolute value is at most the tolerance (as in the Validation workspace).
 */
export function calibrationRows(result: RangeResult, firstMonth: string): CalibrationRow[] {
  return calibrationTargets(result, firstMonth).map(([name, , , , published, model, tolerancePct]) => {
    const relError = (model - published) / published;
    return { name, relError, tolerancePct, within: Math.abs(relError) <= tolerancePct / 100 };
  });
}

/** A target's sampling noise over several seeds. */
export interface TargetNoise {
  /** Target key. */
  name: string;
  /** Relative error in the scenario's own run (the first). */
  relError: number;
  /** Mean of the relative error over the runs. */
  meanRelError: number;
  /** Sample standard deviation (n − 1) of the relative error over the runs. */
  sdRelError: number;
  /** Tolerance in percent. */
  tolerancePct: number;
  /** Runs in which the target fell outside its tolerance. */
  outside: number;
  /** Runs, the first included. */
  seeds: number;
  /** The tolerance is less than twice σ: at this scale the target may miss by chance. */
  noisy: boolean;
}

/**
 * Each target's noise over `runs` (each the calibration rows of one seed, the scenario's own seed
 * first), in the first run's order. Needs two runs or more.
 */
export function calibrationNoise(runs: readonly (readonly CalibrationRow[])[]): TargetNoise[] {
  const first = runs[0];
  if (!first || runs.length < 2) throw new RangeError('calibrationNoise: needs runs of two seeds or more');
  const spreads = seedSpreads(runs);
  return first.map((r) => {
    const s = spreads.get(r.name)!;
    return {
      name: r.name,
      relError: r.relError,
      meanRelError: s.meanRelError,
      sdRelError: s.sdRelError,
      tolerancePct: r.tolerancePct,
      outside: runs.filter((rows) => rows.find((x) => x.name === r.name)?.within === false).length,
      seeds: runs.length,
      noisy: toleranceUnderTwoSigma(r.tolerancePct, s.sdRelError),
    };
  });
}

/** A signed percentage with one decimal, e.g. `+1.6%`. */
const signedPct = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;

/**
 * The lines of the noise report for `runs` (each the calibration rows of one seed, the scenario's
 * own seed first) at 1:`k`: one line per target of the first run, then the targets whose tolerance
 * is less than twice their noise (they may miss by chance at this scale).
 */
export function calibrationSpreadReport(runs: readonly (readonly CalibrationRow[])[], k: number): string[] {
  if (runs.length < 2) throw new RangeError('calibrationSpreadReport: needs runs of two seeds or more');
  const noise = calibrationNoise(runs);
  const width = Math.max(...noise.map((r) => r.name.length));
  const lines = [
    `sampling noise over ${runs.length} seeds at 1:${k} (relative error: this seed, mean over seeds, σ; runs outside):`,
    ...noise.map(
      (r) =>
        `  ${r.name.padEnd(width)}  ${signedPct(r.relError).padStart(7)}  mean ${signedPct(r.meanRelError).padStart(7)}` +
        `  σ ${(100 * r.sdRelError).toFixed(1)}%  ±${r.tolerancePct}%  outside in ${r.outside} of ${r.seeds}`,
    ),
  ];
  const noisy = noise.filter((r) => r.noisy).map((r) => r.name);
  lines.push(
    noisy.length === 0
      ? 'every tolerance is more than twice its σ: a verdict at this scale is not chance'
      : `tolerance under twice σ (may miss by chance at this scale; use a smaller k): ${noisy.join(', ')}`,
  );
  return lines;
}
