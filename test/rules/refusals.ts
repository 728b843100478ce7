/**
 * Every refusal the rules core can give, each made by the decision function or book operation that
 * gives it, beside the rule, code and texts a person must read, written out in full. The refusal
 * tests check each one; the coverage test checks that together they refuse by every rule that
 * refuses and use every refusal code.
 */
import {
  checkBeneficiary,
  checkGeography,
  checkInsuredForUse,
  checkMonthlyCap,
  checkSharer,
  checkUse,
  decideQuotaChange,
  parseStamp,
  SharingBook,
  splitOwnPayment,
  type RefusalCode,
  type RelationKind,
  type RuleParameters,
  type SharingRuleId,
} from '../../src/rules';
import { NANJING, person, PILOT_LIMITS, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';

/** One refusal: how to make it, and what it must say. */
export interface RefusalCase {
  /** What is refused, for the test title. */
  what: string;
  /** Makes the refusal (a decision, or the outcome of a book operation). */
  make: () => unknown;
  rule: SharingRuleId;
  code: RefusalCode;
  zh: string;
  en: string;
}

const sharer = person('s', 'employee-account', SUZHOU);
const resident = person('b', 'resident', ZHENGZHOU);
const quotaRequest = {
  currentQuotaFen: 0,
  requestedQuotaFen: 100_000,
  spendableFen: 300_000,
  changesToday: 0,
  minuteOfDay: 600,
};
const NO_LIMITS = rules2026().quotaLimits;

/** A sharer in Suzhou with 10,000 yuan and a resident parent in Zhengzhou, sharing since 5 January 2026. */
function family(params: RuleParameters = rules2026()) {
  const book = new SharingBook(params);
  book.addPerson(person('s', 'employee-account', SUZHOU), 1_000_000);
  book.addPerson(person('b', 'resident', ZHENGZHOU));
  book.addPerson(person('n', 'resident', ZHENGZHOU));
  const rel = share(book, 's', 'b', 'parent', '2026-01-05T10:00');
  return { book, rel };
}

function notNear(relation: RelationKind, en: string, zh: string): RefusalCase {
  return {
    what: `a ${relation} as beneficiary`,
    make: () => checkBeneficiary('near-relatives', relation, resident),
    rule: 'R2',
    code: 'not-near-relative',
    zh: `${zh}不是近亲属，不能作为被共济人（R2：姻亲不属于近亲属）。`,
    en: `${en} is not a near relative and cannot be a beneficiary (R2: in-laws are not near relatives).`,
  };
}

function outsideScope(relation: RelationKind, en: string, zh: string): RefusalCase {
  return {
    what: `a ${relation} under the 2021 scope`,
    make: () => checkBeneficiary('spouse-parents-children', relation, resident),
    rule: 'R2',
    code: 'outside-relative-scope',
    zh: `本方案的共济范围仅限配偶、父母、子女，${zh}不在范围内（R2）。`,
    en: `This scenario limits sharing to spouse, parents and children; ${en} is outside that scope (R2).`,
  };
}

function closedUse(
  use: 'medical' | 'pharmacy' | 'resident-contribution' | 'ltc-contribution',
  zh: string,
  en: string,
) {
  return {
    what: `shared money for ${use} when the scenario keeps it closed`,
    make: () => checkUse([], use, resident, true),
    rule: 'R11',
    code: 'use-closed',
    zh: `本方案未开放将共济资金用于${zh}（R11）。`,
    en: `This scenario does not open shared money for ${en} (R11).`,
  } satisfies RefusalCase;
}

function closedGeography(
  what: string,
  beneficiary: typeof resident,
  open: 'samePoolingArea' | 'sameProvince' | 'crossProvince',
  zh: string,
  en: string,
): RefusalCase {
  return {
    what,
    make: () => checkGeography({ ...rules2026().geography, [open]: false }, sharer, beneficiary, '2026-03'),
    rule: 'R3',
    code: 'geography-closed',
    zh: `本方案未开放${zh}共济（R3）。`,
    en: `${en} is not open in this scenario (R3).`,
  };
}

/** Every refusal, by rule. */
export const REFUSAL_CASES: readonly RefusalCase[] = [
  {
    what: 'a sharer in a pooling-only employee scheme',
    make: () => checkSharer(person('x', 'employee-pooling-only', SUZHOU)),
    rule: 'R1',
    code: 'sharer-has-no-account',
    zh: '共济人参加的是单建统筹职工医保，没有个人账户，不能开展共济（R1：只有有个人账户的职工医保参保人可以共济）。',
    en: 'The would-be sharer is in a pooling-only employee scheme and has no personal account, so cannot share (R1: only insured employees with a personal account may share).',
  },
  {
    what: 'a sharer in resident insurance',
    make: () => checkSharer(person('x', 'resident', SUZHOU)),
    rule: 'R1',
    code: 'sharer-has-no-account',
    zh: '共济人参加的是城乡居民医保，没有个人账户，不能开展共济（R1：只有有个人账户的职工医保参保人可以共济）。',
    en: 'The would-be sharer is in resident insurance, which has no personal account, so cannot share (R1: only insured employees with a personal account may share).',
  },
  {
    what: 'a sharer who is not insured',
    make: () => checkSharer(person('x', 'uninsured', SUZHOU)),
    rule: 'R1',
    code: 'sharer-has-no-account',
    zh: '共济人未参加基本医疗保险，不能开展共济（R1：只有有个人账户的职工医保参保人可以共济）。',
    en: 'The would-be sharer is not insured, so cannot share (R1: only insured employees with a personal account may share).',
  },
  notNear('parent-in-law', 'A parent-in-law', '配偶的父母'),
  notNear('child-in-law', 'A son- or daughter-in-law', '子女的配偶'),
  notNear('sibling-in-law', 'A brother- or sister-in-law', '配偶的兄弟姐妹或兄弟姐妹的配偶'),
  notNear('other', 'A relative of another kind', '其他关系'),
  {
    what: 'sharing with oneself',
    make: () => {
      const { book } = family();
      return book.establish({
        sharerId: 's',
        beneficiaryId: 's',
        relation: 'child',
        at: parseStamp('2026-02-01'),
        consent: { sharer: true, beneficiary: true },
      });
    },
    rule: 'R2',
    code: 'not-near-relative',
    zh: '不能与本人建立共济关系（R2）。',
    en: 'A person cannot share with themself (R2).',
  },
  outsideScope('sibling', 'a brother or sister', '兄弟姐妹'),
  outsideScope('grandparent', 'a grandparent', '祖父母、外祖父母'),
  outsideScope('grandchild', 'a grandchild', '孙子女、外孙子女'),
  {
    what: 'a beneficiary who is not insured',
    make: () => checkBeneficiary('near-relatives', 'parent', person('u', 'uninsured', ZHENGZHOU)),
    rule: 'R2',
    code: 'beneficiary-not-insured',
    zh: '被共济人须参加基本医疗保险（职工医保或城乡居民医保）（R2）。',
    en: 'The beneficiary must be insured in basic medical insurance, employee or resident scheme (R2).',
  },
  {
    what: 'a medical bill of a relative who is not insured, though enrolment is open',
    make: () => checkInsuredForUse('medical', person('u', 'uninsured', ZHENGZHOU), true),
    rule: 'R2',
    code: 'beneficiary-not-insured',
    zh: '被共济人尚未参加基本医疗保险，共济资金不能支付其就医购药费用；参保缴费后自下一个参保年度起方可使用（R2）。',
    en: 'The beneficiary is not insured, so shared money cannot pay their medical or pharmacy bills; once their contribution is paid they are insured from the next coverage year (R2).',
  },
  {
    what: 'the contribution that would enrol a relative who is not insured, where enrolment is closed',
    make: () => checkInsuredForUse('resident-contribution', person('u', 'uninsured', ZHENGZHOU), false),
    rule: 'R2',
    code: 'beneficiary-not-insured',
    zh: '本方案未开放用共济资金为未参保的近亲属缴费参保，被共济人须已参加基本医疗保险（R2）。',
    en: 'This scenario does not let shared money pay the contribution that enrols an uninsured relative; the beneficiary must already be insured (R2).',
  },
  closedGeography(
    'sharing within a pooling area when it is closed',
    person('b', 'resident', SUZHOU),
    'samePoolingArea',
    '同一统筹地区内',
    'Sharing within a pooling area',
  ),
  closedGeography(
    'sharing across pooling areas of a province when it is closed',
    person('b', 'resident', NANJING),
    'sameProvince',
    '省内跨统筹地区',
    'Sharing across pooling areas within a province',
  ),
  closedGeography(
    'sharing across provinces when it is closed',
    resident,
    'crossProvince',
    '跨省',
    'Sharing across provinces',
  ),
  {
    what: 'a relationship before the wallet reaches the beneficiary’s area',
    make: () =>
      checkGeography(
        {
          ...rules2026().geography,
          rollout: { defaultStart: '2026-01', byProvince: { '41': '2026-07' }, byPoolingArea: {} },
        },
        sharer,
        resident,
        '2026-03',
      ),
    rule: 'R3',
    code: 'wallet-not-live',
    zh: '统筹地区410100的医保钱包自2026-07起开通，2026-03尚不能建立共济关系（R3）。',
    en: 'The wallet reaches pooling area 410100 in 2026-07; no relationship can be set up there in 2026-03 (R3).',
  },
  {
    what: 'a relationship without the beneficiary’s consent',
    make: () => {
      const { book } = family();
      return book.establish({
        sharerId: 's',
        beneficiaryId: 'n',
        relation: 'parent',
        at: parseStamp('2026-02-01'),
        consent: { sharer: true, beneficiary: false },
      });
    },
    rule: 'R4',
    code: 'consent-missing',
    zh: '共济关系须由双方自愿同意后建立（R4）。',
    en: 'Both sides must agree before a sharing relationship is set up (R4).',
  },
  {
    what: 'an end asked for by someone outside the relationship',
    make: () => {
      const { book, rel } = family();
      return book.end({ relationshipId: rel, by: 'n', at: parseStamp('2026-02-01') });
    },
    rule: 'R4',
    code: 'not-a-party',
    zh: '只有共济人或被共济人本人可以解除共济关系（R4）。',
    en: 'Only the sharer or the beneficiary can end a sharing relationship (R4).',
  },
  {
    what: 'a quota on a relationship ended by choice',
    make: () => {
      const { book, rel } = family();
      book.end({ relationshipId: rel, by: 'b', at: parseStamp('2026-02-01') });
      return book.setQuota({ relationshipId: rel, quotaFen: 1_000, at: parseStamp('2026-02-02T10:00') });
    },
    rule: 'R4',
    code: 'relationship-not-active',
    zh: '该共济关系已被解除而终止（R4），不能再操作。',
    en: 'This sharing relationship has ended by choice (R4); nothing more can be done with it.',
  },
  {
    what: 'a second relationship in the same direction',
    make: () => {
      const { book } = family();
      return book.establish({
        sharerId: 's',
        beneficiaryId: 'b',
        relation: 'parent',
        at: parseStamp('2026-02-01'),
        consent: { sharer: true, beneficiary: true },
      });
    },
    rule: 'R5',
    code: 'duplicate-relationship',
    zh: '这两人之间同一方向的共济关系已经存在（R5：一人可与多位亲属共济，但同一方向只有一条关系）。',
    en: 'This sharer already shares with this beneficiary (R5: many relationships are allowed, one per direction).',
  },
  {
    what: 'an end of a relationship an insurance change has ended',
    make: () => {
      const { book, rel } = family();
      book.changeInsurance({ personId: 'b', change: { kind: 'terminate' }, at: parseStamp('2026-02-01') });
      return book.end({ relationshipId: rel, by: 's', at: parseStamp('2026-02-02') });
    },
    rule: 'R6',
    code: 'relationship-not-active',
    zh: '该共济关系因参保关系变动而终止（R6），不能再操作。',
    en: 'This sharing relationship has ended by an insurance change (R6); nothing more can be done with it.',
  },
  {
    what: 'a negative quota',
    make: () => decideQuotaChange(NO_LIMITS, 'virtual-quota', { ...quotaRequest, requestedQuotaFen: -1 }),
    rule: 'R7',
    code: 'invalid-amount',
    zh: '共济额度须为不小于零的金额（以分计）（R7）。',
    en: 'A quota must be a whole, non-negative amount of fen (R7).',
  },
  {
    what: 'a quota change at night under the pilot',
    make: () => decideQuotaChange(PILOT_LIMITS, 'virtual-quota', { ...quotaRequest, minuteOfDay: 23 * 60 }),
    rule: 'R7',
    code: 'quiet-hours',
    zh: '22:00至06:00不能设置或调整共济额度（R7）。',
    en: 'Quotas cannot be set or changed between 22:00 and 06:00 (R7).',
  },
  {
    what: 'a quota change in quiet hours that end at half past',
    make: () =>
      decideQuotaChange(
        { ...NO_LIMITS, quietHours: { startMinute: 9 * 60 + 5, endMinute: 11 * 60 + 30 } },
        'virtual-quota',
        quotaRequest,
      ),
    rule: 'R7',
    code: 'quiet-hours',
    zh: '09:05至11:30不能设置或调整共济额度（R7）。',
    en: 'Quotas cannot be set or changed between 09:05 and 11:30 (R7).',
  },
  {
    what: 'a fourth quota change in a day under the pilot',
    make: () => decideQuotaChange(PILOT_LIMITS, 'virtual-quota', { ...quotaRequest, changesToday: 3 }),
    rule: 'R7',
    code: 'too-many-changes',
    zh: '每天最多调整共济额度3次，今天的次数已用完（R7）。',
    en: "At most 3 quota changes a day; today's are used up (R7).",
  },
  {
    what: 'a quota change above 2,000 yuan under the pilot',
    make: () =>
      decideQuotaChange(PILOT_LIMITS, 'virtual-quota', { ...quotaRequest, requestedQuotaFen: 250_050 }),
    rule: 'R7',
    code: 'change-too-large',
    zh: '单次调整不能超过2,000.00元，本次为2,500.50元（R7）。',
    en: 'A single change may not exceed 2,000.00 yuan; this one is 2,500.50 yuan (R7).',
  },
  {
    what: 'a quota above the largest one a relationship may hold',
    make: () =>
      decideQuotaChange({ ...NO_LIMITS, maxQuotaFen: 100_000 }, 'virtual-quota', {
        ...quotaRequest,
        requestedQuotaFen: 100_001,
      }),
    rule: 'R7',
    code: 'quota-too-large',
    zh: '共济额度不能超过1,000.00元（R7）。',
    en: 'A quota may not exceed 1,000.00 yuan (R7).',
  },
  {
    what: 'a quota above the unearmarked balance',
    make: () =>
      decideQuotaChange(NO_LIMITS, 'virtual-quota', {
        ...quotaRequest,
        currentQuotaFen: 50_000,
        requestedQuotaFen: 400_000,
      }),
    rule: 'R7',
    code: 'quota-exceeds-balance',
    zh: '额度需再冻结3,500.00元，但个人账户未冻结余额只有3,000.00元（R7）。',
    en: 'The quota would need 3,500.00 yuan more, but only 3,000.00 yuan of the account is not yet earmarked (R7).',
  },
  {
    what: 'an account-only payment that only frozen money could meet',
    make: () => splitOwnPayment(40_000, 30_000, 20_000, true),
    rule: 'R8',
    code: 'frozen-by-quota',
    zh: '账户中有200.00元已设为共济额度而冻结，可自用的只有300.00元，不能支付400.00元（R8）。',
    en: '200.00 yuan of the account is frozen as quotas for relatives; only 300.00 yuan can pay this 400.00 yuan bill (R8).',
  },
  {
    what: 'an account-only payment above the whole balance',
    make: () => splitOwnPayment(60_000, 30_000, 20_000, true),
    rule: 'R8',
    code: 'insufficient-balance',
    zh: '个人账户可用余额300.00元，不足以支付600.00元（R8）。',
    en: "The account's spendable balance of 300.00 yuan cannot pay 600.00 yuan (R8).",
  },
  {
    what: 'lowering a quota under wallet transfers',
    make: () =>
      decideQuotaChange(NO_LIMITS, 'wallet-transfer', {
        ...quotaRequest,
        currentQuotaFen: 50_000,
        requestedQuotaFen: 10_000,
      }),
    rule: 'R9',
    code: 'transfer-irreversible',
    zh: '钱包划转模式下，已划入亲属钱包的资金不能通过调低额度收回（R9）。',
    en: 'Under wallet transfers, money already moved into the relative’s wallet cannot be taken back by lowering it (R9).',
  },
  {
    what: 'shared money for a cash withdrawal',
    make: () => checkUse(rules2026().permittedUses, 'cash-withdrawal', resident, true),
    rule: 'R11',
    code: 'use-not-permitted',
    zh: '共济资金只能用于被共济人在定点医药机构的个人负担、城乡居民医保个人缴费和长期护理保险个人缴费（R11）。',
    en: 'Shared money may pay only the beneficiary\'s own share at designated hospitals and pharmacies and their resident or long-term-care contributions; "cash-withdrawal" is none of these (R11).',
  },
  closedUse(
    'medical',
    '定点医疗机构就医个人负担',
    "the beneficiary's own share of bills at designated hospitals and clinics",
  ),
  closedUse(
    'pharmacy',
    '定点零售药店购药个人负担',
    "the beneficiary's own share of bills at designated pharmacies",
  ),
  closedUse('resident-contribution', '城乡居民医保个人缴费', 'resident medical-insurance contributions'),
  closedUse('ltc-contribution', '长期护理保险个人缴费', 'long-term-care insurance contributions'),
  {
    what: 'a resident contribution for an employee',
    make: () =>
      checkUse(
        rules2026().permittedUses,
        'resident-contribution',
        person('e', 'employee-account', ZHENGZHOU),
        true,
      ),
    rule: 'R11',
    code: 'use-not-applicable',
    zh: '被共济人未参加城乡居民医保，没有居民医保个人缴费可代缴（R11）。',
    en: 'The beneficiary is not in resident insurance, so there is no resident contribution to pay (R11).',
  },
  {
    what: 'a long-term-care contribution where there is no such insurance',
    make: () => checkUse(rules2026().permittedUses, 'ltc-contribution', resident, false),
    rule: 'R11',
    code: 'use-not-applicable',
    zh: '被共济人所在统筹地区未开展长期护理保险（R11）。',
    en: "The beneficiary's pooling area runs no long-term-care insurance (R11).",
  },
  {
    what: 'shared money beyond the monthly cap',
    make: () => checkMonthlyCap(50_000, 50_010),
    rule: 'R11',
    code: 'monthly-cap-reached',
    zh: '被共济人本月已使用共济资金500.10元，达到每月500.00元的上限（R11）。',
    en: 'The beneficiary has used 500.10 yuan of shared money this month, the monthly cap of 500.00 yuan (R11).',
  },
];
