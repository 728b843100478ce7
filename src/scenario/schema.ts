/**
 * The scenario file (场景文件) schema: one JSON object that fixes every rule parameter (R2–R12) and
 * clearing parameter (C3, C5–C7) of a run, with a note on where each value comes from. Objects are
 * strict (an unknown or misspelt key is an error). Amounts are integer fen, months `YYYY-MM`, clock
 * times `HH:MM`, provinces two-digit and pooling areas six-digit codes. Every leaf carries a
 * bilingual description of what it expects (`fieldHelp`), which error messages quote.
 */
import { z } from 'zod';
import type {
  ClearingCycle,
  FirstYearRule,
  PrepaymentModel,
  Resizing,
  SettlementMode,
} from '../clearing/parameters';
import type { QuotaModel, QuotaOrder, RelativeScope } from '../rules/parameters';
import type { PermittedUse } from '../rules/types';
import { behaviourSchema } from './behaviour';
import { FORMATS, type Bilingual, type FormatName } from './formats';

/** What each field expects, in words; keyed by schema so that error messages and help can quote it. */
export const fieldHelp = z.registry<Bilingual>();

/** The cross-field checks, with the message each gives when it fails. */
export const CHECKS = {
  'window-order': {
    en: 'the window must not end before it starts (start ≤ end)',
    zh: '模拟区间的结束月份不能早于开始月份（start ≤ end）',
  },
  'quiet-hours-empty': {
    en: 'quiet hours must start and end at different times (use null for none)',
    zh: '禁止时段的开始与结束时刻不能相同（无禁止时段请写 null）',
  },
  'unique-uses': {
    en: 'each permitted use may be listed only once',
    zh: '每种允许用途只能列出一次',
  },
  'yellow-below-red': {
    en: 'the yellow threshold must be below the red threshold',
    zh: '黄色预警线须低于红色预警线',
  },
  'month-weights-sum': {
    en: 'the twelve monthly shares must sum to 1',
    zh: '十二个月的比例合计须为 1',
  },
  'payment-after-resize': {
    en: 'the payment deadline month must not come before the re-sizing month',
    zh: '预付金拨付截止月份不能早于重新核定月份',
  },
} as const satisfies Record<string, Bilingual>;

/** The name of a cross-field check. */
export type CheckName = keyof typeof CHECKS;

/** Exactly the members of a union type `T`, so that a new rule value cannot be forgotten here. */
function members<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)) => values;
}

const RELATIVE_SCOPES = members<RelativeScope>()(['spouse-parents-children', 'near-relatives']);
const QUOTA_MODELS = members<QuotaModel>()(['virtual-quota', 'wallet-transfer']);
const QUOTA_ORDERS = members<QuotaOrder>()([
  'oldest-first',
  'newest-first',
  'largest-first',
  'smallest-first',
]);
const USES = members<PermittedUse>()(['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution']);
const SETTLEMENTS = members<SettlementMode>()(['gross-bilateral', 'multilateral-netting']);
const PREPAYMENT_MODELS = members<PrepaymentModel>()(['direct-settlement', 'dedicated']);
const RESIZINGS = members<Resizing>()(['yearly', 'quarterly', 'monthly']);
const FIRST_YEAR_RULES = members<FirstYearRule>()(['forecast', 'perfect-foresight']);
const oneOf = (values: readonly string[]) => ({
  en: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
  zh: `${values.map((v) => `"${v}"`).join('、')}之一`,
});

const help = <S extends z.ZodType>(schema: S, en: string, zh: string): S => {
  fieldHelp.add(schema, { en, zh });
  return schema;
};
const text = (name: FormatName) => z.string().refine(FORMATS[name].check, { params: { format: name } });

/** A refinement as the two arguments of zod's `.refine`: the test, and its parameters. */
export type Refinement<T> = readonly [(value: T) => boolean, z.core.$ZodCustomParams];

/**
 * A cross-field check named `name`, as the arguments of `.refine`. It runs even when other fields of
 * the object failed, as long as `ready` says the values it compares are themselves valid, so that one
 * pass reports every error. Its test `ok` only ever sees values `ready` accepts: when they are of the
 * wrong type (an object where a number belongs, whose own error is reported), the check passes
 * rather than compare or add them, which could throw.
 */
function check<T>(
  name: CheckName,
  ready: (value: Record<string, unknown>) => boolean,
  ok: (value: T) => boolean,
  path: string[] = [],
): Refinement<T> {
  const isReady = (v: unknown) => v !== null && typeof v === 'object' && ready(v as Record<string, unknown>);
  return [
    (value: T) => !isReady(value) || ok(value),
    { params: { check: name }, path, when: (payload: z.core.ParsePayload) => isReady(payload.value) },
  ];
}

const isMonthText = (v: unknown) => typeof v === 'string' && FORMATS.month.check(v);
const isClockText = (v: unknown) => typeof v === 'string' && FORMATS.clock.check(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const inRange = (v: unknown, lo: number, hi: number) => isNumber(v) && v > lo && v <= hi;
const maybe = (en: string, zh: string) => ({
  en: `${en}, or null for no limit`,
  zh: `${zh}，无限制则为 null`,
});

const fenLimit = (what: Bilingual) => {
  const h = maybe(`a whole number of fen ≥ 1 (${what.en})`, `不小于 1 的整数，单位为分（${what.zh}）`);
  return help(z.number().int().min(1).nullable(), h.en, h.zh);
};

const bilingualText = z.strictObject({
  zh: help(text('nonEmpty'), 'a non-empty Chinese text', '非空中文文字'),
  en: help(text('nonEmpty'), 'a non-empty English text', '非空英文文字'),
});

const geography = z.strictObject({
  samePoolingArea: help(
    z.boolean(),
    'true or false (R3: sharing within one pooling area)',
    'true 或 false（R3：同一统筹地区内共济）',
  ),
  sameProvince: help(
    z.boolean(),
    'true or false (R3: across pooling areas of one province)',
    'true 或 false（R3：省内跨统筹地区共济）',
  ),
  crossProvince: help(z.boolean(), 'true or false (R3: across provinces)', 'true 或 false（R3：跨省共济）'),
  rollout: z.strictObject({
    defaultStart: help(
      text('month'),
      `${FORMATS.month.en}: the wallet's first month where nothing more specific is set (R3)`,
      `${FORMATS.month.zh}：未单独设置的地区医保钱包开通的首月（R3）`,
    ),
    byProvince: help(
      z.record(text('province'), text('month')),
      'an object mapping two-digit province codes to months "YYYY-MM" (R3)',
      '以两位省级代码为键、月份 "YYYY-MM" 为值的对象（R3）',
    ),
    byPoolingArea: help(
      z.record(text('poolingArea'), text('month')),
      'an object mapping six-digit pooling-area codes to months "YYYY-MM" (R3)',
      '以六位统筹地区代码为键、月份 "YYYY-MM" 为值的对象（R3）',
    ),
  }),
});

const quietHours = z
  .strictObject({
    start: help(text('clock'), FORMATS.clock.en, FORMATS.clock.zh),
    end: help(text('clock'), FORMATS.clock.en, FORMATS.clock.zh),
  })
  .refine(
    ...check(
      'quiet-hours-empty',
      (q) => isClockText(q.start) && isClockText(q.end),
      (q: { start: string; end: string }) => q.start !== q.end,
    ),
  );

const perDay = maybe(
  'a whole number ≥ 1 of quota changes per sharer and day (R7)',
  '每位共济人每天调整额度的次数，不小于 1 的整数（R7）',
);

const quotaLimits = z.strictObject({
  maxChangeFen: fenLimit({ en: 'largest single quota change, R7', zh: '单次调整额度上限，R7' }),
  maxQuotaFen: fenLimit({ en: 'largest quota of one relationship, R7', zh: '单个共济关系的额度上限，R7' }),
  maxChangesPerDay: help(z.number().int().min(1).nullable(), perDay.en, perDay.zh),
  quietHours: help(
    quietHours.nullable(),
    '{"start": "HH:MM", "end": "HH:MM"}, hours in which no quota change is accepted (may wrap past midnight), or null for none (R7)',
    '{"start": "HH:MM", "end": "HH:MM"}，不受理额度调整的时段（可跨午夜），无则为 null（R7）',
  ),
  monthlyUseCapFen: fenLimit({
    en: 'most shared money one beneficiary may use in a calendar month, R11',
    zh: '每位被共济人每月可使用的共济资金上限，R11',
  }),
});

const rules = z.strictObject({
  relativeScope: help(
    z.enum(RELATIVE_SCOPES),
    `one of ${RELATIVE_SCOPES.map((v) => `"${v}"`).join(', ')} (R2)`,
    `${RELATIVE_SCOPES.map((v) => `"${v}"`).join('、')}之一（R2）`,
  ),
  enrolmentOfUninsured: help(
    z.boolean(),
    'true or false: whether shared money may pay the resident or long-term-care contribution that enrols a near relative who is not insured (R2)',
    'true 或 false：是否允许用共济资金为未参保的近亲属缴纳城乡居民医保或长期护理保险个人缴费以参保（R2）',
  ),
  geography,
  quotaLimits,
  quotaModel: help(
    z.enum(QUOTA_MODELS),
    '"virtual-quota" or "wallet-transfer" (R9)',
    '"virtual-quota" 或 "wallet-transfer"（R9）',
  ),
  permittedUses: help(
    z
      .array(z.enum(USES))
      .refine(...check('unique-uses', Array.isArray, (u: string[]) => new Set(u).size === u.length)),
    `a list of distinct uses from ${USES.map((v) => `"${v}"`).join(', ')} (R11)`,
    `由 ${USES.map((v) => `"${v}"`).join('、')} 组成、不重复的列表（R11）`,
  ),
  paymentOrder: z.strictObject({
    ownAccount: help(
      z.enum(['first', 'after-quotas']),
      '"first" or "after-quotas": when the beneficiary\'s own account pays (R12)',
      '"first" 或 "after-quotas"：被共济人本人账户的支付次序（R12）',
    ),
    quotaOrder: help(
      z.enum(QUOTA_ORDERS),
      `one of ${QUOTA_ORDERS.map((v) => `"${v}"`).join(', ')} (R12)`,
      `${QUOTA_ORDERS.map((v) => `"${v}"`).join('、')}之一（R12）`,
    ),
  }),
});

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

const clearing = z.strictObject({
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

const note = help(
  z.union([text('nonEmpty'), z.strictObject({ zh: text('nonEmpty'), en: text('nonEmpty') })]),
  'a non-empty text, or {"zh": "…", "en": "…"} with both non-empty',
  '非空文字，或 {"zh": "…", "en": "…"}（两项均非空）',
);

/** What a scenario file's `$schema` usually says: the JSON Schema beside the bundled files. */
export const SCHEMA_REFERENCE = './schema.json';

/**
 * The scenario file as JSON: metadata, rule and clearing parameters, and notes on their sources. An
 * optional `$schema` names the JSON Schema that editors check the file against; it changes nothing
 * in a run.
 */
export const scenarioSchema = z.strictObject({
  $schema: help(
    z.string().optional(),
    `the JSON Schema editors check this file against, usually "${SCHEMA_REFERENCE}" (optional; no effect on a run)`,
    `编辑器校验本文件所用的 JSON Schema，通常为 "${SCHEMA_REFERENCE}"（可省略；不影响运行）`,
  ),
  id: help(text('kebab'), FORMATS.kebab.en, FORMATS.kebab.zh),
  title: bilingualText,
  description: bilingualText,
  seed: help(
    text('nonEmpty'),
    'a non-empty text that seeds every random stream of the run',
    '非空文字，作为本次运行所有随机数流的种子',
  ),
  window: z
    .strictObject({
      start: help(
        text('month'),
        `${FORMATS.month.en}: the first simulated month`,
        `${FORMATS.month.zh}：模拟的第一个月`,
      ),
      end: help(
        text('month'),
        `${FORMATS.month.en}: the last simulated month`,
        `${FORMATS.month.zh}：模拟的最后一个月`,
      ),
    })
    .refine(
      ...check(
        'window-order',
        (w) => isMonthText(w.start) && isMonthText(w.end),
        (w: { start: string; end: string }) => w.start <= w.end,
      ),
    ),
  rules,
  clearing,
  behaviour: behaviourSchema(help, (sumsToOne) =>
    check('month-weights-sum', (w) => Array.isArray(w) && w.every(isNumber), sumsToOne),
  ),
  uncertainty: help(
    z.record(
      z.string(),
      z.strictObject({
        low: help(z.number(), 'the lowest value of the range (a number)', '范围的下限（数字）'),
        high: help(z.number(), 'the highest value of the range (a number)', '范围的上限（数字）'),
      }),
    ),
    'an object mapping parameter paths such as "behaviour.uptake.awarenessMonths" to a range {"low": a, "high": b} that replications draw the parameter from ({} for none)',
    '以参数路径（如 "behaviour.uptake.awarenessMonths"）为键、取值范围 {"low": a, "high": b} 为值的对象，各次重复模拟从中抽取参数（无则为 {}）',
  ),
  notes: help(
    z.record(z.string(), note),
    'an object mapping field paths such as "rules.relativeScope" to a note (a text, or {"zh": …, "en": …}) on where the value comes from',
    '以字段路径（如 "rules.relativeScope"）为键、说明取值来源的对象（文字或 {"zh": …, "en": …}）',
  ),
});

/** A validated scenario, in the JSON form of the file. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** The `rules` section of a scenario, in its JSON form. */
export type ScenarioRules = Scenario['rules'];
/** The `clearing` section of a scenario, in its JSON form. */
export type ScenarioClearing = Scenario['clearing'];
/** The `behaviour` section of a scenario, in its JSON form. */
export type ScenarioBehaviourSection = Scenario['behaviour'];
/** The `uncertainty` section: ranges of parameters that replications draw from. */
export type ScenarioUncertainty = Scenario['uncertainty'];
/** A note on a field: one text, or a Chinese and an English one. */
export type ScenarioNote = Scenario['notes'][string];
