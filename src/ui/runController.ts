/**
 * One workspace's runs (工作区运行控制): what Compare, Prepayment and Validation each need from the
 * page's run service, in one place. A workspace begins a task (which withdraws its previous one),
 * runs requests within it, hears when they wait, start and progress, and cancels it; a task that is
 * no longer current is simply ignored, and cancellation is recognised one way.
 */
import { RunCancelled } from '../runtime/pool';
import type { CompletedRun, CompletedSweep, RunOptions, RunRequest, RunService, SweepRequest } from './runs';

/** Whether an error means a run was cancelled or withdrawn (not a failure to report). */
export function isCancelled(error: unknown): boolean {
  return error instanceof RunCancelled;
}

/** One task of a workspace: a run or a sequence of runs, until it finishes or is withdrawn. */
export class RunTask {
  readonly #abort = new AbortController();

  constructor(
    readonly runs: RunService,
    readonly isCurrent: (task: RunTask) => boolean,
  ) {}

  /** Whether this is still its controller's task and has not been cancelled. */
  get current(): boolean {
    return !this.#abort.signal.aborted && this.isCurrent(this);
  }

  /** Runs a request as part of this task (it waits its turn in the page's queue). */
  run(request: RunRequest, listener: Omit<RunOptions, 'signal'> = {}): Promise<CompletedRun> {
    return this.runs.run(request, { ...listener, signal: this.#abort.signal });
  }

  /** Runs a sweep as part of this task (it waits its turn in the page's queue like a run). */
  sweep(request: SweepRequest, listener: Omit<RunOptions, 'signal'> = {}): Promise<CompletedSweep> {
    return this.runs.sweep(request, { ...listener, signal: this.#abort.signal });
  }

  /** Withdraws the task: its queued requests leave the queue, its running one stops if nobody else waits for it. */
  cancel(): void {
    this.#abort.abort();
  }
}

/** The controller of one workspace: at most one task at a time. */
export class RunController {
  #task: RunTask | null = null;

  constructor(readonly runs: RunService) {}

  /** Begins a new task, cancelling the one before. */
  begin(): RunTask {
    this.#task?.cancel();
    const task = new RunTask(this.runs, (t) => t === this.#task);
    this.#task = task;
    return task;
  }

  /** Cancels the current task, if any. */
  cancel(): void {
    this.#task?.cancel();
    this.#task = null;
  }
}
