/**
 * DuckDB-WASM in the page (浏览器端数据库): the engine runs in its own Web Worker, started from the
 * package's worker bundle; the worker script and the wasm file are copied into dist/ by Vite (`?url`)
 * and served by the app itself, so nothing is fetched from the network. The "eh" build (wasm
 * exceptions) is the one every supported Chromium runs; it needs no threads.
 */
import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { type Connector, OFFLINE_SETTINGS } from './connector';

/**
 * Starts DuckDB in a new worker and returns its connector. `close()` ends the worker. Warnings and
 * errors of the engine go to the console; queries are not logged.
 */
export async function openBrowserConnector(): Promise<Connector> {
  const worker = new Worker(ehWorker);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  try {
    await db.instantiate(ehWasm);
    const conn = await db.connect();
    await conn.query(OFFLINE_SETTINGS);
    return {
      query: (sql) => conn.query(sql),
      insertArrowIPC: (bytes, name, create) => conn.insertArrowFromIPCStream(bytes, { name, create }),
      readFile: (path) => db.copyFileToBuffer(path),
      writeFile: (path, bytes) => db.registerFileBuffer(path, bytes),
      dropFile: async (path) => {
        await db.dropFile(path).catch(() => null);
      },
      close: async () => {
        await conn.close();
        await db.terminate();
      },
    };
  } catch (error) {
    await db.terminate();
    throw error;
  }
}
