/**
 * A shard's files on disk (分片文件): the engine version that goes into a shard's identity, and the
 * writing of its three Parquet tables (format: src/runtime/shardFormat.ts) into a folder.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import {
  identityMetadata,
  SHARD_TABLES,
  shardColumns,
  type ShardColumns,
  type ShardIdentity,
  type ShardSample,
} from '../runtime/shardFormat';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The folders whose files decide a shard's results: the engine and its rules, the population and
 * its data, the scenario's conversion, the runtime that splits and adds, and the clearing's seed
 * derivation; and the worker entry points.
 */
const RESULT_SOURCES = [
  'src/engine',
  'src/rules',
  'src/population',
  'src/scenario',
  'src/runtime',
  'src/clearing',
  'workers',
  'data',
];

/** Every file under `dir`, relative to the repository, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
    })
    .sort();
}

/**
 * The engine version of this copy of the program: the package version and the first 16 hex digits
 * of a SHA-256 over the names and contents of the files that decide a shard's results. Shards of
 * one run must agree on it; a merge refuses shards built by different code.
 */
export function engineVersion(root: string = ROOT): string {
  const hash = createHash('sha256');
  for (const file of RESULT_SOURCES.flatMap((d) => filesUnder(join(root, d)))) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}

/** One column for the Parquet writer, typed by its array. */
function column(name: string, data: ShardColumns[string]): ColumnSource {
  if (data instanceof Int32Array) return { name, data, type: 'INT32', nullable: false };
  if (data instanceof BigInt64Array) return { name, data, type: 'INT64', nullable: false };
  return { name, data, type: 'STRING', nullable: false };
}

/**
 * Writes the shard's tables into `dir` (which must exist) as `<table>.parquet`, each with the
 * identity in its key-value metadata; returns the files and their rows.
 */
export function writeShardFiles(
  dir: string,
  identity: ShardIdentity,
  samples: readonly ShardSample[],
): { table: string; rows: number; path: string }[] {
  const tables = shardColumns(samples);
  return SHARD_TABLES.map((table) => {
    const columns = tables[table];
    const bytes = parquetWriteBuffer({
      columnData: Object.entries(columns).map(([name, data]) => column(name, data)),
      rowGroupSize: 1_000_000,
      kvMetadata: identityMetadata(identity, table),
      createdBy: 'gongji',
    });
    const path = join(dir, `${table}.parquet`);
    writeFileSync(path, new Uint8Array(bytes));
    return { table, rows: columns.sample!.length, path };
  });
}
