/**
 * The page's runs (页面运行服务): one worker pool and one DuckDB for every workspace. A run is a
 * scenario at a scale (and optionally with replications); it waits its turn in one queue, is
 * simulated on the Web Worker pool, cleared, summarized, fingerprinted and its tables loaded into
 * DuckDB under a prefix. A sweep (every combination of a sweep's values, src/runtime/sweep.ts) waits
 * in the same queue and loads its tables the same way. A run simulated elsewhere (a sharded run's
 * files, src/ui/runFiles.ts) is adopted: rebuilt and finished in the same queue, the same way. Finished
 * runs and sweeps are kept by key, so a workspace that asks again gets the same one at once. The
 * requests and their results are in runRequests.ts, the queue and its cancellation in runQueue.ts.
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
import { DrawWorkers } from '../runtime/drawWorkers';
import { checkConservation } from '../runtime/exactness';
import { resultDigest } from '../runtime/digest';
import { WorkerPool } from '../runtime/pool';
import { simulateOnPool, type SimulationPool } from '../runtime/run';
import { runScenario, type ScenarioRun } from '../runtime/scenarioRun';
import { runSummary } from '../runtime/summary';
import { runSweep } from '../runtime/sweep';
import { RunQueue, type RunJob, type RunOptions } from './runQueue';
import {
  type AdoptTools,
  type CompletedRun,
  type CompletedSweep,
  runKey,
  type RunRequest,
  type RunSource,
  sweepKey,
  type SweepRequest,
} from './runRequests';

export type { RunOptions, RunProgressListener } from './runQueue';
export type {
  AdoptTools,
  CompletedRun,
  CompletedSweep,
  RunRequest,
  RunSource,
  SweepRequest,
} from './runRequests';
export { runKey, sweepKey } from './runRequests';

/**
 * Runs scenarios in the page on one shared pool and database, one at a time, in the order they are
 * asked for (a queue, in the manner of a query coordinator): a request already finished returns at
 * once, one already queued or going on is shared, any other waits its turn. Finished runs are kept
 * by key, so a workspace that asks again gets the same run.
 */
export class RunService {
  readonly #database: () => Promise<Connector>;
  readonly #done = new Map<string, CompletedRun | CompletedSweep>();
  readonly #queue = new RunQueue();
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
    return this.#queue.busy;
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

  /** A request by key: finished, or handed to the queue (shared with one queued or going on). */
  #submit<T extends CompletedRun | CompletedSweep>(
    key: string,
    work: (job: RunJob) => Promise<T>,
    options: RunOptions,
  ): Promise<T> {
    const done = this.#done.get(key);
    if (done) return Promise.resolve(done as T);
    return this.#queue.submit(key, work, options);
  }

  /** The page's pool (started on first use). */
  #simulationPool(): SimulationPool {
    this.#pool ??= new WorkerPool(spawnBrowserWorker, defaultWorkers(this.nav));
    return this.#pool;
  }

  /** Runs every point of one job's sweep and loads its tables. */
  async #sweep(job: RunJob, request: SweepRequest): Promise<CompletedSweep> {
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
  async #simulate(job: RunJob, request: RunRequest): Promise<CompletedRun> {
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
