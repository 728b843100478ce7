import { describe, expect, test } from 'vitest';
import { runCalendar } from '../../src/clearing/calendar';
import { directSettlementMoments, pairShares, RETURN_WEIGHT } from '../../src/clearing/directSettlement';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
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
