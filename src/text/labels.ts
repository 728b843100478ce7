/**
 * Names of the codes the interface may show (代码名称): every value of the rule, clearing and
 * population enumerations — settlement modes, relative scopes, quota models, uses, schemes,
 * geographies, book-keeping ids, refusal reasons, prepayment events — in Chinese and English, so
 * that no page shows a raw code such as `gross-bilateral` or `not-near-relative`. Each table is a
 * `Record` over its union type, so a value added to the type without a name does not compile.
 */
import type {
  FirstYearRule,
  PrepaymentModel,
  PrepaymentSizing,
  Resizing,
  SettlementMode,
} from '../clearing/parameters';
import type { QuotaModel, QuotaOrder, RelativeScope } from '../rules/parameters';
import type { BOOKKEEPING_IDS } from '../rules/ids';
import type { RefusalCode } from '../rules/refusal';
import type { Purpose, RelationKind, Scheme } from '../rules/types';
import type { Lang, Message } from './i18n';

/** C3: how the national level settles the month's obligations. */
export const SETTLEMENT_LABELS: Readonly<Record<SettlementMode, Message>> = {
  'gross-bilateral': { zh: '双边全额结算', en: 'gross bilateral settlement' },
  'multilateral-netting': { zh: '多边轧差', en: 'multilateral netting' },
};

/** R2: which relatives count. */
export const RELATIVE_SCOPE_LABELS: Readonly<Record<RelativeScope, Message>> = {
  'spouse-parents-children': { zh: '配偶、父母、子女', en: 'spouse, parents and children' },
  'near-relatives': { zh: '近亲属', en: 'near relatives' },
};

/** R9: what a quota is. */
export const QUOTA_MODEL_LABELS: Readonly<Record<QuotaModel, Message>> = {
  'virtual-quota': { zh: '虚拟额度', en: 'virtual quota' },
  'wallet-transfer': { zh: '划入亲属钱包', en: "transfer into the relative's wallet" },
};

/** R12: the order among several quotas. */
export const QUOTA_ORDER_LABELS: Readonly<Record<QuotaOrder, Message>> = {
  'oldest-first': { zh: '先建立的先用', en: 'oldest first' },
  'newest-first': { zh: '后建立的先用', en: 'newest first' },
  'largest-first': { zh: '额度大的先用', en: 'largest first' },
  'smallest-first': { zh: '额度小的先用', en: 'smallest first' },
};

/** R12: whether the beneficiary's own account pays before the quotas. */
export const OWN_ACCOUNT_LABELS: Readonly<Record<'first' | 'after-quotas', Message>> = {
  first: { zh: '先用本人账户', en: 'own account first' },
  'after-quotas': { zh: '先用共济额度', en: 'after the quotas' },
};

/** C5: what the prepayment rides on. */
export const PREPAYMENT_MODEL_LABELS: Readonly<Record<PrepaymentModel, Message>> = {
  'direct-settlement': { zh: '依托直接结算预付金', en: 'rides on the direct-settlement prepayment' },
  dedicated: { zh: '单设预付金', en: 'a prepayment of its own' },
};

/** C5: how often the prepayment is re-sized. */
export const RESIZING_LABELS: Readonly<Record<Resizing, Message>> = {
  yearly: { zh: '每年', en: 'yearly' },
  quarterly: { zh: '按季', en: 'quarterly' },
  monthly: { zh: '按月', en: 'monthly' },
};

/** C5: how the first year is sized. */
export const FIRST_YEAR_LABELS: Readonly<Record<FirstYearRule, Message>> = {
  forecast: { zh: '按预测', en: 'from a forecast' },
  'perfect-foresight': { zh: '完全预知', en: 'perfect foresight' },
};

/** C5: the sizing methods of a prepayment. */
export const SIZING_METHOD_LABELS: Readonly<Record<PrepaymentSizing['method'], Message>> = {
  'months-of-average': { zh: '上年月均费用的若干个月', en: "months of the previous year's average" },
  'percentile-of-monthly-need': {
    zh: '上年月度费用的百分位月',
    en: 'a percentile month of the previous year',
  },
};

/** R11 and beyond: what a payment is for (the four permitted uses first). */
export const PURPOSE_LABELS: Readonly<Record<Purpose, Message>> = {
  medical: { zh: '就医', en: 'Medical' },
  pharmacy: { zh: '药店购药', en: 'Pharmacy' },
  'resident-contribution': { zh: '居民医保缴费', en: 'Resident contribution' },
  'ltc-contribution': { zh: '长护险缴费', en: 'LTC contribution' },
  'employee-contribution': { zh: '职工医保缴费', en: 'Employee contribution' },
  'commercial-insurance': { zh: '商业保险', en: 'Commercial insurance' },
  'non-designated-provider': { zh: '非定点机构', en: 'Non-designated provider' },
  'cash-withdrawal': { zh: '提取现金', en: 'Cash withdrawal' },
};

/** Insurance schemes (参保类型). */
export const SCHEME_LABELS: Readonly<Record<Scheme, Message>> = {
  'employee-account': { zh: '职工医保（有个人账户）', en: 'Employee, with personal account' },
  'employee-pooling-only': { zh: '职工医保（仅统筹）', en: 'Employee, pooling only' },
  resident: { zh: '城乡居民医保', en: 'Resident scheme' },
  uninsured: { zh: '未参保', en: 'Uninsured' },
};

/** R3: where sharer and beneficiary are insured, relative to each other. */
export const GEOGRAPHY_LABELS: Readonly<
  Record<'same-pooling-area' | 'same-province' | 'cross-province', Message>
> = {
  'same-pooling-area': { zh: '统筹地区内', en: 'Within pooling area' },
  'same-province': { zh: '省内跨统筹地区', en: 'Within province' },
  'cross-province': { zh: '跨省', en: 'Across provinces' },
};

/** How the beneficiary is related to the sharer. */
export const RELATION_LABELS: Readonly<Record<RelationKind, Message>> = {
  spouse: { zh: '配偶', en: 'spouse' },
  parent: { zh: '父母', en: 'parent' },
  child: { zh: '子女', en: 'child' },
  sibling: { zh: '兄弟姐妹', en: 'sibling' },
  grandparent: { zh: '祖父母、外祖父母', en: 'grandparent' },
  grandchild: { zh: '孙子女、外孙子女', en: 'grandchild' },
  'parent-in-law': { zh: '公婆、岳父母', en: 'parent-in-law' },
  'child-in-law': { zh: '儿媳、女婿', en: 'child-in-law' },
  'sibling-in-law': { zh: '兄弟姐妹的配偶', en: 'sibling-in-law' },
  other: { zh: '其他', en: 'other' },
};

/** The two book-keeping ids (money that moves before any sharing rule applies). */
export const BOOKKEEPING_LABELS: Readonly<Record<(typeof BOOKKEEPING_IDS)[number], Message>> = {
  OPEN: { zh: '期初余额', en: 'Opening balance' },
  CREDIT: { zh: '每月划入', en: 'Monthly credit' },
};

/** Why a rule refused an operation. */
export const REFUSAL_LABELS: Readonly<Record<RefusalCode, Message>> = {
  'sharer-has-no-account': { zh: '共济人没有个人账户', en: 'the sharer has no personal account' },
  'not-near-relative': { zh: '不是近亲属', en: 'not a near relative' },
  'outside-relative-scope': { zh: '不在亲属范围内', en: 'outside the relatives in scope' },
  'beneficiary-not-insured': { zh: '被共济人未参保', en: 'the beneficiary is not insured' },
  'geography-closed': { zh: '该地域未开放共济', en: 'sharing is not open across this geography' },
  'wallet-not-live': { zh: '共济钱包尚未开通', en: 'the wallet is not live yet' },
  'consent-missing': { zh: '缺少本人同意', en: 'consent is missing' },
  'not-a-party': { zh: '不是该关系的当事人', en: 'not a party to the relationship' },
  'duplicate-relationship': { zh: '共济关系已存在', en: 'the relationship exists already' },
  'relationship-not-active': { zh: '共济关系未生效或已解除', en: 'the relationship is not active' },
  'invalid-amount': { zh: '金额无效', en: 'the amount is not valid' },
  'quota-exceeds-balance': { zh: '额度超过账户余额', en: 'the quota exceeds the balance' },
  'change-too-large': { zh: '单次调整超过上限', en: 'the change is too large' },
  'quota-too-large': { zh: '额度超过上限', en: 'the quota is too large' },
  'too-many-changes': { zh: '当日调整次数已满', en: 'too many changes today' },
  'quiet-hours': { zh: '处于禁止调整时段', en: 'within the quiet hours' },
  'frozen-by-quota': { zh: '资金已被共济额度占用', en: 'the money is held by a quota' },
  'insufficient-balance': { zh: '余额不足', en: 'the balance is too low' },
  'transfer-irreversible': { zh: '已划转的资金不能撤回', en: 'a transfer cannot be reversed' },
  'use-not-permitted': { zh: '用途不在允许范围内', en: 'the use is not permitted' },
  'use-closed': { zh: '该用途未开放', en: 'the use is not open' },
  'use-not-applicable': { zh: '该用途不适用', en: 'the use does not apply' },
  'monthly-cap-reached': { zh: '已达每月使用上限', en: 'the monthly cap is reached' },
};

/** C6: the events of a prepayment's timeline. */
export const PREPAYMENT_EVENT_LABELS: Readonly<Record<'resize' | 'yellow' | 'red' | 'top-up', Message>> = {
  resize: { zh: '重新核定', en: 'Re-sizing' },
  yellow: { zh: '黄色预警', en: 'Yellow warning' },
  red: { zh: '红色预警', en: 'Red warning' },
  'top-up': { zh: '紧急调增', en: 'Top-up' },
};

/** C7: the clearing cycle, when it is the calendar month. */
export const CYCLE_LABELS: Readonly<Record<'monthly', Message>> = {
  monthly: { zh: '按月', en: 'monthly' },
};

/** Every table of codes, by what it names (for lookups of a code of unknown kind, and for tests). */
export const CODE_TABLES: Readonly<Record<string, Readonly<Record<string, Message>>>> = {
  settlement: SETTLEMENT_LABELS,
  relativeScope: RELATIVE_SCOPE_LABELS,
  quotaModel: QUOTA_MODEL_LABELS,
  quotaOrder: QUOTA_ORDER_LABELS,
  ownAccount: OWN_ACCOUNT_LABELS,
  prepaymentModel: PREPAYMENT_MODEL_LABELS,
  resizing: RESIZING_LABELS,
  firstYear: FIRST_YEAR_LABELS,
  sizingMethod: SIZING_METHOD_LABELS,
  purpose: PURPOSE_LABELS,
  scheme: SCHEME_LABELS,
  geography: GEOGRAPHY_LABELS,
  relation: RELATION_LABELS,
  bookkeeping: BOOKKEEPING_LABELS,
  refusal: REFUSAL_LABELS,
  prepaymentEvent: PREPAYMENT_EVENT_LABELS,
  cycle: CYCLE_LABELS,
};

const ANY_CODE: ReadonlyMap<string, Message> = new Map(
  Object.values(CODE_TABLES).flatMap((table) => Object.entries(table)),
);

/** The name of `code` in `lang` from `table`, or the code itself when the table has no name for it. */
export function labelOf(table: Readonly<Record<string, Message>>, code: string, lang: Lang): string {
  return Object.hasOwn(table, code) ? table[code]![lang] : code;
}

/** The name of a code of any table, or undefined when no table names it. */
export function anyCodeLabel(code: string, lang: Lang): string | undefined {
  return ANY_CODE.get(code)?.[lang];
}

/**
 * A rule or book-keeping id as a person reads it: R1–R12 and C1–C7 stay as they are (they are the
 * rules' own names), `OPEN` and `CREDIT` are named in the language (期初余额, 每月划入).
 */
export function ruleIdText(rule: string, lang: Lang): string {
  return labelOf(BOOKKEEPING_LABELS, rule, lang);
}
