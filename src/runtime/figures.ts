/**
 * The figures of a run that differences and sweeps compare (比较指标): totals of the whole population
 * read off one simulated result (weighted by k), so each replication of a run gives its own value of
 * every figure. Money in fen, counts in person-times or relationships.
 */
import type { RangeResult } from '../engine';
import { FEN_AT, SUMMARY, SUMMARY_FIELDS, TIMES_AT } from '../engine/result';
import { PERMITTED_USES, type PermittedUse } from '../rules/types';
import type { Message } from '../text/i18n';

/** What a figure counts. */
export type FigureUnit = 'fen' | 'person-times' | 'relationships';

/** One figure: its key, its name in both languages, its unit, and how to read it off a result. */
export interface Figure {
  key: string;
  label: Message;
  unit: FigureUnit;
  read(result: RangeResult): number;
}

/** The sum over the months of summary field `field`. */
function overMonths(r: RangeResult, field: number): number {
  let s = 0;
  for (let m = 0; m < r.months; m++) s += r.summary[m * SUMMARY_FIELDS + field]!;
  return s;
}

/** The value of summary field `field` in the window's last month. */
const atEnd = (r: RangeResult, field: number): number =>
  r.months > 0 ? r.summary[(r.months - 1) * SUMMARY_FIELDS + field]! : 0;

const GEOGRAPHY_LABELS: readonly Message[] = [
  { en: 'same pooling area', zh: '同一统筹地区' },
  { en: 'same province', zh: '省内跨统筹地区' },
  { en: 'cross-province', zh: '跨省' },
];
const GEOGRAPHY_KEYS = ['samePoolingArea', 'sameProvince', 'crossProvince'];
const USE_LABELS: Record<PermittedUse, Message> = {
  medical: { en: 'medical bills', zh: '医疗费用' },
  pharmacy: { en: 'pharmacy purchases', zh: '药店购药' },
  'resident-contribution': { en: 'resident contributions', zh: '居民医保缴费' },
  'ltc-contribution': { en: 'long-term-care contributions', zh: '长期护理保险缴费' },
};

/** Fen (or person-times) paid from quotas for geographies `geos` and uses `uses`. */
function paid(
  r: RangeResult,
  geos: readonly number[],
  uses: readonly number[],
  what: 'fen' | 'times',
): number {
  let s = 0;
  for (const g of geos)
    for (const u of uses) s += overMonths(r, (what === 'fen' ? FEN_AT : TIMES_AT) + g * 4 + u);
  return s;
}

const ALL_USES = PERMITTED_USES.map((_, u) => u);
const ALL_GEOS = GEOGRAPHY_KEYS.map((_, g) => g);

/** Every figure, in the order tables list them. */
export const FIGURES: readonly Figure[] = [
  {
    key: 'sharedFen',
    label: { en: 'paid from quotas', zh: '共济支付金额' },
    unit: 'fen',
    read: (r) => paid(r, ALL_GEOS, ALL_USES, 'fen'),
  },
  {
    key: 'personTimes',
    label: { en: 'payments from quotas (person-times)', zh: '共济支付人次' },
    unit: 'person-times',
    read: (r) => paid(r, ALL_GEOS, ALL_USES, 'times'),
  },
  ...GEOGRAPHY_KEYS.map((key, g): Figure => ({
    key: `${key}Fen`,
    label: {
      en: `paid from quotas, ${GEOGRAPHY_LABELS[g]!.en}`,
      zh: `共济支付金额（${GEOGRAPHY_LABELS[g]!.zh}）`,
    },
    unit: 'fen',
    read: (r) => paid(r, [g], ALL_USES, 'fen'),
  })),
  {
    key: 'crossProvinceTimes',
    label: { en: 'cross-province payments (person-times)', zh: '跨省共济人次' },
    unit: 'person-times',
    read: (r) => paid(r, [2], ALL_USES, 'times'),
  },
  ...PERMITTED_USES.map((use, u): Figure => ({
    key: `use:${use}`,
    label: { en: `paid from quotas for ${USE_LABELS[use].en}`, zh: `共济支付${USE_LABELS[use].zh}金额` },
    unit: 'fen',
    read: (r) => paid(r, ALL_GEOS, [u], 'fen'),
  })),
  {
    key: 'relationships',
    label: { en: 'relationships set up (with the starting stock)', zh: '建立的共济关系（含期初存量）' },
    unit: 'relationships',
    read: (r) => overMonths(r, SUMMARY.setUp) + overMonths(r, SUMMARY.setUpStock),
  },
  {
    key: 'activeAtEnd',
    label: { en: 'relationships active at the end', zh: '期末有效共济关系' },
    unit: 'relationships',
    read: (r) => atEnd(r, SUMMARY.active),
  },
  {
    key: 'frozenAtEnd',
    label: { en: 'quotas and wallets at the end', zh: '期末冻结额度与钱包余额' },
    unit: 'fen',
    read: (r) => atEnd(r, SUMMARY.quotaFrozenFen) + atEnd(r, SUMMARY.walletFen),
  },
];

/** Every figure of `result`, by key. */
export function readFigures(result: RangeResult): Record<string, number> {
  return Object.fromEntries(FIGURES.map((f) => [f.key, f.read(result)]));
}
