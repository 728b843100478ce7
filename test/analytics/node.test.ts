import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { expect, test } from 'vitest';
import { loadTable } from '../../src/analytics/load';
import { writeTables } from '../../src/analytics/node';
import { tableParquet } from '../../src/analytics/parquet';
import { queryRows } from '../../src/analytics/query';
import { useDuckDB } from './helpers';

const db = useDuckDB();

/** A fresh ArrayBuffer holding exactly `bytes`, as the Parquet reader wants. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

const table = {
  name: 'settlement',
  columns: {
    month: new Int32Array([1, 2, 3]),
    province: ['北京', '广东', '新疆'],
    net_fen: new Float64Array([2 ** 31 + 1, -(2 ** 52), 0]),
    flag: new Uint8Array([1, 0, 1]),
  },
};

test('tableParquet writes a Parquet file that reads back with the same rows', async () => {
  await loadTable(db.conn, table);
  const bytes = await tableParquet(db.conn, 'settlement');
  expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
  const back = await parquetReadObjects({ file: arrayBufferOf(bytes) });
  expect(back).toEqual((await queryRows(db.conn, 'SELECT * FROM settlement')).rows);
});

test('writeTables writes <name>.parquet and <name>.csv for each table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongji-tables-'));
  try {
    const written = await writeTables(
      dir,
      [table, { name: 'empty_one', columns: { a: new Int32Array(0) } }],
      db.conn,
    );
    expect(written.map((w) => [w.name, w.rows])).toEqual([
      ['settlement', 3],
      ['empty_one', 0],
    ]);
    expect(readFileSync(join(dir, 'settlement.csv'), 'utf8')).toBe(
      'month,province,net_fen,flag\n1,北京,2147483649,1\n2,广东,-4503599627370496,0\n3,新疆,0,1\n',
    );
    expect(readFileSync(join(dir, 'empty_one.csv'), 'utf8')).toBe('a\n');
    const parquet = readFileSync(join(dir, 'settlement.parquet'));
    const rows = await parquetReadObjects({ file: arrayBufferOf(parquet) });
    expect(rows.map((r) => r.province)).toEqual(['北京', '广东', '新疆']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
