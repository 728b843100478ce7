import { expect, test } from 'vitest';
import { loadTable } from '../../src/analytics/load';
import { queryColumns, queryRows } from '../../src/analytics/query';
import { useDuckDB } from './helpers';

const db = useDuckDB();

test('loadTable then queryRows round-trips ints, fen beyond 2^31 and Chinese names', async () => {
  const fen = new Float64Array([0, 2 ** 31 + 7, 51_154_000_000_00, 2 ** 53 - 1, -(2 ** 40) - 3]);
  await loadTable(db.conn, {
    name: 'families',
    columns: {
      id: new Int32Array([0, 1, 2, 3, -4]),
      code: new Uint32Array([4_000_000_000, 1, 2, 3, 4]),
      kind: new Uint8Array([0, 1, 2, 3, 255]),
      balance_fen: fen,
      name: ['张三', '李四', 'O\'Brien, "Jr."', '', '新疆维吾尔自治区'],
    },
  });
  const { names, rows } = await queryRows(db.conn, 'SELECT * FROM families ORDER BY id DESC');
  expect(names).toEqual(['id', 'code', 'kind', 'balance_fen', 'name']);
  expect(rows.map((r) => r.balance_fen)).toEqual([
    2 ** 53 - 1,
    51_154_000_000_00,
    2 ** 31 + 7,
    0,
    -(2 ** 40) - 3,
  ]);
  expect(rows[0]).toEqual({ id: 3, code: 3, kind: 3, balance_fen: 2 ** 53 - 1, name: '' });
  expect(rows[4]).toEqual({
    id: -4,
    code: 4,
    kind: 255,
    balance_fen: -(2 ** 40) - 3,
    name: '新疆维吾尔自治区',
  });
  const types = await queryRows(
    db.conn,
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'families' ORDER BY ordinal_position",
  );
  expect(types.rows.map((r) => r.data_type)).toEqual([
    'INTEGER',
    'UINTEGER',
    'UTINYINT',
    'DOUBLE',
    'VARCHAR',
  ]);

  const cols = await queryColumns(db.conn, 'SELECT * FROM families ORDER BY id');
  expect(cols.id).toEqual(new Int32Array([-4, 0, 1, 2, 3]));
  expect(cols.code).toEqual(new Uint32Array([4, 4_000_000_000, 1, 2, 3]));
  expect(cols.kind).toEqual(new Uint8Array([255, 0, 1, 2, 3]));
  expect(cols.balance_fen).toEqual(
    new Float64Array([-(2 ** 40) - 3, 0, 2 ** 31 + 7, 51_154_000_000_00, 2 ** 53 - 1]),
  );
  expect(cols.name).toEqual(['新疆维吾尔自治区', '张三', '李四', 'O\'Brien, "Jr."', '']);
});

test('loadTable of 2.5M rows goes in 1M-row chunks and sums exactly', async () => {
  const n = 2_500_000;
  const province = new Int32Array(n);
  const fen = new Float64Array(n);
  let expected = 0;
  for (let i = 0; i < n; i++) {
    province[i] = i % 31;
    fen[i] = 1_000_000_007 + (i % 1000) * 3_000_001; // each above 2^29, the total near 2^52
    expected += fen[i]!;
  }
  expect(Number.isSafeInteger(expected)).toBe(true);
  const rows = await loadTable(
    db.conn,
    { name: 'big', columns: { province, fen } },
    { chunkRows: 1_000_000 },
  );
  expect(rows).toBe(n);
  const { rows: sums } = await queryRows(
    db.conn,
    'SELECT count(*) AS n, sum(fen)::DOUBLE AS total, count(DISTINCT province)::INTEGER AS provinces FROM big',
  );
  expect(sums[0]).toEqual({ n, total: expected, provinces: 31 });
});

test('loadTable replaces a table of the same name, and a failed load keeps the old one', async () => {
  await loadTable(db.conn, { name: 'flows', columns: { a: new Int32Array([1, 2, 3]) } });
  await loadTable(db.conn, { name: 'flows', columns: { b: ['x'], c: new Float64Array([0.5]) } });
  expect(await queryRows(db.conn, 'SELECT * FROM flows')).toEqual({
    names: ['b', 'c'],
    rows: [{ b: 'x', c: 0.5 }],
  });

  await expect(
    loadTable(db.conn, { name: 'flows', columns: { b: ['y', 'z'], c: new Float64Array([1]) } }),
  ).rejects.toThrow('table "flows", column "c": has 1 rows, but column "b" has 2');
  expect((await queryRows(db.conn, 'SELECT * FROM flows')).rows).toEqual([{ b: 'x', c: 0.5 }]);
});

test('loadTable of an empty table creates it with its columns', async () => {
  await loadTable(db.conn, { name: 'nothing', columns: { a: new Int32Array(0), s: [] } });
  expect(await queryRows(db.conn, 'SELECT count(*) AS n FROM nothing')).toEqual({
    names: ['n'],
    rows: [{ n: 0 }],
  });
});

test('loadTable keeps every text exact across chunk boundaries (empty, CJK, 4-byte characters, long)', async () => {
  const texts = ['', '北京', '𠮷野家', 'a'.repeat(10_000), 'quote "q", comma', '新\n行', '🙂', 'x'];
  const ord = Int32Array.from(texts, (_, k) => k);
  await loadTable(db.conn, { name: 'texts', columns: { ord, text: texts } }, { chunkRows: 3 });
  const { rows } = await queryRows(
    db.conn,
    'SELECT text, strlen(text)::INTEGER AS bytes FROM texts ORDER BY ord',
  );
  expect(rows.map((r) => r.text)).toEqual(texts);
  expect(rows.map((r) => r.bytes)).toEqual(texts.map((t) => new TextEncoder().encode(t).length));
});

test('loadTable sends repeated texts once per chunk and they arrive as VARCHAR, row by row', async () => {
  const uses = ['medical', 'pharmacy', '北京', 'medical', 'medical', '', 'pharmacy', '北京', '', 'medical'];
  const ord = Int32Array.from(uses, (_, k) => k);
  await loadTable(db.conn, { name: 'repeated', columns: { ord, use: uses } }, { chunkRows: 4 });
  const { rows } = await queryRows(db.conn, 'SELECT use, typeof(use) AS type FROM repeated ORDER BY ord');
  expect(rows.map((r) => r.use)).toEqual(uses);
  expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['VARCHAR']));
  const grouped = await queryRows(
    db.conn,
    'SELECT use, count(*)::INTEGER AS n FROM repeated GROUP BY use ORDER BY use',
  );
  expect(grouped.rows).toEqual([
    { use: '', n: 2 },
    { use: 'medical', n: 4 },
    { use: 'pharmacy', n: 2 },
    { use: '北京', n: 2 },
  ]);
});

test('loadTable takes coded texts as they are, across chunks, with texts no row uses', async () => {
  const month = { codes: Int32Array.of(2, 0, 0, 2, 1, 2, 0), texts: ['2026-01', '2026-02', '北京'] };
  const ord = Int32Array.from(month.codes, (_, k) => k);
  await loadTable(db.conn, { name: 'coded', columns: { ord, month } }, { chunkRows: 3 });
  const { rows } = await queryRows(db.conn, 'SELECT month, typeof(month) AS type FROM coded ORDER BY ord');
  expect(rows.map((r) => r.month)).toEqual([
    '北京',
    '2026-01',
    '2026-01',
    '北京',
    '2026-02',
    '北京',
    '2026-01',
  ]);
  expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['VARCHAR']));
  await loadTable(db.conn, {
    name: 'coded_empty',
    columns: { month: { codes: new Int32Array(0), texts: ['x'] } },
  });
  expect((await queryRows(db.conn, 'SELECT count(*)::INTEGER AS n FROM coded_empty')).rows).toEqual([
    { n: 0 },
  ]);
});
