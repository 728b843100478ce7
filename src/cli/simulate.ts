/**
 * `npm run simulate` (模拟): runs a scenario on Node worker threads, clears it, optionally runs the
 * prepayment model, writes every table as Parquet and CSV through DuckDB, and prints a summary (or,
 * with --json, the summary as JSON).
 *
 *   npm run simulate -- --scenario scenarios/baseline-2026.json --scale 1:1000 [--replications R]
 *                       [--confidence 0.95] [--workers N] [--out <dir>] [--trace p1,p2,…]
 *                       [--baseline <file.json>] [--json]
 *   npm run simulate -- --sweep <sweep.json> [--scale 1:k] [--replications R] [--workers N] [--out <dir>] [--json]
 *   npm run simulate -- --scenario <file.json> [--scale 1:k] [--replications R] [--workers N] --shard i/n --out <dir> [--json]
 *
 * --shard runs only shard i of n of the families and writes its raw results to
 * `<dir>/shard-IIII-of-NNNN` (src/cli/shard.ts); `npm run merge` adds the n shards up and clears them.
 *
 * --baseline runs a second scenario at the first one's seed, scale and replications and reports
 * every figure's change against it with an interval (src/runtime/differences.ts).
 *
 * --sweep runs every combination of a sweep file's parameter values on its base scenario
 * (src/scenario/sweep.ts, src/cli/sweep.ts) and writes the `sweep` and `sweep_provinces` tables.
 *
 * --trace lists sample positions (0 … families at 1:k − 1) whose full posting log, with rule ids, is
 * written as the `postings` table: those families are simulated once more, alone, on the same path.
 *
 * Before any work the arguments are checked (plain decimal numbers within {@link LIMITS}, no option
 * twice), then the scenario, then --out (see {@link OutputFolder}); the trace positions are checked
 * against the families at 1:k before the run. Tables are written to `<out>.tmp-<pid>` and that
 * folder replaces <out> only when every table is written; on failure it is removed and an earlier
 * <out> stays as it was.
 */
import { pathToFileURL } from 'node:url';
import { exportTable, placeNames } from '../analytics/exportTables';
import { postingTable, runTables } from '../analytics/runTables';
import { simulateRange } from '../engine';
import { formatStamp } from '../rules/time';
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { loadDatasetFromDisk } from '../population/node';
import { DrawWorkers } from '../runtime/drawWorkers';
import { defaultWorkers, spawnNodeDrawWorker, spawnNodeWorker } from '../runtime/node';
import { ConservationFailure } from '../runtime/exactness';
import { WorkerPool } from '../runtime/pool';
import { simulateOnPool } from '../runtime/run';
import { differencesAgainst, differencesText } from './differences';
import { loadSweep, runSweepCommand, sweepText } from './sweep';
import { runScenario } from '../runtime/scenarioRun';
import { resultDigest } from '../runtime/digest';
import { runSummary } from '../runtime/summary';
import { sampleSize } from '../population/generate';
import {
  ArgumentError,
  LIMITS,
  loadValidScenario,
  parseConfidence,
  parseScale,
  parseWhole,
  parseWholeList,
  readOptions,
} from './args';
import { OutputFolder } from './outputFolder';
import { parseShard, runShard, type ShardChoice } from './shard';
import { summaryText } from './summaryText';
import type { Scenario } from '../scenario/schema';

const USAGE =
  'usage: npm run simulate -- --scenario <file.json> [--scale 1:k] [--replications R] [--confidence 0.95] [--workers N] [--out <dir>] [--trace p1,p2,…] [--baseline <file.json>] [--json]\n' +
  '   or: npm run simulate -- --sweep <sweep.json> [--scale 1:k] [--replications R] [--workers N] [--out <dir>] [--json]\n' +
  '   or: npm run simulate -- --scenario <file.json> [--scale 1:k] [--replications R] [--workers N] --shard i/n --out <dir> [--json]';

/** Parsed command line. */
export interface SimulateArgs {
  /** The scenario file, or null for a sweep. */
  scenario: string | null;
  /** The sweep file, or null for a scenario. */
  sweep: string | null;
  scaleK: number;
  replications: number;
  /** Confidence of the needed prepayment. */
  confidence: number;
  workers: number;
  out: string | null;
  json: boolean;
  /** Sample positions of families whose full posting log is kept. */
  trace: number[];
  /** A scenario file to report differences against, or null. */
  baseline: string | null;
  /** The shard to run (its raw results written under --out), or null for the whole run. */
  shard: ShardChoice | null;
}

/** Parses the arguments; throws an {@link ArgumentError} that says what is wrong and how to call it. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const v = readOptions(
    argv,
    {
      scenario: { type: 'string' },
      scale: { type: 'string', default: '1:1000' },
      replications: { type: 'string', default: '0' },
      confidence: { type: 'string', default: '0.95' },
      workers: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      trace: { type: 'string' },
      baseline: { type: 'string' },
      sweep: { type: 'string' },
      shard: { type: 'string' },
    },
    USAGE,
  );
  if (v.shard !== undefined) {
    // A shard writes raw results for a later merge: one scenario, no clearing or figures of its own.
    for (const other of ['sweep', 'baseline', 'trace'] as const) {
      if (v[other] !== undefined) {
        throw new ArgumentError(
          `--${other} 不能与 --shard 同用 / --${other} cannot be given with --shard\n${USAGE}`,
          other,
        );
      }
    }
    if (v.out === undefined) {
      throw new ArgumentError(
        `--shard 需要 --out（分片目录）/ --shard needs --out (the shards' folder)\n${USAGE}`,
        'out',
      );
    }
  }
  if (v.scenario === undefined && v.sweep === undefined)
    throw new ArgumentError(
      `--scenario 或 --sweep 为必填 / --scenario or --sweep is required\n${USAGE}`,
      'scenario',
    );
  if (v.sweep !== undefined) {
    // A sweep names its own base scenario; a baseline, traces and a confidence belong to one run.
    for (const other of ['scenario', 'baseline', 'trace', 'confidence'] as const) {
      const given =
        other === 'confidence'
          ? argv.some((a) => a === '--confidence' || a.startsWith('--confidence='))
          : v[other] !== undefined;
      if (given) {
        throw new ArgumentError(
          `--${other} 不能与 --sweep 同用（扫描文件自带基准方案）/ --${other} cannot be given with --sweep (the sweep file names its base scenario)\n${USAGE}`,
          other,
        );
      }
    }
  }
  return {
    scenario: v.scenario ?? null,
    sweep: v.sweep ?? null,
    scaleK: parseScale(v.scale, USAGE),
    replications: parseWhole(v.replications, 'replications', 0, LIMITS.replications, USAGE),
    confidence: parseConfidence(v.confidence, 'confidence', USAGE),
    workers:
      v.workers === undefined
        ? Math.min(defaultWorkers(), LIMITS.workers)
        : parseWhole(v.workers, 'workers', 1, LIMITS.workers, USAGE),
    out: v.out ?? null,
    json: v.json,
    trace:
      v.trace === undefined
        ? []
        : parseWholeList(
            v.trace,
            'trace',
            { min: 0, max: LIMITS.tracePosition, maxItems: LIMITS.traceFamilies },
            USAGE,
          ),
    baseline: v.baseline ?? null,
    shard: v.shard === undefined ? null : parseShard(v.shard, USAGE),
  };
}

async function main(): Promise<void> {
  const args = parseSimulateArgs(process.argv.slice(2));
  if (args.sweep !== null) return sweepMain(args, args.sweep);
  const scenario = await loadValidScenario(args.scenario!);
  if (args.shard !== null) return shardMain(args, args.shard, scenario);
  const baseline = args.baseline === null ? null : await loadValidScenario(args.baseline);
  const output = args.out === null ? null : OutputFolder.prepare(args.out);
  try {
    await simulateAndWrite(args, scenario, output, baseline);
  } finally {
    output?.discard();
  }
}

/** Runs one shard and prints where its files went (as JSON with --json). */
async function shardMain(args: SimulateArgs, choice: ShardChoice, scenario: Scenario): Promise<void> {
  const report = await runShard(scenario, {
    ...choice,
    scaleK: args.scaleK,
    replications: args.replications,
    workers: args.workers,
    outRoot: args.out!,
  });
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const { from, to } = report.identity;
  console.log(
    `分片 shard ${choice.shard}/${choice.shards}: families ${from}–${to - 1} of ${report.identity.families} ` +
      `(${to - from}), ${args.replications + 1} samples, ${report.seconds.toFixed(1)} s on ${args.workers} workers`,
  );
  console.log(
    `写出 written to ${report.folder}: ${report.files.map((f) => `${f.table} (${f.rows} rows)`).join(', ')}`,
  );
}

/** Runs a sweep on the worker pool and writes its tables; prints the summary. */
async function sweepMain(args: SimulateArgs, path: string): Promise<void> {
  const loaded = await loadSweep(path);
  const output = args.out === null ? null : OutputFolder.prepare(args.out);
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const pool = new WorkerPool(spawnNodeWorker, args.workers);
  const started = performance.now();
  try {
    const { result, written } = await runSweepCommand(
      loaded,
      { dataset, model },
      (input, options) => simulateOnPool(pool, input, options),
      { scaleK: args.scaleK, replications: args.replications, output },
    );
    const seconds = (performance.now() - started) / 1000;
    if (args.json) {
      const provinces = dataset.provinces.map((p) => p.code2);
      const points = result.points.map((p) => ({
        ...p,
        provinces: Object.fromEntries(p.provinces.map((line, i) => [provinces[i]!, line])),
      }));
      console.log(
        JSON.stringify(
          {
            sweep: loaded.sweep,
            ...result,
            points,
            seconds,
            workers: args.workers,
            out: args.out,
            tables: written,
          },
          null,
          2,
        ),
      );
    } else {
      console.log(sweepText(loaded, result));
      console.log(`\n用时 ${seconds.toFixed(1)} s on ${args.workers} workers`);
      if (written.length > 0) {
        console.log(
          `写出 written to ${args.out}: ${written.map((t) => `${t.name} (${t.rows} rows)`).join(', ')}`,
        );
      }
    }
  } finally {
    pool.close();
    output?.discard();
  }
}

/** Runs, clears and writes (into `output`'s temporary folder, then put in place). */
async function simulateAndWrite(
  args: SimulateArgs,
  scenario: Scenario,
  output: OutputFolder | null,
  baseline: Scenario | null,
): Promise<void> {
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const families = sampleSize(model, args.scaleK);
  for (const p of args.trace) {
    if (p >= families) {
      throw new ArgumentError(
        `--trace ${p}: 1:${args.scaleK} 时只有 ${families} 个家庭（0 至 ${families - 1}） / ` +
          `at scale 1:${args.scaleK} the sample positions are 0 to ${families - 1}\n${USAGE}`,
        'trace',
      );
    }
  }
  const pool = new WorkerPool(spawnNodeWorker, args.workers);
  const draws = new DrawWorkers(spawnNodeDrawWorker, args.workers);
  const started = performance.now();
  try {
    const run = await runScenario(
      scenario,
      { dataset, model },
      (input, options) => simulateOnPool(pool, input, options),
      {
        scaleK: args.scaleK,
        replications: args.replications,
        confidence: args.confidence,
        drawYears: draws.draw,
        onProgress: (r, p) => {
          if (!process.stderr.isTTY) return;
          const label = r === 0 ? 'run' : `replication ${r}/${args.replications}`;
          const pct = ((100 * p.familiesDone) / p.familiesTotal).toFixed(0);
          process.stderr.write(
            `\r${label}: ${pct}% of ${p.familiesTotal.toLocaleString('en-US')} families   `,
          );
        },
      },
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    const summary = runSummary(run, dataset);
    const digest = await resultDigest(run.result);
    const differences =
      baseline === null
        ? null
        : await differencesAgainst(
            baseline,
            run,
            { dataset, model },
            (input, options) => simulateOnPool(pool, input, options),
            { scaleK: args.scaleK, replications: args.replications, confidence: args.confidence },
          );
    const seconds = (performance.now() - started) / 1000;
    const traces = args.trace.map((p) => {
      const found = simulateRange(run.input, p, p + 1, { traceFamilies: [p * args.scaleK] }).traces[0];
      if (!found)
        throw new Error(`--trace ${p}: no family at that sample position at scale 1:${args.scaleK}`);
      return found;
    });
    // Written as every export is: provinces by GB code with both names, money in whole fen.
    const places = placeNames(dataset);
    const tables = [...runTables(run, dataset), ...(traces.length > 0 ? [postingTable(traces)] : [])].map(
      (t) => exportTable(t, places),
    );
    const written = output === null ? [] : await output.writeTables(tables);
    output?.commit();
    if (args.json) {
      const traced = traces.map((t) => ({
        family: t.familyIndex,
        postings: t.postings,
        refusals: t.refusals,
      }));
      console.log(
        JSON.stringify(
          {
            ...summary,
            digest,
            seconds,
            workers: args.workers,
            out: args.out,
            tables: written,
            traced,
            differences,
          },
          null,
          2,
        ),
      );
    } else {
      console.log(summaryText(summary, { seconds, workers: args.workers }));
      console.log(`摘要 digest of the main run: ${digest}`);
      if (differences) console.log(`\n${differencesText(differences)}`);
      for (const t of traces) {
        console.log(
          `\n家庭 family ${t.familyIndex}: ${t.postings.length} postings 记账, ${t.refusals.length} refusals 拒绝`,
        );
        for (const p of t.postings.slice(0, 40)) {
          console.log(
            `  ${p.at === undefined ? '' : formatStamp(p.at)}  ${p.rule.padEnd(6)} ${p.from} → ${p.to}  ${p.amountFen} fen`,
          );
        }
        if (t.postings.length > 40) console.log(`  … ${t.postings.length - 40} more in postings.csv`);
      }
      if (written.length > 0) {
        console.log(
          `\n写出 written to ${args.out}: ${written.map((t) => `${t.name} (${t.rows} rows)`).join(', ')}`,
        );
      }
    }
    if (summary.conservationResidualFen !== 0) {
      // The summary is printed for the report; the exit code and this line say it is not a result.
      console.error(new ConservationFailure(summary.conservationResidualFen).message);
      process.exitCode = 3;
    }
  } finally {
    pool.close();
    draws.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Ctrl-C or a kill: exit through process.exit, so the temporary output folder is removed.
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => process.exit(status));
  }
  main().catch((e: unknown) => {
    console.error(`simulate: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
