import { describe, expect, test } from 'vitest';
import { checkColumnTable } from '../../src/analytics/columns';
import { ClaimsAccumulator } from '../../src/clearing/claims';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { prepaymentInput } from '../../src/clearing/prepaymentInput';
import { prepaymentModel } from '../../src/clearing/prepaymentModel';
import { clearRun } from '../../src/clearing/run';
import { clearingTables, prepaymentTables, splitFen, type ColumnTable } from '../../src/clearing/tables';
import { loadDatasetFromDisk } from '../../src/population/node';
import { AREA_PROVINCE, PROVINCES, randomCube, syntheticSample } from './helpers';

const params = DEFAULT_CLEARING_PARAMETERS;

/**
 * A year's clearing of a random cube and its tables, built inside each test that reads them (not
 * when the file loads), so that mutation testing sees which test covers which line.
 */
function setUp() {
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
  return { result, tables, anyColumn, column };
}
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
    const { result, tables } = setUp();
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
    const { result, anyColumn, column } = setUp();
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
    const { result, anyColumn, column } = setUp();
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
    const { result } = setUp();
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

  test('prepaymentTables gives the rule per province, the needed size, the advances that add up to it, and month bands', () => {
    const { result } = setUp();
    const acc = new ClaimsAccumulator(AREA_PROVINCE, PROVINCES, 12, 10);
    for (let r = 0; r < 4; r++) acc.add(syntheticSample('tables', 20_000, 10, r), false);
    const dedicated = { ...params, prepayment: { ...params.prepayment, model: 'dedicated' as const } };
    const three = {
      ...loadDatasetFromDisk(),
      provinces: loadDatasetFromDisk().provinces.slice(0, PROVINCES),
    };
    const input = prepaymentInput(acc.model(), three, result.calendar, dedicated, null, 'tables');
    const answer = prepaymentModel(input, { confidence: 0.9 });
    const t = prepaymentTables(answer, result.calendar, ['11', '31', '44']);
    expect(t.map((x) => x.name)).toEqual([
      'prepayment_rule',
      'prepayment_needed',
      'prepayment_advance',
      'prepayment_month_usage',
    ]);
    t.forEach(checkShape);
    const [rule, needed, advance, usage] = t;
    expect(rule!.columns.province_code).toEqual(['11', '31', '44']);
    expect(usage!.columns.month_text).toHaveLength(3 * 12);
    // What province i advances to each treatment province adds up to its needed size, in whole fen.
    const neededFen = needed!.columns.needed_fen as Float64Array;
    const codes = needed!.columns.province_code as string[];
    codes.forEach((code, x) => {
      const from = advance!.columns.insured_province_code as string[];
      const fen = advance!.columns.advance_fen as Float64Array;
      expect(sum(fen.filter((_, r) => from[r] === code))).toBe(neededFen[x]);
    });
    expect(splitFen(10, [1, 1, 1])).toEqual(Float64Array.of(4, 3, 3));
    expect(splitFen(7, [0, 0])).toEqual(Float64Array.of(0, 0));
  });
});
