import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/population/csv';
import type { DataProblem } from '../../src/population/dataError';

describe('readTable', () => {
  it('counts lines through quoted newlines and skips blank lines', () => {
    const problems: DataProblem[] = [];
    const text = 'a,b\n1,"two\nlines"\n\n3,x\n';
    const t = readTable('t.csv', text, ['a', 'b'], problems);
    expect(problems).toEqual([]);
    expect(t?.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t?.rows[1]?.count('a')).toBe(3);
  });

  it('counts CRLF and lone CR as one line break each, inside quoted cells too', () => {
    const problems: DataProblem[] = [];
    const t = readTable('t.csv', 'a,b\r"x\ry",1\r"p\r\nq",2\r\n3,4\n', ['a', 'b'], problems);
    expect(problems).toEqual([]);
    expect(t?.rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('strips a byte-order mark from the header', () => {
    const t = readTable('t.csv', '\uFEFFa\n1\n', ['a'], []);
    expect(t?.header).toEqual(['a']);
  });

  it('records rows with the wrong number of cells and leaves them out', () => {
    const problems: DataProblem[] = [];
    const t = readTable('t.csv', 'a,b\n1,2\n3\n', ['a'], problems);
    expect(t?.rows).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: 't.csv', line: 3, column: '' })]);
  });

  it('records a duplicated header column', () => {
    const problems: DataProblem[] = [];
    expect(readTable('t.csv', 'a,a\n1,2\n', ['a'], problems)).toBeNull();
    expect(problems[0]).toMatchObject({ line: 1, column: 'a' });
  });

  it('tells negative, fractional and non-numeric counts apart', () => {
    const problems: DataProblem[] = [];
    const t = readTable('t.csv', 'n,m,k,opt\n-1,1.5,abc,\n', ['n', 'm', 'k', 'opt'], problems);
    const row = t!.rows[0]!;
    expect([row.count('n'), row.count('m'), row.count('k')].every(Number.isNaN)).toBe(true);
    expect(row.optionalCount('opt')).toBeNull();
    expect(problems.map((p) => p.column)).toEqual(['n', 'm', 'k']);
    expect(problems[0]!.message).toMatch(/negative/);
  });

  it('checks number ranges and allowed values', () => {
    const problems: DataProblem[] = [];
    const row = readTable('t.csv', 'x,k\n99,z\n', ['x', 'k'], problems)!.rows[0]!;
    expect(row.number('x', 0, 90)).toBeNaN();
    row.oneOf('k', ['a', 'b']);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'x'],
      [2, 'k'],
    ]);
  });

  it('refuses numbers that overflow to Infinity (1e999, -1e999), with line and column', () => {
    const problems: DataProblem[] = [];
    const row = readTable('t.csv', 'x,y,z\n1e999,-1e999,1e308\n', ['x', 'y', 'z'], problems)!.rows[0]!;
    expect(row.number('x')).toBeNaN();
    expect(row.number('y')).toBeNaN();
    expect(row.number('z')).toBe(1e308);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 't.csv',
        line: 2,
        column: 'x',
        message: expect.stringMatching(/finite/),
      }),
      expect.objectContaining({
        file: 't.csv',
        line: 2,
        column: 'y',
        message: expect.stringMatching(/finite/),
      }),
    ]);
  });

  it('records a table with a header and no data rows, naming the file', () => {
    const problems: DataProblem[] = [];
    expect(readTable('t.csv', 'a,b\n\n,\n', ['a'], problems)?.rows).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 't.csv', line: 0, message: expect.stringMatching(/no data rows/) }),
    ]);
  });
});
