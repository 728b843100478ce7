/**
 * Every sharing rule R1–R12 is at work in the rules core: the rules that forbid refuse (each refusal
 * case of ./refusals.ts is made by the code and checked), and the rules that move money carry the
 * postings a family's year in the sharing book makes. Both are collected by running the code, so a
 * rule id that goes missing or is swapped for another makes this fail.
 */
import { describe, expect, test } from 'vitest';
import {
  isRefusal,
  parseStamp,
  SHARING_RULES,
  SharingBook,
  type RefusalCode,
  type RuleId,
} from '../../src/rules';
import { person, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';
import { REFUSAL_CASES } from './refusals';

/** Every refusal code; the type makes this list complete. */
const CODES = Object.keys({
  'sharer-has-no-account': 1,
  'not-near-relative': 1,
  'outside-relative-scope': 1,
  'beneficiary-not-insured': 1,
  'geography-closed': 1,
  'wallet-not-live': 1,
  'consent-missing': 1,
  'not-a-party': 1,
  'duplicate-relationship': 1,
  'relationship-not-active': 1,
  'invalid-amount': 1,
  'quota-exceeds-balance': 1,
  'change-too-large': 1,
  'quota-too-large': 1,
  'too-many-changes': 1,
  'quiet-hours': 1,
  'frozen-by-quota': 1,
  'insufficient-balance': 1,
  'transfer-irreversible': 1,
  'use-not-permitted': 1,
  'use-closed': 1,
  'use-not-applicable': 1,
  'monthly-cap-reached': 1,
} satisfies Record<RefusalCode, 1>);

/** The rule ids on the postings of one family's year: both quota models, bills, own spending and ends. */
function postedRules(): Set<RuleId> {
  const rules = new Set<RuleId>();
  for (const quotaModel of ['virtual-quota', 'wallet-transfer'] as const) {
    const book = new SharingBook(rules2026({ quotaModel }));
    book.addPerson(person('mum', 'employee-account', SUZHOU), 200_000);
    book.addPerson(person('gran', 'employee-account', ZHENGZHOU), 1_000);
    book.credit('mum', 30_000, parseStamp('2026-01-31'));
    const rel = share(book, 'mum', 'gran', 'parent', '2026-02-01');
    book.setQuota({ relationshipId: rel, quotaFen: 50_000, at: parseStamp('2026-02-01T10:00') });
    book.payAsBeneficiary({
      beneficiaryId: 'gran',
      purpose: 'medical',
      amountFen: 60_000,
      poolingArea: '410100',
      at: parseStamp('2026-03-01'),
    });
    book.setQuota({ relationshipId: rel, quotaFen: 60_000, at: parseStamp('2026-03-02T10:00') });
    book.payOwn({ personId: 'mum', purpose: 'pharmacy', amountFen: 5_000, poolingArea: '320500', at: 1 });
    book.end({ relationshipId: rel, by: 'gran', at: parseStamp('2026-04-01') });
    for (const p of book.ledger.postings) rules.add(p.rule);
  }
  return rules;
}

describe('rule coverage', () => {
  test('every sharing rule R1–R12 refuses or posts when the rules core runs', () => {
    const refusing = new Set(
      REFUSAL_CASES.map((c) => {
        const r = c.make();
        if (!isRefusal(r)) throw new Error(`not refused: ${c.what}`);
        return r.rule;
      }),
    );
    const posting = postedRules();
    // R10 (the return of a quota) and R12 (the order of payment) never refuse.
    expect([...refusing].sort()).toEqual(['R1', 'R11', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']);
    expect([...posting].sort()).toEqual(['CREDIT', 'OPEN', 'R10', 'R11', 'R12', 'R7', 'R8', 'R9']);
    expect(SHARING_RULES.filter((r) => !refusing.has(r) && !posting.has(r))).toEqual([]);
  });

  test('every refusal code is given by the code, each always under the same rules', () => {
    const made = REFUSAL_CASES.map((c) => c.make() as { rule: string; code: string });
    expect([...new Set(made.map((r) => r.code))].sort()).toEqual([...CODES].sort());
    const rulesOf = (code: string) => [...new Set(made.filter((r) => r.code === code).map((r) => r.rule))];
    expect(rulesOf('relationship-not-active').sort()).toEqual(['R4', 'R6']);
    for (const code of CODES.filter((c) => c !== 'relationship-not-active')) {
      expect(rulesOf(code), code).toHaveLength(1);
    }
  });
});
