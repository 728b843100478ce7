/**
 * What the page's runs are asked for and hand back (运行请求与结果): a run's or a sweep's request,
 * the key that makes equal requests share one result, and the finished run or sweep with the prefix
 * of its DuckDB tables. The run service (src/ui/runs.ts) keeps finished ones by these keys.
 */
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import type { DrawYears } from '../runtime/drawWorkers';
import type { ScenarioRun } from '../runtime/scenarioRun';
import type { RunSummary } from '../runtime/summary';
import type { SweepRunResult } from '../runtime/sweep';
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
