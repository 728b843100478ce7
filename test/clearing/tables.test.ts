import { describe, expect, test } from 'vitest';
import { checkColumnTable } from '../../src/analytics/columns';
import { monteCarlo } from '../../src/clearing/montecarlo';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { clearRun } from '../../src/clearing/run';
import { clearingTables, monteCarloTable, type ColumnTable } from '../../src/clearing/tables';
import { AREA_PROVINCE, PROVINCES, randomCube } from './helpers';

const params = DEFAULT_CLEARING_PARAMETERS;
const result = clearRun(randomCube('tables', 12), AREA_PROVINCE, PROVINCES, params, { start: '2026-01' });
const tables = clearingTables(result, { daily: true });
const byName = new Map(tables.map((t) => [t.name, t]));
const anyColumn = (table: string, name: string) => {
  const c = byName.get(table)?.columns[name];
  if (!c) throw new Error(`no column ${table}.${name}`);
  return c;
};
const column = (table: string, name: string) => {
  const c = anyColumn(table, name);
  if (Array.isArray(c)) throw new Error(`${table}.${name} is a text column`);
  return c;
};
const sum = (c: ArrayLike<number>) => Array.from(c).reduce((a, b) => a + b, 0);

/** Checks the plain shape the analytics layer expects (with its own checker), and whole fen. */
function checkShape(t: ColumnTable): void {
  expect(checkColumnTable(t)).toBeGreaterThanOrEqual(0);
  for (const [name, c] of Object.entries(t.columns)) {
    if (name.endsWith('_fen') && !Array.isArray(c)) {
      for (const v of c as Float64Array) expect(Number.isSafeInteger(v)).toBe(true);
    }
  }
}

describe('clearingTables', () => {
  test('every table has snake_case columns of equal length and whole-fen amounts', () => {
    expect(tables.map((t) => t.name)).toEqual([
      'clearing_national',
      'clearing_settlement',
      'clearing_positions',
      'clearing_tiers',
      'prepayment_usage',
      'prepayment_events',
      'prepayment_province',
      'prepayment_usage_daily',
    ]);
    tables.forEach(checkShape);
    expect(clearingTables(result).map((t) => t.name)).not.toContain('prepayment_usage_daily');
  });

  test('the national and settlement tables carry the clearing’s totals', () => {
    expect(sum(column('clearing_national', 'owed_fen'))).toBe(sum(result.national.map((m) => m.grossFen)));
    expect(sum(column('clearing_settlement', 'gross_fen'))).toBe(
      sum(column('clearing_national', 'owed_fen')),
    );
    const saved = column('clearing_settlement', 'saved_fen') as Float64Array;
    const gross = column('clearing_settlement', 'gross_fen') as Float64Array;
    const netted = column('clearing_settlement', 'netted_fen') as Float64Array;
    saved.forEach((s, m) => expect(s).toBe(gross[m]! - netted[m]!));
    expect(anyColumn('clearing_settlement', 'month_text')).toContain('2026-12');
    expect(sum(column('clearing_positions', 'net_fen'))).toBe(0);
    expect(sum(column('clearing_positions', 'paid_fen'))).toBe(
      sum(column('clearing_positions', 'received_fen')),
    );
  });

  test('usage rows cover every pair and month; events and province rows match the result', () => {
    expect(column('prepayment_usage', 'month').length).toBe(result.prepayments.length * 12);
    const peaks = column('prepayment_usage', 'peak_usage') as Float64Array;
    expect(Math.max(...peaks)).toBe(Math.max(...result.prepayments.map((p) => p.peakUsage)));
    const events = result.prepayments.flatMap((p) => p.events);
    expect(anyColumn('prepayment_events', 'kind')).toEqual(events.map((e) => e.kind));
    expect(sum(column('prepayment_province', 'top_up_fen'))).toBe(
      sum(events.filter((e) => e.kind === 'top-up').map((e) => e.amountFen)),
    );
    expect(column('prepayment_usage_daily', 'day').length).toBe(
      result.prepayments.length * result.calendar.horizonDays,
    );
  });

  test('with codes, every province and pooling-area index gets its code beside it', () => {
    const coded = clearingTables(result, {
      provinceCodes: ['11', '31', '44'],
      areaCodes: ['110100', '110200', '310100', '310200', '440100', '440300'],
    });
    const national = coded.find((t) => t.name === 'clearing_national')!;
    checkShape(national);
    expect(Object.keys(national.columns)).toEqual([
      'month',
      'month_text',
      'from_province',
      'from_province_code',
      'to_province',
      'to_province_code',
      'owed_fen',
    ]);
    const from = national.columns.from_province as Int32Array;
    expect(national.columns.from_province_code).toEqual(Array.from(from, (i) => ['11', '31', '44'][i]));
    const tiers = coded.find((t) => t.name === 'clearing_tiers')!;
    expect(tiers.columns.pooling_area_code).toContain('440300');
    expect(() => clearingTables(result, { provinceCodes: ['11'] })).toThrow(/no code for index 1/);
  });

  test('monteCarloTable names the quantile columns and keeps the plain shape', () => {
    const mc = monteCarlo([randomCube('a', 12), randomCube('b', 12)], AREA_PROVINCE, PROVINCES, params, {
      start: '2026-01',
      quantiles: [0.1, 0.9],
      confidence: 0.9,
    });
    const t = monteCarloTable(mc);
    checkShape(t);
    expect(t.name).toBe('montecarlo_province');
    expect(Object.keys(t.columns)).toEqual([
      'province',
      'replications',
      'peak_usage_mean',
      'peak_usage_q10',
      'peak_usage_q90',
      'red_probability',
      'sized_prepayment_mean_fen',
      'red_probability_at_mean_size',
      'confidence',
      'needed_prepayment_fen',
    ]);
    expect(Array.from(t.columns.needed_prepayment_fen as Float64Array)).toEqual(
      mc.provinceResults.map((p) => p.neededPrepaymentFen),
    );
  });
});
