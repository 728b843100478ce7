/**
 * The `clearing` section of a scenario (清算参数): how provinces settle (C3), how the prepayment is
 * sized, re-sized and paid (C5), the direct-settlement flows it rides on, the usage warnings and
 * top-ups (C6) and the clearing calendar (C7). Each leaf carries its help; built with
 * schemaHelp.ts's builders.
 */
import { z } from 'zod';
import type {
  ClearingCycle,
  FirstYearRule,
  PrepaymentModel,
  Resizing,
  SettlementMode,
} from '../clearing/parameters';
import { check, help, isNumber, members } from './schemaHelp';

const SETTLEMENTS = members<SettlementMode>()(['gross-bilateral', 'multilateral-netting']);
const PREPAYMENT_MODELS = members<PrepaymentModel>()(['direct-settlement', 'dedicated']);
const RESIZINGS = members<Resizing>()(['yearly', 'quarterly', 'monthly']);
const FIRST_YEAR_RULES = members<FirstYearRule>()(['forecast', 'perfect-foresight']);
const oneOf = (values: readonly string[]) => ({
  en: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
  zh: `${values.map((v) => `"${v}"`).join('、')}之一`,
});
const inRange = (v: unknown, lo: number, hi: number) => isNumber(v) && v > lo && v <= hi;

const sizing = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('months-of-average'),
    months: help(
      z.number().gt(0).lte(24),
      'a number of months > 0 and ≤ 24 (C5)',
      '大于 0、不超过 24 的月数（C5）',
    ),
  }),
  z.strictObject({
    method: z.literal('percentile-of-monthly-need'),
    percentile: help(
      z.number().gt(0).lte(100),
      'a percentile > 0 and ≤ 100 (C5)',
      '大于 0、不超过 100 的百分位（C5）',
    ),
  }),
]);

const monthOfYear = (en: string, zh: string) =>
  help(z.number().int().min(1).max(12), `a month of the year, 1 to 12 (${en})`, `1 至 12 的月份（${zh}）`);
const threshold = (en: string, zh: string) =>
  help(z.number().gt(0).lte(1), `a usage rate > 0 and ≤ 1 (${en})`, `大于 0、不超过 1 的使用率（${zh}）`);
const lag = (en: string, zh: string) =>
  help(
    z.number().int().min(0).max(90),
    `a whole number of days, 0 to 90 (${en})`,
    `0 至 90 的整数天数（${zh}）`,
  );

const cycle: z.ZodType<ClearingCycle> = z.union([
  z.literal('monthly'),
  z.strictObject({ days: z.number().int().min(1).max(31) }),
]);

/** The schema of the `clearing` section. */
export const clearingSchema = z.strictObject({
  settlement: help(
    z.enum(SETTLEMENTS),
    '"gross-bilateral" or "multilateral-netting" (C3)',
    '"gross-bilateral" 或 "multilateral-netting"（C3）',
  ),
  prepayment: z
    .strictObject({
      model: help(
        z.enum(PREPAYMENT_MODELS),
        `${oneOf(PREPAYMENT_MODELS).en}: sharing rides on the direct-settlement prepayment, or has its own (C5)`,
        `${oneOf(PREPAYMENT_MODELS).zh}：共济依托跨省异地就医直接结算预付金，或单设预付金（C5）`,
      ),
      sizing: help(
        sizing,
        '{"method": "months-of-average", "months": m} or {"method": "percentile-of-monthly-need", "percentile": p} (C5)',
        '{"method": "months-of-average", "months": m} 或 {"method": "percentile-of-monthly-need", "percentile": p}（C5）',
      ),
      resizing: help(
        z.enum(RESIZINGS),
        `${oneOf(RESIZINGS).en}: how often the size is adjusted (C5)`,
        `${oneOf(RESIZINGS).zh}：预付金调整的频率（C5）`,
      ),
      firstYear: help(
        z.enum(FIRST_YEAR_RULES),
        `${oneOf(FIRST_YEAR_RULES).en}: how the first year's opening size is set (C5)`,
        `${oneOf(FIRST_YEAR_RULES).zh}：首年预付金的核定方式（C5）`,
      ),
      resizeMonth: monthOfYear('prepayments are re-sized by its end, C5', '在该月底前重新核定预付金，C5'),
      paymentDeadlineMonth: monthOfYear(
        'the re-sized prepayment is paid by its end, C5',
        '在该月底前拨付预付金，C5',
      ),
    })
    .refine(
      ...check(
        'payment-after-resize',
        (p) => [p.resizeMonth, p.paymentDeadlineMonth].every((m) => Number.isInteger(m) && inRange(m, 0, 12)),
        (p: { resizeMonth: number; paymentDeadlineMonth: number }) => p.paymentDeadlineMonth >= p.resizeMonth,
        ['paymentDeadlineMonth'],
      ),
    ),
  directSettlement: z.strictObject({
    yearlyGrowth: help(
      z.number().min(-0.5).max(1),
      'a yearly growth rate from −0.5 to 1 of the cross-province direct-settlement flows from their 2024 level (C5)',
      '跨省异地就医直接结算费用自2024年水平起的年增长率，−0.5 至 1（C5）',
    ),
  }),
  warnings: z
    .strictObject({
      yellow: threshold('yellow warning, C6', '黄色预警，C6'),
      red: threshold('red warning and emergency top-up, C6', '红色预警并紧急调增，C6'),
      topUpFraction: help(
        z.number().min(0).max(10),
        'a fraction of the standing prepayment, 0 to 10 (0: no top-ups) (C6)',
        '占当时预付金的比例，0 至 10（0 表示不调增）（C6）',
      ),
    })
    .refine(
      ...check(
        'yellow-below-red',
        (w) => isNumber(w.yellow) && isNumber(w.red),
        (w: { yellow: number; red: number }) => w.yellow < w.red,
      ),
    ),
  calendar: z.strictObject({
    cycle: help(
      cycle,
      '"monthly", or {"days": n} with n a whole number from 1 to 31 (C7)',
      '"monthly"，或 {"days": n}，n 为 1 至 31 的整数（C7）',
    ),
    providerDeclarationDays: lag(
      'a month close → its bills declared by the providers, C7',
      '月末 → 定点医药机构申报截止，C7',
    ),
    providerPaymentDays: lag(
      'declaration deadline → providers paid and the prepayment drawn, C7',
      '申报截止 → 向定点医药机构拨付（动用预付金），C7',
    ),
    resultsLagDays: lag('period close → national clearing results, C7', '清算期结束 → 国家清算结果，C7'),
    confirmationLagDays: lag('results → province confirmation, C7', '清算结果 → 省级确认，C7'),
    transferLagDays: lag('confirmation → finance transfer, C7', '省级确认 → 财政划拨，C7'),
  }),
});
