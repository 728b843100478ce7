/**
 * `npm run simulate` (模拟): runs a scenario on Node worker threads, clears it, optionally runs the
 * Monte Carlo of prepayments, writes every table as Parquet and CSV through DuckDB, and prints a
 * summary (or, with --json, the summary as JSON).
 *
 *   npm run simulate -- --scenario scenarios/baseline-2026.json --scale 1:1000 [--replications R]
 *                       [--workers N] [--out <dir>] [--json]
 */
import { pathToFileURL } from 'node:url';
import { runTables } from '../analytics/runTables';
import { writeTables } from '../analytics/node';
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { loadDatasetFromDisk } from '../population/node';
import { defaultWorkers, spawnNodeWorker } from '../runtime/node';
import { WorkerPool } from '../runtime/pool';
import { simulateOnPool } from '../runtime/run';
import { runScenario } from '../runtime/scenarioRun';
import { runSummary } from '../runtime/summary';
import { loadValidScenario, parseScale, parseWhole, readOptions } from './args';
import { summaryText } from './summaryText';

const USAGE =
  'usage: npm run simulate -- --scenario <file.json> [--scale 1:k] [--replications R] [--workers N] [--out <dir>] [--json]';

/** Parsed command line. */
export interface SimulateArgs {
  scenario: string;
  scaleK: number;
  replications: number;
  workers: number;
  out: string | null;
  json: boolean;
}

/** Parses the arguments; throws a message that says what is wrong and how to call it. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const v = readOptions(
    argv,
    {
      scenario: { type: 'string' },
      scale: { type: 'string', default: '1:1000' },
      replications: { type: 'string', default: '0' },
      workers: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (v.scenario === undefined) throw new Error(`--scenario is required\n${USAGE}`);
  return {
    scenario: v.scenario,
    scaleK: parseScale(v.scale, USAGE),
    replications: parseWhole(v.replications, 'replications', 0, USAGE),
    workers: v.workers === undefined ? defaultWorkers() : parseWhole(v.workers, 'workers', 1, USAGE),
    out: v.out ?? null,
    json: v.json,
  };
}

async function main(): Promise<void> {
  const args = parseSimulateArgs(process.argv.slice(2));
  const scenario = await loadValidScenario(args.scenario);
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const pool = new WorkerPool(spawnNodeWorker, args.workers);
  const started = performance.now();
  try {
    const run = await runScenario(
      scenario,
      { dataset, model },
      (input, options) => simulateOnPool(pool, input, options),
      {
        scaleK: args.scaleK,
        replications: args.replications,
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
    const seconds = (performance.now() - started) / 1000;
    const written = args.out === null ? [] : await writeTables(args.out, runTables(run, dataset));
    if (args.json) {
      console.log(
        JSON.stringify(
          { ...summary, seconds, workers: args.workers, out: args.out, tables: written },
          null,
          2,
        ),
      );
    } else {
      console.log(summaryText(summary, { seconds, workers: args.workers }));
      if (written.length > 0) {
        console.log(
          `\n写出 written to ${args.out}: ${written.map((t) => `${t.name} (${t.rows} rows)`).join(', ')}`,
        );
      }
    }
    if (summary.conservationResidualFen !== 0) process.exitCode = 3;
  } finally {
    pool.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`simulate: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
