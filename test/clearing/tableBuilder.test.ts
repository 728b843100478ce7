import { describe, expect, test } from 'vitest';
import { TableBuilder } from '../../src/clearing/tableBuilder';

describe('TableBuilder', () => {
  test('columns come out in the order of the spec: whole numbers as Int32Array, other numbers as Float64Array, text as strings', () => {
    const b = new TableBuilder('t', { n: 'int', x: 'float', s: 'text' });
    b.row({ s: 'a', x: 0.5, n: 3 });
    b.row({ n: -2, x: 1e15, s: 7, other: 'not a column' });
    const t = b.build();
    expect(t.name).toBe('t');
    expect(Object.keys(t.columns)).toEqual(['n', 'x', 's']);
    expect(t.columns.n).toEqual(Int32Array.of(3, -2));
    expect(t.columns.x).toEqual(Float64Array.of(0.5, 1e15));
    expect(t.columns.s).toEqual(['a', '7']);
  });

  test('a table without rows has every column, empty and of its kind', () => {
    const t = new TableBuilder('empty', { n: 'int', x: 'float', s: 'text' }).build();
    expect(t.columns).toEqual({ n: new Int32Array(0), x: new Float64Array(0), s: [] });
    expect(t.columns.n).toBeInstanceOf(Int32Array);
    expect(t.columns.x).toBeInstanceOf(Float64Array);
  });

  test('a row without a value for a column is refused, naming the table and the column', () => {
    const b = new TableBuilder('prepayment_rule', { province: 'int', ds_red_probability: 'float' });
    expect(() => b.row({ province: 1 })).toThrow('prepayment_rule: row without ds_red_probability');
  });
});
