/**
 * The clearing choices the policy leaves open (清算参数): rules.md C3 and C5–C7 call them
 * **parameters**. The clearing code reads them from here and never hard-codes them; the scenario
 * layer (src/scenario) validates a scenario file and produces this object.
 *
 * Where the defaults come from: rules.md C3 (gross bilateral settlement is the rule), C5 (a common
 * reading of the prepayment size: two months of the previous year's average; Hebei: six months),
 * C6 (warnings at 70% and 90%) and C7 (monthly clearing, lags not public); facts.md, prepayment
 * section (Hebei: re-sized by the end of January, payment notices within 5 working days, transfer
 * within 10 working days, all settled by the end of February). `DEFAULT_CLEARING_PARAMETERS` says
 * which defaults are published practice and which are this model's assumptions.
 */

/** C3: how the national clearing moves cash (清算方式). */
export type SettlementMode = 'gross-bilateral' | 'multilateral-netting';

/**
 * C5: how a prepayment (预付金) is sized from the previous year's monthly cross-province costs.
 * The national formula is not public.
 * - `months-of-average`: `months` × the previous year's average monthly cost (a common reading: 2;
 *   Hebei sizes its pooling areas' shares at 6). `months` may be fractional.
 * - `percentile-of-monthly-need`: the `percentile`-th percentile month of the previous year (in (0, 100]).
 */
export type PrepaymentSizing =
  | { method: 'months-of-average'; months: number }
  | { method: 'percentile-of-monthly-need'; percentile: number };

/**
 * C5: which prepayment pays for sharing. The notice clears sharing "参照跨省异地就医清算流程 … 可依托
 * 预付金保障清算时效": sharing may ride on the cross-province direct-settlement prepayment.
 * - `direct-settlement`: one prepayment per province pair for the direct-settlement flows (跨省异地
 *   就医直接结算, about 100 times sharing's) and sharing together, sized on both;
 * - `dedicated`: a prepayment for sharing's flows alone.
 */
export type PrepaymentModel = 'direct-settlement' | 'dedicated';

/**
 * C5: how often prepayments are re-sized: `yearly` from the previous calendar year (Hebei's
 * practice), or rolling every `quarterly` / `monthly` from the last 12 months with results out
 * (one reading of the notice's "资金规模动态调整").
 */
export type Resizing = 'yearly' | 'quarterly' | 'monthly';

/**
 * C5: how the first year's opening prepayment is sized: `forecast` (the previous year's flows where
 * there is a history, plus the expected sharing), or `perfect-foresight` (a what-if: the year's own
 * flows, as if known in advance).
 */
export type FirstYearRule = 'forecast' | 'perfect-foresight';

/** C5: sizing and re-sizing of prepayments. */
export interface PrepaymentParameters {
  /** Whether sharing rides on the direct-settlement prepayment or has its own. */
  model: PrepaymentModel;
  /** The sizing formula. */
  sizing: PrepaymentSizing;
  /** How often the size is adjusted. */
  resizing: Resizing;
  /** The opening size of the first year. */
  firstYear: FirstYearRule;
  /** Month of the year (1–12) by whose end prepayments are re-sized from the previous year's costs (January). */
  resizeMonth: number;
  /** Month of the year (1–12, not before `resizeMonth`) by whose end the re-sized prepayment is paid (February). */
  paymentDeadlineMonth: number;
}

/** C6: warnings on the prepayment usage rate (outstanding, uncleared claims ÷ prepayment) and top-ups. */
export interface WarningParameters {
  /** Usage rate that raises a yellow warning (黄色预警), in (0, 1], below `red` (0.70). */
  yellow: number;
  /** Usage rate that raises a red warning (红色预警) and starts an emergency top-up, in (0, 1] (0.90). */
  red: number;
  /**
   * Size of an emergency top-up (紧急调增) as a fraction of the prepayment standing when the red
   * warning fires; 0 turns top-ups off. The size is not public: the default 0.5 takes a usage of 90%
   * down to 60%, below the yellow line.
   */
  topUpFraction: number;
}

/** C7: how often clearing runs: every calendar month (按月, the rule), or every `days` days (a what-if). */
export type ClearingCycle = 'monthly' | { days: number };

/**
 * C7: the clearing calendar (清算日历), two clocks in calendar days. Providers: a month's bills are
 * declared by day `providerDeclarationDays` of the next month and paid within `providerPaymentDays`
 * days after it; the prepayment is drawn as they are paid. Clearing: each lag counts from the
 * previous step, period close → national results (清算结果) → province confirmation (确认) →
 * finance transfer (财政划拨). The clearing days are not public.
 */
export interface ClearingCalendar {
  /** Length of a clearing period. */
  cycle: ClearingCycle;
  /** Days after a month closes by which its bills are declared (2025 practice: by the 10th). */
  providerDeclarationDays: number;
  /** Days after the declaration deadline within which providers are paid (20 working days ≈ 28). */
  providerPaymentDays: number;
  /** Days from the close of a period until the national level issues the clearing results. */
  resultsLagDays: number;
  /** Days from the results until the provinces have confirmed them. */
  confirmationLagDays: number;
  /** Days from confirmation until the finance departments have transferred the money. */
  transferLagDays: number;
}

/**
 * C5: the cross-province direct-settlement flows (跨省异地就医直接结算) the prepayment also pays under
 * the `direct-settlement` model. Their 2024 size by type is published (facts.md); the run's years
 * are reached by a yearly growth rate.
 */
export interface DirectSettlementParameters {
  /** Yearly growth of the flows from their published 2024 level, e.g. 0.064 for 6.4% a year. */
  yearlyGrowth: number;
}

/** Every clearing parameter, as read from a scenario. */
export interface ClearingParameters {
  /** C3 */
  settlement: SettlementMode;
  /** C5 */
  prepayment: PrepaymentParameters;
  /** C5: the flows besides sharing that a `direct-settlement` prepayment pays. */
  directSettlement: DirectSettlementParameters;
  /** C6 */
  warnings: WarningParameters;
  /** C7 */
  calendar: ClearingCalendar;
}

/**
 * The defaults used by the baseline scenario, with their source:
 * - settlement `gross-bilateral`: rules.md C3, the rule.
 * - model `direct-settlement`: rules.md C5, the notice lets sharing ride on that prepayment.
 * - sizing 2 months of average: rules.md C5, "a common reading" (the national formula is not public).
 * - re-sized yearly, by the end of January, paid by the end of February: Hebei's practice (facts.md).
 * - the first year from a forecast: no province knows the year's flows in advance.
 * - direct settlement growing 6.4% a year: derived from 2025 Q1 (469.92亿) against 2024 Q1
 *   (about 442亿, Q1 being about 12% below the other quarters of 2024's 1,947.25亿; facts.md); weak.
 * - yellow 0.70, red 0.90: rules.md C6, Hebei's rules (facts.md).
 * - top-up 0.5 of the prepayment: an assumption (not public).
 * - monthly cycle: rules.md C2 (按月全额清算).
 * - providers: bills declared by the 10th of the next month and paid within 20 working days (about
 *   28 calendar days): the 2025 speed-up of payments to hospitals (facts.md).
 * - clearing lags 20 / 7 / 14 days: assumptions. Results 20 days after the close: declarations close
 *   on the 10th and the national level needs time to review and issue them (a guess; not public);
 *   7 and 14 calendar days are Hebei's 5 and 10 working days (facts.md). Money arrives 41 days after
 *   a month closes, after its providers have been paid.
 */
export const DEFAULT_CLEARING_PARAMETERS: ClearingParameters = {
  settlement: 'gross-bilateral',
  prepayment: {
    model: 'direct-settlement',
    sizing: { method: 'months-of-average', months: 2 },
    resizing: 'yearly',
    firstYear: 'forecast',
    resizeMonth: 1,
    paymentDeadlineMonth: 2,
  },
  directSettlement: { yearlyGrowth: 0.064 },
  warnings: { yellow: 0.7, red: 0.9, topUpFraction: 0.5 },
  calendar: {
    cycle: 'monthly',
    providerDeclarationDays: 10,
    providerPaymentDays: 28,
    resultsLagDays: 20,
    confirmationLagDays: 7,
    transferLagDays: 14,
  },
};

/** C7: days from the close of a clearing period until its money arrives (the sum of the three lags). */
export function settlementLagDays(calendar: ClearingCalendar): number {
  return calendar.resultsLagDays + calendar.confirmationLagDays + calendar.transferLagDays;
}

/** C7: days from a month's close until its last bills are paid to providers. */
export function providerLagDays(calendar: ClearingCalendar): number {
  return calendar.providerDeclarationDays + calendar.providerPaymentDays;
}
