import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../src/population/dataset';
import { provinceIndex } from '../../src/population/indexes';
import { buildOdFiles, loadDatasetFromDisk, OD_FIT_REPORT } from '../../src/population/node';
import type { Corridor } from '../../src/population/dataset';
import {
  corridorFloors,
  fitProportions,
  type OdProvince,
  originTotals,
  roundByColumn,
} from '../../src/population/odMatrix';
import { committed } from './helpers';

describe('the committed migrant matrix', () => {
  const ds = loadDatasetFromDisk();
  const n = ds.provinces.length;
  const row = (i: number) => ds.od.subarray(i * n, (i + 1) * n).reduce((s, x) => s + x, 0);
  const col = (j: number) => ds.provinces.reduce((s, _, i) => s + ds.od[i * n + j]!, 0);

  it('is rebuilt identically by buildOdMatrix, with its fit report', async () => {
    const built = await buildOdFiles();
    expect(built.csv).toBe(committed(DATA_FILES.od));
    expect(built.report).toBe(committed(OD_FIT_REPORT));
  });

  it('reproduces every destination inflow within 0.5%', () => {
    ds.provinces.forEach((p, j) => {
      expect(Math.abs(col(j) - p.inflow) / p.inflow, p.code2).toBeLessThan(0.005);
    });
  });

  it('has a zero diagonal and whole, non-negative persons', () => {
    for (let i = 0; i < n; i++) expect(ds.od[i * n + i]).toBe(0);
    expect(ds.od.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it('meets the known origin totals: Henan and Anhui within 2%, Sichuan at least 10 million', () => {
    expect(Math.abs(row(provinceIndex(ds.provinces, '41')) / 16_100_000 - 1)).toBeLessThan(0.02);
    expect(Math.abs(row(provinceIndex(ds.provinces, '34')) / 11_520_000 - 1)).toBeLessThan(0.02);
    expect(row(provinceIndex(ds.provinces, '51'))).toBeGreaterThanOrEqual(10_000_000 - 31);
  });

  it('holds Sichuan ("more than 10 million") above its bound by the shortfall of Sichuan → Zhejiang ≥ 1M', () => {
    const sichuan = row(provinceIndex(ds.provinces, '51'));
    const zhejiang = ds.od[provinceIndex(ds.provinces, '51') * n + provinceIndex(ds.provinces, '33')]!;
    // Margin well above the sampling noise of a 1:1000 sample of Sichuan's migrants (about 0.7%).
    expect(sichuan / 10_000_000 - 1).toBeGreaterThan(0.01);
    expect(zhejiang).toBeLessThan(1_000_000);
  });
});

describe('matrix building blocks', () => {
  const province = (code2: string, population: number, inflow: number, wageYuan: number): OdProvince => ({
    code2,
    population,
    inflow,
    wageYuan,
    outflow: null,
    outflowBound: null,
    capitalLat: 30,
    capitalLon: 110,
  });

  it('fitProportions reproduces row and column totals with a zero diagonal', () => {
    const seed = Float64Array.from([0, 1, 2, 1, 0, 1, 3, 1, 0]);
    const rows = Float64Array.from([30, 50, 20]);
    const cols = Float64Array.from([40, 25, 35]);
    const { flows, maxRowError } = fitProportions(seed, rows, cols);
    expect(maxRowError).toBeLessThan(1e-9);
    for (let j = 0; j < 3; j++) expect(flows[j]! + flows[3 + j]! + flows[6 + j]!).toBeCloseTo(cols[j]!, 9);
    expect([flows[0], flows[4], flows[8]]).toEqual([0, 0, 0]);
  });

  it('originTotals keeps published outflows, raises a province to its lower bound and fills the national total', () => {
    const ps = [
      { ...province('11', 1000, 300, 200), outflow: null },
      { ...province('41', 1000, 100, 100), outflow: 150, outflowBound: 'exact' as const },
      { ...province('51', 1000, 100, 400), outflow: 120, outflowBound: 'lower' as const },
    ];
    const { totals, kind } = originTotals(ps, 2);
    expect(kind).toEqual(['model', 'exact', 'lower']);
    expect(Array.from(totals)).toEqual([500 - 150 - 120, 150, 120]);
  });

  it('corridorFloors raises an origin held at a lower bound by its corridors’ shortfalls, and no other', () => {
    const ps = [
      { ...province('11', 1000, 300, 200), outflow: null },
      { ...province('41', 1000, 100, 100), outflow: 150, outflowBound: 'exact' as const },
      { ...province('51', 1000, 100, 400), outflow: 120, outflowBound: 'lower' as const },
    ];
    const origins = originTotals(ps, 2);
    // Flows (row-major): 51 → 11 is 70 and 51 → 41 is 50.
    const flows = Float64Array.from([0, 100, 130, 100, 0, 50, 70, 50, 0]);
    const corridor = (
      origin: string,
      destination: string,
      value: number,
      reliability: Corridor['reliability'],
    ) =>
      ({
        origin,
        destination,
        metric: 'lower-bound',
        value,
        year: '2020',
        use: 'check',
        reliability,
        source: '',
      }) as const;
    const floors = corridorFloors(
      flows,
      ps,
      [
        corridor('51', '11', 100, 'medium'), // short by 30
        corridor('51', '41', 40, 'high'), // met
        corridor('51', '41', 90, 'low'), // short, but low reliability: ignored
        corridor('11', '41', 500, 'high'), // origin not held at a bound
      ],
      origins,
    );
    expect(Array.from(floors)).toEqual([0, 0, 150]);
    const raised = originTotals(ps, 2, floors);
    expect(raised.kind).toEqual(['model', 'exact', 'lower']);
    expect(Array.from(raised.totals)).toEqual([500 - 150 - 150, 150, 150]);
  });

  it('originTotals gives low-wage provinces more leavers per head', () => {
    const { totals } = originTotals([province('a', 100, 50, 50), province('b', 100, 50, 100)], 1);
    expect(totals[0]! / totals[1]!).toBeCloseTo(2, 9);
  });

  it('roundByColumn keeps every column total exact and rounds to whole persons', () => {
    const flows = Float64Array.from([0, 1.4, 2.6, 1.5, 0, 0.7, 1.5, 2.6, 0]);
    const out = roundByColumn(flows, Float64Array.from([3, 4, 3.3 + 0.0]));
    expect(out.every(Number.isInteger)).toBe(true);
    expect(out[0]! + out[3]! + out[6]!).toBe(3);
    expect(out[1]! + out[4]! + out[7]!).toBe(4);
    expect([out[0], out[4], out[8]]).toEqual([0, 0, 0]);
  });
});
