/**
 * One measured run for `npm run bench` (基准单次运行), in a process of its own so that its peak
 * memory is its own: baseline-2026 at 1:k on N Node worker threads. The pool is warmed up first
 * (threads started, model loaded, a 1:10000 run) so the timed runs are the simulation itself. With
 * `--runs n` the same run is timed n times on the same pool, each time from a new input (as the
 * workbench sends one per run, so the workers load and prepare it again): the first run still pays
 * for the compiler's optimisation of the engine in fresh threads; the best of the later ones is what
 * a pool that has already run (as the workbench's, from its second run on) takes. Prints one JSON line.
 *
 * With `--paired` the process holds a 1-worker and a 2-worker pool and times their runs in
 * alternation (1, 2, 1, 2, …; `--runs` of each), so that the two runs of a pair are seconds apart
 * and the machine's drift between minutes stays out of their ratio, the speed-up. It then prints
 * one JSON line with both configurations (`PairedRuns`); the peak memory there is the two pools'.
 *
 *   npx tsx bench/benchRun.ts --scale 1:1000 --workers 2 [--runs 2]
 *   npx tsx bench/benchRun.ts --scale 1:1000 --paired --runs 9
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { engineInput, type EngineInput, type RangeResult } from '../src/engine';
import { calibrate, calibrationData } from '../src/population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../src/population/family/parameters';
import { loadDatasetFromDisk } from '../src/population/node';
import { spawnNodeWorker } from '../src/runtime/node';
import { WorkerPool } from '../src/runtime/pool';
import { simulateOnPool, type SimulationPool } from '../src/runtime/run';
import { toEngineParameters } from '../src/scenario/convert';
import { LIMITS, loadValidScenario, parseScale, parseWhole, readOptions } from '../src/cli/args';

const USAGE = 'usage: npx tsx bench/benchRun.ts --scale 1:k (--workers N | --paired) [--runs n]';

/** What one measured run reports. */
export interface MeasuredRun {
  scaleK: number;
  workers: number;
  personMonths: number;
  /** Wall time of the timed run, the best of the runs after the first when there are several. */
  seconds: number;
  /** Wall time of each timed run, in order (the first in threads that have only run the warm-up). */
  runSeconds: number[];
  /**
   * CPU time of the whole process (every thread: main side and workers) during the run that gave
   * `seconds`. Beside wall time it shows how much of a core the run really had: on a machine shared
   * with other work, wall time per core counts the time the threads waited for a core.
   */
  cpuSeconds: number;
  /** Peak resident memory of the whole process (main thread and workers), bytes. */
  peakRssBytes: number;
  /** Non-empty cells of the merged flow cube (month × sharer area × treatment area × use): the result's size. */
  flowCells: number;
  residualFen: number;
}

/** What a paired measurement reports: the same runs on 1 and on 2 workers, timed in alternation. */
export interface PairedRuns {
  one: MeasuredRun;
  two: MeasuredRun;
}

/** A pool of `workers` threads, warmed up, with its timed runs. */
interface TimedPool {
  workers: number;
  pool: SimulationPool;
  runSeconds: number[];
  runCpuSeconds: number[];
  result: RangeResult | null;
}

/** Times one run of a new input on the pool. */
async function timeRun(p: TimedPool, newInput: () => EngineInput): Promise<void> {
  // A new input object each run: the workers then load it, as they do for each workbench run.
  const input = newInput();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  p.result = await simulateOnPool(p.pool, input);
  p.runSeconds.push((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(c0);
  p.runCpuSeconds.push((cpu.user + cpu.system) / 1e6);
}

/** The pool's figures: the best of the runs after the first (or the only run). */
function measured(p: TimedPool, scaleK: number): MeasuredRun {
  const { result, runSeconds } = p;
  if (result === null) throw new Error('no run was timed');
  const seconds = Math.min(...(runSeconds.length > 1 ? runSeconds.slice(1) : runSeconds));
  return {
    scaleK,
    workers: p.workers,
    personMonths: result.personMonths / scaleK,
    seconds,
    runSeconds,
    cpuSeconds: p.runCpuSeconds[runSeconds.lastIndexOf(seconds)]!,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    flowCells: result.flows.size,
    residualFen: result.residual.reduce((s, r) => s + Math.abs(r), 0),
  };
}

async function main(): Promise<void> {
  const v = readOptions(
    process.argv.slice(2),
    {
      scale: { type: 'string' },
      workers: { type: 'string' },
      runs: { type: 'string' },
      paired: { type: 'boolean' },
    },
    USAGE,
  );
  const scaleK = parseScale(v.scale ?? '1:1000', USAGE);
  if (v.paired && v.workers !== undefined)
    throw new Error(`--paired times 1 and 2 workers itself; leave out --workers\n${USAGE}`);
  const workers = parseWhole(v.workers ?? '1', 'workers', 1, LIMITS.workers, USAGE);
  const runs = parseWhole(v.runs ?? '1', 'runs', 1, LIMITS.runs, USAGE);
  const here = new URL('.', import.meta.url);
  const scenario = await loadValidScenario(
    resolve(new URL('../scenarios/baseline-2026.json', here).pathname),
  );
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const params = toEngineParameters(scenario);
  const pools: TimedPool[] = (v.paired ? [1, 2] : [workers]).map((n) => ({
    workers: n,
    pool: new WorkerPool(spawnNodeWorker, n),
    runSeconds: [],
    runCpuSeconds: [],
    result: null,
  }));
  try {
    for (const p of pools) await simulateOnPool(p.pool, engineInput(params, model, dataset, 10_000));
    for (let r = 0; r < runs; r++)
      for (const p of pools) await timeRun(p, () => engineInput(params, model, dataset, scaleK));
    const figures = pools.map((p) => measured(p, scaleK));
    const out: MeasuredRun | PairedRuns = v.paired ? { one: figures[0]!, two: figures[1]! } : figures[0]!;
    console.log(JSON.stringify(out));
  } finally {
    for (const p of pools) p.pool.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`benchRun: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
