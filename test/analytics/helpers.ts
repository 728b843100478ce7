/** Opens the real DuckDB-WASM (blocking Node build) once per test file. */
import { afterAll, beforeAll } from 'vitest';
import type { Connector } from '../../src/analytics/connector';
import { openNodeConnector } from '../../src/analytics/node';

/** A connector opened before the file's tests and closed after them. */
export function useDuckDB(): { readonly conn: Connector } {
  const box: { conn: Connector | null } = { conn: null };
  beforeAll(async () => {
    box.conn = await openNodeConnector();
  });
  afterAll(async () => {
    await box.conn?.close();
  });
  return {
    get conn(): Connector {
      if (!box.conn) throw new Error('DuckDB is not open yet');
      return box.conn;
    },
  };
}
