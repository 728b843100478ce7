import { expect, test } from 'vitest';
import { csvField, queryCsv, rowsToCsv } from '../../src/analytics/csv';
import { loadTable } from '../../src/analytics/load';
import { useDuckDB } from './helpers';

const db = useDuckDB();

test('csvField quotes commas, quotes, line breaks and edge spaces, and leaves plain fields alone', () => {
  expect(csvField('北京')).toBe('北京');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField(' padded')).toBe('" padded"');
  expect(csvField(null)).toBe('');
  expect(csvField(true)).toBe('true');
  expect(csvField(2 ** 53 - 1)).toBe('9007199254740991');
});

test('rowsToCsv writes the header then one line per row', () => {
  expect(
    rowsToCsv({
      names: ['a', 'b'],
      rows: [
        { a: 1, b: 'x' },
        { a: null, b: 'y,z' },
      ],
    }),
  ).toBe('a,b\n1,x\n,"y,z"\n');
});

test('queryCsv gives the header in SQL order and escaped fields from DuckDB', async () => {
  await loadTable(db.conn, {
    name: 'people',
    columns: { name: ['王五', 'Smith, "J"'], fen: new Float64Array([5_115_400_000_000, 12]) },
  });
  const csv = await queryCsv(db.conn, 'SELECT fen, name, fen > 100 AS big FROM people ORDER BY fen DESC');
  expect(csv).toBe('fen,name,big\n5115400000000,王五,true\n12,"Smith, ""J""",false\n');
});
