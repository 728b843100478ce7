import { expect, test } from 'vitest';
import type { ColumnTable } from '../../../src/analytics/columns';
import { loadTable } from '../../../src/analytics/load';
import { queryRows } from '../../../src/analytics/query';
import { GEOGRAPHIES } from '../../../src/runtime/summary';
import { PERMITTED_USES } from '../../../src/rules/types';
import * as Q from '../../../src/ui/compare/queries';
import { useDuckDB } from '../../analytics/helpers';

const db = useDuckDB();
const snake = (s: string) => s.replace(/-/g, '_');

/** A two-month `monthly` table: fen = 100·(geography+1) + use + month·1000, person-times 1 each cell. */
function monthly(name: string, beneficiaries: [number, number]): ColumnTable {
  const columns: ColumnTable['columns'] = {
    month: ['2026-01', '2026-02'],
    beneficiaries: Float64Array.from(beneficiaries),
    sharers: Float64Array.from([5, 6]),
    active: Float64Array.from([7, 8]),
    shared_fen: Float64Array.from([1000, 2000]),
  };
  GEOGRAPHIES.forEach((g, gi) =>
    PERMITTED_USES.forEach((u, ui) => {
      columns[`fen_${snake(g)}_${snake(u)}`] = Float64Array.from(
        [0, 1],
        (m) => 100 * (gi + 1) + ui + m * 1000,
      );
      columns[`times_${snake(g)}_${snake(u)}`] = Float64Array.from([1, 1]);
    }),
  );
  return { name, columns };
}

const runs: Q.RunRef[] = [
  { id: 'a', tablePrefix: 'qa' },
  { id: 'b', tablePrefix: 'qb' },
];
const provinces: Q.ProvinceRef[] = [
  { index: 0, code: '11', nameZh: '北京', nameEn: 'Beijing', insured: 1 },
  { index: 1, code: '44', nameZh: '广东', nameEn: 'Guangdong', insured: 4 },
];

async function load(): Promise<void> {
  await loadTable(db.conn, monthly('qa_monthly', [3, 4]));
  await loadTable(db.conn, monthly('qb_monthly', [9, 10]));
  for (const prefix of ['qa', 'qb']) {
    const k = prefix === 'qa' ? 1 : 2;
    await loadTable(db.conn, {
      name: `${prefix}_flows`,
      columns: {
        month: ['2026-01', '2026-01', '2026-02'],
        sharer_province: ['11', '11', '44'],
        treatment_province: ['44', '11', '11'],
        amount_fen: Float64Array.from([500 * k, 70, 300]),
        count: Float64Array.from([5, 1, 3]),
      },
    });
    await loadTable(db.conn, {
      name: `${prefix}_clearing_positions`,
      columns: {
        month: Int32Array.from([0, 0, 1, 1]),
        province: Int32Array.from([0, 1, 0, 1]),
        net_fen: Float64Array.from([-500 * k, 500 * k, 300, -300]),
      },
    });
  }
}

test('the comparison queries read every run side by side from its DuckDB tables', async () => {
  await load();
  const byUse = (await queryRows(db.conn, Q.monthlyByUseSql(runs))).rows;
  expect(byUse).toHaveLength(2 * 4 * 2);
  // medical (use 0) in month 1: (100 + 200 + 300) over the three geographies.
  expect(byUse.find((r) => r.scenario === 'a' && r.use === 'medical' && r.month === '2026-01')).toMatchObject(
    {
      amount_fen: 600,
      person_times: 3,
    },
  );
  const byGeo = (await queryRows(db.conn, Q.monthlyByGeographySql(runs))).rows;
  // cross-province (geography 2) in month 2: 4 uses of 300 + use + 1000.
  expect(
    byGeo.find((r) => r.scenario === 'b' && r.geography === 'cross-province' && r.month === '2026-02'),
  ).toMatchObject({ amount_fen: 4 * 1300 + 6, person_times: 4 });

  // By year: both months fall in 2026, so each geography's year is the sum of its two months.
  const byYear = (await queryRows(db.conn, Q.yearlyByGeographySql(runs))).rows;
  expect(byYear).toHaveLength(2 * 3);
  for (const r of byYear) {
    const months = byGeo.filter((m) => m.scenario === r.scenario && m.geography === r.geography);
    expect(r.year).toBe('2026');
    expect(r.amount_fen).toBe(months.reduce((s, m) => s + Number(m.amount_fen), 0));
    expect(r.person_times).toBe(months.reduce((s, m) => s + Number(m.person_times), 0));
  }

  const prov = (await queryRows(db.conn, Q.provinceSql(runs, provinces))).rows;
  // Yuan per insured person rounded to the fen: 300 fen over 4 persons is 0.75 yuan.
  expect(
    prov.map((r) => [r.scenario, r.province, r.net_fen, r.shared_fen, r.shared_per_insured_yuan]),
  ).toEqual([
    ['a', '11', -200, 570, 5.7],
    ['a', '44', 200, 300, 0.75],
    ['b', '11', -700, 1070, 10.7],
    ['b', '44', 700, 300, 0.75],
  ]);
  expect(prov[1]).toMatchObject({ province_name_zh: '广东', province_name_en: 'Guangdong' });

  const corridors = (await queryRows(db.conn, Q.corridorSql(runs, provinces))).rows;
  expect(corridors.map((r) => [r.scenario, r.sharer_province, r.treatment_province, r.amount_fen])).toEqual([
    ['b', '11', '44', 1000],
    ['a', '11', '44', 500],
    ['a', '44', '11', 300],
    ['b', '44', '11', 300],
  ]);
  expect(corridors[0]).toMatchObject({
    sharer_province_name_zh: '北京',
    sharer_province_name_en: 'Beijing',
    treatment_province_name_zh: '广东',
    treatment_province_name_en: 'Guangdong',
  });

  const benefits = (await queryRows(db.conn, Q.beneficiariesSql(runs))).rows;
  expect(benefits).toEqual([
    { scenario: 'a', beneficiaries: 4, sharers: 6, active: 8, shared_fen: 3000 },
    { scenario: 'b', beneficiaries: 10, sharers: 6, active: 8, shared_fen: 3000 },
  ]);

  const totals = (await queryRows(db.conn, Q.byUseSql(runs))).rows;
  expect(totals.find((r) => r.scenario === 'a' && r.use === 'pharmacy')).toMatchObject({
    amount_fen: 2 * (100 + 200 + 300 + 3) + 3000,
    person_times: 6,
  });
});

test('payments by age band and scheme add up the months of each run', async () => {
  for (const [prefix, k] of [
    ['qa', 1],
    ['qb', 3],
  ] as const) {
    await loadTable(db.conn, {
      name: `${prefix}_beneficiaries`,
      columns: {
        month: ['2026-01', '2026-01', '2026-02', '2026-02'],
        age_band: ['60-74', '0-14', '60-74', '0-14'],
        scheme: ['resident', 'resident', 'resident', 'employee-account'],
        person_times: Float64Array.from([2, 1, 3, 1]),
        amount_fen: Float64Array.from([200 * k, 50, 300, 70]),
      },
    });
  }
  const rows = (await queryRows(db.conn, Q.beneficiariesByAgeSql(runs))).rows;
  expect(rows.map((r) => [r.scenario, r.age_band, r.scheme, r.amount_fen, r.person_times])).toEqual([
    ['a', '0-14', 'employee-account', 70, 1],
    ['a', '0-14', 'resident', 50, 1],
    ['a', '60-74', 'resident', 500, 5],
    ['b', '0-14', 'employee-account', 70, 1],
    ['b', '0-14', 'resident', 50, 1],
    ['b', '60-74', 'resident', 900, 5],
  ]);
});
