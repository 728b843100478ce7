import { describe, expect, test } from 'vitest';
import { columnTexts, isCodedTexts } from '../../src/analytics/columns';
import { flowTable } from '../../src/analytics/runTables';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import type { Dataset } from '../../src/population/dataset';
import type { ScenarioRun } from '../../src/runtime/scenarioRun';

/** Three pooling areas in two provinces: Suzhou and Nanjing in Jiangsu (32), Zhengzhou in Henan (41). */
const dataset = {
  provinces: [{ code2: '32' }, { code2: '41' }],
  poolingAreas: [
    { code: '320500', province: 0 },
    { code: '320100', province: 0 },
    { code: '410100', province: 1 },
  ],
} as unknown as Dataset;

/** The table's rows as objects, coded texts decoded. */
function rowsOf(table: ReturnType<typeof flowTable>): Record<string, unknown>[] {
  const columns = Object.entries(table.columns).map(
    ([name, column]) =>
      [name, isCodedTexts(column) ? columnTexts(column) : Array.from(column as ArrayLike<unknown>)] as const,
  );
  const n = columns[0]![1].length;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map(([name, v]) => [name, v[i]])));
}

describe('flowTable', () => {
  test('has one row per cell of the flow cube, in the cube order, with months, places and uses named by their codes', () => {
    const cube = new FlowCube(3, 3);
    cube.add(2, 0, 2, USE_INDEX.pharmacy, 15_000); // March: a Suzhou quota pays a pharmacy in Zhengzhou
    cube.add(0, 2, 1, USE_INDEX.medical, 30_000, 3); // January: three bills of 100 yuan
    cube.add(2, 0, 2, USE_INDEX.pharmacy, 5_000);
    cube.add(1, 1, 1, USE_INDEX['resident-contribution'], 40_000);
    const run = {
      scenario: { window: { start: '2026-01', end: '2026-03' } },
      result: { flows: cube },
    } as unknown as ScenarioRun;
    const table = flowTable(run, dataset);
    expect(table.name).toBe('flows');
    expect(rowsOf(table)).toEqual([
      {
        month: '2026-01',
        sharer_area: '410100',
        sharer_province: '41',
        treatment_area: '320100',
        treatment_province: '32',
        use: 'medical',
        amount_fen: 30_000,
        count: 3,
        squares_yuan2: 3 * 100 ** 2,
      },
      {
        month: '2026-02',
        sharer_area: '320100',
        sharer_province: '32',
        treatment_area: '320100',
        treatment_province: '32',
        use: 'resident-contribution',
        amount_fen: 40_000,
        count: 1,
        squares_yuan2: 400 ** 2,
      },
      {
        month: '2026-03',
        sharer_area: '320500',
        sharer_province: '32',
        treatment_area: '410100',
        treatment_province: '41',
        use: 'pharmacy',
        amount_fen: 20_000,
        count: 2,
        squares_yuan2: 150 ** 2 + 50 ** 2,
      },
    ]);
  });

  test('an empty cube gives the table with its columns and no rows', () => {
    const run = {
      scenario: { window: { start: '2026-01', end: '2026-12' } },
      result: { flows: new FlowCube(12, 3) },
    } as unknown as ScenarioRun;
    const table = flowTable(run, dataset);
    expect(Object.keys(table.columns)).toEqual([
      'month',
      'sharer_area',
      'sharer_province',
      'treatment_area',
      'treatment_province',
      'use',
      'amount_fen',
      'count',
      'squares_yuan2',
    ]);
    expect(rowsOf(table)).toEqual([]);
  });
});
