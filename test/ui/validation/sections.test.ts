import { expect, test } from 'vitest';
import { loadTable } from '../../../src/analytics/load';
import { queryRows } from '../../../src/analytics/query';
import type { ValidationRecord } from '../../../src/runtime/populationValidation';
import {
  chartSql,
  recordStatus,
  sectionRows,
  tableSql,
  type TargetRecord,
  VALIDATION_SECTIONS,
  validationTable,
} from '../../../src/ui/validation/sections';
import { useDuckDB } from '../../analytics/helpers';

const db = useDuckDB();

const record = (name: string, relError: number, within: boolean): ValidationRecord => ({
  name,
  labelZh: `${name} 中文`,
  labelEn: `${name}, English`,
  unit: 'persons',
  published: 1000,
  generated: 1000 * (1 + relError),
  relError,
  tolerancePct: 2,
  within,
  status: within ? 'within' : 'outside',
  reasonZh: '',
  reasonEn: '',
});

test('validationTable(sections) puts every section into one table that chartSql and tableSql read back in order', async () => {
  const table = validationTable([
    {
      id: 'population',
      title: 'section.population',
      note: 'section.population.note',
      records: [record('b', 0.01, true), record('a', -0.05, false)],
    },
    {
      id: 'engine',
      title: 'section.population',
      note: 'section.population.note',
      records: [record('c', 0, true)],
    },
  ]);
  await loadTable(db.conn, table);
  const chart = await queryRows(db.conn, chartSql('population'));
  expect(chart.rows).toEqual([
    {
      name: 'b',
      label_zh: 'b 中文',
      label_en: 'b, English',
      rel_error_pct: 1,
      tolerance_pct: 2,
      within: true,
      status: 'within',
      lower_bound: false,
    },
    {
      name: 'a',
      label_zh: 'a 中文',
      label_en: 'a, English',
      rel_error_pct: -5,
      tolerance_pct: 2,
      within: false,
      status: 'outside',
      lower_bound: false,
    },
  ]);
  const rows = (await queryRows(db.conn, tableSql('engine'))).rows;
  expect(rows).toEqual([
    {
      name: 'c',
      label_zh: 'c 中文',
      label_en: 'c, English',
      unit: 'persons',
      published: 1000,
      generated: 1000,
      rel_error: 0,
      tolerance_pct: 2,
      within: true,
      status: 'within',
      reason_zh: '',
      reason_en: '',
      lower_bound: false,
    },
  ]);
  // A section id with a quote cannot break out of the SQL text.
  expect((await queryRows(db.conn, tableSql("x' OR 1=1 --"))).rows).toEqual([]);
});

test('a reference row keeps its status and reasons in the table; a row without a status takes it from within', async () => {
  const reference: ValidationRecord = {
    ...record('wage', -0.158, false),
    status: 'reference',
    reasonZh: '不是同一统计量',
    reasonEn: 'not the same statistic',
  };
  // An engine row as calibration.ts builds it: no status, only within.
  const engine: TargetRecord = { ...record('engine', 0.3, false), status: undefined };
  await loadTable(
    db.conn,
    validationTable([
      {
        id: 'population',
        title: 'section.population',
        note: 'section.population.note',
        records: [reference],
      },
      { id: 'engine', title: 'section.population', note: 'section.population.note', records: [engine] },
    ]),
  );
  const [wage] = (await queryRows(db.conn, tableSql('population'))).rows;
  expect(wage).toMatchObject({
    within: false,
    status: 'reference',
    reason_zh: '不是同一统计量',
    reason_en: 'not the same statistic',
  });
  expect((await queryRows(db.conn, chartSql('engine'))).rows[0]).toMatchObject({ status: 'outside' });
  expect(recordStatus(engine)).toBe('outside');
  expect(recordStatus({ ...engine, within: true })).toBe('within');
  expect(recordStatus(reference)).toBe('reference');
});

test('sectionRows(VALIDATION_SECTIONS, records) keeps page order and leaves out sections without records', () => {
  const rows = sectionRows([...VALIDATION_SECTIONS, { id: 'engine', title: 'title', note: 'intro' }], {
    engine: [record('e', 0, true)],
    population: [record('p', 0, true)],
  });
  expect(rows.map((s) => [s.id, s.records.map((r) => r.name)])).toEqual([
    ['population', ['p']],
    ['engine', ['e']],
  ]);
  expect(sectionRows(VALIDATION_SECTIONS, {})).toEqual([]);
});

test('a row against a published lower bound keeps the mark in the table and the chart', async () => {
  const bound: TargetRecord = { ...record('record', 0.6, true), lowerBound: true, tolerancePct: 15 };
  const plain: TargetRecord = { ...record('areas', -0.06, true), tolerancePct: 15 };
  await loadTable(
    db.conn,
    validationTable([
      { id: 'record', title: 'section.record', note: 'section.record.note', records: [bound, plain] },
    ]),
  );
  const table = (await queryRows(db.conn, tableSql('record'))).rows;
  expect(table.map((r) => [r.name, r.lower_bound, r.tolerance_pct])).toEqual([
    ['record', true, 15],
    ['areas', false, 15],
  ]);
  const chart = (await queryRows(db.conn, chartSql('record'))).rows;
  expect(chart.map((r) => r.lower_bound)).toEqual([true, false]);
});
