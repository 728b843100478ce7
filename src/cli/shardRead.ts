/**
 * Reading shards in Node (分片读取) with DuckDB's native client: find the shard folders of `--in`
 * (a folder of shards, one shard folder, or a glob), read each file's identity from its Parquet
 * key-value metadata, and add the shards' rows of one sample up in SQL. Every file that cannot be
 * read — missing, truncated, half-written — is refused with its shard named.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteText } from '../analytics/connector';
import type { FoundShard, ReadSample } from '../runtime/shardMerge';
import {
  parseShardFolderName,
  readIdentity,
  SHARD_TABLES,
  ShardRefusal,
  type ShardIdentity,
  type ShardTable,
} from '../runtime/shardFormat';

/** A DuckDB connection that never downloads or loads an extension (Parquet is built in). */
export async function openDuckDB(): Promise<{ conn: DuckDBConnection; close(): void }> {
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await db.connect();
  return {
    conn,
    close: () => {
      conn.closeSync();
      db.closeSync();
    },
  };
}

/** A temporary folder a shard run leaves while writing (or after being killed). */
const HALF_WRITTEN = /^shard-\d{4,}-of-\d{4,}\.tmp-/;

/**
 * The shard folders `input` names, and the half-written ones beside them: `input` is a shard
 * folder, a folder holding shard folders, or a glob (DuckDB's) of shard folders or of their files.
 */
export async function findShardFolders(
  conn: DuckDBConnection,
  input: string,
): Promise<{ folders: string[]; halfWritten: string[] }> {
  let folders: string[];
  if (existsSync(input) && statSync(input).isDirectory()) {
    folders = parseShardFolderName(basename(resolve(input)))
      ? [resolve(input)]
      : readdirSync(input)
          .filter((name) => parseShardFolderName(name))
          .map((name) => resolve(input, name));
  } else {
    const pattern = input.endsWith('.parquet') ? input : `${input.replace(/\/+$/, '')}/*.parquet`;
    const files =
      (await conn.runAndReadAll(`SELECT file FROM glob(${quoteText(pattern)})`)).getColumnsJS()[0] ?? [];
    const dirs = [...new Set(files.map((f) => resolve(dirname(String(f)))))];
    if (dirs.length === 0) throw new ShardRefusal(input, 'no such folder, and no shard files match it');
    folders = [];
    for (const dir of dirs) {
      if (HALF_WRITTEN.test(basename(dir))) continue;
      if (!parseShardFolderName(basename(dir))) {
        throw new ShardRefusal(dir, 'is not a shard folder (shard-IIII-of-NNNN), but --in matched its files');
      }
      folders.push(dir);
    }
  }
  const halfWritten = [...new Set(folders.map((f) => dirname(f)))]
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((n) => HALF_WRITTEN.test(n))
        .map((n) => join(dir, n)),
    )
    .sort();
  return { folders: folders.sort(), halfWritten };
}

/** The first line of an error's message. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

/**
 * Reads and checks one shard folder: all three tables present and readable as Parquet, each
 * carrying the same identity and its own table name, and that identity's i/n the folder's name.
 */
export async function readShardFolder(conn: DuckDBConnection, folder: string): Promise<FoundShard> {
  let identity: ShardIdentity | null = null;
  for (const table of SHARD_TABLES) {
    const file = join(folder, `${table}.parquet`);
    if (!existsSync(file))
      throw new ShardRefusal(folder, `${table}.parquet is missing: the shard is incomplete`);
    let meta: Map<string, string>;
    try {
      const rows = await conn.runAndReadAll(
        `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${quoteText(file)})`,
      );
      meta = new Map(rows.getRowObjectsJS().map((r) => [String(r.k), String(r.v)]));
    } catch (e) {
      throw new ShardRefusal(
        folder,
        `${table}.parquet cannot be read as Parquet (truncated or half-written?): ${firstLine(e)}`,
      );
    }
    const read = readIdentity(meta, folder, `${table}.parquet`);
    if (read.table !== table) throw new ShardRefusal(folder, `${table}.parquet holds table ${read.table}`);
    if (identity && JSON.stringify(identity) !== JSON.stringify(read.identity)) {
      throw new ShardRefusal(
        folder,
        `${table}.parquet is of another run or shard than ${SHARD_TABLES[0]}.parquet beside it`,
      );
    }
    identity = read.identity;
  }
  const named = parseShardFolderName(basename(folder));
  if (!identity || !named || named.shard !== identity.shard || named.shards !== identity.shards) {
    throw new ShardRefusal(
      folder,
      `its files are shard ${identity?.shard}/${identity?.shards}, not what the folder's name says`,
    );
  }
  return { label: folder, identity };
}

/** A list of files for `read_parquet`. */
function fileList(folders: readonly string[], table: ShardTable): string {
  return `[${folders.map((f) => quoteText(join(f, `${table}.parquet`))).join(', ')}]`;
}

/** One column of a result as numbers. */
function numbers(columns: unknown[][], i: number): number[] {
  return (columns[i] ?? []).map(Number);
}

/**
 * Reads one sample of the shards in `folders` (checked to be one whole run), added up by DuckDB:
 * flow cells and array values summed by their key (sums of squares capped at 2^53, as the cube
 * does), and the count rows as they are. A read that fails is traced to its shard.
 */
export function sampleReader(conn: DuckDBConnection, folders: readonly string[]): ReadSample {
  const query = async (sql: string, table: ShardTable): Promise<unknown[][]> => {
    try {
      return (await conn.runAndReadAll(sql)).getColumnsJS();
    } catch (e) {
      for (const folder of folders) {
        try {
          await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${fileList([folder], table)})`);
        } catch (inner) {
          throw new ShardRefusal(folder, `${table}.parquet cannot be read: ${firstLine(inner)}`);
        }
      }
      throw new Error(`reading ${table} of the shards failed: ${firstLine(e)}`, { cause: e });
    }
  };
  return async (sample) => {
    const counts = await query(
      `SELECT seed, families::DOUBLE, person_months::DOUBLE, moved_fen::DOUBLE, filename
       FROM read_parquet(${fileList(folders, 'counts')}, filename = true) WHERE sample = ${sample}`,
      'counts',
    );
    const found = new Set((counts[4] ?? []).map((f) => dirname(String(f))));
    const lacking = folders.find((f) => !found.has(f));
    if (lacking) throw new ShardRefusal(lacking, `has no sample ${sample} in counts.parquet`);
    const flows = await query(
      `SELECT "month", "sharer_area", "treatment_area", "use", sum("amount_fen")::DOUBLE,
              sum("count")::DOUBLE, least(sum("squares_yuan2"), 9007199254740992)::DOUBLE
       FROM read_parquet(${fileList(folders, 'flows')}) WHERE "sample" = ${sample} GROUP BY ALL`,
      'flows',
    );
    const arrays = await query(
      `SELECT "array", "row", "field", sum("value")::DOUBLE
       FROM read_parquet(${fileList(folders, 'arrays')}) WHERE "sample" = ${sample} GROUP BY ALL`,
      'arrays',
    );
    return {
      seeds: (counts[0] ?? []).map(String),
      rows: {
        counts: {
          families: numbers(counts, 1),
          personMonths: numbers(counts, 2),
          movedFen: numbers(counts, 3),
        },
        flows: {
          month: numbers(flows, 0),
          sharerArea: numbers(flows, 1),
          treatmentArea: numbers(flows, 2),
          use: numbers(flows, 3),
          amountFen: numbers(flows, 4),
          count: numbers(flows, 5),
          squaresYuan2: numbers(flows, 6),
        },
        arrays: {
          array: (arrays[0] ?? []).map(String),
          row: numbers(arrays, 1),
          field: numbers(arrays, 2),
          value: numbers(arrays, 3),
        },
      },
    };
  };
}
