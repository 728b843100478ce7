import { describe, expect, test } from 'vitest';
import type { RunCalendar } from '../../src/clearing/calendar';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { clearRun, type ClearingResult, type PairPrepayment } from '../../src/clearing/run';
import { clearingTables } from '../../src/clearing/tables';
import { AREA_PROVINCE, PROVINCES, randomCube } from './helpers';
import { checkShape, columnTypes, rows, sum } from './tableHelpers';

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
});

/**
 * A clearing result written by hand (two run months, December 2026 and January 2027, of 3 and 2
 * days, tracked for 7 days), so that every row the tables must give can be written out.
 */
function handResult(): ClearingResult {
  const calendar = {
    start: '2026-12',
    months: 2,
    year: Int32Array.of(2026, 2027),
    monthOfYear: Int32Array.of(12, 1),
    monthStart: Int32Array.of(0, 3, 5),
    windowDays: 5,
    horizonDays: 7,
  } as RunCalendar;
  const pair = (insured: number, treatment: number, days: Partial<PairPrepayment>): PairPrepayment =>
    ({
      insured,
      treatment,
      sizesFen: [],
      peakUsage: 0,
      peakOutstandingFen: 0,
      events: [],
      ...days,
    }) as PairPrepayment;
  return {
    provinces: 3,
    settlement: 'multilateral-netting',
    calendar,
    firstYear: 'forecast',
    national: [
      {
        month: 0,
        owes: Float64Array.of(0, 300, 0, 0, 0, 0, 50, 0, 0),
        net: Float64Array.of(-250, 300, -50),
        grossFen: 350,
        nettedFen: 300,
      },
      { month: 1, owes: new Float64Array(9), net: new Float64Array(3), grossFen: 0, nettedFen: 0 },
    ],
    cash: [
      { month: 0, grossFen: 350, nettedFen: 300, savedFen: 50, movedFen: 300 },
      { month: 1, grossFen: 0, nettedFen: 0, savedFen: 0, movedFen: 0 },
    ],
    tiers: [
      { month: 0, paysFen: Float64Array.of(300, 0, 0, 50), receivesFen: Float64Array.of(50, 0, 300, 0) },
      { month: 1, paysFen: new Float64Array(4), receivesFen: new Float64Array(4) },
    ],
    resizes: [],
    prepayments: [
      pair(0, 1, {
        sizesFen: [1_000, 800],
        reachedUsage: Float64Array.of(0, 0.2, 0.75, 0.5, 0.95, 0.3, 0.1),
        prepaymentFen: Float64Array.of(1_000, 1_000, 1_000, 800, 1_200, 1_200, 1_200),
        outstandingFen: Float64Array.of(0, 200, 750, 400, 1_140, 360, 120),
        events: [
          { day: 2, kind: 'yellow', usage: 0.75, amountFen: 0 },
          { day: 3, kind: 'resize', usage: 0.5, amountFen: -200 },
          { day: 4, kind: 'red', usage: 0.95, amountFen: 0 },
          { day: 4, kind: 'top-up', usage: 0.95, amountFen: 400 },
          { day: 6, kind: 'yellow', usage: 0.7, amountFen: 0 },
        ],
      }),
      pair(2, 0, {
        reachedUsage: Float64Array.of(0, 0, 0, 0, Infinity, 0, 0),
        prepaymentFen: new Float64Array(7),
        outstandingFen: Float64Array.of(0, 0, 0, 0, 10, 0, 0),
      }),
    ],
    provinceSummaries: [
      {
        province: 0,
        openingPrepaymentFen: 1_000,
        peakUsage: 0.95,
        yellowWarnings: 2,
        redWarnings: 1,
        topUps: 1,
        topUpFen: 400,
      },
      {
        province: 1,
        openingPrepaymentFen: 0,
        peakUsage: 0,
        yellowWarnings: 0,
        redWarnings: 0,
        topUps: 0,
        topUpFen: 0,
      },
      {
        province: 2,
        openingPrepaymentFen: 0,
        peakUsage: Infinity,
        yellowWarnings: 0,
        redWarnings: 0,
        topUps: 0,
        topUpFen: 0,
      },
    ],
  };
}

describe('clearingTables, row by row', () => {
  const tablesOf = (options?: Parameters<typeof clearingTables>[1]) =>
    new Map(clearingTables(handResult(), options).map((t) => [t.name, t]));

  test('clearing_national lists the obligations that are not zero, with the month as text', () => {
    expect(rows(tablesOf().get('clearing_national'))).toEqual([
      { month: 0, month_text: '2026-12', from_province: 0, to_province: 1, owed_fen: 300 },
      { month: 0, month_text: '2026-12', from_province: 2, to_province: 0, owed_fen: 50 },
    ]);
  });

  test('clearing_settlement gives each month’s cash under both modes and the one the run uses', () => {
    expect(rows(tablesOf().get('clearing_settlement'))).toEqual([
      {
        month: 0,
        month_text: '2026-12',
        settlement: 'multilateral-netting',
        gross_fen: 350,
        netted_fen: 300,
        saved_fen: 50,
        moved_fen: 300,
      },
      {
        month: 1,
        month_text: '2027-01',
        settlement: 'multilateral-netting',
        gross_fen: 0,
        netted_fen: 0,
        saved_fen: 0,
        moved_fen: 0,
      },
    ]);
  });

  test('clearing_positions gives every province in every month what it paid, received and its net', () => {
    expect(rows(tablesOf().get('clearing_positions'))).toEqual([
      { month: 0, province: 0, paid_fen: 300, received_fen: 50, net_fen: -250 },
      { month: 0, province: 1, paid_fen: 0, received_fen: 300, net_fen: 300 },
      { month: 0, province: 2, paid_fen: 50, received_fen: 0, net_fen: -50 },
      { month: 1, province: 0, paid_fen: 0, received_fen: 0, net_fen: 0 },
      { month: 1, province: 1, paid_fen: 0, received_fen: 0, net_fen: 0 },
      { month: 1, province: 2, paid_fen: 0, received_fen: 0, net_fen: 0 },
    ]);
  });

  test('clearing_tiers lists the pooling areas that pay or receive', () => {
    expect(rows(tablesOf().get('clearing_tiers'))).toEqual([
      { month: 0, pooling_area: 0, pays_fen: 300, receives_fen: 50 },
      { month: 0, pooling_area: 2, pays_fen: 0, receives_fen: 300 },
      { month: 0, pooling_area: 3, pays_fen: 50, receives_fen: 0 },
    ]);
  });

  test('prepayment_usage gives each pair’s month: its peak (the last month until the horizon) and its last day', () => {
    expect(rows(tablesOf().get('prepayment_usage'))).toEqual([
      {
        month: 0,
        month_text: '2026-12',
        insured_province: 0,
        treatment_province: 1,
        peak_usage: 0.75,
        usage: 0.75,
        prepayment_fen: 1_000,
        outstanding_fen: 750,
      },
      {
        month: 1,
        month_text: '2027-01',
        insured_province: 0,
        treatment_province: 1,
        peak_usage: 0.95,
        usage: 0.95,
        prepayment_fen: 1_200,
        outstanding_fen: 1_140,
      },
      {
        month: 0,
        month_text: '2026-12',
        insured_province: 2,
        treatment_province: 0,
        peak_usage: 0,
        usage: 0,
        prepayment_fen: 0,
        outstanding_fen: 0,
      },
      {
        month: 1,
        month_text: '2027-01',
        insured_province: 2,
        treatment_province: 0,
        peak_usage: Infinity,
        usage: Infinity,
        prepayment_fen: 0,
        outstanding_fen: 10,
      },
    ]);
  });

  test('prepayment_events puts each event in its run month, days after the run in the last', () => {
    expect(
      rows(tablesOf().get('prepayment_events')).map((r) => [r.day, r.month, r.kind, r.amount_fen]),
    ).toEqual([
      [2, 0, 'yellow', 0],
      [3, 1, 'resize', -200],
      [4, 1, 'red', 0],
      [4, 1, 'top-up', 400],
      [6, 1, 'yellow', 0],
    ]);
    expect(rows(tablesOf().get('prepayment_events'))[1]).toEqual({
      day: 3,
      month: 1,
      insured_province: 0,
      treatment_province: 1,
      kind: 'resize',
      usage: 0.5,
      amount_fen: -200,
    });
  });

  test('prepayment_province gives the insured-place summaries', () => {
    expect(rows(tablesOf().get('prepayment_province'))).toEqual([
      {
        province: 0,
        opening_prepayment_fen: 1_000,
        peak_usage: 0.95,
        yellow_warnings: 2,
        red_warnings: 1,
        top_ups: 1,
        top_up_fen: 400,
      },
      {
        province: 1,
        opening_prepayment_fen: 0,
        peak_usage: 0,
        yellow_warnings: 0,
        red_warnings: 0,
        top_ups: 0,
        top_up_fen: 0,
      },
      {
        province: 2,
        opening_prepayment_fen: 0,
        peak_usage: Infinity,
        yellow_warnings: 0,
        red_warnings: 0,
        top_ups: 0,
        top_up_fen: 0,
      },
    ]);
  });

  test('prepayment_usage_daily has every tracked day of every pair, only when asked for', () => {
    expect(tablesOf().has('prepayment_usage_daily')).toBe(false);
    expect(tablesOf({ daily: false }).has('prepayment_usage_daily')).toBe(false);
    const daily = rows(tablesOf({ daily: true }).get('prepayment_usage_daily'));
    expect(daily).toHaveLength(14);
    expect(daily[4]).toEqual({
      day: 4,
      insured_province: 0,
      treatment_province: 1,
      reached_usage: 0.95,
      prepayment_fen: 1_200,
      outstanding_fen: 1_140,
    });
    expect(
      daily.slice(7).map((r) => [r.day, r.insured_province, r.treatment_province, r.outstanding_fen]),
    ).toEqual([
      [0, 2, 0, 0],
      [1, 2, 0, 0],
      [2, 2, 0, 0],
      [3, 2, 0, 0],
      [4, 2, 0, 10],
      [5, 2, 0, 0],
      [6, 2, 0, 0],
    ]);
  });

  test('every column of the clearing tables has its type: whole numbers, fen and usages, or text', () => {
    const coded = clearingTables(handResult(), {
      daily: true,
      provinceCodes: ['11', '31', '44'],
      areaCodes: ['a0', 'a1', 'a2', 'a3'],
    });
    expect(Object.fromEntries(coded.map((t) => [t.name, columnTypes(t)]))).toEqual({
      clearing_national:
        'month:int month_text:text from_province:int from_province_code:text to_province:int to_province_code:text owed_fen:float',
      clearing_settlement:
        'month:int month_text:text settlement:text gross_fen:float netted_fen:float saved_fen:float moved_fen:float',
      clearing_positions:
        'month:int province:int province_code:text paid_fen:float received_fen:float net_fen:float',
      clearing_tiers: 'month:int pooling_area:int pooling_area_code:text pays_fen:float receives_fen:float',
      prepayment_usage:
        'month:int month_text:text insured_province:int insured_province_code:text treatment_province:int treatment_province_code:text peak_usage:float usage:float prepayment_fen:float outstanding_fen:float',
      prepayment_events:
        'day:int month:int insured_province:int insured_province_code:text treatment_province:int treatment_province_code:text kind:text usage:float amount_fen:float',
      prepayment_province:
        'province:int province_code:text opening_prepayment_fen:float peak_usage:float yellow_warnings:int red_warnings:int top_ups:int top_up_fen:float',
      prepayment_usage_daily:
        'day:int insured_province:int insured_province_code:text treatment_province:int treatment_province_code:text reached_usage:float prepayment_fen:float outstanding_fen:float',
    });
  });

  test('prepayment_usage_daily gives each row its own pair, whatever the order of the pairs', () => {
    const r = handResult();
    r.prepayments.reverse();
    const daily = rows(
      new Map(clearingTables(r, { daily: true }).map((t) => [t.name, t])).get('prepayment_usage_daily'),
    );
    expect(daily.map((x) => [x.day, x.insured_province, x.treatment_province])).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => [d, 2, 0]),
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => [d, 0, 1]),
    ]);
  });

  test('prepayment_usage takes the last month’s peak over the days after the run too', () => {
    const r = handResult();
    // Day 6 comes after the run's last month (days 3 and 4) but its claims still clear in it.
    r.prepayments[0]!.reachedUsage[6] = 0.99;
    const usage = rows(new Map(clearingTables(r).map((t) => [t.name, t])).get('prepayment_usage'));
    expect(usage.map((x) => x.peak_usage)).toEqual([0.75, 0.99, 0, Infinity]);
  });

  test('area codes alone name the pooling areas and leave the provinces as indices', () => {
    const t = tablesOf({ areaCodes: ['a0', 'a1', 'a2', 'a3'] });
    expect(rows(t.get('clearing_tiers')).map((r) => r.pooling_area_code)).toEqual(['a0', 'a2', 'a3']);
    expect(Object.keys(t.get('clearing_positions')!.columns)).not.toContain('province_code');
    const p = tablesOf({ provinceCodes: ['11', '31', '44'] });
    expect(rows(p.get('clearing_positions')).map((r) => r.province_code)).toEqual([
      '11',
      '31',
      '44',
      '11',
      '31',
      '44',
    ]);
    expect(Object.keys(p.get('prepayment_events')!.columns)).toEqual([
      'day',
      'month',
      'insured_province',
      'insured_province_code',
      'treatment_province',
      'treatment_province_code',
      'kind',
      'usage',
      'amount_fen',
    ]);
    expect(Object.keys(p.get('clearing_tiers')!.columns)).not.toContain('pooling_area_code');
  });
});
