import { describe, expect, test } from 'vitest';
import { columnTexts, isCodedTexts } from '../../src/analytics/columns';
import { flowTable } from '../../src/analytics/runTables';
import { simulateRange } from '../../src/engine';
import { windowMonths } from '../../src/engine/input';
import { PERMITTED_USES } from '../../src/rules/types';
import type { ScenarioRun } from '../../src/runtime/scenarioRun';
import { inputOf, population } from '../engine/helpers';
import { scenario } from '../scenario/helpers';

describe('flowTable', () => {
  test('has one row per cell of the flow cube, in the cube order, with places named by their codes', () => {
    const result = simulateRange(inputOf('baseline-2026', 2000), 0, 2500);
    const run = { scenario: scenario('baseline-2026'), result } as ScenarioRun;
    const { dataset } = population();
    const table = flowTable(run, dataset);
    const months = windowMonths(run.scenario.window);
    const code = (a: number) => dataset.poolingAreas[a]!.code;
    const province = (a: number) => dataset.provinces[dataset.poolingAreas[a]!.province]!.code2;
    const cells = result.flows.cells();
    expect(cells.length).toBeGreaterThan(100);
    const columns = Object.entries(table.columns).map(
      ([name, column]) => [name, isCodedTexts(column) ? columnTexts(column) : column] as const,
    );
    const rows = cells.map((_, i) => Object.fromEntries(columns.map(([name, values]) => [name, values[i]])));
    expect(rows).toEqual(
      cells.map((c) => ({
        month: months[c.month],
        sharer_area: code(c.sharerArea),
        sharer_province: province(c.sharerArea),
        treatment_area: code(c.treatmentArea),
        treatment_province: province(c.treatmentArea),
        use: PERMITTED_USES[c.use],
        amount_fen: c.amountFen,
        count: c.count,
        squares_yuan2: c.squaresYuan2,
      })),
    );
    expect(rows.some((r) => r.sharer_province !== r.treatment_province)).toBe(true);
  });
});
