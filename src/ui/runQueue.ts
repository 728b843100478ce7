/**
 * The page's run queue (运行队列): requests wait their turn and run one at a time, in the order they
 * were asked for. A request whose key is already queued or going on is shared; each caller hears its
 * place in the queue, the start and the progress, and may withdraw: a job no caller waits for any
 * more leaves the queue, or is cancelled when it is going on. What a job does is the run service's
 * (src/ui/runs.ts); the queue only orders, shares and cancels.
 */
import { RunCancelled } from '../runtime/pool';
import type { RunProgress } from '../runtime/progress';

/**
 * Progress of a run: `run` 0 is the main simulation, 1… the replications. For a sweep, `run` counts
 * the simulations of the whole sweep: point p's sample s is p × (replications + 1) + s.
 */
export type RunProgressListener = (run: number, progress: RunProgress) => void;

/** What a caller of the run service's `run` hears about its request, and how it withdraws it. */
export interface RunOptions {
  /** While the request waits its turn: how many runs are ahead of it (the one going on included). */
  onQueued?(ahead: number): void;
  /** When its simulation starts. */
  onStarted?(): void;
  /** Progress of its simulations. */
  onProgress?: RunProgressListener;
  /**
   * Withdraws the request: the caller's promise rejects with RunCancelled at once; a run that no
   * caller waits for any more is taken out of the queue, or cancelled when it is going on.
   */
  signal?: AbortSignal;
}

/** One request in the queue, with everyone waiting for it. */
export interface RunJob {
  key: string;
  /** Does the job's work when its turn comes. */
  work: (job: RunJob) => Promise<unknown>;
  waiters: Set<RunOptions>;
  /** Aborts the simulation while it goes on. */
  abort: AbortController;
  running: boolean;
  promise: Promise<unknown>;
  resolve(completed: unknown): void;
  reject(error: unknown): void;
}

/**
 * Runs jobs one at a time in the order they are asked for (a queue, in the manner of a query
 * coordinator): a job already queued or going on under the same key is shared, any other waits its
 * turn. A job that fails or is cancelled does not stop the queue: the next one starts.
 */
export class RunQueue {
  readonly #queue: RunJob[] = [];
  #current: RunJob | null = null;

  /** Whether a job is going on or waiting. */
  get busy(): boolean {
    return this.#current !== null || this.#queue.length > 0;
  }

  /**
   * A request by key: shared with the job queued or going on under `key`, or queued with `work`.
   * Rejects with RunCancelled when `options.signal` has aborted or aborts, else follows the job.
   */
  submit<T>(key: string, work: (job: RunJob) => Promise<T>, options: RunOptions): Promise<T> {
    if (options.signal?.aborted) return Promise.reject(new RunCancelled());
    let job = this.#current?.key === key ? this.#current : this.#queue.find((j) => j.key === key);
    if (!job) {
      job = this.#enqueue(key, work);
      void this.#next();
    }
    return this.#wait(job, options) as Promise<T>;
  }

  /** Adds a job to the queue; its promise settles when it has run. */
  #enqueue(key: string, work: (job: RunJob) => Promise<unknown>): RunJob {
    const job = {
      key,
      work,
      waiters: new Set<RunOptions>(),
      abort: new AbortController(),
      running: false,
    } as RunJob;
    job.promise = new Promise<unknown>((resolve, reject) => Object.assign(job, { resolve, reject }));
    // A job every waiter has left may still reject: nobody listens, so it must not be unhandled.
    job.promise.catch(() => undefined);
    this.#queue.push(job);
    return job;
  }

  /** A caller's own promise for `job`: it follows the job, or rejects when the caller withdraws. */
  #wait(job: RunJob, options: RunOptions): Promise<unknown> {
    job.waiters.add(options);
    if (job.running) options.onStarted?.();
    else options.onQueued?.(this.#ahead(job));
    return new Promise<unknown>((resolve, reject) => {
      const leave = (): void => {
        job.waiters.delete(options);
        reject(new RunCancelled());
        if (job.waiters.size > 0) return;
        if (job.running) job.abort.abort();
        else this.#drop(job);
      };
      options.signal?.addEventListener('abort', leave, { once: true });
      job.promise.then(
        (c) => {
          options.signal?.removeEventListener('abort', leave);
          job.waiters.delete(options);
          resolve(c);
        },
        (e: unknown) => {
          options.signal?.removeEventListener('abort', leave);
          job.waiters.delete(options);
          reject(e);
        },
      );
    });
  }

  /** How many runs are ahead of a queued job, the one going on included. */
  #ahead(job: RunJob): number {
    return this.#queue.indexOf(job) + (this.#current ? 1 : 0);
  }

  /** Takes a job nobody waits for out of the queue and tells the others their new place. */
  #drop(job: RunJob): void {
    const at = this.#queue.indexOf(job);
    if (at < 0) return;
    this.#queue.splice(at, 1);
    job.reject(new RunCancelled());
    this.#tellPlaces();
  }

  #tellPlaces(): void {
    for (const j of this.#queue) for (const w of j.waiters) w.onQueued?.(this.#ahead(j));
  }

  /** Runs the queue's jobs one after another until it is empty. */
  async #next(): Promise<void> {
    if (this.#current) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#current = job;
    job.running = true;
    this.#tellPlaces();
    for (const w of job.waiters) w.onStarted?.();
    try {
      job.resolve(await job.work(job));
    } catch (error) {
      job.reject(error);
    } finally {
      this.#current = null;
      void this.#next();
    }
  }
}
