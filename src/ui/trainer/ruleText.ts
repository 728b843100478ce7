/**
 * What each rule says, in a sentence a trainee can follow (规则说明): R1–R12 for sharing, C1–C7
 * for clearing, and the two book-keeping ids. The trainer shows the text beside every posting and
 * refusal that carries the id.
 */
import type { RuleId } from '../../rules/ids';
import type { Message } from '../../text/i18n';

/** A short name and a one-sentence explanation of a rule, in both languages. */
export interface RuleText {
  name: Message;
  text: Message;
}

/** The explanation of every rule id; a missing id does not compile. */
export const RULE_TEXT: Readonly<Record<RuleId, RuleText>> = {
  R1: {
    name: { zh: '共济人', en: 'Sharer' },
    text: {
      zh: '只有有个人账户的职工医保参保人才能共济；单建统筹的职工没有个人账户，不能共济。',
      en: 'Only an insured employee with a personal account may share; employees in pooling-only schemes have no account and cannot.',
    },
  },
  R2: {
    name: { zh: '被共济人', en: 'Beneficiary' },
    text: {
      zh: '被共济人须是共济人的近亲属（配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女），并参加基本医保；姻亲不算近亲属。',
      en: 'The beneficiary must be a near relative of the sharer (spouse, parent, child, sibling, grandparent, grandchild) and insured in basic medical insurance; in-laws are not near relatives.',
    },
  },
  R3: {
    name: { zh: '地域范围', en: 'Geography' },
    text: {
      zh: '可以在统筹地区内、省内跨统筹地区以及跨省共济（2026 年起）；各地医保钱包开通的时间由参数决定。',
      en: 'Sharing may happen within a pooling area, across pooling areas of a province, and across provinces (from 2026); when the wallet opens where is a parameter.',
    },
  },
  R4: {
    name: { zh: '自愿', en: 'Voluntary' },
    text: {
      zh: '共济关系由双方自愿建立，任何一方都可以随时解除。',
      en: 'Both sides agree to set up a relationship; either side may end it at any time.',
    },
  },
  R5: {
    name: { zh: '多对多', en: 'Many-to-many' },
    text: {
      zh: '一人可以同时为多位亲属共济，也可以同时受多位亲属共济；同一方向只有一条关系。',
      en: 'One person may share with several relatives and be helped by several; there is one relationship per direction.',
    },
  },
  R6: {
    name: { zh: '自动终止', en: 'Automatic end' },
    text: {
      zh: '共济人或被共济人的参保关系终止或转移（哪怕在省内），共济关系自动终止。',
      en: "A relationship ends by itself when the sharer's or the beneficiary's insurance ends or moves to another pooling area, even within the province.",
    },
  },
  R7: {
    name: { zh: '设定额度', en: 'Setting a quota' },
    text: {
      zh: '共济人通过医保钱包为每位被共济人设定额度，额度不能超过尚未冻结的账户余额。',
      en: 'The sharer sets a quota for each beneficiary in the wallet; it can never exceed the part of the balance not already earmarked.',
    },
  },
  R8: {
    name: { zh: '冻结', en: 'Freeze' },
    text: {
      zh: '额度存续期间，共济人本人只能使用额度以外的余额。',
      en: 'While a quota stands, the sharer may spend only the balance outside all quotas.',
    },
  },
  R9: {
    name: { zh: '虚拟额度', en: 'Virtual, not moved' },
    text: {
      zh: '2026 年起额度是虚拟的：钱留在共济人的统筹地区，直到一笔允许的支付使用它（2025 年试点时则划入亲属的钱包）。',
      en: "From 2026 a quota is virtual: the money stays in the sharer's pooling area until a permitted payment uses it (in the 2025 pilot it moved into the relative's wallet).",
    },
  },
  R10: {
    name: { zh: '退回', en: 'Return' },
    text: {
      zh: '共济关系因任何原因终止，未用完的额度立即回到共济人的可用余额。',
      en: "When a relationship ends, for any reason, the unused quota returns to the sharer's spendable balance at once.",
    },
  },
  R11: {
    name: { zh: '允许用途', en: 'Permitted uses' },
    text: {
      zh: '共济资金只能用于被共济人本人：定点医疗机构就医和定点药店购药的个人负担、城乡居民医保个人缴费、长期护理保险个人缴费。',
      en: 'Shared money pays only for the beneficiary: their own share at designated hospitals and pharmacies, and their resident and long-term-care insurance contributions.',
    },
  },
  R12: {
    name: { zh: '支付顺序', en: 'Order of payment' },
    text: {
      zh: '一笔账单先用被共济人本人的账户，再按建立先后用各位共济人的额度，不足部分付现金（默认顺序，可由参数改变）。',
      en: "A bill is met by the beneficiary's own account first, then the sharers' quotas oldest first, then cash (the default order, a parameter).",
    },
  },
  C1: {
    name: { zh: '谁欠谁', en: 'Who owes whom' },
    text: {
      zh: '用外地共济人额度支付的费用，形成共济人所在统筹地区对就医地统筹地区的债务；同一统筹地区内无需清算。',
      en: "A payment from a quota of another pooling area makes the sharer's pooling area owe the pooling area where it was paid; within one pooling area nothing needs clearing.",
    },
  },
  C2: {
    name: { zh: '按月全额', en: 'Monthly, in full' },
    text: {
      zh: '跨省共济费用每月全额清算，沿用跨省直接结算的清算流程。',
      en: 'Cross-province sharing costs are cleared every month, in full, along the cross-province direct-settlement flow.',
    },
  },
  C3: {
    name: { zh: '国家清分', en: 'National clearing' },
    text: {
      zh: '国家层面每月计算各省之间的应收应付并清分；默认逐对全额结算，多边轧差是可比较的方案。',
      en: 'The national level computes each month what every province owes every other; gross bilateral settlement by default, multilateral netting as a what-if.',
    },
  },
  C4: {
    name: { zh: '省市分级清算', en: 'Tiers' },
    text: {
      zh: '各省再与本省统筹地区结算：向欠款的统筹地区收取，向应收的就医地统筹地区拨付。',
      en: 'Each province settles with its own pooling areas: it collects from those that owe and pays those that are owed.',
    },
  },
  C5: {
    name: { zh: '预付金', en: 'Prepayment' },
    text: {
      zh: '参保地省份向就医地省份预付资金，使账单在清算前即可支付；清算后补足。',
      en: 'The insured-place province advances a prepayment to the treatment-place province so bills are paid before clearing; clearing replenishes it.',
    },
  },
  C6: {
    name: { zh: '预警与调增', en: 'Warnings and top-ups' },
    text: {
      zh: '预付金使用率达 70% 黄色预警，达 90% 红色预警并启动紧急调增。',
      en: 'Prepayment usage at 70% raises a yellow warning, at 90% a red one that starts an emergency top-up.',
    },
  },
  C7: {
    name: { zh: '清算日程', en: 'Calendar' },
    text: {
      zh: '月末结账，国家发布清算结果，各省确认，财政划拨；各环节的天数是参数。',
      en: 'The month closes, the national level issues results, provinces confirm, finance transfers; the days each takes are parameters.',
    },
  },
  OPEN: {
    name: { zh: '期初余额', en: 'Opening balance' },
    text: {
      zh: '故事开始时个人账户里已有的钱，记为由统筹基金划入。',
      en: 'What the personal account holds when the story begins, booked as coming from the pooling-area fund.',
    },
  },
  CREDIT: {
    name: { zh: '每月划入', en: 'Monthly credit' },
    text: {
      zh: '按 2021 年门诊共济改革后的办法，每月向职工个人账户划入的金额。',
      en: "The monthly credit to an employee's personal account under the 2021 outpatient reform.",
    },
  },
};
