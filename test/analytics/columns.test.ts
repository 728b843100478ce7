import { expect, test } from 'vitest';
import { checkColumnTable, ColumnTableError, columnTexts } from '../../src/analytics/columns';

test('checkColumnTable returns the row count of a good table', () => {
  expect(
    checkColumnTable({ name: 'validation', columns: { a: new Int32Array(3), b: ['x', 'y', 'z'] } }),
  ).toBe(3);
});

test('checkColumnTable names the table and column of each bad shape', () => {
  const bad = (table: unknown): string => {
    try {
      checkColumnTable(table);
    } catch (error) {
      expect(error).toBeInstanceOf(ColumnTableError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };
  expect(bad({ name: 'Flows', columns: { a: new Int32Array(1) } })).toContain(
    'table "Flows": the name must be snake_case',
  );
  expect(bad({ name: 'flows', columns: {} })).toBe('table "flows": it has no columns');
  expect(bad({ name: 'flows', columns: { 'Amount Fen': new Float64Array(1) } })).toContain(
    'table "flows", column "Amount Fen": the column name must be snake_case',
  );
  expect(bad({ name: 'flows', columns: { amount: new Float32Array(1) } })).toBe(
    'table "flows", column "amount": expected Int32Array, Uint32Array, Float64Array, Uint8Array or string[], got Float32Array',
  );
  expect(bad({ name: 'flows', columns: { amount: [1, 2] } })).toBe(
    'table "flows", column "amount": row 0 is number, expected a string',
  );
  expect(bad({ name: 'flows', columns: { a: new Int32Array(2), b: new Int32Array(3) } })).toBe(
    'table "flows", column "b": has 3 rows, but column "a" has 2',
  );
  expect(bad(null)).toContain('expected an object { name, columns }');
});

test('coded texts count their codes as rows, read back row by row, and a code naming no text is refused', () => {
  const use = { codes: Int32Array.of(1, 0, 1, 1), texts: ['medical', 'pharmacy', 'unused'] };
  expect(checkColumnTable({ name: 'flows', columns: { use, fen: new Float64Array(4) } })).toBe(4);
  expect(columnTexts(use)).toEqual(['pharmacy', 'medical', 'pharmacy', 'pharmacy']);
  expect(() =>
    checkColumnTable({ name: 'flows', columns: { use: { codes: Int32Array.of(0, 2), texts: ['a', 'b'] } } }),
  ).toThrow('table "flows", column "use": row 1 has code 2, but there are 2 texts');
  expect(() =>
    checkColumnTable({ name: 'flows', columns: { use: { codes: Int32Array.of(0), texts: [7] } } }),
  ).toThrow('table "flows", column "use": text 0 is number, expected a string');
  expect(() => columnTexts(new Float64Array(1))).toThrow('not a text column');
});
