/**
 * Exact sums (精确求和): every money figure of a run is a sum of whole fen held in float64, exact
 * while it stays below 2^53 fen (about 90 万亿元). The engine adds up the fen every posting moves
 * (`RangeResult.movedFen`, weighted by k); no money sum of the result can be larger (each is a sum
 * of some postings, or of balances that postings filled), so a run whose moved fen stays below 2^53
 * has every sum exact, at any worker count and in any order of adding.
 *
 * A run that would pass the limit is refused, naming the parameters that move the most money:
 * before it starts, when a pilot of a few hundred families puts the whole run near the limit, and
 * otherwise after the simulation, by the bound itself. A run whose books do not balance (a non-zero
 * conservation residual) is refused too: it is never shown as if it were fine.
 */
import type { RangeResult } from '../engine';
import type { BehaviourParameters } from '../engine/behaviour';
import { type EngineInput, windowMonths } from '../engine/input';
import { simulateRange } from '../engine/range';
import { SUMMARY, SUMMARY_FIELDS } from '../engine/result';
import type { PopulationModel } from '../population/calibration';
import { sampleSize } from '../population/generate';

/** Fen sums are exact below this: 2^53 fen, about 90 万亿元. */
export const EXACT_FEN_LIMIT = 2 ** 53;

/** The pilot: this many slices of the sample, spread over it, of this many families each. */
const PILOT_SLICES = 4;
const PILOT_FAMILIES = 128;
/** A pilot estimate at or above the limit ÷ this refuses the run before it starts. */
const PILOT_MARGIN = 1.1;

/** Where the money of a run goes, by kind, with the scenario fields that set how much. */
export interface MovedShare {
  en: string;
  zh: string;
  /** Scenario fields (or data) that scale this kind of money. */
  fields: string[];
  fen: number;
}

/** A run whose sums could not all be exact: refused, with what moves the money. */
export class InexactRun extends Error {
  constructor(
    readonly movedFen: number,
    readonly shares: MovedShare[],
    readonly when: 'before' | 'after',
  ) {
    const ratio = movedFen / EXACT_FEN_LIMIT;
    const top = shares.slice(0, 2);
    const how = when === 'before' ? 'would move about' : 'moved';
    const howZh = when === 'before' ? '预计将记账约' : '记账合计';
    super(
      `the run is refused: it ${how} ${movedFen.toExponential(2)} fen in all (${ratio.toFixed(2)} × 2^53), ` +
        `more than sums of whole fen hold exactly (2^53 ≈ 9.0e15 fen, about 90 万亿元); most of it: ` +
        `${top.map((s) => `${s.en} (${s.fields.join(', ')})`).join('; ')}. Lower those, shorten the window ` +
        `or use a scenario closer to published figures / 运行被拒绝：本次运行${howZh} ${movedFen.toExponential(2)} 分` +
        `（2^53 的 ${ratio.toFixed(2)} 倍），超出整数分求和可精确表示的范围（2^53 ≈ 9.0e15 分，约 90 万亿元）；` +
        `主要来自：${top.map((s) => `${s.zh}（${s.fields.join('、')}）`).join('；')}。请调低这些参数或缩短模拟期`,
    );
    this.name = 'InexactRun';
  }
}

/** A run whose books do not balance: refused, so no figure of it is read as right. */
export class ConservationFailure extends Error {
  constructor(readonly residualFen: number) {
    super(
      `the run is refused: its books do not balance by ${residualFen} fen (the conservation residual must ` +
        `be 0); this is a fault of the simulation, please report it with the scenario / 运行被拒绝：账目不平，` +
        `守恒残差为 ${residualFen} 分（应为 0）；这是模拟程序的错误，请连同场景报告`,
    );
    this.name = 'ConservationFailure';
  }
}

/** The sum over the months of summary field `field`. */
function total(result: RangeResult, field: number): number {
  let s = 0;
  for (let m = 0; m < result.months; m++) s += result.summary[m * SUMMARY_FIELDS + field]!;
  return s;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The care and contribution fields ranked by the money a person's year of them moves, largest first. */
function careFields(b: BehaviourParameters): string[] {
  const c = b.care;
  const ages = (x: { child: number; adult: number; older: number }) => mean([x.child, x.adult, x.older]);
  const kinds: [number, string[]][] = [
    [
      ages(c.outpatientPerYear) * c.outpatientCostFen * (1 - c.outpatientFundShare),
      ['behaviour.care.outpatientPerYear', 'behaviour.care.outpatientCostFen'],
    ],
    [
      ages(c.pharmacyPerYear) * c.pharmacyCostFen,
      ['behaviour.care.pharmacyPerYear', 'behaviour.care.pharmacyCostFen'],
    ],
    [
      mean([c.inpatientRate.employee, c.inpatientRate.resident]) *
        ((1 + c.inpatientOlderFactor) / 2) *
        mean([
          c.inpatientCostFen.employee * (1 - c.inpatientFundShare.employee),
          c.inpatientCostFen.resident * (1 - c.inpatientFundShare.resident),
        ]) *
        c.inpatientShared,
      ['behaviour.care.inpatientRate', 'behaviour.care.inpatientCostFen'],
    ],
    [b.contributions.ltcYearlyFen * b.contributions.ltcShared, ['behaviour.contributions.ltcYearlyFen']],
  ];
  return kinds
    .sort((x, y) => y[0] - x[0])
    .flatMap(([, fields]) => fields)
    .slice(0, 4);
}

/** The money of `result` by kind, largest first; `input` says which fields set each kind. */
export function movedShares(result: RangeResult, input: EngineInput): MovedShare[] {
  const months = windowMonths(input.window).length;
  const window = `window: ${months} months`;
  const credits = total(result, SUMMARY.creditFen);
  const own = total(result, SUMMARY.ownSpendingFen);
  const bills =
    total(result, SUMMARY.sharedFen) +
    total(result, SUMMARY.beneficiaryOwnFen) +
    total(result, SUMMARY.beneficiaryCashFen);
  const quotas =
    total(result, SUMMARY.quotaSetFen) +
    total(result, SUMMARY.quotaReturnedFen) +
    total(result, SUMMARY.quotaReleasedFen);
  const shares: MovedShare[] = [
    { en: 'monthly credits to personal accounts', zh: '个人账户按月划入', fields: [window], fen: credits },
    {
      en: "account holders' own spending",
      zh: '参保人本人账户支出',
      fields: ['behaviour.ownSpendingShareOfCredit', window],
      fen: own,
    },
    {
      en: "relatives' bills and contributions",
      zh: '亲属的医疗费用和缴费',
      fields: careFields(input.behaviour),
      fen: bills,
    },
    {
      en: 'quotas set, returned and lowered',
      zh: '额度设定、返还和调减',
      fields: ['behaviour.quota.shareOfSpendable', 'behaviour.quota.topUp'],
      fen: quotas,
    },
    {
      en: 'opening balances and other postings',
      zh: '期初余额及其他记账',
      fields: ['population data: opening balances'],
      fen: Math.max(0, result.movedFen - credits - own - bills - quotas),
    },
  ];
  return shares.sort((a, b) => b.fen - a.fen);
}

/** Refuses a simulated result whose moved fen reach 2^53 (its sums may have lost fen). */
export function checkExactness(result: RangeResult, input: EngineInput): void {
  if (!(result.movedFen < EXACT_FEN_LIMIT)) {
    throw new InexactRun(result.movedFen, movedShares(result, input), 'after');
  }
}

/**
 * Refuses, before it starts, a run that a pilot puts near the limit: {@link PILOT_SLICES} slices of
 * {@link PILOT_FAMILIES} families spread over the 1:k sample are simulated in this thread and their
 * moved fen scaled to the whole sample. Takes a few milliseconds for a one-year window.
 */
export function preflightExactness(input: EngineInput, model: PopulationModel): void {
  const families = sampleSize(model, input.scaleK);
  if (families === 0) return;
  let pilot: RangeResult | null = null;
  let simulated = 0;
  for (let s = 0; s < PILOT_SLICES; s++) {
    const from = Math.floor((s * families) / PILOT_SLICES);
    const to = Math.min(families, from + PILOT_FAMILIES);
    const part = simulateRange(input, from, to);
    simulated += to - from;
    if (pilot === null) pilot = part;
    else {
      pilot.movedFen += part.movedFen;
      for (let i = 0; i < pilot.summary.length; i++) pilot.summary[i] = pilot.summary[i]! + part.summary[i]!;
    }
  }
  if (pilot === null || simulated === 0) return;
  const scale = families / simulated;
  const estimate = pilot.movedFen * scale;
  if (estimate >= EXACT_FEN_LIMIT / PILOT_MARGIN) {
    const scaled = { ...pilot, movedFen: estimate, summary: pilot.summary.map((x) => x * scale) };
    throw new InexactRun(estimate, movedShares(scaled, input), 'before');
  }
}

/** Refuses a run whose conservation residual is not 0. */
export function checkConservation(residualFen: number): void {
  if (residualFen !== 0) throw new ConservationFailure(residualFen);
}
