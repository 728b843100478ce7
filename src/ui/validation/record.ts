/**
 * The five-year record's targets (五年累计目标): the notice's 2021–2025 totals of sharing within
 * provinces beside the record scenarios' runs added up, and the pooling areas and provinces with the
 * wallet by 30 June 2025 beside pilot-2025-wallet's rollout, as validation rows.
 */
import {
  PUBLISHED_RECORD,
  RECORD_TOLERANCE_PCT,
  type RecordFigures,
  type WalletReach,
} from '../../engine/record';
import { targetRecord } from './calibration';
import type { TargetRecord } from './sections';

/** A row against a published lower bound ("超"), within the record's tolerance below it. */
function lowerBoundRow(
  name: string,
  labelZh: string,
  labelEn: string,
  unit: TargetRecord['unit'],
  published: number,
  generated: number,
): TargetRecord {
  return targetRecord([name, labelZh, labelEn, unit, published, generated, RECORD_TOLERANCE_PCT], true);
}

/** A row against a published count: within when |relative error| ≤ the tolerance. */
function countRow(
  name: string,
  labelZh: string,
  labelEn: string,
  published: number,
  generated: number,
): TargetRecord {
  return targetRecord([name, labelZh, labelEn, 'count', published, generated, RECORD_TOLERANCE_PCT]);
}

/**
 * The record's rows: 2021–2025 person-times and amount (lower bounds), and the pooling areas and
 * provinces with the wallet by the end of June 2025.
 */
export function recordRecords(figures: RecordFigures, wallet: WalletReach): TargetRecord[] {
  const P = PUBLISHED_RECORD;
  return [
    lowerBoundRow(
      'record/times',
      '2021—2025年省内共济人次（公布：超7.8亿）',
      'person-times within provinces, 2021–2025 (published: over 780 million)',
      'times',
      P.times,
      figures.times,
    ),
    lowerBoundRow(
      'record/amount',
      '2021—2025年省内共济金额（公布：超1000亿元）',
      'amount within provinces, 2021–2025 (published: over 100 billion yuan)',
      'yuan',
      P.yuan,
      figures.yuan,
    ),
    countRow(
      'wallet/areas',
      '2025年6月底已开通医保钱包的统筹地区',
      'pooling areas with the wallet by the end of June 2025',
      P.walletAreas,
      wallet.areas,
    ),
    countRow(
      'wallet/provinces',
      '2025年6月底已开通医保钱包的省份（不含兵团）',
      'provinces with the wallet by the end of June 2025 (the Corps aside)',
      P.walletProvinces,
      wallet.provinces,
    ),
  ];
}
