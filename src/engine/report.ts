/**
 * A plain-text report of a run's sharing (共济结果报告): the year's person-times and amounts by
 * month, by use and by geography, with the published 2024 within-province figures beside them, for
 * the calibration command and the model document.
 */
import { monthNumber } from './input';
import { GEOGRAPHY_COUNT } from './codes';
import { fenField, series, SUMMARY, summaryIndex, timesField, type RangeResult } from './result';

/** Published 2024 within-province figures (facts.md), in person-times and yuan. */
export const PUBLISHED_2024 = {
  yearTimes: 3.71e8,
  yearYuan: 511.54e8,
  janSepYuan: 304.57e8,
  octDecYuan: 64.51e8 + 75.45e8 + 67.01e8,
  janNovByUseYuan: { medical: 343.1e8, pharmacy: 20.7e8, contributions: 74.8e8, total: 438.6e8 },
  janOctSameAreaTimes: 2.63e8,
  janOctSameAreaYuan: 329.75e8,
  janOctSameProvinceTimes: 1976.29e4,
  janOctSameProvinceYuan: 39.33e8,
} as const;

/** Figures of a run comparable with the published ones (weighted, in person-times and yuan). */
export interface SharingFigures {
  yearTimes: number;
  yearYuan: number;
  monthlyYuan: number[];
  janSepMonthlyYuan: number;
  octDecMonthlyYuan: number;
  janNovByUseYuan: { medical: number; pharmacy: number; contributions: number; total: number };
  janOctSameAreaTimes: number;
  janOctSameAreaYuan: number;
  janOctSameProvinceTimes: number;
  janOctSameProvinceYuan: number;
  janOctCrossProvinceYuan: number;
}

/** The run's figures for the calendar year of `firstMonth` (months outside the window count 0). */
export function sharingFigures(result: RangeResult, firstMonth: string): SharingFigures {
  const offset = monthNumber(firstMonth) % 12;
  const at = (m: number, f: number) => {
    const i = m - offset;
    return i >= 0 && i < result.months ? result.summary[summaryIndex(i, f)]! : 0;
  };
  const sum = (from: number, to: number, f: (m: number) => number) => {
    let s = 0;
    for (let m = from; m <= to; m++) s += f(m);
    return s;
  };
  const monthlyYuan = Array.from({ length: 12 }, (_, m) => at(m, SUMMARY.sharedFen) / 100);
  const use = (u: number) =>
    sum(0, 10, (m) => at(m, fenField(0, u)) + at(m, fenField(1, u)) + at(m, fenField(2, u))) / 100;
  const geo = (g: number, field: typeof timesField) => sum(0, 9, (m) => sum(0, 3, (u) => at(m, field(g, u))));
  const medical = use(0);
  const pharmacy = use(1);
  const contributions = use(2) + use(3);
  return {
    yearTimes: sum(0, 11, (m) => at(m, SUMMARY.personTimes)),
    yearYuan: monthlyYuan.reduce((s, x) => s + x, 0),
    monthlyYuan,
    janSepMonthlyYuan: sum(0, 8, (m) => monthlyYuan[m]!) / 9,
    octDecMonthlyYuan: sum(9, 11, (m) => monthlyYuan[m]!) / 3,
    janNovByUseYuan: { medical, pharmacy, contributions, total: medical + pharmacy + contributions },
    janOctSameAreaTimes: geo(0, timesField),
    janOctSameAreaYuan: geo(0, fenField) / 100,
    janOctSameProvinceTimes: geo(1, timesField),
    janOctSameProvinceYuan: geo(1, fenField) / 100,
    janOctCrossProvinceYuan: geo(2, fenField) / 100,
  };
}

/** The sum of summary field `field` over calendar months from..to (0-based) of the year of `firstMonth`. */
export function sumMonths(
  result: RangeResult,
  firstMonth: string,
  from: number,
  to: number,
  field: number,
): number {
  const offset = monthNumber(firstMonth) % 12;
  let s = 0;
  for (let m = from; m <= to; m++) {
    const i = m - offset;
    if (i >= 0 && i < result.months) s += result.summary[summaryIndex(i, field)]!;
  }
  return s;
}

/** Person-times of one use in January–November of the year of `firstMonth`. */
export function timesOfUse(result: RangeResult, firstMonth: string, use: number): number {
  const offset = monthNumber(firstMonth) % 12;
  let s = 0;
  for (let m = 0; m <= 10; m++) {
    const i = m - offset;
    if (i < 0 || i >= result.months) continue;
    for (let g = 0; g < GEOGRAPHY_COUNT; g++) s += result.summary[summaryIndex(i, timesField(g, use))]!;
  }
  return s;
}

const yi = (x: number) => `${(x / 1e8).toFixed(2)}亿`;
const pct = (x: number, ref: number) => `${x >= ref ? '+' : ''}${((x / ref - 1) * 100).toFixed(1)}%`;

/** Lines of text comparing a run's figures with the published 2024 figures. */
export function sharingReport(result: RangeResult, firstMonth: string): string[] {
  const f = sharingFigures(result, firstMonth);
  const P = PUBLISHED_2024;
  const u = f.janNovByUseYuan;
  const lines = [
    `year: ${yi(f.yearTimes)} person-times (published ${yi(P.yearTimes)}, ${pct(f.yearTimes, P.yearTimes)}), ` +
      `${yi(f.yearYuan)} yuan (published ${yi(P.yearYuan)}, ${pct(f.yearYuan, P.yearYuan)})`,
    `monthly yuan: ${f.monthlyYuan.map((x) => (x / 1e8).toFixed(1)).join(' ')} (亿)`,
    `Oct–Dec / Jan–Sep monthly level: ${(f.octDecMonthlyYuan / f.janSepMonthlyYuan).toFixed(2)} (published ${(P.octDecYuan / 3 / (P.janSepYuan / 9)).toFixed(2)})`,
    `Jan–Nov by use: medical ${yi(u.medical)} (${pct(u.medical, P.janNovByUseYuan.medical)}), pharmacy ${yi(u.pharmacy)} ` +
      `(${pct(u.pharmacy, P.janNovByUseYuan.pharmacy)}), contributions ${yi(u.contributions)} (${pct(u.contributions, P.janNovByUseYuan.contributions)}), ` +
      `total ${yi(u.total)} (${pct(u.total, P.janNovByUseYuan.total)})`,
    `Jan–Oct same pooling area: ${yi(f.janOctSameAreaTimes)} times (${pct(f.janOctSameAreaTimes, P.janOctSameAreaTimes)}), ${yi(f.janOctSameAreaYuan)} yuan (${pct(f.janOctSameAreaYuan, P.janOctSameAreaYuan)})`,
    `Jan–Oct other pooling area, same province: ${yi(f.janOctSameProvinceTimes)} times (${pct(f.janOctSameProvinceTimes, P.janOctSameProvinceTimes)}), ` +
      `${yi(f.janOctSameProvinceYuan)} yuan (${pct(f.janOctSameProvinceYuan, P.janOctSameProvinceYuan)})`,
    `Jan–Oct cross-province: ${yi(f.janOctCrossProvinceYuan)} yuan`,
    `cross-province quota increases (wallet transfers) Jan–Jul: ${sumMonths(result, firstMonth, 0, 6, SUMMARY.crossQuotaSets).toFixed(0)} ` +
      `for ${yi(sumMonths(result, firstMonth, 0, 6, SUMMARY.crossQuotaSetFen) / 100)} yuan; year: ` +
      `${sumMonths(result, firstMonth, 0, 11, SUMMARY.crossQuotaSets).toFixed(0)} for ${yi(sumMonths(result, firstMonth, 0, 11, SUMMARY.crossQuotaSetFen) / 100)} yuan`,
    `Jan–Nov person-times by use: ${[0, 1, 2, 3].map((u) => yi(timesOfUse(result, firstMonth, u))).join(' ')}`,
    `relationships at the end: ${yi(result.summary[summaryIndex(result.months - 1, SUMMARY.active)]!)}; ` +
      `max residual ${Math.max(...result.residual)} fen`,
    `relatives insured thanks to sharing (R2): ${series(result, SUMMARY.enrolled).reduce((a, b) => a + b, 0)}`,
  ];
  return lines;
}
