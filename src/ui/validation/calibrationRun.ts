/**
 * The calibration run of the Validation workspace (校准运行): calibration-2024 at the chosen scale on
 * the page's shared runs (waiting its turn in their queue, without the prepayment model, whose
 * figures the section does not show), turned into the rows of the calibration section.
 */
import type { RunProgress } from '../../runtime/progress';
import type { RunTask } from '../runController';
import type { CompletedRun } from '../runs';
import { bundledScenario } from '../scenarioFiles';
import { CALIBRATION_SCENARIO, calibrationRecords } from './calibration';
import type { TargetRecord } from './sections';

/** What the calibration run reports while it goes on. */
export interface CalibrationListener {
  /** Another workspace's run holds the pool: this run waits for it. */
  waiting(): void;
  /** Progress of the simulation. */
  progress(p: RunProgress): void;
}

/** A finished calibration run and its rows. */
export interface CalibrationOutcome {
  completed: CompletedRun;
  records: TargetRecord[];
}

/**
 * Runs calibration-2024 at 1:`scaleK` as part of `task` (waiting its turn in the page's queue) and
 * returns its rows. Rejects with RunCancelled when the task is cancelled or withdrawn.
 */
export async function runCalibration(
  task: RunTask,
  scaleK: number,
  listener: CalibrationListener,
): Promise<CalibrationOutcome> {
  const scenario = bundledScenario(CALIBRATION_SCENARIO);
  if (!scenario) throw new Error(`the bundled scenario ${CALIBRATION_SCENARIO} is missing or invalid`);
  const completed = await task.run(
    // The calibration reads only the sharing figures: the prepayment model is left out (as Compare does).
    { scenario, scaleK, prepaymentModel: false },
    {
      onQueued: () => {
        if (task.current) listener.waiting();
      },
      onProgress: (_, p) => {
        if (task.current) listener.progress(p);
      },
    },
  );
  return { completed, records: calibrationRecords(completed.run.result, scenario.window.start) };
}
