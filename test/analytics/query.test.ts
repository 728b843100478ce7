import { expect, test } from 'vitest';
import { queryColumns, queryRows } from '../../src/analytics/query';
import { useDuckDB } from './helpers';

const db = useDuckDB();

test('queryRows turns exact BIGINTs into numbers and refuses HUGEINT naming the column', async () => {
  expect((await queryRows(db.conn, 'SELECT 9007199254740991::BIGINT AS n, NULL AS z')).rows).toEqual([
    { n: 2 ** 53 - 1, z: null },
  ]);
  await expect(queryRows(db.conn, 'SELECT 9007199254740993::BIGINT AS big')).rejects.toThrow('column "big"');
  await expect(queryRows(db.conn, 'SELECT sum(x::BIGINT) AS total FROM range(3) t(x)')).rejects.toThrow(
    'column "total" has type',
  );
});

test('queryColumns refuses nulls naming the column', async () => {
  await expect(
    queryColumns(db.conn, 'SELECT CASE WHEN x = 1 THEN NULL ELSE x END AS v FROM range(3) t(x)'),
  ).rejects.toThrow('column "v" has 1 nulls');
});

test('an opened connector refuses to fetch extensions instead of reaching for the network', async () => {
  await expect(db.conn.query("COPY (SELECT 1 AS a) TO 'a.parquet' (FORMAT PARQUET)")).rejects.toThrow(
    'parquet extension',
  );
});

test('writeFile puts bytes where SQL reads them, readFile gives them back, dropFile forgets them', async () => {
  const bytes = new TextEncoder().encode('province,fen\n北京,5115400000000\n广东,12\n');
  await db.conn.writeFile('upload.csv', bytes.slice());
  expect((await db.conn.readFile('upload.csv')).length).toBe(bytes.length);
  const { rows } = await queryRows(
    db.conn,
    "SELECT province, fen::DOUBLE AS fen FROM read_csv('upload.csv') ORDER BY fen",
  );
  expect(rows).toEqual([
    { province: '广东', fen: 12 },
    { province: '北京', fen: 5_115_400_000_000 },
  ]);
  await db.conn.dropFile('upload.csv');
  await db.conn.dropFile('upload.csv'); // a second drop is not an error
});
