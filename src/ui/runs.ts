/**
 * The page's runs (页面运行服务): one worker pool and one DuckDB for every workspace. A run is a
 * scenario at a scale (and optionally with replications); it waits its turn in one queue, is
 * simulated on the Web Worker pool, cleared, summarized, fingerprinted and its tables loaded into
 * DuckDB under a prefix. A sweep (every combination of a sweep's values, src/runtime/sweep.ts) waits
 * in the same queue and loads its tables the same way. A run simulated elsewhere (a sharded run's
 * files, src/ui/runFiles.ts) is adopted: rebuilt and finished in the same queue, the same way. Finished
 * runs and sweeps are kept by key, so a workspace that asks again gets the same one at once.
 */
import type { Connector } from '../analytics/connector';
import { loadTable } from '../analytics/load';
import { runTables } from '../analytics/runTables';
import { sweepTables } from '../analytics/sweepTables';
import { loadBundledDataset } from '../population/bundled';
import { calibrate, calibrationData, type PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { defaultWorkers, spawnBrowserDrawWorker, spawnBrowserWorker } from '../runtime/browser';
import { DrawWorkers, type DrawYears } from '../runtime/drawWorkers';
import { checkConservation } from '../runtime/exactness';
import { resultDigest } from '../runtime/digest';
import { RunCancelled, WorkerPool } from '../runtime/pool';
import type { RunProgress } from '../runtime/progress';
import { simulateOnPool, type SimulationPool } from '../runtime/run';
import { runScenario, type ScenarioRun } from '../runtime/scenarioRun';
import { runSummary, type RunSummary } from '../runtime/summary';
import { runSweep, type SweepRunResult } from '../runtime/sweep';
import type { Scenario } from '../scenario/schema';
import type { SweepPoint, SweptParameter } from '../scenario/sweep';

/** What to run. */
export interface RunRequest {
  scenario: Scenario;
  /** k of scale 1:k. */
  scaleK: number;
  /** Replications (default 0): further samples, with parameters drawn when the scenario gives ranges. */
  replications?: number;
  /**
   * Whether the run answers the prepayment model and loads its tables (default true). Compare, which
   * shows none of its figures, asks without; `run.prepaymentAt` still answers later.
   */
  prepaymentModel?: boolean;
}

/** A finished run, with its tables in DuckDB. */
export interface CompletedRun {
  /** The request's key (scenario content, scale, replications). */
  key: string;
  request: RunRequest;
  run: ScenarioRun;
  summary: RunSummary;
  /** SHA-256 of the merged results: equal for equal runs, whatever the workers or the platform. */
  digest: string;
  /** Prefix of its DuckDB tables: `<prefix>_flows`, `<prefix>_monthly`, … */
  tablePrefix: string;
  /** Table names (without prefix) loaded for this run. */
  tables: string[];
  seconds: number;
  /** Where the run came from when the page did not simulate it (absent for the page's own runs). */
  source?: RunSource;
}

/** A run the page finished but did not simulate: the shards of a sharded run, opened from files. */
export interface RunSource {
  kind: 'files';
  /** Number of shards n. */
  shards: number;
  /** The shards as the picked files name them, 1…n. */
  labels: string[];
  /** The engine version the shards were built with. */
  engineVersion: string;
  /** Picked files that were passed over (not shard files). */
  ignored: string[];
}

/** What a run made elsewhere is finished with: the page's population and prepayment draw workers. */
export interface AdoptTools {
  population: { dataset: Dataset; model: PopulationModel };
  drawYears: DrawYears;
}

/** What to sweep: every point at one scale, each with the same replications. */
export interface SweepRequest {
  parameters: readonly SweptParameter[];
  points: readonly SweepPoint[];
  scaleK: number;
  replications: number;
}

/** A finished sweep, with its tables (`<prefix>_sweep`, `<prefix>_sweep_provinces`) in DuckDB. */
export interface CompletedSweep {
  key: string;
  request: SweepRequest;
  result: SweepRunResult;
  tablePrefix: string;
  seconds: number;
}

/**
 * Progress of a run: `run` 0 is the main simulation, 1… the replications. For a sweep, `run` counts
 * the simulations of the whole sweep: point p's sample s is p × (replications + 1) + s.
 */
export type RunProgressListener = (run: number, progress: RunProgress) => void;

/** What a caller of {@link RunService.run} hears about its request, and how it withdraws it. */
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

/** The key of a request: equal keys mean equal results. */
export function runKey(request: RunRequest): string {
  return JSON.stringify([
    request.scenario,
    request.scaleK,
    request.replications ?? 0,
    request.prepaymentModel ?? true,
  ]);
}

/** The key of a sweep request: equal keys mean equal results. */
export function sweepKey(request: SweepRequest): string {
  return JSON.stringify([
    'sweep',
    request.points.map((p) => p.scenario),
    request.scaleK,
    request.replications,
  ]);
}

/** One request in the service's queue, with everyone waiting for it. */
interface Job {
  key: string;
  /** Does the job's work when its turn comes. */
  work: (job: Job) => Promise<unknown>;
  waiters: Set<RunOptions>;
  /** Aborts the simulation while it goes on. */
  abort: AbortController;
  running: boolean;
  promise: Promise<unknown>;
  resolve(completed: unknown): void;
  reject(error: unknown): void;
}

/**
 * Runs scenarios in the page on one shared pool and database, one at a time, in the order they are
 * asked for (a queue, in the manner of a query coordinator): a request already finished returns at
 * once, one already queued or going on is shared, any other waits its turn. Finished runs are kept
 * by key, so a workspace that asks again gets the same run.
 */
export class RunService {
  readonly #database: () => Promise<Connector>;
  readonly #done = new Map<string, CompletedRun | CompletedSweep>();
  readonly #queue: Job[] = [];
  #current: Job | null = null;
  #pool: SimulationPool | null = null;
  #draws: DrawWorkers | null = null;
  #population: { dataset: Dataset; model: PopulationModel } | null = null;
  #dataset: Dataset | null = null;
  #count = 0;
  readonly #openedListeners: ((run: CompletedRun) => void)[] = [];

  constructor(
    readonly nav: Navigator,
    database: () => Promise<Connector>,
  ) {
    this.#database = database;
  }

  /** The bundled dataset (loaded on first use; no calibration). */
  dataset(): Dataset {
    this.#dataset ??= loadBundledDataset();
    return this.#dataset;
  }

  /** The bundled dataset and the calibrated population model (built on first use). */
  population(): { dataset: Dataset; model: PopulationModel } {
    if (!this.#population) {
      const dataset = this.dataset();
      this.#population = { dataset, model: calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS) };
    }
    return this.#population;
  }

  /** Whether a run is going on or waiting. */
  get busy(): boolean {
    return this.#current !== null || this.#queue.length > 0;
  }

  /** The finished run of `request`, if there is one. */
  cached(request: RunRequest): CompletedRun | undefined {
    return this.#done.get(runKey(request)) as CompletedRun | undefined;
  }

  /**
   * Runs `request` when its turn comes (or returns its finished run). Rejects with the pool's
   * RunCancelled when `options.signal` aborts, or a RangeFailure naming the range when a worker
   * fails; the service stays usable and goes on with the next request.
   */
  run(request: RunRequest, options: RunOptions = {}): Promise<CompletedRun> {
    return this.#submit(runKey(request), (job) => this.#simulate(job, request), options);
  }

  /**
   * Runs every point of a sweep when its turn comes (or returns the finished sweep), on the same pool
   * and in the same queue as runs; its tables go into DuckDB. Cancelled and failed as a run is.
   */
  sweep(request: SweepRequest, options: RunOptions = {}): Promise<CompletedSweep> {
    return this.#submit(sweepKey(request), (job) => this.#sweep(job, request), options);
  }

  /**
   * Finishes a run simulated elsewhere when its turn comes, as the page finishes its own: `make`
   * rebuilds it (e.g. from a sharded run's files, with clearing and the prepayment model on the
   * page's draw workers); it is then summarized, checked, fingerprinted and its tables loaded, kept
   * under `key` with its `source`, and announced to {@link onOpened} listeners.
   */
  adopt(
    key: string,
    request: RunRequest,
    source: RunSource,
    make: (tools: AdoptTools) => Promise<ScenarioRun>,
    options: RunOptions = {},
  ): Promise<CompletedRun> {
    return this.#submit(
      key,
      async (job) => {
        const started = performance.now();
        const population = this.population();
        const run = await make({ population, drawYears: this.#drawWorkers().draw });
        const completed = await this.#finish(job.key, request, run, started, source);
        for (const listener of this.#openedListeners) listener(completed);
        return completed;
      },
      options,
    );
  }

  /** The runs opened from files, in the order they were finished. */
  opened(): CompletedRun[] {
    return [...this.#done.values()].filter((d): d is CompletedRun => 'source' in d && d.source !== undefined);
  }

  /** Calls `listener` with each run opened from files when it is finished. */
  onOpened(listener: (run: CompletedRun) => void): void {
    this.#openedListeners.push(listener);
  }

  /** Forgets a run opened from files (its tables stay in DuckDB until the page closes). */
  forget(key: string): void {
    const done = this.#done.get(key);
    if (done && 'source' in done && done.source !== undefined) this.#done.delete(key);
  }

  /** A request by key: finished, shared with one queued or going on, or queued. */
  #submit<T extends CompletedRun | CompletedSweep>(
    key: string,
    work: (job: Job) => Promise<T>,
    options: RunOptions,
  ): Promise<T> {
    const done = this.#done.get(key);
    if (done) return Promise.resolve(done as T);
    if (options.signal?.aborted) return Promise.reject(new RunCancelled());
    let job = this.#current?.key === key ? this.#current : this.#queue.find((j) => j.key === key);
    if (!job) {
      job = this.#enqueue(key, work);
      void this.#next();
    }
    return this.#wait(job, options) as Promise<T>;
  }

  /** Adds a job to the queue; its promise settles when it has run. */
  #enqueue(key: string, work: (job: Job) => Promise<unknown>): Job {
    const job = {
      key,
      work,
      waiters: new Set<RunOptions>(),
      abort: new AbortController(),
      running: false,
    } as Job;
    job.promise = new Promise<unknown>((resolve, reject) => Object.assign(job, { resolve, reject }));
    // A job every waiter has left may still reject: nobody listens, so it must not be unhandled.
    job.promise.catch(() => undefined);
    this.#queue.push(job);
    return job;
  }

  /** A caller's own promise for `job`: it follows the job, or rejects when the caller withdraws. */
  #wait(job: Job, options: RunOptions): Promise<unknown> {
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
  #ahead(job: Job): number {
    return this.#queue.indexOf(job) + (this.#current ? 1 : 0);
  }

  /** Takes a job nobody waits for out of the queue and tells the others their new place. */
  #drop(job: Job): void {
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

  /** The page's pool (started on first use). */
  #simulationPool(): SimulationPool {
    this.#pool ??= new WorkerPool(spawnBrowserWorker, defaultWorkers(this.nav));
    return this.#pool;
  }

  /** Runs every point of one job's sweep and loads its tables. */
  async #sweep(job: Job, request: SweepRequest): Promise<CompletedSweep> {
    const started = performance.now();
    const population = this.population();
    const pool = this.#simulationPool();
    const samples = request.replications + 1;
    const result = await runSweep(
      request.points,
      population,
      (input, options) => simulateOnPool(pool, input, options),
      {
        scaleK: request.scaleK,
        replications: request.replications,
        signal: job.abort.signal,
        onProgress: (p) => {
          for (const w of job.waiters) w.onProgress?.(p.point * samples + p.sample, p.run);
        },
      },
    );
    const tablePrefix = `sweep${++this.#count}`;
    const db = await this.#database();
    for (const table of sweepTables(request.parameters, result, population.dataset.provinces.length)) {
      await loadTable(db, { ...table, name: `${tablePrefix}_${table.name}` });
    }
    const completed: CompletedSweep = {
      key: job.key,
      request,
      result,
      tablePrefix,
      seconds: (performance.now() - started) / 1000,
    };
    this.#done.set(job.key, completed);
    return completed;
  }

  /** Simulates, clears, summarizes and loads one job's run. */
  async #simulate(job: Job, request: RunRequest): Promise<CompletedRun> {
    const { key } = job;
    const started = performance.now();
    const population = this.population();
    const draws = this.#drawWorkers();
    const pool = this.#simulationPool();
    const run = await runScenario(
      request.scenario,
      population,
      (input, options) => simulateOnPool(pool, input, options),
      {
        scaleK: request.scaleK,
        replications: request.replications ?? 0,
        onProgress: (r, p) => {
          for (const w of job.waiters) w.onProgress?.(r, p);
        },
        signal: job.abort.signal,
        drawYears: draws.draw,
        prepaymentModel: request.prepaymentModel ?? true,
      },
    );
    return this.#finish(key, request, run, started);
  }

  /** The page's draw workers for the prepayment model (started on first use). */
  #drawWorkers(): DrawWorkers {
    this.#draws ??= new DrawWorkers(spawnBrowserDrawWorker, defaultWorkers(this.nav));
    return this.#draws;
  }

  /** Summarizes, checks, fingerprints and loads a run, and keeps it under `key`. */
  async #finish(
    key: string,
    request: RunRequest,
    run: ScenarioRun,
    started: number,
    source?: RunSource,
  ): Promise<CompletedRun> {
    const { dataset } = this.population();
    const summary = runSummary(run, dataset);
    checkConservation(summary.conservationResidualFen);
    const digest = await resultDigest(run.result);
    const tablePrefix = `run${++this.#count}`;
    const db = await this.#database();
    const tables = runTables(run, dataset);
    for (const table of tables) await loadTable(db, { ...table, name: `${tablePrefix}_${table.name}` });
    const completed: CompletedRun = {
      key,
      request,
      run,
      summary,
      digest,
      tablePrefix,
      tables: tables.map((t) => t.name),
      seconds: (performance.now() - started) / 1000,
      ...(source ? { source } : {}),
    };
    this.#done.set(key, completed);
    return completed;
  }
}
