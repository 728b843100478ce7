import { describe, expect, test } from 'vitest';
import { simulateRange, SUMMARY, summaryIndex } from '../../src/engine';
import {
  PUBLISHED_RECORD,
  RECORD_SCENARIOS,
  recordFigures,
  WALLET_SCENARIO,
  walletReach,
  yearSharing,
} from '../../src/engine/record';
import { sharingFigures } from '../../src/engine/report';
import { sampleSize } from '../../src/population/generate';
import { toRuleParameters } from '../../src/scenario';
import { scenario } from '../scenario/helpers';
import { inputOf, population } from './helpers';

const k = 10_000;
const runOf = (name: string, edit?: Parameters<typeof inputOf>[2]) => {
  const input = inputOf(name, k, edit);
  return { input, result: simulateRange(input, 0, sampleSize(population().model, k)) };
};

describe('the record scenarios reach the notice’s five-year record of sharing within provinces (1:10000)', () => {
  const runs = RECORD_SCENARIOS.map((name) => runOf(name));
  const parts = runs.map(({ input, result }) => ({ result, firstMonth: input.window.start }));
  const record = recordFigures(parts);

  test('the two runs cover 2021 to 2025, each year once, and add up month by month', () => {
    expect(record.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    let times = 0;
    for (const { result } of runs)
      for (let m = 0; m < result.months; m++) times += result.summary[summaryIndex(m, SUMMARY.personTimes)]!;
    expect(record.times).toBe(times);
    for (const y of record.years) expect(y.yuan).toBeGreaterThan(0);
  });

  test('2021–2025 person-times and amount are at least the published lower bounds less 15%', () => {
    expect(record.times).toBeGreaterThanOrEqual(PUBLISHED_RECORD.times * 0.85);
    expect(record.yuan).toBeGreaterThanOrEqual(PUBLISHED_RECORD.yuan * 0.85);
  });

  test('the years before 2024, under the 2021 rules, share less each year than 2024 does', () => {
    const by = new Map(record.years.map((y) => [y.year, y]));
    for (const year of [2021, 2022, 2023]) expect(by.get(year)!.yuan).toBeLessThan(by.get(2024)!.yuan);
    expect(by.get(2021)!.yuan).toBeLessThan(by.get(2022)!.yuan);
    expect(by.get(2022)!.yuan).toBeLessThan(by.get(2023)!.yuan);
  });

  test('2024 of record-2024-2025 is calibration-2024’s year (same rules, behaviour and seed), within 2%', () => {
    const calibration = runOf('calibration-2024');
    const year = sharingFigures(calibration.result, calibration.input.window.start);
    const y2024 = record.years.find((y) => y.year === 2024)!;
    expect(Math.abs(y2024.times / year.yearTimes - 1)).toBeLessThan(0.02);
    expect(Math.abs(y2024.yuan / year.yearYuan - 1)).toBeLessThan(0.02);
  });

  test('the relationships standing at the end of 2023 are about as many as calibration-2024 starts with within pooling areas (15%)', () => {
    const early = runs[0]!.result;
    const endOf2023 = early.summary[summaryIndex(early.months - 1, SUMMARY.active)]!;
    const stock = runOf('calibration-2024', (s) => {
      s.window = { start: '2024-01', end: '2024-01' };
      s.behaviour.uptake.initialShare.sameProvince = 0;
    }).result;
    const startOf2024 = stock.summary[summaryIndex(0, SUMMARY.setUpStock)]!;
    expect(Math.abs(endOf2023 / startOf2024 - 1)).toBeLessThan(0.15);
  });
});

test('a year covered by two runs is refused, naming the year', () => {
  const { input, result } = runOf('calibration-2024', (s) => {
    s.window = { start: '2024-11', end: '2025-02' };
  });
  const part = { result, firstMonth: input.window.start };
  expect(yearSharing(result, input.window.start).map((y) => y.year)).toEqual([2024, 2025]);
  expect(() => recordFigures([part, part])).toThrow(/both cover 2024/);
});

describe('the wallet’s reach by the end of June 2025 (pilot-2025-wallet)', () => {
  const { dataset } = population();
  const geography = () => toRuleParameters(scenario(WALLET_SCENARIO)).geography;

  test('every pooling area but Guangdong’s 21: 316 areas in 30 provinces, within 15% of the published 337', () => {
    const reach = walletReach(geography(), dataset, PUBLISHED_RECORD.walletMonth);
    const guangdong = dataset.poolingAreas.filter((a) => dataset.provinces[a.province]!.code2 === '44');
    expect(guangdong).toHaveLength(21);
    expect(reach).toEqual({ areas: dataset.poolingAreas.length - 21, provinces: 30 });
    expect(reach.provinces).toBe(PUBLISHED_RECORD.walletProvinces);
    expect(Math.abs(reach.areas / PUBLISHED_RECORD.walletAreas - 1)).toBeLessThan(0.15);
  });

  test('a pooling area’s own month comes before its province’s, and a month before the rollout counts none', () => {
    const g = geography();
    g.rollout.byPoolingArea['440300'] = '2025-03';
    const reach = walletReach(g, dataset, '2025-06');
    expect(reach).toEqual({ areas: dataset.poolingAreas.length - 20, provinces: 31 });
    expect(walletReach(g, dataset, '2025-02')).toEqual({ areas: 0, provinces: 0 });
    expect(walletReach(g, dataset, '2025-10').areas).toBe(dataset.poolingAreas.length);
  });

  test('with cross-province sharing closed the wallet is live nowhere', () => {
    const g = { ...geography(), crossProvince: false };
    expect(walletReach(g, dataset, '2030-12')).toEqual({ areas: 0, provinces: 0 });
  });
});
