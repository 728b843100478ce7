/**
 * The worker pool (工作线程池): runs the ranges of a plan on a fixed number of workers, adds their
 * results as they arrive, reports progress, and can be cancelled. A worker that fails fails the run
 * with a message naming its range, and so does a range that takes far longer than its share (the
 * watchdog, src/runtime/watchdog.ts); the pool then replaces its workers, so the next run starts clean.
 * The same pool serves Web Workers in the browser and worker_threads in Node: only `spawn` differs.
 */
import { withReason } from '../text/reason';
import type { FamilyRange } from './plan';
import { progressAt, type RunProgress } from './progress';
import { DEFAULT_WATCHDOG, RangeClock, RangeTimeout, withinTime, type WatchdogOptions } from './watchdog';

/** One worker, as the pool sees it. */
export interface RangeWorker<Job, Part> {
  /**
   * Works through the families of [from, to) under `job`. It may return that range's part, or
   * keep it (returning null) to hand over everything it kept at {@link flush}.
   */
  runRange(job: Job, from: number, to: number): Promise<Part | null>;
  /** Hands over (and forgets) what the worker kept from the ranges it ran since the last flush. */
  flush?(): Promise<Part | null>;
  /** Rejects when the worker dies outside a call (an uncaught error, an exit); never resolves. */
  readonly crashed: Promise<never>;
  /** Stops the worker at once. */
  terminate(): void;
}

/** Starts a worker. */
export type SpawnWorker<Job, Part> = () => RangeWorker<Job, Part>;

/** A run that stopped because one of its ranges failed. */
export class RangeFailure extends Error {
  constructor(
    readonly range: FamilyRange,
    cause: unknown,
  ) {
    const span = `${range.from}–${range.to - 1}`;
    super(
      withReason(
        {
          en: `range ${range.index} (sample positions ${span}) failed`,
          zh: `第 ${range.index} 段（样本位置 ${span}）运行失败`,
        },
        cause,
      ),
      { cause },
    );
    this.name = 'RangeFailure';
  }
}

/** A run that was cancelled before it finished. */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled / 运行已取消');
    this.name = 'RunCancelled';
  }
}

/** How to run a plan whose workers hand over `Part`s, added up into a `Total`. */
export interface PoolRunOptions<Part, Total = Part> {
  /**
   * Adds a worker's part into the running total (or starts it from `null`). It must be
   * order-independent — integer addition is — since parts arrive in any order.
   */
  merge(total: Total | null, part: Part): Total;
  /** Called after each finished range. */
  onProgress?(progress: RunProgress): void;
  /** Cancels the run when aborted. */
  signal?: AbortSignal;
  /** Milliseconds on a monotonic clock (default `performance.now`). */
  now?(): number;
  /** How long a range may take before it fails the run (default {@link DEFAULT_WATCHDOG}). */
  watchdog?: WatchdogOptions;
}

/** A fixed-size pool of range workers; one run at a time. */
export class WorkerPool<Job, Part> {
  #workers: RangeWorker<Job, Part>[] = [];
  #running = false;

  constructor(
    readonly spawn: SpawnWorker<Job, Part>,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`a pool needs at least one worker, got ${size}`);
  }

  /** Whether a run is going on. */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Runs every range of `ranges` under `job` and returns the merged result (`null` for no range).
   * Rejects with {@link RangeFailure} or {@link RunCancelled}; either way the pool stays usable.
   */
  async run<Total = Part>(
    job: Job,
    ranges: readonly FamilyRange[],
    options: PoolRunOptions<Part, Total>,
  ): Promise<Total | null> {
    if (this.#running) throw new Error('a run is already going on / 已有运行在进行');
    if (options.signal?.aborted) throw new RunCancelled();
    this.#running = true;
    try {
      return await this.#run(job, ranges, options);
    } finally {
      this.#running = false;
    }
  }

  /** Stops every worker; the next run starts new ones. */
  close(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }

  #run<Total>(
    job: Job,
    ranges: readonly FamilyRange[],
    options: PoolRunOptions<Part, Total>,
  ): Promise<Total | null> {
    const now = options.now ?? (() => performance.now());
    const started = now();
    const familiesTotal = ranges.reduce((s, r) => s + (r.to - r.from), 0);
    const clock = new RangeClock(options.watchdog ?? DEFAULT_WATCHDOG);
    while (this.#workers.length < this.size) this.#workers.push(this.spawn());
    const workers = this.#workers.slice(0, Math.max(1, Math.min(this.size, ranges.length)));
    let next = 0;
    let done = 0;
    let familiesDone = 0;
    let total: Total | null = null;
    let stopped = false;

    return new Promise<Total | null>((resolve, reject) => {
      const stop = (error: Error): void => {
        if (stopped) return;
        stopped = true;
        options.signal?.removeEventListener('abort', onAbort);
        this.close();
        reject(error);
      };
      const onAbort = (): void => stop(new RunCancelled());
      options.signal?.addEventListener('abort', onAbort);

      const add = (part: Part | null): void => {
        if (part !== null) total = options.merge(total, part);
      };
      const work = async (w: RangeWorker<Job, Part>, index: number): Promise<void> => {
        let first = true;
        while (!stopped && next < ranges.length) {
          const range = ranges[next++]!;
          const families = range.to - range.from;
          const limit = clock.limitMs(families);
          const began = now();
          let part: Part | null;
          try {
            const answer = Promise.race([w.runRange(job, range.from, range.to), w.crashed]);
            part = await withinTime(answer, limit, () => new RangeTimeout(families, limit));
          } catch (error) {
            stop(new RangeFailure(range, error));
            return;
          }
          if (stopped) return;
          // A worker's first range of a run also starts it and loads the run: not a rate to learn from.
          if (!first) clock.observe(families, now() - began);
          first = false;
          add(part);
          done += 1;
          familiesDone += range.to - range.from;
          options.onProgress?.(progressAt(familiesDone, familiesTotal, done, ranges.length, now() - started));
        }
        if (stopped || !w.flush) return;
        try {
          const limit = clock.limitMs(0);
          const answer = Promise.race([w.flush(), w.crashed]);
          add(await withinTime(answer, limit, () => new RangeTimeout(0, limit)));
        } catch (error) {
          const what = {
            en: `collecting the results of worker ${index} failed`,
            zh: `汇总第 ${index} 个线程的结果失败`,
          };
          stop(new Error(withReason(what, error), { cause: error }));
        }
      };
      if (ranges.length === 0) {
        options.signal?.removeEventListener('abort', onAbort);
        resolve(null);
        return;
      }
      void Promise.all(workers.map((w, i) => work(w, i))).then(() => {
        if (stopped) return;
        stopped = true;
        options.signal?.removeEventListener('abort', onAbort);
        resolve(total);
      });
    });
  }
}
