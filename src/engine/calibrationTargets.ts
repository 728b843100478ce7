/**
 * The engine's calibration targets (引擎校准目标): the published 2024 within-province sharing
 * (省内共济, facts.md) beside the figures of a run of calibration-2024 — the year's person-times and
 * amount, the Oct–Dec / Jan–Sep monthly level, the Jan–Nov uses and the Jan–Oct geography — with
 * the tolerances the engine's calibration test holds them to. The Validation workspace shows them
 * as rows; `src/cli/engine.ts --seeds n` measures their sampling noise.
 */
import type { RangeResult } from './result';
import { PUBLISHED_2024, sharingFigures } from './report';

/** Tolerance of the year's person-times and amount, in percent (as in the calibration test). */
export const YEAR_TOLERANCE_PCT = 10;

/** Tolerance of seasonality, uses and geography, in percent (as in the calibration test). */
export const DETAIL_TOLERANCE_PCT = 15;

/** The unit of a target's values: yuan, person-times, a ratio of two amounts, a count, persons or percent. */
export type TargetUnit = 'yuan' | 'times' | 'ratio' | 'count' | 'persons' | 'percent';

/** A target before comparison: key, labels, unit, published value, model value and tolerance. */
export type EngineTarget = [
  name: string,
  zh: string,
  en: string,
  unit: TargetUnit,
  published: number,
  model: number,
  tol: number,
];

/**
 * The calibration targets of a run's result, `firstMonth` being the window's first month
 * (`2024-01`): published values from {@link PUBLISHED_2024}, model values from {@link sharingFigures}.
 */
export function calibrationTargets(result: RangeResult, firstMonth: string): EngineTarget[] {
  const f = sharingFigures(result, firstMonth);
  const P = PUBLISHED_2024;
  const Y = YEAR_TOLERANCE_PCT;
  const D = DETAIL_TOLERANCE_PCT;
  const use = f.janNovByUseYuan;
  return [
    ['year/times', '全年共济人次', 'person-times in the year', 'times', P.yearTimes, f.yearTimes, Y],
    ['year/amount', '全年共济金额', 'amount in the year', 'yuan', P.yearYuan, f.yearYuan, Y],
    [
      'season/oct-dec-vs-jan-sep',
      '10–12月月均金额 ÷ 1–9月月均金额',
      'monthly amount Oct–Dec ÷ Jan–Sep',
      'ratio',
      P.octDecYuan / 3 / (P.janSepYuan / 9),
      f.octDecMonthlyYuan / f.janSepMonthlyYuan,
      D,
    ],
    [
      'use/medical',
      '1–11月 医疗机构',
      'Jan–Nov, medical institutions',
      'yuan',
      P.janNovByUseYuan.medical,
      use.medical,
      D,
    ],
    [
      'use/pharmacy',
      '1–11月 定点药店',
      'Jan–Nov, pharmacies',
      'yuan',
      P.janNovByUseYuan.pharmacy,
      use.pharmacy,
      D,
    ],
    [
      'use/contributions',
      '1–11月 代缴参保费',
      'Jan–Nov, contributions paid for relatives',
      'yuan',
      P.janNovByUseYuan.contributions,
      use.contributions,
      D,
    ],
    ['use/total', '1–11月 合计', 'Jan–Nov, total', 'yuan', P.janNovByUseYuan.total, use.total, D],
    [
      'geo/same-area/times',
      '1–10月 统筹地区内 人次',
      'Jan–Oct, same pooling area, person-times',
      'times',
      P.janOctSameAreaTimes,
      f.janOctSameAreaTimes,
      D,
    ],
    [
      'geo/same-area/amount',
      '1–10月 统筹地区内 金额',
      'Jan–Oct, same pooling area, amount',
      'yuan',
      P.janOctSameAreaYuan,
      f.janOctSameAreaYuan,
      D,
    ],
    [
      'geo/same-province/times',
      '1–10月 省内跨统筹地区 人次',
      'Jan–Oct, other pooling area of the province, person-times',
      'times',
      P.janOctSameProvinceTimes,
      f.janOctSameProvinceTimes,
      D,
    ],
    [
      'geo/same-province/amount',
      '1–10月 省内跨统筹地区 金额',
      'Jan–Oct, other pooling area of the province, amount',
      'yuan',
      P.janOctSameProvinceYuan,
      f.janOctSameProvinceYuan,
      D,
    ],
  ];
}
