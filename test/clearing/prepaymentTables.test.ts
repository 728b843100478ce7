import { describe, expect, test } from 'vitest';
import type { RunCalendar } from '../../src/clearing/calendar';
import { ClaimsAccumulator } from '../../src/clearing/claims';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { prepaymentInput } from '../../src/clearing/prepaymentInput';
import { prepaymentModel, type PrepaymentAnswer } from '../../src/clearing/prepaymentModel';
import { prepaymentTables, splitFen } from '../../src/clearing/prepaymentTables';
import { clearRun } from '../../src/clearing/run';
import { loadDatasetFromDisk } from '../../src/population/node';
import { AREA_PROVINCE, PROVINCES, randomCube, syntheticSample } from './helpers';
import { checkShape, columnTypes, rows, sum } from './tableHelpers';

const params = DEFAULT_CLEARING_PARAMETERS;

describe('prepaymentTables', () => {
  test('prepaymentTables gives the rule per province, the needed size, the advances that add up to it, and month bands', () => {
    const result = clearRun(randomCube('tables', 12), AREA_PROVINCE, PROVINCES, params, {
      start: '2026-01',
    });
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

describe('splitFen', () => {
  test('splitFen gives whole fen in proportion, the leftover fen to the largest remainders, ties to the lower index', () => {
    expect(Array.from(splitFen(10, [1, 1, 1]))).toEqual([4, 3, 3]);
    expect(Array.from(splitFen(11, [1, 1, 1]))).toEqual([4, 4, 3]);
    expect(Array.from(splitFen(100, [0.5, 0.3, 0.2]))).toEqual([50, 30, 20]);
    // 7 × (0.1, 0.6, 0.3) = (0.7, 4.2, 2.1): floors 0, 4, 2, one fen left to the 0.7.
    expect(Array.from(splitFen(7, [0.1, 0.6, 0.3]))).toEqual([1, 4, 2]);
    // 5 × (1, 2, 2) ÷ 5: exact.
    expect(Array.from(splitFen(5, [1, 2, 2]))).toEqual([1, 2, 2]);
    // 10 × (3, 3, 1) ÷ 7 = (4.29, 4.29, 1.43): floors 4, 4, 1, one fen left to the largest remainder.
    expect(Array.from(splitFen(10, [3, 3, 1]))).toEqual([4, 4, 2]);
  });

  test('splitFen gives nothing when there is nothing to split or no share', () => {
    expect(Array.from(splitFen(7, [0, 0]))).toEqual([0, 0]);
    expect(Array.from(splitFen(0, [1, 2]))).toEqual([0, 0]);
    expect(Array.from(splitFen(-5, [1, 2]))).toEqual([0, 0]);
    expect(Array.from(splitFen(5, []))).toEqual([]);
  });
});

describe('prepaymentTables, row by row', () => {
  const outcome = (x: number) => ({
    redProbability: x,
    yellowProbability: x + 0.1,
    redWarningsMean: x + 0.2,
    topUpsMean: x + 0.3,
    topUpFenMean: 1_000.4 + x,
    peakUsage: { p05: x + 0.01, p50: x + 0.02, p95: x + 0.03 },
    monthUsage: {
      p05: Float64Array.of(0.1, 0.2),
      p50: Float64Array.of(0.3, 0.4),
      p95: Float64Array.of(0.5, 0.6),
    },
  });
  /** A model's answer for three provinces written by hand: province 0 holds prepayments in 1 and 2. */
  function answer(model: 'direct-settlement' | 'dedicated', resolved = true) {
    return {
      model,
      confidence: 0.95,
      provinces: [
        {
          province: 0,
          treatments: Int32Array.of(1, 2),
          openingFen: Float64Array.of(600, 400),
          ruleOpeningFen: 1_000,
          needed: resolved ? { fen: 1_001, lowFen: 900, highFen: 1_200 } : null,
          split: Float64Array.of(0.5, 0.5),
          rule: outcome(0),
          directSettlementOnly:
            model === 'direct-settlement'
              ? { needed: { fen: 700, lowFen: 650, highFen: 760 }, ruleOpeningFen: 650, rule: outcome(0.5) }
              : null,
        },
        {
          province: 5,
          treatments: Int32Array.of(),
          openingFen: Float64Array.of(),
          ruleOpeningFen: 0,
          needed: null,
          split: Float64Array.of(),
          rule: outcome(0),
          directSettlementOnly:
            model === 'direct-settlement' ? { needed: null, ruleOpeningFen: 0, rule: outcome(0) } : null,
        },
      ],
    } as unknown as PrepaymentAnswer;
  }
  const calendar = {
    months: 2,
    year: Int32Array.of(2026, 2027),
    monthOfYear: Int32Array.of(12, 1),
  } as RunCalendar;

  test('prepayment_rule gives how the rule fares per province, with direct settlement alone beside it', () => {
    const [rule] = prepaymentTables(answer('direct-settlement'), calendar, ['11', '31', '44']);
    expect(rows(rule)[0]).toEqual({
      province: 0,
      province_code: '11',
      rule_opening_fen: 1_000,
      red_probability: 0,
      yellow_probability: 0.1,
      red_warnings_mean: 0.2,
      top_ups_mean: 0.3,
      top_up_fen_mean: 1_000,
      peak_usage_p05: 0.01,
      peak_usage_p50: 0.02,
      peak_usage_p95: 0.03,
      ds_rule_opening_fen: 650,
      ds_red_probability: 0.5,
      ds_yellow_probability: 0.6,
      ds_peak_usage_p50: 0.52,
    });
    // A province without a code is named by its index.
    expect(rows(rule)[1]!.province_code).toBe('5');
  });

  test('prepayment_needed gives the needed size, its interval and what sharing adds; prepayment_advance splits it', () => {
    const [, needed, advance] = prepaymentTables(answer('direct-settlement'), calendar, ['11', '31', '44']);
    expect(rows(needed)).toEqual([
      {
        province: 0,
        province_code: '11',
        confidence: 0.95,
        needed_fen: 1_001,
        needed_low_fen: 900,
        needed_high_fen: 1_200,
        rule_opening_fen: 1_000,
        ds_needed_fen: 700,
        ds_needed_low_fen: 650,
        ds_needed_high_fen: 760,
        sharing_adds_fen: 301,
      },
    ]);
    expect(rows(advance)).toEqual([
      {
        insured_province: 0,
        insured_province_code: '11',
        treatment_province: 1,
        treatment_province_code: '31',
        share: 0.5,
        advance_fen: 501,
        rule_opening_fen: 600,
      },
      {
        insured_province: 0,
        insured_province_code: '11',
        treatment_province: 2,
        treatment_province_code: '44',
        share: 0.5,
        advance_fen: 500,
        rule_opening_fen: 400,
      },
    ]);
  });

  test('a dedicated prepayment has no direct-settlement columns; an unresolved confidence no needed rows', () => {
    const [rule, needed, advance, usage] = prepaymentTables(answer('dedicated', false), calendar, [
      '11',
      '31',
      '44',
    ]);
    expect(Object.keys(rule!.columns).filter((c) => c.startsWith('ds_'))).toEqual([]);
    expect(Object.keys(needed!.columns)).toEqual([
      'province',
      'province_code',
      'confidence',
      'needed_fen',
      'needed_low_fen',
      'needed_high_fen',
      'rule_opening_fen',
    ]);
    expect(rows(needed)).toEqual([]);
    expect(rows(advance)).toEqual([]);
    expect(rows(usage)).toHaveLength(4);
  });

  test('every column of the prepayment tables has its type: whole numbers, fen and shares, or text', () => {
    const t = prepaymentTables(answer('direct-settlement'), calendar, ['11', '31', '44']);
    expect(Object.fromEntries(t.map((x) => [x.name, columnTypes(x)]))).toEqual({
      prepayment_rule:
        'province:int province_code:text rule_opening_fen:float red_probability:float yellow_probability:float red_warnings_mean:float top_ups_mean:float top_up_fen_mean:float peak_usage_p05:float peak_usage_p50:float peak_usage_p95:float ds_rule_opening_fen:float ds_red_probability:float ds_yellow_probability:float ds_peak_usage_p50:float',
      prepayment_needed:
        'province:int province_code:text confidence:float needed_fen:float needed_low_fen:float needed_high_fen:float rule_opening_fen:float ds_needed_fen:float ds_needed_low_fen:float ds_needed_high_fen:float sharing_adds_fen:float',
      prepayment_advance:
        'insured_province:int insured_province_code:text treatment_province:int treatment_province_code:text share:float advance_fen:float rule_opening_fen:float',
      prepayment_month_usage:
        'province:int province_code:text month:int month_text:text usage_p05:float usage_p50:float usage_p95:float',
    });
  });

  test('a direct-settlement answer whose province lacks the direct-settlement outcome is refused, not written as blanks', () => {
    const a = answer('direct-settlement');
    (a.provinces[1] as { directSettlementOnly: unknown }).directSettlementOnly = null;
    expect(() => prepaymentTables(a, calendar, ['11'])).toThrow(
      'prepayment_rule: row without ds_rule_opening_fen',
    );
  });

  test('prepayment_month_usage gives each province’s months with the usage percentiles', () => {
    const [, , , usage] = prepaymentTables(answer('dedicated'), calendar, ['11']);
    expect(rows(usage).slice(0, 2)).toEqual([
      {
        province: 0,
        province_code: '11',
        month: 0,
        month_text: '2026-12',
        usage_p05: 0.1,
        usage_p50: 0.3,
        usage_p95: 0.5,
      },
      {
        province: 0,
        province_code: '11',
        month: 1,
        month_text: '2027-01',
        usage_p05: 0.2,
        usage_p50: 0.4,
        usage_p95: 0.6,
      },
    ]);
  });
});
