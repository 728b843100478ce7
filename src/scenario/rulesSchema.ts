/**
 * The `rules` section of a scenario (共济规则参数): who may share with whom (R2), where (R3), the
 * quota limits and quiet hours (R7), the quota model (R9), the permitted uses (R11) and the order
 * in which accounts pay (R12). Each leaf carries its help; built with schemaHelp.ts's builders.
 */
import { z } from 'zod';
import type { QuotaModel, QuotaOrder, RelativeScope } from '../rules/parameters';
import type { PermittedUse } from '../rules/types';
import { type Bilingual, FORMATS } from './formats';
import { check, help, members, text } from './schemaHelp';

const RELATIVE_SCOPES = members<RelativeScope>()(['spouse-parents-children', 'near-relatives']);
const QUOTA_MODELS = members<QuotaModel>()(['virtual-quota', 'wallet-transfer']);
const QUOTA_ORDERS = members<QuotaOrder>()([
  'oldest-first',
  'newest-first',
  'largest-first',
  'smallest-first',
]);
const USES = members<PermittedUse>()(['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution']);

const isClockText = (v: unknown) => typeof v === 'string' && FORMATS.clock.check(v);
const maybe = (en: string, zh: string) => ({
  en: `${en}, or null for no limit`,
  zh: `${zh}，无限制则为 null`,
});

const fenLimit = (what: Bilingual) => {
  const h = maybe(`a whole number of fen ≥ 1 (${what.en})`, `不小于 1 的整数，单位为分（${what.zh}）`);
  return help(z.number().int().min(1).nullable(), h.en, h.zh);
};

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

/** The schema of the `rules` section. */
export const rulesSchema = z.strictObject({
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
