/** Reading column tables back in the tests of the clearing's tables: shape, column types and rows. */
import { expect } from 'vitest';
import { checkColumnTable } from '../../src/analytics/columns';
import type { ColumnTable } from '../../src/clearing/tableBuilder';

/** The sum of a column. */
export const sum = (c: ArrayLike<number>) => Array.from(c).reduce((a, b) => a + b, 0);

/** Checks the plain shape the analytics layer expects (with its own checker), and whole fen. */
export function checkShape(t: ColumnTable): void {
  expect(checkColumnTable(t)).toBeGreaterThanOrEqual(0);
  for (const [name, c] of Object.entries(t.columns)) {
    if (name.endsWith('_fen') && !Array.isArray(c)) {
      for (const v of c as Float64Array) expect(Number.isSafeInteger(v)).toBe(true);
    }
  }
}

/** A table's columns as `name:type` (int, float or text), in order. */
export function columnTypes(t: ColumnTable): string {
  return Object.entries(t.columns)
    .map(([name, c]) => `${name}:${Array.isArray(c) ? 'text' : c instanceof Int32Array ? 'int' : 'float'}`)
    .join(' ');
}

/** A table's rows as objects. */
export function rows(t: ColumnTable | undefined): Record<string, unknown>[] {
  if (!t) throw new Error('no such table');
  const cols = Object.entries(t.columns).map(
    ([name, c]) => [name, Array.from(c as ArrayLike<unknown>)] as const,
  );
  return Array.from({ length: cols[0]![1].length }, (_, i) =>
    Object.fromEntries(cols.map(([n, c]) => [n, c[i]])),
  );
}
