import { describe, expect, test } from 'vitest';
import {
  deriveSeed,
  monteCarlo,
  prepaymentAtConfidence,
  redProbabilityAt,
} from '../../../src/clearing/montecarlo';
import { DEFAULT_CLEARING_PARAMETERS } from '../../../src/clearing/parameters';
import { clearRun, type ProvinceSummary } from '../../../src/clearing/run';
import {
  CONFIDENCES,
  defaultProvince,
  neededAtConfidence,
  outstandingMonthsAtPeak,
  peakBands,
  rankProvinces,
  redCurve,
  sortRows,
  warningLevel,
} from '../../../src/ui/prepayment/model';
import { nextSort } from '../../../src/ui/prepayment/table';
import { AREA_PROVINCE, PROVINCES, randomCube, steadyCube } from '../../clearing/helpers';

const params = DEFAULT_CLEARING_PARAMETERS;
const R = 30;
const mc = monteCarlo(
  { replications: R, replicate: (r) => randomCube(deriveSeed('ui', r), 12) },
  AREA_PROVINCE,
  PROVINCES,
  params,
  { start: '2026-01' },
);

const summary = (
  province: number,
  peakUsage: number,
  redWarnings = 0,
  openingPrepaymentFen = 0,
): ProvinceSummary => ({
  province,
  peakUsage,
  redWarnings,
  openingPrepaymentFen,
  yellowWarnings: 0,
  topUps: 0,
  topUpFen: 0,
});

describe('rankProvinces and defaultProvince', () => {
  test('the highest peak usage comes first; ties go to more red warnings, then the larger prepayment, then the index', () => {
    const s = [
      summary(0, 0.8),
      summary(1, 1.2),
      summary(2, 0.95, 1, 10),
      summary(3, 0.95, 1, 20),
      summary(4, 0.95, 2),
    ];
    expect(rankProvinces(s)).toEqual([1, 4, 3, 2, 0]);
    expect(defaultProvince(s)).toBe(1);
    expect(defaultProvince([])).toBe(-1);
  });

  test('claims against no prepayment (usage ∞) rank first', () => {
    expect(defaultProvince([summary(0, 2), summary(1, Infinity)])).toBe(1);
  });

  test('on a real clearing the default province has the largest peak usage', () => {
    const c = clearRun(randomCube('rank', 12), AREA_PROVINCE, PROVINCES, params, { start: '2026-01' });
    const p = defaultProvince(c.provinceSummaries);
    expect(c.provinceSummaries[p]!.peakUsage).toBe(Math.max(...c.provinceSummaries.map((x) => x.peakUsage)));
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

describe('neededAtConfidence (C5, C6)', () => {
  test('gives the clearing’s prepaymentAtConfidence for every province, with P(red) at it within 1 − confidence', () => {
    for (const c of CONFIDENCES) {
      const needed = neededAtConfidence(mc, c);
      expect(needed).toHaveLength(PROVINCES);
      for (const n of needed) {
        const p = mc.provinceResults[n.province]!;
        expect(n.neededFen).toBe(prepaymentAtConfidence(p, c));
        expect(n.neededFen).toBeGreaterThanOrEqual(0);
        expect(n.redProbabilityAtNeeded).toBeLessThanOrEqual(1 - c + 1e-12);
        expect(n.redProbabilityAtNeeded).toBe(redProbabilityAt(p, n.neededFen));
        expect(n.sizedFen).toBe(Math.round(p.sizedPrepaymentMeanFen));
        expect(n.redProbabilityAtSized).toBe(p.redProbabilityAtMeanSize);
        expect(n.redProbability).toBe(p.redProbability);
        expect(n.ratio).toBeCloseTo(n.neededFen / n.sizedFen, 12);
      }
    }
  });

  test('a higher confidence never needs less', () => {
    const [a, b, c] = CONFIDENCES.map((x) => neededAtConfidence(mc, x));
    for (let i = 0; i < PROVINCES; i++) {
      expect(b![i]!.neededFen).toBeGreaterThanOrEqual(a![i]!.neededFen);
      expect(c![i]!.neededFen).toBeGreaterThanOrEqual(b![i]!.neededFen);
    }
  });
});

describe('peakBands', () => {
  test('low, median and high are the 5%, 50% and 95% quantiles of peak usage across replications', () => {
    const bands = peakBands(mc);
    for (const b of bands) {
      const p = mc.provinceResults[b.province]!;
      expect([b.low, b.median, b.high]).toEqual(p.peakUsageQuantiles);
      expect([b.lowQuantile, b.highQuantile]).toEqual([0.05, 0.95]);
      expect(b.low).toBeLessThanOrEqual(b.median);
      expect(b.median).toBeLessThanOrEqual(b.high);
      const sorted = Array.from(p.peakUsage).sort((x, y) => x - y);
      expect(b.low).toBeGreaterThanOrEqual(sorted[0]!);
      expect(b.high).toBeLessThanOrEqual(sorted.at(-1)!);
    }
  });

  test('quantiles in any order: the band takes the smallest, the largest and the one nearest the median', () => {
    const other = monteCarlo(
      { replications: 5, replicate: (r) => randomCube(deriveSeed('q', r), 12) },
      AREA_PROVINCE,
      PROVINCES,
      params,
      { start: '2026-01', quantiles: [0.9, 0.1, 0.6] },
    );
    const b = peakBands(other)[0]!;
    expect([b.lowQuantile, b.highQuantile]).toEqual([0.1, 0.9]);
    expect(b.median).toBe(other.provinceResults[0]!.peakUsageQuantiles[2]);
  });
});

describe('redCurve', () => {
  test('just above every point, and at the sized and needed prepayments, it agrees with redProbabilityAt', () => {
    for (const p of mc.provinceResults) {
      const points = redCurve(p);
      expect(points[0]!.prepaymentFen).toBe(0);
      for (let i = 1; i < points.length; i++) {
        expect(points[i]!.prepaymentFen).toBeGreaterThan(points[i - 1]!.prepaymentFen);
        expect(points[i]!.probability).toBeLessThan(points[i - 1]!.probability);
        // Just above the point: halfway to the next one (critical sizes may lie less than a fen apart).
        const next = points[i + 1]?.prepaymentFen ?? points[i]!.prepaymentFen + 2;
        expect(redProbabilityAt(p, (points[i]!.prepaymentFen + next) / 2)).toBe(points[i]!.probability);
      }
      expect(points.at(-1)!.probability).toBe(0);
      const at = (x: number) => [...points].reverse().find((q) => q.prepaymentFen < x)?.probability ?? 0;
      for (const x of [Math.round(p.sizedPrepaymentMeanFen), p.neededPrepaymentFen]) {
        expect(at(x)).toBe(redProbabilityAt(p, x));
      }
    }
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
    const start = { key: 'peak_usage', descending: true };
    expect(nextSort(start, 'peak_usage', false)).toEqual({ key: 'peak_usage', descending: false });
    expect(nextSort(start, 'name', true)).toEqual({ key: 'name', descending: false });
    expect(nextSort(start, 'red_warnings', false)).toEqual({ key: 'red_warnings', descending: true });
  });
});

describe('outstandingMonthsAtPeak (C5, C7)', () => {
  test('the monthly calendar with its 31-day lag holds about two months of claims before money arrives', () => {
    const m = outstandingMonthsAtPeak(params.calendar);
    expect(m).toBeCloseTo(1 + 31 / 30.4375, 10);
    expect(m / 2).toBeGreaterThan(params.warnings.red);
  });
  test('a 10-day cycle with a 10-day lag holds well under a month', () => {
    const m = outstandingMonthsAtPeak({
      cycle: { days: 10 },
      resultsLagDays: 4,
      confirmationLagDays: 3,
      transferLagDays: 3,
    });
    expect(m).toBeCloseTo(20 / 30.4375, 10);
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
    expect(peak).toBeGreaterThan(0.9);
    expect(Math.abs(peak - outstandingMonthsAtPeak(params.calendar) / 2)).toBeLessThan(0.05);
  });
});
