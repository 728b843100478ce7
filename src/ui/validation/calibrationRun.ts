/**
 * The calibration run of the Validation workspace (校准运行): calibration-2024 at the chosen scale on
 * the page's shared runs (waiting while another workspace's run goes on), turned into the rows of
 * the calibration section.
 */
import type { RunProgress } from '../../runtime/progress';
import type { CompletedRun, RunService } from '../runs';
import { bundledScenario } from '../scenarioFiles';
import { CALIBRATION_SCENARIO, calibrationRecords } from './calibration';
import type { TargetRecord } from './sections';

/** How often to look again whether another workspace's run has finished, in milliseconds. */
const WAIT_MS = 250;

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
 * Runs calibration-2024 at 1:`scaleK` on `runs` and returns its rows, or null when `current()` turns
 * false while waiting (a newer run or a cancel took over). `started` is called once the simulation
 * holds the pool, so the caller knows it may cancel it. Rejects with the pool's RunCancelled on cancel.
 */
export async function runCalibration(
  runs: RunService,
  win: Window,
  scaleK: number,
  current: () => boolean,
  listener: CalibrationListener & { started(): void },
): Promise<CalibrationOutcome | null> {
  const scenario = bundledScenario(CALIBRATION_SCENARIO);
  if (!scenario) throw new Error(`the bundled scenario ${CALIBRATION_SCENARIO} is missing or invalid`);
  const request = { scenario, scaleK };
  while (runs.busy && !runs.cached(request)) {
    listener.waiting();
    await new Promise((resolve) => win.setTimeout(resolve, WAIT_MS));
    if (!current()) return null;
  }
  listener.started();
  const completed = await runs.run(request, (_, p) => {
    if (current()) listener.progress(p);
  });
  return { completed, records: calibrationRecords(completed.run.result, scenario.window.start) };
}
