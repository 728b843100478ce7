import { expect, test } from 'vitest';
import { loadTable } from '../../../src/analytics/load';
import { queryRows } from '../../../src/analytics/query';
import { DEFAULT_CLEARING_PARAMETERS } from '../../../src/clearing/parameters';
import { clearRun } from '../../../src/clearing/run';
import { clearingTables } from '../../../src/clearing/tables';
import {
  cashSql,
  eventsSql,
  monthlyUsageSql,
  pairUsageSql,
  PROVINCE_DAILY,
  provinceDailyTable,
  usageSql,
} from '../../../src/ui/prepayment/data';
import { useDuckDB } from '../../analytics/helpers';
import { AREA_PROVINCE, PROVINCES, randomCube } from '../../clearing/helpers';

const db = useDuckDB();
const options = { start: '2026-01' };
const params = DEFAULT_CLEARING_PARAMETERS;
const clearing = clearRun(randomCube('sql', 12), AREA_PROVINCE, PROVINCES, params, options);

test('every query of the workspace reads the run’s clearing tables in DuckDB and agrees with the clearing', async () => {
  const prefix = 'run7';
  const tables = [...clearingTables(clearing, { daily: true }), provinceDailyTable(clearing)];
  for (const t of tables) {
    await loadTable(db.conn, { ...t, name: `${prefix}_${t.name}` });
  }
  expect(PROVINCE_DAILY).toBe('prepayment_province_daily');
  const p = 1;
  const mine = clearing.prepayments.filter((x) => x.insured === p);

  const usage = (await queryRows(db.conn, usageSql(prefix, p))).rows;
  expect(usage).toHaveLength(clearing.calendar.horizonDays);
  expect(Math.max(...usage.map((r) => Number(r.worst_usage)))).toBe(clearing.provinceSummaries[p]!.peakUsage);

  // One prepayment: the pair's own daily usage, month by month and its events.
  const pair = mine[0]!;
  const pairDays = (await queryRows(db.conn, pairUsageSql(prefix, p, pair.treatment))).rows;
  expect(pairDays.map((r) => r.worst_usage)).toEqual(Array.from(pair.reachedUsage));
  expect(pairDays.map((r) => r.prepayment_fen)).toEqual(Array.from(pair.prepaymentFen));
  const pairMonths = (await queryRows(db.conn, monthlyUsageSql(prefix, p, pair.treatment))).rows;
  expect(Math.max(...pairMonths.map((r) => Number(r.worst_peak_usage)))).toBe(pair.peakUsage);
  const pairEvents = (await queryRows(db.conn, eventsSql(prefix, p, pair.treatment))).rows;
  const key = (e: { day?: unknown; kind?: unknown }) => `${String(e.day)}:${String(e.kind)}`;
  expect(pairEvents.map(key).sort()).toEqual(pair.events.map(key).sort());
  expect(pair.events.length).toBeGreaterThan(0);

  const months = (await queryRows(db.conn, monthlyUsageSql(prefix, p))).rows;
  expect(months.map((r) => r.month_text)).toEqual(
    Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
  );
  expect(Math.max(...months.map((r) => Number(r.worst_peak_usage)))).toBe(
    clearing.provinceSummaries[p]!.peakUsage,
  );

  const events = (await queryRows(db.conn, eventsSql(prefix, p))).rows;
  expect(events).toHaveLength(mine.reduce((a, x) => a + x.events.length, 0));
  expect(events.filter((e) => e.kind === 'red')).toHaveLength(clearing.provinceSummaries[p]!.redWarnings);

  const cash = (await queryRows(db.conn, cashSql(prefix))).rows;
  expect(cash).toHaveLength(12);
  for (const c of cash) {
    expect(Number(c.netted_fen)).toBeLessThanOrEqual(Number(c.gross_fen));
    expect(Number(c.gross_fen) - Number(c.netted_fen)).toBe(Number(c.saved_fen));
  }
});
