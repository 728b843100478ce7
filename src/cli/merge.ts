/**
 * `npm run merge` (分片合并): adds up the shards of a sharded run and finishes it as a single run
 * would — clearing, the prepayment model, the summary and its digest, and (with --out) the same
 * tables as `npm run simulate -- --out`.
 *
 *   npm run merge -- --in <dir | glob> [--out <dir>] [--workers N] [--confidence 0.95] [--json]
 *
 * --in is a folder of shard folders (`shard-IIII-of-NNNN`, as `simulate --shard i/n --out <dir>`
 * writes them), one shard folder, or a glob of shard folders (quote it, DuckDB expands it). The
 * shards are read with DuckDB's native client (src/cli/shardRead.ts) and checked to be every shard
 * 1…n of one run exactly once (src/runtime/shardMerge.ts); a missing, duplicated, foreign,
 * truncated or half-written shard is refused with the shard named, before anything is written.
 *
 * With --out the merged raw results are written beside the tables as one shard, the folder
 * `shard-0001-of-0001` (the shard format, src/runtime/shardFormat.ts): a merged run is a 1-of-1 set
 * that the workbench opens, and that merges again to the same run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportTable, placeNames } from '../analytics/exportTables';
import type { WrittenTable } from '../analytics/node';
import { runTables } from '../analytics/runTables';
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { loadDatasetFromDisk } from '../population/node';
import { resultDigest } from '../runtime/digest';
import { DrawWorkers } from '../runtime/drawWorkers';
import { ConservationFailure } from '../runtime/exactness';
import { defaultWorkers, spawnNodeDrawWorker } from '../runtime/node';
import { windowMonths } from '../engine/input';
import {
  resultFromRows,
  shardFolderName,
  type ShardIdentity,
  type ShardSample,
} from '../runtime/shardFormat';
import { checkShardSet, runMergedScenario, type ReadSample } from '../runtime/shardMerge';
import { runSummary, type RunSummary } from '../runtime/summary';
import { ArgumentError, LIMITS, parseConfidence, parseWhole, readOptions } from './args';
import { OutputFolder } from './outputFolder';
import { engineVersion, writeShardFiles } from './shardFiles';
import { findShardFolders, openDuckDB, readShardFolder, sampleReader } from './shardRead';
import { summaryText } from './summaryText';

const USAGE =
  'usage: npm run merge -- --in <dir | glob> [--out <dir>] [--workers N] [--confidence 0.95] [--json]';

/** Parsed command line of `npm run merge`. */
export interface MergeArgs {
  /** A folder of shard folders, one shard folder, or a glob. */
  input: string;
  out: string | null;
  /** Threads for the prepayment model's draws. */
  workers: number;
  confidence: number;
  json: boolean;
}

/** Parses the arguments; throws an {@link ArgumentError} that names the flag. */
export function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const v = readOptions(
    argv,
    {
      in: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      confidence: { type: 'string', default: '0.95' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (v.in === undefined) throw new ArgumentError(`--in 为必填 / --in is required\n${USAGE}`, 'in');
  return {
    input: v.in,
    out: v.out ?? null,
    workers:
      v.workers === undefined
        ? Math.min(defaultWorkers(), LIMITS.workers)
        : parseWhole(v.workers, 'workers', 1, LIMITS.workers, USAGE),
    confidence: parseConfidence(v.confidence, 'confidence', USAGE),
    json: v.json,
  };
}

/** What a merge produced: what `simulate --json` prints for a run, and the shards it read. */
export type MergeReport = RunSummary & {
  digest: string;
  seconds: number;
  workers: number;
  out: string | null;
  tables: WrittenTable[];
  traced: never[];
  differences: null;
  shards: string[];
};

/**
 * Reads, checks and merges the shards of `args.input`, writes the run's tables to `args.out` (when
 * given) and returns its summary; a conservation residual other than 0 sets exit code 3.
 */
export async function merge(args: MergeArgs): Promise<MergeReport> {
  const started = performance.now();
  const db = await openDuckDB();
  const output =
    args.out === null ? null : OutputFolder.prepare(args.out, undefined, { earlierFolders: [MERGED_SHARD] });
  const draws = new DrawWorkers(spawnNodeDrawWorker, args.workers);
  try {
    const { folders, halfWritten } = await findShardFolders(db.conn, args.input);
    const found = [];
    for (const folder of folders) found.push(await readShardFolder(db.conn, folder));
    const shards = checkShardSet(found, halfWritten);
    const identity = shards[0]!.identity;
    const own = engineVersion();
    if (own !== identity.engineVersion) {
      console.error(
        `merge: the shards were built by engine ${identity.engineVersion}, this copy is ${own}; clearing runs with this copy's code`,
      );
    }
    const dataset = loadDatasetFromDisk();
    const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
    const read = sampleReader(
      db.conn,
      shards.map((s) => s.label),
    );
    const kept: { sample: number; rows: Awaited<ReturnType<ReadSample>> }[] = [];
    const run = await runMergedScenario(
      identity,
      { dataset, model },
      async (sample) => {
        const rows = await read(sample);
        if (output !== null) kept.push({ sample, rows });
        return rows;
      },
      { confidence: args.confidence, drawYears: draws.draw },
    );
    const summary = runSummary(run, dataset);
    const digest = await resultDigest(run.result);
    const places = placeNames(dataset);
    const tables = runTables(run, dataset).map((t) => exportTable(t, places));
    const written = output === null ? [] : await output.writeTables(tables);
    if (output !== null) {
      const shape = {
        months: windowMonths(run.scenario.window).length,
        areas: dataset.poolingAreas.length,
        scaleK: identity.scaleK,
      };
      const samples = kept.map(({ sample, rows }) => ({
        index: sample,
        seed: rows.seeds[0]!,
        result: resultFromRows(rows.rows, shape),
      }));
      writeMergedShard(join(output.staging, MERGED_SHARD), identity, samples);
    }
    output?.commit();
    const seconds = (performance.now() - started) / 1000;
    const report: MergeReport = {
      ...summary,
      digest,
      seconds,
      workers: args.workers,
      out: args.out,
      tables: written,
      traced: [],
      differences: null,
      shards: shards.map((s) => s.label),
    };
    if (summary.conservationResidualFen !== 0) {
      console.error(new ConservationFailure(summary.conservationResidualFen).message);
      process.exitCode = 3;
    }
    return report;
  } finally {
    draws.close();
    db.close();
    output?.discard();
  }
}

/** The folder, beside a merge's tables, of its raw results as one shard. */
export const MERGED_SHARD = shardFolderName(1, 1);

/**
 * Writes a merged run's samples as shard 1 of 1 of the same run into `dir` (created): the identity
 * of the shards it merged, with every family its part.
 */
export function writeMergedShard(
  dir: string,
  identity: ShardIdentity,
  samples: readonly ShardSample[],
): void {
  mkdirSync(dir);
  writeShardFiles(dir, { ...identity, shard: 1, shards: 1, from: 0, to: identity.families }, samples);
}

/** What `npm run merge` prints: the report as JSON with --json, else the summary in words. */
export function mergeText(report: MergeReport, args: MergeArgs): string {
  if (args.json) return JSON.stringify(report, null, 2);
  const lines = [
    summaryText(report, { seconds: report.seconds, workers: args.workers }),
    `合并 merged ${report.shards.length} shards`,
    `摘要 digest of the main run: ${report.digest}`,
  ];
  if (report.tables.length > 0) {
    lines.push(
      `\n写出 written to ${args.out}: ${report.tables.map((t) => `${t.name} (${t.rows} rows)`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => process.exit(status));
  }
  Promise.resolve()
    .then(async () => {
      const args = parseMergeArgs(process.argv.slice(2));
      console.log(mergeText(await merge(args), args));
    })
    .catch((e: unknown) => {
      console.error(`merge: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
