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

/** C5: sizing and the yearly re-sizing calendar of prepayments. */
export interface PrepaymentParameters {
  /** The sizing formula. */
  sizing: PrepaymentSizing;
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
 * C7: the clearing calendar (清算日历). Each lag is in calendar days, counted from the previous step:
 * period close → national results (清算结果) → province confirmation (确认) → finance transfer (财政划拨).
 * The exact days are not public.
 */
export interface ClearingCalendar {
  /** Length of a clearing period. */
  cycle: ClearingCycle;
  /** Days from the close of a period until the national level issues the clearing results. */
  resultsLagDays: number;
  /** Days from the results until the provinces have confirmed them. */
  confirmationLagDays: number;
  /** Days from confirmation until the finance departments have transferred the money. */
  transferLagDays: number;
}

/** Every clearing parameter, as read from a scenario. */
export interface ClearingParameters {
  /** C3 */
  settlement: SettlementMode;
  /** C5 */
  prepayment: PrepaymentParameters;
  /** C6 */
  warnings: WarningParameters;
  /** C7 */
  calendar: ClearingCalendar;
}

/**
 * The defaults used by the baseline scenario, with their source:
 * - settlement `gross-bilateral`: rules.md C3, the rule.
 * - sizing 2 months of average: rules.md C5, "a common reading" (the national formula is not public).
 * - re-sized by the end of January, paid by the end of February: Hebei's practice (facts.md).
 * - yellow 0.70, red 0.90: rules.md C6, Hebei's rules (facts.md).
 * - top-up 0.5 of the prepayment: an assumption (not public).
 * - monthly cycle: rules.md C2 (按月全额清算).
 * - lags 10 / 7 / 14 days: assumptions; 7 and 14 calendar days are Hebei's 5 and 10 working days
 *   (facts.md), the 10 days to national results are a guess. Money arrives 31 days after a month closes.
 */
export const DEFAULT_CLEARING_PARAMETERS: ClearingParameters = {
  settlement: 'gross-bilateral',
  prepayment: {
    sizing: { method: 'months-of-average', months: 2 },
    resizeMonth: 1,
    paymentDeadlineMonth: 2,
  },
  warnings: { yellow: 0.7, red: 0.9, topUpFraction: 0.5 },
  calendar: { cycle: 'monthly', resultsLagDays: 10, confirmationLagDays: 7, transferLagDays: 14 },
};

/** C7: days from the close of a clearing period until its money arrives (the sum of the three lags). */
export function settlementLagDays(calendar: ClearingCalendar): number {
  return calendar.resultsLagDays + calendar.confirmationLagDays + calendar.transferLagDays;
}
