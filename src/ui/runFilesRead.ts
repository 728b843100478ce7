/**
 * A sharded run's files in the page (分片运行文件): the Parquet files of a run in the shard format
 * (src/runtime/shardFormat.ts), picked or dropped together — every shard of a run, or the one shard
 * `shard-0001-of-0001` that `npm run merge -- --out` writes beside its tables — read into shards and
 * checked as the merge checks them ({@link checkShardSet}): every shard 1…n of one run exactly once,
 * each complete and readable. Files that are not shard files (a merge's tables, its CSV) are passed
 * over and listed; a refusal names the shard, like the CLI's.
 */
import { parquetMetadata } from 'hyparquet';
import { checkShardSet, type FoundShard } from '../runtime/shardMerge';
import {
  parseShardFolderName,
  readIdentity,
  SHARD_TABLES,
  ShardRefusal,
  shardFolderName,
  type ShardIdentity,
  type ShardTable,
} from '../runtime/shardFormat';

/** A file picked or dropped: its path within the pick (`folder/…/name`, or only the name) and bytes. */
export interface RunFile {
  path: string;
  bytes: ArrayBuffer;
}

/** A shard read from picked files: its label, identity and each table's file. */
export interface PickedShard extends FoundShard {
  tables: Record<ShardTable, { path: string; bytes: ArrayBuffer }>;
}

/** A checked set of shards: one whole run. */
export interface PickedRun {
  /** Shards 1…n in order. */
  shards: PickedShard[];
  /** The run's identity (shard 1's). */
  identity: ShardIdentity;
  /** Files passed over: not Parquet, or Parquet without the shard format's metadata. */
  ignored: string[];
}

/** The folder a temporary, half-written shard is written to (`shard-IIII-of-NNNN.tmp-…`). */
const HALF_WRITTEN = /^shard-\d{4,}-of-\d{4,}\.tmp-/;

/** The folder part of a path (`a/b/c.parquet` → `a/b`), empty for a bare name. */
function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** The last part of a path. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A Parquet file's key-value metadata, or null when it has none of the shard format's keys (a
 * merge's tables); throws a {@link ShardRefusal} naming `shard` when it is no Parquet file at all.
 */
export function fileMetadata(file: RunFile, shard: string): Map<string, string> | null {
  let meta;
  try {
    meta = parquetMetadata(file.bytes);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new ShardRefusal(
      shard,
      `${baseName(file.path)} cannot be read as Parquet (truncated or half-written?): ${why}`,
    );
  }
  const pairs = (meta.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ''] as const);
  return pairs.some(([k]) => k === 'gongji.format') ? new Map(pairs) : null;
}

/** The shards the files make up, each complete and of one identity (not yet checked as a set). */
function groupShards(files: readonly RunFile[]): {
  found: PickedShard[];
  halfWritten: string[];
  ignored: string[];
} {
  const halfWritten = new Set<string>();
  const ignored: string[] = [];
  const groups = new Map<
    string,
    { label: string; files: { file: RunFile; identity: ShardIdentity; table: string }[] }
  >();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const folder = folderOf(file.path);
    if (HALF_WRITTEN.test(baseName(folder))) {
      halfWritten.add(folder);
      continue;
    }
    if (!file.path.endsWith('.parquet')) {
      ignored.push(file.path);
      continue;
    }
    const provisional = folder || file.path;
    const meta = fileMetadata(file, provisional);
    if (meta === null) {
      ignored.push(file.path);
      continue;
    }
    const read = readIdentity(meta, provisional, baseName(file.path));
    const { shard, shards } = read.identity;
    // Files picked one by one have no folder: they make up a shard by what their metadata says.
    const label = folder || shardFolderName(shard, shards);
    const key = folder
      ? `folder:${folder}`
      : `${label}:${read.identity.scenarioDigest}:${read.identity.seed}`;
    const group = groups.get(key) ?? { label, files: [] };
    group.files.push({ file, ...read });
    groups.set(key, group);
  }
  const found = [...groups.values()].map(({ label, files: parts }) => {
    const tables: Partial<PickedShard['tables']> = {};
    const first = parts[0]!;
    for (const part of parts) {
      const name = baseName(part.file.path);
      if (!(SHARD_TABLES as readonly string[]).includes(part.table)) {
        throw new ShardRefusal(
          label,
          `${name} holds table ${part.table}, not one of ${SHARD_TABLES.join(', ')}`,
        );
      }
      const table = part.table as ShardTable;
      const twin = tables[table];
      if (twin)
        throw new ShardRefusal(label, `${table}.parquet is there twice: ${twin.path} and ${part.file.path}`);
      if (JSON.stringify(part.identity) !== JSON.stringify(first.identity)) {
        throw new ShardRefusal(
          label,
          `${name} is of another run or shard than ${baseName(first.file.path)} beside it`,
        );
      }
      tables[table] = { path: part.file.path, bytes: part.file.bytes };
    }
    for (const table of SHARD_TABLES) {
      if (!tables[table])
        throw new ShardRefusal(label, `${table}.parquet is missing: the shard is incomplete`);
    }
    const named = parseShardFolderName(baseName(label));
    const { identity } = first;
    if (named && (named.shard !== identity.shard || named.shards !== identity.shards)) {
      throw new ShardRefusal(
        label,
        `its files are shard ${identity.shard}/${identity.shards}, not what the folder's name says`,
      );
    }
    return { label, identity, tables: tables as PickedShard['tables'] };
  });
  return { found, halfWritten: [...halfWritten].sort(), ignored };
}

/**
 * Reads the picked files into one checked run: refuses (a {@link ShardRefusal} naming the shard)
 * a file that is not Parquet, a shard missing a table or holding one twice, a shard of another run,
 * a shard given twice, a missing shard (pointing at a half-written copy when one was picked).
 */
export function readPickedRun(files: readonly RunFile[]): PickedRun {
  const { found, halfWritten, ignored } = groupShards(files);
  if (found.length === 0) {
    throw new ShardRefusal(
      '(no shard)',
      files.length === 0
        ? 'no file was chosen'
        : `none of the ${files.length} file(s) is a shard file (counts.parquet, flows.parquet, arrays.parquet of a shard-IIII-of-NNNN folder)`,
    );
  }
  const shards = checkShardSet(found, halfWritten) as PickedShard[];
  return { shards, identity: shards[0]!.identity, ignored };
}
