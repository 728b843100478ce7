/**
 * The database connector (数据库连接器): the one small interface every analytics call goes through.
 * The browser opens it on DuckDB-WASM in its own Web Worker (browser.ts), Node on the package's
 * blocking build (node.ts); a test may hand in any object with these methods.
 */
import type { Table } from 'apache-arrow';

/** What the analytics layer asks of a database. Every method may be awaited in both worlds. */
export interface Connector {
  /** Runs SQL (one or more statements) and returns the last result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /**
   * Appends the rows of an Arrow IPC stream to table `name`, creating the table from the stream's
   * schema when `create` is true. (Not `insertArrowTable`: in Node the package's own copy of Arrow
   * cannot read our tables and would silently insert nothing.)
   */
  insertArrowIPC(bytes: Uint8Array, name: string, create: boolean): Promise<void>;
  /** The bytes of a file in the engine's virtual file system, e.g. written by `COPY … TO`. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Puts `bytes` into the virtual file system under `path`, to be read with SQL. In the browser the
   * buffer is moved to the database worker: do not use it afterwards.
   */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file from the virtual file system (no error when it does not exist). */
  dropFile(path: string): Promise<void>;
  /** Closes the connection and frees the engine. */
  close(): Promise<void>;
}

/**
 * SQL every connector runs when it opens: never download or load extensions. The workbench works
 * offline and sends nothing out; without this, a statement that needs an extension (e.g. `COPY …
 * (FORMAT PARQUET)`) would try to fetch it from the internet, and in Node wait for it forever.
 */
export const OFFLINE_SETTINGS =
  'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';

/** Quotes an identifier for SQL (`a"b` → `"a""b"`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal for SQL (`it's` → `'it''s'`). */
export function quoteText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
