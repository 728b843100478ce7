/**
 * The analytics layer in Node (Node 端分析): DuckDB-WASM's blocking build — the same engine and SQL
 * as in the browser — for the `simulate` command and the tests, and {@link writeTables}, which
 * writes tables as Parquet and CSV files. The only analytics module that touches the file system.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import type { ColumnTable } from './columns';
import { type Connector, OFFLINE_SETTINGS, quoteIdent } from './connector';
import { queryCsv } from './csv';
import { loadTable, type LoadOptions } from './load';
import { tableParquet } from './parquet';

const require = createRequire(import.meta.url);

/**
 * Opens a fresh in-memory DuckDB in this process and returns its connector. Unlike the browser, a
 * file path that was not put there with `writeFile` is a path of the real file system (relative to
 * the working directory), and reading a missing one creates it empty.
 */
export async function openNodeConnector(): Promise<Connector> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  const conn = db.connect();
  conn.query(OFFLINE_SETTINGS);
  return {
    query: async (sql) => conn.query(sql) as unknown as Table,
    insertArrowIPC: async (bytes, name, create) => conn.insertArrowFromIPCStream(bytes, { name, create }),
    readFile: async (path) => db.copyFileToBuffer(path),
    writeFile: async (path, bytes) => db.registerFileBuffer(path, bytes),
    dropFile: async (path) => {
      try {
        db.dropFile(path);
      } catch {
        // No such file: nothing to remove.
      }
    },
    close: async () => {
      conn.close();
      db.reset();
    },
  };
}

/** Files written by {@link writeTables} for one table. */
export interface WrittenTable {
  name: string;
  rows: number;
  parquet: string;
  csv: string;
}

/**
 * Writes every table to `outDir` (created if missing) as `<name>.parquet` and `<name>.csv`, loading
 * each into DuckDB first (into `conn` when given, else into a database opened and closed here).
 */
export async function writeTables(
  outDir: string,
  tables: readonly ColumnTable[],
  conn?: Connector,
  options: LoadOptions = {},
): Promise<WrittenTable[]> {
  mkdirSync(outDir, { recursive: true });
  const db = conn ?? (await openNodeConnector());
  try {
    const written: WrittenTable[] = [];
    for (const table of tables) {
      const rows = await loadTable(db, table, options);
      const parquet = join(outDir, `${table.name}.parquet`);
      const csv = join(outDir, `${table.name}.csv`);
      writeFileSync(parquet, await tableParquet(db, table.name));
      writeFileSync(csv, await queryCsv(db, `SELECT * FROM ${quoteIdent(table.name)}`));
      written.push({ name: table.name, rows, parquet, csv });
    }
    return written;
  } finally {
    if (!conn) await db.close();
  }
}
