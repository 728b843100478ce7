/**
 * The page's runs (页面运行服务): one worker pool and one DuckDB for every workspace. A run is a
 * scenario at a scale (and optionally with replications); it is simulated on the Web
 * Worker pool, cleared, summarized, fingerprinted and its tables loaded into DuckDB under a prefix.
 * Finished runs are kept by key, so a workspace that asks again gets the same run at once.
 */
import type { Connector } from '../analytics/connector';
import { loadTable } from '../analytics/load';
import { runTables } from '../analytics/runTables';
import { loadBundledDataset } from '../population/bundled';
import { calibrate, calibrationData, type PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { defaultWorkers, spawnBrowserDrawWorker, spawnBrowserWorker } from '../runtime/browser';
import { DrawWorkers } from '../runtime/drawWorkers';
import { resultDigest } from '../runtime/digest';
import { WorkerPool } from '../runtime/pool';
import type { RunProgress } from '../runtime/progress';
import { simulateOnPool, type SimulationPool } from '../runtime/run';
import { runScenario, type ScenarioRun } from '../runtime/scenarioRun';
import { runSummary, type RunSummary } from '../runtime/summary';
import type { Scenario } from '../scenario/schema';

/** What to run. */
export interface RunRequest {
  scenario: Scenario;
  /** k of scale 1:k. */
  scaleK: number;
  /** Replications (default 0): further samples, with parameters drawn when the scenario gives ranges. */
  replications?: number;
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
}

/** Progress of a run: `run` 0 is the main simulation, 1… the replications. */
export type RunProgressListener = (run: number, progress: RunProgress) => void;

/** The key of a request: equal keys mean equal results. */
export function runKey(request: RunRequest): string {
  return JSON.stringify([request.scenario, request.scaleK, request.replications ?? 0]);
}

/** Runs scenarios in the page, one at a time, on a shared pool and database. */
export class RunService {
  readonly #database: () => Promise<Connector>;
  readonly #done = new Map<string, CompletedRun>();
  readonly #listeners = new Set<(run: CompletedRun) => void>();
  #pool: SimulationPool | null = null;
  #draws: DrawWorkers | null = null;
  #population: { dataset: Dataset; model: PopulationModel } | null = null;
  #dataset: Dataset | null = null;
  #count = 0;
  #controller: AbortController | null = null;

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

  /** Whether a run is going on. */
  get busy(): boolean {
    return this.#controller !== null;
  }

  /** The finished run of `request`, if there is one. */
  cached(request: RunRequest): CompletedRun | undefined {
    return this.#done.get(runKey(request));
  }

  /** Every finished run, oldest first. */
  completed(): CompletedRun[] {
    return [...this.#done.values()];
  }

  /** Calls `listener` after each finished run; returns the unsubscribe function. */
  onRun(listener: (run: CompletedRun) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Runs `request` (or returns its finished run). Rejects with the pool's RunCancelled after
   * {@link cancel}, or a RangeFailure naming the range when a worker fails; the service stays usable.
   */
  async run(request: RunRequest, onProgress?: RunProgressListener): Promise<CompletedRun> {
    const key = runKey(request);
    const done = this.#done.get(key);
    if (done) return done;
    if (this.#controller) throw new Error('a run is already going on / 已有运行在进行');
    const controller = new AbortController();
    this.#controller = controller;
    const started = performance.now();
    try {
      const population = this.population();
      this.#pool ??= new WorkerPool(spawnBrowserWorker, defaultWorkers(this.nav));
      this.#draws ??= new DrawWorkers(spawnBrowserDrawWorker, defaultWorkers(this.nav));
      const pool = this.#pool;
      const run = await runScenario(
        request.scenario,
        population,
        (input, options) => simulateOnPool(pool, input, options),
        {
          scaleK: request.scaleK,
          replications: request.replications ?? 0,
          onProgress,
          signal: controller.signal,
          drawYears: this.#draws.draw,
        },
      );
      const summary = runSummary(run, population.dataset);
      const digest = await resultDigest(run.result);
      const tablePrefix = `run${++this.#count}`;
      const db = await this.#database();
      const tables = runTables(run, population.dataset);
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
      };
      this.#done.set(key, completed);
      for (const listener of this.#listeners) listener(completed);
      return completed;
    } finally {
      this.#controller = null;
    }
  }

  /** Cancels the run going on, if any. */
  cancel(): void {
    this.#controller?.abort();
  }
}
