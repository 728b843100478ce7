import { describe, expect, test } from 'vitest';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingCalendar } from '../../../src/clearing/parameters';
import { redShareAt } from '../../../src/clearing/neededSize';
import type { PrepaymentAnswer, ProvinceAnswer } from '../../../src/clearing/prepaymentModel';
import { clearRun, type ProvinceSummary } from '../../../src/clearing/run';
import {
  outstandingMonthsAtPeak,
  provinceFigures,
  rankProvinces,
  redCurve,
  sortRows,
  warningLevel,
} from '../../../src/ui/prepayment/model';
import { nextSort } from '../../../src/ui/prepayment/table';
import { AREA_PROVINCE, PROVINCES, steadyCube } from '../../clearing/helpers';

const params = DEFAULT_CLEARING_PARAMETERS;

const summary = (province: number, peakUsage: number, redWarnings = 0): ProvinceSummary => ({
  province,
  peakUsage,
  redWarnings,
  openingPrepaymentFen: 0,
  yellowWarnings: 0,
  topUps: 0,
  topUpFen: 0,
});

/** A province answer with the given P(red), opening size and needed size. */
function province(
  i: number,
  redProbability: number,
  ruleOpeningFen = 100,
  needed: number | null = 150,
): ProvinceAnswer {
  const rule = {
    redProbability,
    yellowProbability: Math.min(1, redProbability + 0.2),
    redWarningsMean: 2 * redProbability,
    topUpsMean: 0,
    topUpFenMean: 0,
    peakUsage: { p05: 0.5, p50: 0.7, p95: 0.95 },
    monthUsage: { p05: new Float64Array(12), p50: new Float64Array(12), p95: new Float64Array(12) },
  };
  return {
    province: i,
    treatments: Int32Array.of(),
    openingFen: new Float64Array(0),
    ruleOpeningFen,
    needed: needed === null ? null : { fen: needed, lowFen: needed - 10, highFen: needed + 20 },
    split: new Float64Array(0),
    criticalFen: new Float64Array(0),
    rule,
    directSettlementOnly:
      needed === null
        ? null
        : { needed: { fen: needed - 30, lowFen: 0, highFen: 0 }, ruleOpeningFen: 90, rule },
  };
}

const answer = (provinces: ProvinceAnswer[]) => ({ provinces }) as unknown as PrepaymentAnswer;

describe('rankProvinces', () => {
  test('the largest prepayment comes first (the needed size, else the rule’s); ties go to the likelier red warning, then the index', () => {
    const a = answer([
      province(0, 0.1, 100, 150),
      province(1, 0.5, 100, 400),
      province(2, 0.5, 500, null),
      province(3, 0.9, 100, 150),
      province(4, 0.2, 100, 150),
    ]);
    expect(rankProvinces(a)).toEqual([2, 1, 3, 4, 0]);
  });
});

describe('provinceFigures', () => {
  test('needed, its interval, × the rule, the rule’s odds, the expected year and what sharing adds', () => {
    const f = provinceFigures(province(3, 0.25, 120, 180), summary(3, 0.66, 1));
    expect(f).toMatchObject({
      province: 3,
      rule_opening_fen: 120,
      needed_fen: 180,
      needed_low_fen: 170,
      needed_high_fen: 200,
      times_rule: 1.5,
      red_probability: 0.25,
      expected_peak_usage: 0.66,
      expected_red_warnings: 1,
      sharing_adds_fen: 30,
    });
    const unresolved = provinceFigures(province(0, 0.25, 120, null), undefined);
    expect(Number.isNaN(unresolved.needed_fen)).toBe(true);
    expect(Number.isNaN(unresolved.times_rule)).toBe(true);
  });
});

describe('warningLevel (C6)', () => {
  test('yellow from 70%, red from 90%, both lines included', () => {
    const w = { yellow: 0.7, red: 0.9 };
    expect([0, 0.6999, 0.7, 0.8999, 0.9, Infinity].map((u) => warningLevel(u, w))).toEqual([
      'ok',
      'ok',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
  });
});

describe('redCurve (C6)', () => {
  test('just above every point it agrees with the share of draws whose critical size is at least the prepayment', () => {
    const critical = Float64Array.of(0, 500, 1_200, 1_200, 3_000, 0, 800);
    const points = redCurve(critical);
    expect(points[0]).toEqual({ prepaymentFen: 0, probability: 5 / 7 });
    for (const p of points.slice(1)) expect(redShareAt(critical, p.prepaymentFen + 1)).toBe(p.probability);
    expect(points.at(-1)!.probability).toBe(0);
    expect(redCurve([])).toEqual([{ prepaymentFen: 0, probability: 0 }]);
  });
});

describe('sortRows', () => {
  const rows = [
    { name: '湖南', v: 2 },
    { name: 'Anhui', v: NaN },
    { name: 'Beijing', v: 5 },
    { name: 'Chongqing', v: 2 },
  ];
  test('numbers descending or ascending, ties in their order, NaN last either way', () => {
    expect(sortRows(rows, 'v', true).map((r) => r.name)).toEqual(['Beijing', '湖南', 'Chongqing', 'Anhui']);
    expect(sortRows(rows, 'v', false).map((r) => r.name)).toEqual(['湖南', 'Chongqing', 'Beijing', 'Anhui']);
  });
  test('texts by the language’s collation', () => {
    expect(sortRows(rows.slice(1), 'name', false).map((r) => r.name)).toEqual([
      'Anhui',
      'Beijing',
      'Chongqing',
    ]);
  });
});

describe('nextSort', () => {
  test('a new column sorts numbers descending and texts ascending; the same column reverses', () => {
    const start = { key: 'needed_fen', descending: true };
    expect(nextSort(start, 'needed_fen', false)).toEqual({ key: 'needed_fen', descending: false });
    expect(nextSort(start, 'name', true)).toEqual({ key: 'name', descending: false });
    expect(nextSort(start, 'red_probability', false)).toEqual({ key: 'red_probability', descending: true });
  });
});

describe('outstandingMonthsAtPeak (C5, C7)', () => {
  test('the default calendar holds about one month of claims when clearing money arrives', () => {
    const m = outstandingMonthsAtPeak(params.calendar);
    expect(m).toBeGreaterThan(1);
    expect(m).toBeLessThan(1.15);
    // Drawn at the day of care and repaid a month after the close (the old reading): about two months.
    const atCare: ClearingCalendar = {
      ...params.calendar,
      providerDeclarationDays: 0,
      providerPaymentDays: 1,
      resultsLagDays: 10,
    };
    expect(outstandingMonthsAtPeak(atCare)).toBeGreaterThan(1.9);
  });

  test('a 10-day cycle with a 10-day lag repays most claims before providers are paid', () => {
    const fast: ClearingCalendar = {
      ...params.calendar,
      cycle: { days: 10 },
      resultsLagDays: 4,
      confirmationLagDays: 3,
      transferLagDays: 3,
    };
    expect(outstandingMonthsAtPeak(fast)).toBeLessThan(0.5);
  });

  test('on a steady flow, the cleared peak usage is close to it ÷ the two months the rule holds', () => {
    const c = clearRun(
      steadyCube(24, () => 3_050_000),
      AREA_PROVINCE,
      PROVINCES,
      params,
      { start: '2026-01' },
    );
    const peak = c.provinceSummaries[0]!.peakUsage;
    expect(Math.abs(peak - outstandingMonthsAtPeak(params.calendar) / 2)).toBeLessThan(0.03);
  });
});
