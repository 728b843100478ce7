import { describe, expect, test } from 'vitest';
import { DEFAULT_CLEARING_PARAMETERS } from '../../../src/clearing/parameters';
import { clearRun } from '../../../src/clearing/run';
import { dayText, moneyUnit, provinceDailyTable } from '../../../src/ui/prepayment/data';
import { AREA_PROVINCE, PROVINCES, randomCube, steadyCube } from '../../clearing/helpers';

const options = { start: '2026-01' };

describe('dayText', () => {
  test('day 0 is the first of the start month; days run across month and year ends', () => {
    expect(dayText({ start: '2026-01' }, 0)).toBe('2026-01-01');
    expect(dayText({ start: '2026-01' }, 31)).toBe('2026-02-01');
    expect(dayText({ start: '2026-01' }, 365)).toBe('2027-01-01');
    expect(dayText({ start: '2024-02' }, 28)).toBe('2024-02-29');
  });
});

describe('provinceDailyTable', () => {
  const r = clearRun(randomCube('daily', 12), AREA_PROVINCE, PROVINCES, DEFAULT_CLEARING_PARAMETERS, options);
  const t = provinceDailyTable(r);
  const col = t.columns as unknown as Record<string, ArrayLike<number> & { [i: number]: number }> & {
    date: string[];
  };

  test('one row per insured province with prepayments and tracked day', () => {
    const provinces = new Set(r.prepayments.map((p) => p.insured));
    expect(col.day!.length).toBe(provinces.size * r.calendar.horizonDays);
    expect(col.date![0]).toBe('2026-01-01');
  });

  test('the worst usage is the highest of the province’s prepayments that day, and amounts add up', () => {
    const days = r.calendar.horizonDays;
    for (let row = 0; row < col.day!.length; row += 17) {
      const i = col.insured_province![row]!;
      const d = col.day![row]!;
      const mine = r.prepayments.filter((p) => p.insured === i);
      expect(col.worst_usage![row]).toBe(Math.max(...mine.map((p) => p.reachedUsage[d]!)));
      const out = mine.reduce((a, p) => a + p.outstandingFen[d]!, 0);
      const pre = mine.reduce((a, p) => a + p.prepaymentFen[d]!, 0);
      expect(col.outstanding_fen![row]).toBe(out);
      expect(col.prepayment_fen![row]).toBe(pre);
      expect(col.usage![row]).toBeCloseTo(pre > 0 ? out / pre : 0, 12);
      expect(d).toBe(row % days);
    }
  });

  test('a steady flow sized at two months of its average peaks near half of it: about one month is out before each repayment', () => {
    const steady = clearRun(
      steadyCube(12, () => 3_000_000),
      AREA_PROVINCE,
      PROVINCES,
      DEFAULT_CLEARING_PARAMETERS,
      options,
    );
    const worst = provinceDailyTable(steady).columns.worst_usage as Float64Array;
    const peak = Math.max(...worst);
    expect(peak).toBeGreaterThan(0.45);
    expect(peak).toBeLessThanOrEqual(0.57);
  });
});

describe('moneyUnit', () => {
  test('万元 below 1亿元 and 亿元 above in Chinese; million and billion yuan in English', () => {
    expect(moneyUnit(5e9, 'zh')).toEqual({ divisor: 1e6, label: '万元' });
    expect(moneyUnit(2e10, 'zh')).toEqual({ divisor: 1e10, label: '亿元' });
    expect(moneyUnit(5e10, 'en')).toEqual({ divisor: 1e8, label: 'million yuan' });
    expect(moneyUnit(2e11, 'en')).toEqual({ divisor: 1e11, label: 'billion yuan' });
  });
});
