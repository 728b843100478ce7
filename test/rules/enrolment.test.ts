/**
 * R2 and R11 for a near relative who is not insured: with `enrolmentOfUninsured` open, a sharer's
 * quota may pay the resident contribution that enrols the relative, who is insured from the next
 * coverage year; medical and pharmacy bills stay refused by R2 until then, and with the parameter
 * closed the contribution is refused by R2 too.
 */
import { describe, expect, test } from 'vitest';
import {
  checkBeneficiary,
  checkInsuredForUse,
  nextCoverageYear,
  parseStamp,
  SharingBook,
  type RuleParameters,
} from '../../src/rules';
import { person, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';

const at = parseStamp;

/** Li Na in Suzhou with 5,000 yuan, and her father in Zhengzhou, not insured. */
function family(params: RuleParameters = rules2026()) {
  const book = new SharingBook(params);
  book.addPerson(person('li-na', 'employee-account', SUZHOU), 500_000);
  book.addPerson(person('father', 'uninsured', ZHENGZHOU));
  return book;
}

/** Her father's bill or contribution of `amountFen` at `when`. */
function pay(book: SharingBook, purpose: 'medical' | 'pharmacy' | 'resident-contribution', when: string) {
  return book.payAsBeneficiary({
    beneficiaryId: 'father',
    purpose,
    amountFen: purpose === 'resident-contribution' ? 40_000 : 12_345,
    poolingArea: '410100',
    at: at(when),
  });
}

describe('enrolment of an uninsured relative (R2, R11)', () => {
  test('a sharer’s quota pays the 400 yuan contribution that enrols her uninsured father, posted under R11', () => {
    const book = family();
    const rel = share(book, 'li-na', 'father', 'parent', '2026-10-01T09:00');
    book.setQuota({ relationshipId: rel, quotaFen: 40_000, at: at('2026-10-01T09:05') });
    const paid = pay(book, 'resident-contribution', '2026-10-08T09:00');
    expect(paid).toMatchObject({ ok: true, split: { ownFen: 0, quotaFen: [40_000], cashFen: 0 } });
    if (!paid.ok) return;
    expect(paid.postings.map(({ from, to, amountFen, rule }) => ({ from, to, amountFen, rule }))).toEqual([
      {
        from: `quota:${rel}`,
        to: 'payee:resident-contribution-collector:410100',
        amountFen: 40_000,
        rule: 'R11',
      },
    ]);
    expect(book.quota(rel)).toBe(0);
    expect(book.spendable('li-na')).toBe(460_000);
    expect(book.enrolments()).toEqual([
      {
        personId: 'father',
        paidAt: at('2026-10-08T09:00'),
        coverageFrom: at('2027-01-01'),
        sharedFen: 40_000,
      },
    ]);
    expect(book.ledger.total()).toBe(0);
  });

  test('he is insured from the next coverage year: a bill in December is refused by R2, one in January is paid', () => {
    const book = family();
    const rel = share(book, 'li-na', 'father', 'parent', '2026-10-01T09:00');
    book.setQuota({ relationshipId: rel, quotaFen: 100_000, at: at('2026-10-01T09:05') });
    expect(pay(book, 'resident-contribution', '2026-10-08T09:00')).toMatchObject({ ok: true });
    expect(book.person('father').scheme).toBe('uninsured');
    const before = book.ledger.postings.length;
    expect(pay(book, 'medical', '2026-12-31T23:59')).toMatchObject({
      ok: false,
      rule: 'R2',
      code: 'beneficiary-not-insured',
    });
    expect(book.ledger.postings).toHaveLength(before);
    const paid = pay(book, 'medical', '2027-01-01T08:00');
    expect(book.person('father').scheme).toBe('resident');
    expect(paid).toMatchObject({ ok: true, split: { quotaFen: [12_345], cashFen: 0 } });
    if (paid.ok)
      expect(paid.postings.map((p) => [p.to, p.amountFen, p.rule])).toEqual([
        ['payee:hospital:410100', 12_345, 'R11'],
      ]);
  });

  test('a medical or pharmacy bill of the uninsured relative is refused by R2 and posts nothing', () => {
    const book = family();
    const rel = share(book, 'li-na', 'father', 'parent', '2026-03-01T09:00');
    book.setQuota({ relationshipId: rel, quotaFen: 100_000, at: at('2026-03-01T09:05') });
    for (const purpose of ['medical', 'pharmacy'] as const) {
      const r = pay(book, purpose, '2026-03-02T10:00');
      expect(r).toMatchObject({ ok: false, rule: 'R2', code: 'beneficiary-not-insured' });
      if (!r.ok) expect(r.message.en).toContain('next coverage year');
    }
    expect(book.ledger.postings.map((p) => p.rule)).toEqual(['OPEN', 'R7']);
  });

  test('with enrolment closed, the relationship and the contribution are both refused by R2', () => {
    const closed = rules2026({ enrolmentOfUninsured: false });
    const book = family(closed);
    const established = book.establish({
      sharerId: 'li-na',
      beneficiaryId: 'father',
      relation: 'parent',
      at: at('2026-10-01T09:00'),
      consent: { sharer: true, beneficiary: true },
    });
    expect(established).toMatchObject({ ok: false, rule: 'R2', code: 'beneficiary-not-insured' });
    const contribution = pay(book, 'resident-contribution', '2026-10-08T09:00');
    expect(contribution).toMatchObject({ ok: false, rule: 'R2', code: 'beneficiary-not-insured' });
    if (!contribution.ok) expect(contribution.message.zh).toContain('本方案未开放');
    expect(book.enrolments()).toEqual([]);
    expect(book.ledger.postings.map((p) => p.rule)).toEqual(['OPEN']);
  });

  test('an in-law stays refused by R2 even when enrolment is open', () => {
    const uninsured = person('u', 'uninsured', ZHENGZHOU);
    expect(checkBeneficiary('near-relatives', 'parent-in-law', uninsured, true)).toMatchObject({
      rule: 'R2',
      code: 'not-near-relative',
    });
    expect(checkBeneficiary('spouse-parents-children', 'sibling', uninsured, true)).toMatchObject({
      rule: 'R2',
      code: 'outside-relative-scope',
    });
    expect(checkBeneficiary('near-relatives', 'sibling', uninsured, true)).toBeNull();
  });

  test('R2 by use: only the two contributions of an uninsured relative, and only while enrolment is open', () => {
    const uninsured = person('u', 'uninsured', ZHENGZHOU);
    const insured = person('r', 'resident', ZHENGZHOU);
    const uses = ['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution'] as const;
    expect(uses.map((u) => checkInsuredForUse(u, uninsured, true)?.rule ?? null)).toEqual([
      'R2',
      'R2',
      null,
      null,
    ]);
    expect(uses.map((u) => checkInsuredForUse(u, uninsured, false)?.rule ?? null)).toEqual([
      'R2',
      'R2',
      'R2',
      'R2',
    ]);
    expect(uses.map((u) => checkInsuredForUse(u, insured, false))).toEqual([null, null, null, null]);
  });

  test('a contribution paid partly in cash still enrols; a relative who dies before the year begins is not insured', () => {
    const book = family();
    const rel = share(book, 'li-na', 'father', 'parent', '2026-11-01T09:00');
    book.setQuota({ relationshipId: rel, quotaFen: 30_000, at: at('2026-11-01T09:05') });
    const paid = pay(book, 'resident-contribution', '2026-11-02T09:00');
    expect(paid).toMatchObject({ ok: true, split: { quotaFen: [30_000], cashFen: 10_000 } });
    expect(book.enrolments()[0]?.sharedFen).toBe(30_000);
    book.changeInsurance({ personId: 'father', change: { kind: 'terminate' }, at: at('2026-12-20') });
    book.credit('li-na', 100, at('2027-01-31'));
    expect(book.person('father').scheme).toBe('uninsured');
  });

  test('the next coverage year begins on 1 January after the payment', () => {
    expect(nextCoverageYear(at('2026-01-01T00:00'))).toBe(at('2027-01-01'));
    expect(nextCoverageYear(at('2026-12-31T23:59'))).toBe(at('2027-01-01'));
    expect(nextCoverageYear(at('2029-06-15T12:00'))).toBe(at('2030-01-01'));
  });
});
