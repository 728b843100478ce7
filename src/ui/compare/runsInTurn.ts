/**
 * A comparison's scenarios run one after the other (依次运行), within one task of the workspace's run
 * controller, each with its replications, saying where they are as they go and, once they are done,
 * what the benchmark's hook wants to know.
 */
import type { Scenario } from '../../scenario';
import type { RunTask } from '../runController';
import type { RunsProgress } from './runsProgress';
import type { ShownRun } from './tables';

/** The runs done, and for the benchmark's hook the person-months simulated and the pool's time simulating them. */
export interface RunsDone {
  done: ShownRun[];
  personMonths: number;
  simulateMs: number;
}

/** What the runs tell the workspace while they go on, only while their task is current. */
export interface RunsListener {
  /** A run waits for another workspace's run to finish. */
  waiting(): void;
  /** The runs moved on (the same object each time within one scenario's run). */
  progress(progress: RunsProgress): void;
}

/**
 * Runs `chosen` one after the other in `task`, at one scale and number of replications, without the
 * prepayment model (Compare shows none of its figures). Null when the task was withdrawn meanwhile;
 * a failed or cancelled run throws.
 */
export async function runInTurn(
  task: RunTask,
  chosen: readonly { id: string; scenario: Scenario }[],
  settings: { scaleK: number; replications: number },
  listener: RunsListener,
): Promise<RunsDone | null> {
  const { scaleK, replications } = settings;
  const done: ShownRun[] = [];
  let personMonths = 0;
  let simulateMs = 0;
  for (const [k, c] of chosen.entries()) {
    const progress: RunsProgress = {
      i: k + 1,
      n: chosen.length,
      id: c.id,
      sample: 0,
      samples: replications + 1,
      p: null,
    };
    listener.progress(progress);
    const completed = await task.run(
      // Compare shows none of the prepayment model's figures: its draws are left for Prepayment.
      { scenario: c.scenario, scaleK, replications, prepaymentModel: false },
      {
        onQueued: () => {
          if (task.current) listener.waiting();
        },
        onStarted: () => {
          if (task.current) listener.progress(progress);
        },
        onProgress: (sample, p) => {
          if (!task.current) return;
          if (sample !== progress.sample) simulateMs += progress.p?.elapsedMs ?? 0;
          progress.sample = sample;
          progress.p = p;
          listener.progress(progress);
        },
      },
    );
    if (!task.current) return null;
    done.push({ id: c.id, run: completed });
    personMonths += ((replications + 1) * completed.run.result.personMonths) / scaleK;
    simulateMs += progress.p?.elapsedMs ?? 0;
  }
  return { done, personMonths, simulateMs };
}
