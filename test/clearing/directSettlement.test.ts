import { describe, expect, test } from 'vitest';
import { runCalendar } from '../../src/clearing/calendar';
import { directSettlementMoments, pairShares, RETURN_WEIGHT } from '../../src/clearing/directSettlement';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import type { Dataset } from '../../src/population/dataset';
import { loadDatasetFromDisk } from '../../src/population/node';

const dataset = loadDatasetFromDisk();
const P = dataset.provinces.length;
const calendar = DEFAULT_CLEARING_PARAMETERS.calendar;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('directSettlementMoments (C5)', () => {
  test('a 2024 year adds up to the published 1,947.24亿元 of fund payments, whatever the growth', () => {
    for (const g of [0, 0.064, 0.3]) {
      const m = directSettlementMoments(dataset, runCalendar('2024-01', 12, calendar), {
        history: g,
        run: g,
      });
      expect(sum(m.meanFen) / 1e10).toBeCloseTo(1947.24, 6);
    }
  });

  test('the first quarter runs 12% below the other months, and later years grow by the run growth', () => {
    const cal = runCalendar('2026-01', 12, calendar);
    const m = directSettlementMoments(dataset, cal, { history: 0.064, run: 0.1 }, 12);
    const month = (k: number) => sum(m.meanFen.subarray(k * P * P, (k + 1) * P * P));
    expect(month(12) / month(15)).toBeCloseTo(0.88, 9);
    // 2025 (before the run) grew at the history rate, 2026 at the run's.
    expect(month(15) / month(3)).toBeCloseTo(1.1, 9);
    const year2025 = sum(m.meanFen.subarray(0, 12 * P * P));
    expect(year2025 / 1e10).toBeCloseTo(1947.24 * 1.064, 5);
  });

  test('a pair month is a sum of many bills: its variance is person-times × mean bill² × (1 + cv²)', () => {
    const m = directSettlementMoments(dataset, runCalendar('2024-01', 1, calendar), { history: 0, run: 0 });
    const inpatient = dataset.directSettlement.find((t) => t.type === 'inpatient')!;
    const shares = pairShares(dataset);
    // Hebei → Beijing, inpatient part of January: the other kinds add their own.
    const c =
      dataset.provinces.findIndex((p) => p.code2 === '13') * P +
      dataset.provinces.findIndex((p) => p.code2 === '11');
    const january = 0.88 / (3 * 0.88 + 9);
    const times = inpatient.personTimes * january * shares[c]!;
    const bill = (inpatient.amountYuan * 100) / inpatient.personTimes;
    expect(m.varianceFen2[c]!).toBeGreaterThan(times * bill * bill * (1 + inpatient.billCv ** 2));
    expect(Math.sqrt(m.varianceFen2[c]!) / m.meanFen[c]!).toBeLessThan(0.05);
  });

  test('pairs share by migrants from the insured place living in the treatment place, and a quarter of the reverse', () => {
    const shares = pairShares(dataset);
    expect(sum(shares)).toBeCloseTo(1, 12);
    for (let i = 0; i < P; i++) expect(shares[i * P + i]).toBe(0);
    const [a, b] = [3, 17];
    const ratio = shares[a * P + b]! / shares[b * P + a]!;
    const od = dataset.od;
    expect(ratio).toBeCloseTo(
      (od[a * P + b]! + RETURN_WEIGHT * od[b * P + a]!) / (od[b * P + a]! + RETURN_WEIGHT * od[a * P + b]!),
      9,
    );
  });
});

describe('direct settlement on a dataset written by hand', () => {
  /** Two provinces: 100 migrants from 0 live in 1, 40 from 1 in 0; one kind of care published for 2024. */
  const tiny = {
    provinces: [{ code2: '11' }, { code2: '44' }],
    od: Float64Array.of(0, 100, 40, 0),
    directSettlement: [
      { type: 'inpatient', year: 2024, personTimes: 1_200, amountYuan: 1_200_000, q1Factor: 0.5, billCv: 2 },
    ],
  } as unknown as Dataset;

  test('pairShares: migrants from the insured place in the treatment place, plus a quarter of the reverse', () => {
    // 0 → 1: 100 + 0.25 × 40 = 110; 1 → 0: 40 + 0.25 × 100 = 65; of 175.
    expect(Array.from(pairShares(tiny))).toEqual([0, 110 / 175, 65 / 175, 0]);
    const empty = { ...tiny, od: new Float64Array(4) } as unknown as Dataset;
    expect(Array.from(pairShares(empty))).toEqual([0, 0, 0, 0]);
  });

  test('pairShares leaves out a province’s flows with itself, even when the migrant matrix counts them', () => {
    const withStayers = { ...tiny, od: Float64Array.of(30, 100, 40, 20) } as unknown as Dataset;
    expect(Array.from(pairShares(withStayers))).toEqual([0, 110 / 175, 65 / 175, 0]);
  });

  test('a month’s flows: its share of the year (Q1 at its factor), grown by the year, spread over pairs', () => {
    // Months: Q1 at 0.5, the rest at 1, so January's share of a year is 0.5 ÷ 10.5. Index 0 is
    // December 2024 (the published year), 1 January 2025 (grown at the history rate: the year before
    // the run), 13 January 2026 (the run's year: grown at the run's rate).
    const cal = runCalendar('2026-01', 1, calendar);
    const m = directSettlementMoments(tiny, cal, { history: 0.1, run: 0.5 }, 13);
    expect(m).toMatchObject({ provinces: 2, months: 14 });
    const year = 120_000_000; // fen
    expect(m.meanFen[0 * 4 + 1]).toBeCloseTo(((year * 1) / 10.5) * (110 / 175), 4);
    expect(m.meanFen[1 * 4 + 1]).toBeCloseTo(((year * 0.5) / 10.5) * 1.1 * (110 / 175), 4);
    expect(m.meanFen[13 * 4 + 2]).toBeCloseTo(((year * 0.5) / 10.5) * 1.1 * 1.5 * (65 / 175), 4);
    expect([m.meanFen[13 * 4], m.meanFen[13 * 4 + 3]]).toEqual([0, 0]);
    // Variance: person-times × mean bill² × (1 + cv²) on the pair's share; the mean bill is 100,000 fen.
    expect(m.varianceFen2[0 * 4 + 1]! / ((1_200 / 10.5) * 1e10 * 5 * (110 / 175))).toBeCloseTo(1, 12);
    expect(m.varianceFen2[13 * 4 + 2]! / ((1_200 / 10.5) * 0.5 * 1.65 * 1e10 * 5 * (65 / 175))).toBeCloseTo(
      1,
      12,
    );
  });
});
