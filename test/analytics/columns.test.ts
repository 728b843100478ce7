import { expect, test } from 'vitest';
import { checkColumnTable, ColumnTableError } from '../../src/analytics/columns';

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
