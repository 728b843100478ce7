/**
 * Sampling noise in the Validation workspace (抽样噪声): calibration-2024 run again at the same scale
 * with further seeds (`seed/2` … `seed/n`, population and engine both) on the page's shared runs,
 * or the population generated again with them in the population worker, one after the other; and
 * each checked target's relative error over all the runs: mean, standard deviation and the runs in
 * which it fell outside, as the CLI's `--seeds n` gives them (engine and `validate`).
 */
import {
  type CalibrationRow,
  calibrationNoise,
  calibrationRows,
  type TargetNoise,
} from '../../engine/calibrationSpread';
import { spreadSeeds } from '../../population/seedSpread';
import type { PopulationValidationResult, ValidationRecord } from '../../runtime/populationValidation';
import type { RunProgress } from '../../runtime/progress';
import type { RunTask } from '../runController';
import type { CompletedRun } from '../runs';
import type { PopulationClient } from './populationClient';

/** Runs in all, the calibration's own included: its seed and four more. */
export const NOISE_SEEDS = 5;

/** What the noise runs report while they go on. */
export interface NoiseListener {
  /** Another workspace's run holds the pool: these runs wait for it. */
  waiting(): void;
  /** Progress of further run `part` (0-based) of `parts`. */
  progress(p: RunProgress, part: number, parts: number): void;
}

/**
 * Runs the scenario of the finished calibration run `first` again with the further seeds of a
 * spread of `seeds` runs, at the same scale, as part of `task`; returns each target's noise over
 * all of them. Rejects with RunCancelled when the task is cancelled or withdrawn.
 */
export async function runCalibrationNoise(
  task: RunTask,
  first: CompletedRun,
  listener: NoiseListener,
  seeds = NOISE_SEEDS,
): Promise<TargetNoise[]> {
  const { scenario, scaleK } = first.request;
  const start = scenario.window.start;
  const runs = [calibrationRows(first.run.result, start)];
  const further = spreadSeeds(scenario.seed, seeds).slice(1);
  for (const [part, seed] of further.entries()) {
    const completed = await task.run(
      { scenario: { ...scenario, seed }, scaleK, prepaymentModel: false },
      {
        onQueued: () => {
          if (task.current) listener.waiting();
        },
        onProgress: (_, p) => {
          if (task.current) listener.progress(p, part, further.length);
        },
      },
    );
    runs.push(calibrationRows(completed.run.result, start));
  }
  return calibrationNoise(runs);
}

/**
 * The population's checked targets as rows for the noise: reference and not-modelled targets and
 * lower bounds (tolerance 0) have no tolerance band to set σ against and are left out.
 */
export function checkedRows(records: readonly ValidationRecord[]): CalibrationRow[] {
  return records
    .filter((r) => (r.status === 'within' || r.status === 'outside') && r.tolerancePct > 0)
    .map((r) => ({ name: r.name, relError: r.relError, tolerancePct: r.tolerancePct, within: r.within }));
}

/**
 * Generates the population of the finished validation `first` again with the further seeds of a
 * spread of `seeds` runs, at the same scale, in the population worker of `client`; returns each
 * checked target's noise over all of them. `progress` hears the families of further run `part`
 * (0-based) of `parts`. Rejects with RunCancelled when the client is cancelled.
 */
export async function runPopulationNoise(
  client: PopulationClient,
  first: PopulationValidationResult,
  progress: (done: number, total: number, part: number, parts: number) => void,
  seeds = NOISE_SEEDS,
): Promise<TargetNoise[]> {
  const runs = [checkedRows(first.records)];
  const further = spreadSeeds(first.seed, seeds).slice(1);
  for (const [part, seed] of further.entries()) {
    const result = await client.validate(seed, first.scaleK, (done, total) =>
      progress(done, total, part, further.length),
    );
    runs.push(checkedRows(result.records));
  }
  return calibrationNoise(runs);
}
