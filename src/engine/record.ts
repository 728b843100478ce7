/**
 * The five-year record (五年累计): the January 2026 notice's figures for sharing within provinces
 * since 2021 ("超7.8亿人次, 金额超1000亿元") and for the wallet's reach by 30 June 2025 (337 pooling
 * areas in 30 provinces plus the Corps), with the model's side of each: the person-times and amount
 * of the record scenarios' runs added up year by year, and the pooling areas and provinces where a
 * scenario's wallet rollout is live by a month.
 */
import { walletStart } from '../rules/eligibility';
import type { GeographyParameters } from '../rules/parameters';
import { type EngineGeography, monthNumber } from './input';
import { SUMMARY, summaryIndex, type RangeResult } from './result';

/** Published figures of the record (facts.md); the two totals are lower bounds ("超"). */
export const PUBLISHED_RECORD = {
  /** First and last year of the record. */
  firstYear: 2021,
  lastYear: 2025,
  /** Person-times of sharing within provinces, 2021–2025: "超7.8亿人次", a lower bound. */
  times: 7.8e8,
  /** Yuan shared within provinces, 2021–2025: "金额超1000亿元", a lower bound. */
  yuan: 1000e8,
  /** The month by whose end the wallet's reach is counted (30 June 2025). */
  walletMonth: '2025-06',
  /** Pooling areas with the wallet by then. */
  walletAreas: 337,
  /** Provinces with the wallet by then (the Xinjiang Production and Construction Corps aside). */
  walletProvinces: 30,
} as const;

/**
 * Tolerance of every record target, in percent: a lower bound is met when the model is no more than
 * this below it, a count when the model is within this either way.
 */
export const RECORD_TOLERANCE_PCT = 15;

/**
 * The scenarios whose runs make up the record, in order: the 2021 rules for 2021–2023, then the
 * 2024 rules for 2024–2025 (a scenario's rules hold for its whole window, so the rule change of
 * 2024 is the boundary between two runs).
 */
export const RECORD_SCENARIOS = ['record-2021-2023', 'record-2024-2025'] as const;

/** The scenario whose wallet rollout is counted against the 337 pooling areas. */
export const WALLET_SCENARIO = 'pilot-2025-wallet';

/** Person-times and yuan paid from quotas in one calendar year (weighted to the whole population). */
export interface YearSharing {
  year: number;
  times: number;
  yuan: number;
}

/** The record as the model gives it: each year, and the totals over the years. */
export interface RecordFigures {
  years: YearSharing[];
  times: number;
  yuan: number;
}

/** One run of the record: its result and the first month of its window (`YYYY-MM`). */
export interface RecordPart {
  result: RangeResult;
  firstMonth: string;
}

/** Person-times and yuan of each calendar year a run's window touches, in order. */
export function yearSharing(result: RangeResult, firstMonth: string): YearSharing[] {
  const first = monthNumber(firstMonth);
  const years: YearSharing[] = [];
  for (let i = 0; i < result.months; i++) {
    const year = Math.floor((first + i) / 12);
    if (years.at(-1)?.year !== year) years.push({ year, times: 0, yuan: 0 });
    const y = years.at(-1)!;
    y.times += result.summary[summaryIndex(i, SUMMARY.personTimes)]!;
    y.yuan += result.summary[summaryIndex(i, SUMMARY.sharedFen)]! / 100;
  }
  return years;
}

/**
 * The record of several runs: their years side by side, ordered, and the totals. Throws a
 * RangeError naming the year when two runs cover the same year, which would count it twice.
 */
export function recordFigures(parts: readonly RecordPart[]): RecordFigures {
  const years = parts.flatMap((p) => yearSharing(p.result, p.firstMonth)).sort((a, b) => a.year - b.year);
  years.forEach((y, i) => {
    if (i > 0 && years[i - 1]!.year === y.year)
      throw new RangeError(`the record's runs both cover ${y.year}: a year may be counted only once`);
  });
  return {
    years,
    times: years.reduce((s, y) => s + y.times, 0),
    yuan: years.reduce((s, y) => s + y.yuan, 0),
  };
}

/** Pooling areas and provinces with the wallet live. */
export interface WalletReach {
  areas: number;
  provinces: number;
}

/**
 * R3: the pooling areas of `geography` where the rollout of `rules` has the wallet live by the end
 * of `month` (`YYYY-MM`), and the provinces with at least one such area; none when cross-province
 * sharing is closed.
 */
export function walletReach(
  rules: GeographyParameters,
  geography: EngineGeography,
  month: string,
): WalletReach {
  if (!rules.crossProvince) return { areas: 0, provinces: 0 };
  const by = monthNumber(month);
  const provinces = new Set<number>();
  let areas = 0;
  for (const area of geography.poolingAreas) {
    const code2 = geography.provinces[area.province]?.code2;
    if (code2 === undefined)
      throw new RangeError(`pooling area ${area.code} names no province (${area.province})`);
    if (monthNumber(walletStart(rules, area.code, code2)) > by) continue;
    areas++;
    provinces.add(area.province);
  }
  return { areas, provinces: provinces.size };
}

const yi = (x: number) => `${(x / 1e8).toFixed(2)}亿`;
const signed = (x: number, ref: number) => `${x >= ref ? '+' : ''}${((x / ref - 1) * 100).toFixed(1)}%`;

/**
 * Lines of text setting the model's record beside the published one: each year, the totals against
 * the lower bounds (met when no more than {@link RECORD_TOLERANCE_PCT} below), and the wallet's reach.
 */
export function recordReport(figures: RecordFigures, wallet: WalletReach): string[] {
  const P = PUBLISHED_RECORD;
  const tolerancePct = RECORD_TOLERANCE_PCT;
  const bound = (x: number, ref: number) =>
    `${signed(x, ref)}, ${x >= ref * (1 - tolerancePct / 100) ? 'ok' : 'OUT'} (lower bound, at most ${tolerancePct}% below)`;
  const near = (x: number, ref: number) =>
    `${signed(x, ref)}, ${Math.abs(x / ref - 1) <= tolerancePct / 100 ? 'ok' : 'OUT'} (±${tolerancePct}%)`;
  return [
    ...figures.years.map((y) => `${y.year}: ${yi(y.times)} person-times, ${yi(y.yuan)} yuan`),
    `${P.firstYear}–${P.lastYear}: ${yi(figures.times)} person-times (published over ${yi(P.times)}, ` +
      `${bound(figures.times, P.times)})`,
    `${P.firstYear}–${P.lastYear}: ${yi(figures.yuan)} yuan (published over ${yi(P.yuan)}, ${bound(figures.yuan, P.yuan)})`,
    `wallet live by the end of ${P.walletMonth}: ${wallet.areas} pooling areas (published ${P.walletAreas}, ` +
      `${near(wallet.areas, P.walletAreas)}), ${wallet.provinces} provinces (published ${P.walletProvinces} ` +
      `and the Corps, ${near(wallet.provinces, P.walletProvinces)})`,
  ];
}
