/**
 * `npm run simulate -- --scenario <file> --scale 1:k --shard i/n --out <dir>` (分片运行): simulates
 * shard i of n (src/runtime/shardRun.ts) for the main run and every replication and writes its raw
 * results in the shard format (src/runtime/shardFormat.ts) to `<dir>/shard-IIII-of-NNNN`. The
 * folder is written under a temporary name (`….tmp-<host>-<pid>`) and renamed into place when
 * every file is complete; re-running shard i replaces an earlier copy the same way. Clearing and
 * the prepayment model run later, in `npm run merge`, over all n shards.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { sampleSize } from '../population/generate';
import { loadDatasetFromDisk } from '../population/node';
import { spawnNodeWorker } from '../runtime/node';
import { WorkerPool } from '../runtime/pool';
import {
  SHARD_TABLES,
  scenarioIdentity,
  shardFolderName,
  type ShardIdentity,
  type ShardSample,
} from '../runtime/shardFormat';
import { forEachShardSample, shardRange } from '../runtime/shardRun';
import type { Scenario } from '../scenario/schema';
import { ArgumentError } from './args';
import { OutputFolder } from './outputFolder';
import { engineVersion, writeShardFiles } from './shardFiles';

/** Most shards a run may be split into. */
export const MAX_SHARDS = 9999;

/** Shard i of n, 1-based. */
export interface ShardChoice {
  shard: number;
  shards: number;
}

/** Parses `--shard i/n` (whole numbers in digits, 1 ≤ i ≤ n ≤ {@link MAX_SHARDS}). */
export function parseShard(text: string, usage: string): ShardChoice {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const shard = m ? Number(m[1]) : NaN;
  const shards = m ? Number(m[2]) : NaN;
  if (!(shard >= 1 && shards >= shard && shards <= MAX_SHARDS)) {
    throw new ArgumentError(
      `--shard "${text}": 须形如 3/8，1 ≤ i ≤ n ≤ ${MAX_SHARDS} / must look like 3/8, with 1 ≤ i ≤ n ≤ ${MAX_SHARDS}\n${usage}`,
      'shard',
    );
  }
  return { shard, shards };
}

/** What a shard run reports. */
export interface ShardReport {
  identity: Omit<ShardIdentity, 'scenario'>;
  folder: string;
  files: { table: string; rows: number; path: string }[];
  seconds: number;
}

/** Only a shard's own tables may be in an earlier copy of its folder. */
const SHARD_FILE_NAMES = new Set(SHARD_TABLES.map((t) => `${t}.parquet`));

/**
 * Runs shard `choice` of `scenario` at 1:k on `workers` worker threads and writes its folder under
 * `outRoot` (created when missing); returns what it wrote.
 */
export async function runShard(
  scenario: Scenario,
  options: { scaleK: number; replications: number; workers: number; outRoot: string } & ShardChoice,
): Promise<ShardReport> {
  const started = performance.now();
  const dataset = loadDatasetFromDisk();
  const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
  const families = sampleSize(model, options.scaleK);
  const range = shardRange(families, options.shard, options.shards);
  const identity: ShardIdentity = {
    ...(await scenarioIdentity(scenario)),
    scaleK: options.scaleK,
    replications: options.replications,
    families,
    shard: options.shard,
    shards: options.shards,
    ...range,
    engineVersion: engineVersion(),
  };
  mkdirSync(options.outRoot, { recursive: true });
  const output = OutputFolder.prepare(
    join(options.outRoot, shardFolderName(options.shard, options.shards)),
    undefined,
    {
      earlier: (name) => SHARD_FILE_NAMES.has(name),
      tag: `${hostname()}-${process.pid}`,
    },
  );
  const pool = new WorkerPool(spawnNodeWorker, options.workers);
  try {
    const samples: ShardSample[] = [];
    await forEachShardSample(
      scenario,
      { dataset, model },
      pool,
      { scaleK: options.scaleK, replications: options.replications, ...range },
      (sample) => void samples.push(sample),
    );
    const files = writeShardFiles(output.staging, identity, samples).map((f) => ({
      ...f,
      path: output.finalPath(f.path),
    }));
    output.commit();
    const shown: Omit<ShardIdentity, 'scenario'> & { scenario?: string } = { ...identity };
    delete shown.scenario;
    return { identity: shown, folder: output.target, files, seconds: (performance.now() - started) / 1000 };
  } finally {
    pool.close();
    output.discard();
  }
}
