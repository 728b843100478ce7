/**
 * The training story file (培训故事) schema: one family's people, their sharing relationships and a
 * list of steps, each an operation on the sharing book with a bilingual narration and the outcome
 * it must have (the postings with their rule ids, or the refusal's rule id and code, and every
 * account balance afterwards, in fen). The rule parameters come from a scenario file (`scenario`)
 * or are written inline (`rules`, the same shape as a scenario's `rules`). Objects are strict; every
 * leaf carries a bilingual help text that error messages quote.
 */
import { z } from 'zod';
import { BOOKKEEPING_IDS, CLEARING_RULES, SHARING_RULES } from '../rules/ids';
import type { RefusalCode } from '../rules/refusal';
import { RELATION_KINDS, type Purpose, type RelationKind, type Scheme } from '../rules/types';
import { FORMATS, type FormatName } from './formats';
import { fieldHelp, scenarioSchema } from './schema';

/** Exactly the members of a union type `T`, so that a new value cannot be forgotten here. */
function members<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)) => values;
}

const SCHEMES = members<Scheme>()(['employee-account', 'employee-pooling-only', 'resident', 'uninsured']);
const RELATIONS = members<RelationKind>()(RELATION_KINDS);
const PURPOSES = members<Purpose>()([
  'medical',
  'pharmacy',
  'resident-contribution',
  'ltc-contribution',
  'employee-contribution',
  'commercial-insurance',
  'non-designated-provider',
  'cash-withdrawal',
]);
const REFUSAL_CODES = members<RefusalCode>()([
  'sharer-has-no-account',
  'not-near-relative',
  'outside-relative-scope',
  'beneficiary-not-insured',
  'geography-closed',
  'wallet-not-live',
  'consent-missing',
  'not-a-party',
  'duplicate-relationship',
  'relationship-not-active',
  'invalid-amount',
  'quota-exceeds-balance',
  'change-too-large',
  'quota-too-large',
  'too-many-changes',
  'quiet-hours',
  'frozen-by-quota',
  'insufficient-balance',
  'transfer-irreversible',
  'use-not-permitted',
  'use-closed',
  'use-not-applicable',
  'monthly-cap-reached',
]);
const POSTING_RULES = [...SHARING_RULES, ...CLEARING_RULES, ...BOOKKEEPING_IDS] as const;

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`);
const help = <S extends z.ZodType>(schema: S, en: string, zh: string): S => {
  fieldHelp.add(schema, { en, zh });
  return schema;
};
const formatted = (name: FormatName) =>
  help(
    z.string().refine(FORMATS[name].check, { params: { format: name } }),
    FORMATS[name].en,
    FORMATS[name].zh,
  );
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string, whatZh: string) =>
  help(
    z.enum(values),
    `one of ${quoted(values).join(', ')} (${what})`,
    `${quoted(values).join('、')}之一（${whatZh}）`,
  );

const STAMP = /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
/** True for a Beijing date-time `YYYY-MM-DDTHH:MM` that exists in the calendar. */
export function isStampText(text: string): boolean {
  if (!STAMP.test(text)) return false;
  const d = new Date(`${text}:00Z`);
  return d.toISOString().slice(0, 16) === text;
}

const ACCOUNT = /^(account|quota|fund|cash|payee):[a-z0-9:-]+$/;

const id = formatted('kebab');
const personRef = help(z.string().min(1), 'the id of a person of the story', '本故事中某人的 id');
const relationshipRef = help(
  z.string().min(1),
  'the id of a relationship of the story',
  '本故事中某条共济关系的 id',
);
const at = help(
  z.string().refine(isStampText),
  'a Beijing date-time "YYYY-MM-DDTHH:MM", e.g. "2026-03-10T10:30"',
  '北京时间 "YYYY-MM-DDTHH:MM"，如 "2026-03-10T10:30"',
);
const fen = (what: string, whatZh: string) =>
  help(
    z.number().int().min(1),
    `a whole number of fen ≥ 1 (${what})`,
    `不小于 1 的整数，单位为分（${whatZh}）`,
  );
const poolingArea = formatted('poolingArea');
// One schema for every operation's amount: the field help of a step is looked up without knowing its `op`.
const amountFen = fen('the credit, bill or contribution', '划入、账单或缴费金额');
const province = formatted('province');
const bilingual = z.strictObject({
  zh: help(z.string().trim().min(1), 'a non-empty Chinese text', '非空中文文字'),
  en: help(z.string().trim().min(1), 'a non-empty English text', '非空英文文字'),
});

const person = z.strictObject({
  id,
  name: bilingual,
  scheme: oneOf(SCHEMES, 'the insurance scheme', '参保类型'),
  poolingArea,
  province,
  balanceFen: help(
    z.number().int().min(0),
    "a whole number of fen ≥ 0: the opening personal-account balance (only 'employee-account' may have one)",
    '不小于 0 的整数，单位为分：个人账户期初余额（只有 employee-account 可以有）',
  ),
});

const relationship = z.strictObject({
  id,
  sharer: personRef,
  beneficiary: personRef,
  relation: oneOf(RELATIONS, 'the beneficiary seen from the sharer, R2', '从共济人看被共济人的关系，R2'),
});

const postingExpected = z.strictObject({
  from: help(
    z.string().regex(ACCOUNT),
    'an account such as "account:li-na", "quota:<relationship id>", "payee:pharmacy:410100"',
    '账户名，如 "account:li-na"、"quota:<关系 id>"、"payee:pharmacy:410100"',
  ),
  to: help(
    z.string().regex(ACCOUNT),
    'an account such as "quota:<relationship id>"',
    '账户名，如 "quota:<关系 id>"',
  ),
  amountFen: fen('the amount posted', '记账金额'),
  rule: oneOf(POSTING_RULES, 'the rule id the posting carries', '记账所依据的规则编号'),
});

const refusalExpected = z.strictObject({
  rule: oneOf(SHARING_RULES, 'the rule that refuses', '拒绝所依据的规则'),
  code: oneOf(REFUSAL_CODES, 'the refusal code', '拒绝代码'),
  messageIncludes: z
    .strictObject({
      zh: help(z.string().min(1), 'a text the Chinese message contains', '中文说明应包含的文字').optional(),
      en: help(z.string().min(1), 'a text the English message contains', '英文说明应包含的文字').optional(),
    })
    .optional(),
});

const expected = z.strictObject({
  postings: help(
    z.array(postingExpected),
    'the postings of an allowed step, in booking order ([] when none)',
    '允许的操作所记的账，按记账顺序（没有则为 []）',
  ).optional(),
  refusal: refusalExpected.optional(),
  ended: help(
    z.array(relationshipRef),
    'the relationships the step ends, in order',
    '此步终止的共济关系，按顺序',
  ).optional(),
  balances: help(
    z.record(z.string().regex(ACCOUNT), z.number().int()),
    'every account with a non-zero balance after the step, mapped to whole fen',
    '此步之后余额不为零的每个账户及其余额（整数，单位为分）',
  ),
});

const stepBase = { at, narration: bilingual, expect: expected };

const step = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('credit'),
    person: personRef,
    amountFen,
    ...stepBase,
  }),
  z.strictObject({
    op: z.literal('establish'),
    relationship: relationshipRef,
    consent: z.strictObject({ sharer: z.boolean(), beneficiary: z.boolean() }).optional(),
    ...stepBase,
  }),
  z.strictObject({
    op: z.literal('setQuota'),
    relationship: relationshipRef,
    quotaFen: help(
      z.number().int().min(0),
      'a whole number of fen ≥ 0: the new quota (R7)',
      '不小于 0 的整数，单位为分：新的共济额度（R7）',
    ),
    ...stepBase,
  }),
  z.strictObject({
    op: z.literal('payAsBeneficiary'),
    person: personRef,
    purpose: oneOf(PURPOSES, 'what the payment is for, R11', '支付用途，R11'),
    amountFen,
    poolingArea,
    ...stepBase,
  }),
  z.strictObject({
    op: z.literal('payOwn'),
    person: personRef,
    purpose: oneOf(
      PURPOSES.slice(0, 4) as ['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution'],
      'a permitted use',
      '允许的用途',
    ),
    amountFen,
    poolingArea,
    accountOnly: z.boolean().optional(),
    ...stepBase,
  }),
  z.strictObject({ op: z.literal('end'), relationship: relationshipRef, by: personRef, ...stepBase }),
  z.strictObject({
    op: z.literal('changeInsurance'),
    person: personRef,
    change: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('move'), poolingArea, province }),
      z.strictObject({ kind: z.literal('terminate') }),
      z.strictObject({
        kind: z.literal('switch-scheme'),
        scheme: oneOf(SCHEMES, 'the new scheme', '新的参保类型'),
      }),
    ]),
    ...stepBase,
  }),
]);

/** The training story file as JSON: who, under which rules, and what happens step by step. */
export const storySchema = z.strictObject({
  id,
  title: bilingual,
  description: bilingual,
  scenario: help(
    formatted('kebab'),
    'the id of a scenario file whose rules the story runs under, e.g. "baseline-2026" (or give "rules" inline)',
    '故事所用规则参数的场景文件 id，如 "baseline-2026"（或直接写出 "rules"）',
  ).optional(),
  rules: scenarioSchema.shape.rules.optional(),
  ltcAreas: help(
    z.array(poolingArea),
    'pooling areas that run long-term-care insurance (R11)',
    '开展长期护理保险的统筹地区（R11）',
  ).optional(),
  places: help(
    z.record(z.string().regex(/^\d{2}(\d{4})?$/), bilingual),
    'names of the provinces and pooling areas the story visits: code → {"zh": …, "en": …}',
    '故事涉及的省份和统筹地区名称：代码 → {"zh": …, "en": …}',
  ),
  people: z.array(person).min(1),
  relationships: z.array(relationship),
  steps: z.array(step).min(1),
});

/** A training story as validated from its file. */
export type Story = z.infer<typeof storySchema>;
/** One person of a story. */
export type StoryPerson = Story['people'][number];
/** One step of a story: an operation on the sharing book, its narration and its expected outcome. */
export type StoryStep = Story['steps'][number];
/** What a step must produce. */
export type StoryExpectation = StoryStep['expect'];
