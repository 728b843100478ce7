import { expect, test } from 'vitest';
import { PUBLISHED_RECORD, type RecordFigures } from '../../../src/engine/record';
import { recordRecords } from '../../../src/ui/validation/record';

/** A record whose totals are the published bounds times `times` and `yuan`. */
const figures = (times: number, yuan: number): RecordFigures => ({
  years: [],
  times: PUBLISHED_RECORD.times * times,
  yuan: PUBLISHED_RECORD.yuan * yuan,
});
const reach = { areas: 316, provinces: 30 };
const byName = (f: RecordFigures, wallet = reach) =>
  new Map(recordRecords(f, wallet).map((r) => [r.name, r]));

test('the record rows carry the notice’s figures: over 7.8亿 person-times, over 1,000亿元, 337 pooling areas, 30 provinces', () => {
  const rows = recordRecords(figures(1.2, 1.3), reach);
  expect(rows.map((r) => [r.name, r.unit, r.published, r.tolerancePct, r.lowerBound ?? false])).toEqual([
    ['record/times', 'times', 780_000_000, 15, true],
    ['record/amount', 'yuan', 100_000_000_000, 15, true],
    ['wallet/areas', 'count', 337, 15, false],
    ['wallet/provinces', 'count', 30, 15, false],
  ]);
  for (const r of rows) {
    expect(r.labelZh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.labelEn).toMatch(/^[\x20-\x7e–’]+$/);
  }
});

test('a lower bound is met by any model value above it and by one at most 15% below it', () => {
  const above = byName(figures(1.66, 1.97));
  expect(above.get('record/times')!.within).toBe(true);
  expect(above.get('record/amount')!.relError).toBeCloseTo(0.97, 12);
  expect(above.get('record/amount')!.within).toBe(true);
  const justBelow = byName(figures(0.86, 0.85));
  expect(justBelow.get('record/times')!.within).toBe(true);
  expect(justBelow.get('record/amount')!.within).toBe(true);
  const farBelow = byName(figures(0.84, 0.5));
  expect(farBelow.get('record/times')!.within).toBe(false);
  expect(farBelow.get('record/amount')!.relError).toBeCloseTo(-0.5, 12);
  expect(farBelow.get('record/amount')!.within).toBe(false);
});

test('the wallet counts must be within 15% either way', () => {
  const rows = byName(figures(1, 1), { areas: 316, provinces: 30 });
  expect(rows.get('wallet/areas')!.relError).toBeCloseTo(316 / 337 - 1, 12);
  expect(rows.get('wallet/areas')!.within).toBe(true);
  expect(rows.get('wallet/provinces')!.within).toBe(true);
  const over = byName(figures(1, 1), { areas: 390, provinces: 31 });
  expect(over.get('wallet/areas')!.within).toBe(false);
  const under = byName(figures(1, 1), { areas: 280, provinces: 25 });
  expect(under.get('wallet/areas')!.within).toBe(false);
  expect(under.get('wallet/provinces')!.within).toBe(false);
});
