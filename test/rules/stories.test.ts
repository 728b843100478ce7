/**
 * The training stories, one test each, with exact fen at every step. The family: 李娜 (Li Na), an
 * employee insured in Suzhou with 5,000 yuan in her personal account; her father 李建国, insured in
 * resident insurance in Zhengzhou, Henan; her husband's mother 王秀英, also in Zhengzhou; and 赵强, a
 * colleague's brother in a pooling-only employee scheme.
 */
import { describe, expect, test } from 'vitest';
import { parseStamp, SharingBook, type Purpose, type Refusal } from '../../src/rules';
import { NANJING, person, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';

const at = parseStamp;
const both = { sharer: true, beneficiary: true };

/** Li Na's book after she sets up sharing with her father and earmarks 2,000 yuan. */
function liNaSharesWithFather() {
  const book = new SharingBook(rules2026());
  book.addPerson(person('li-na', 'employee-account', SUZHOU, '李娜'), 500_000);
  book.addPerson(person('father', 'resident', ZHENGZHOU, '李建国'));
  book.addPerson(person('mother-in-law', 'resident', ZHENGZHOU, '王秀英'));
  const rel = share(book, 'li-na', 'father', 'parent', '2026-02-03T09:00');
  const quota = book.setQuota({ relationshipId: rel, quotaFen: 200_000, at: at('2026-02-03T09:05') });
  return { book, rel, quota };
}

/** The father pays in Zhengzhou unless another pooling area is given. */
function fatherPays(
  book: SharingBook,
  purpose: Purpose,
  amountFen: number,
  when: string,
  poolingArea = '410100',
) {
  return book.payAsBeneficiary({ beneficiaryId: 'father', purpose, amountFen, poolingArea, at: at(when) });
}

function expectRefusal(outcome: { ok: boolean }, rule: string, code: string): asserts outcome is Refusal {
  expect(outcome).toMatchObject({ ok: false, rule, code });
  const r = outcome as Refusal;
  expect(r.message.zh).toContain(`${rule}`);
  expect(r.message.en).toContain(`(${rule}`);
}

describe('training stories', () => {
  test('a Suzhou employee sets a 2,000 yuan quota for her father in Henan (R1–R3, R7)', () => {
    const { book, rel, quota } = liNaSharesWithFather();
    expect(quota).toMatchObject({ ok: true, quotaFen: 200_000 });
    expect(book.ledger.postings.at(-1)).toMatchObject({
      from: 'account:li-na',
      to: `quota:${rel}`,
      amountFen: 200_000,
      rule: 'R7',
    });
    expect(book.spendable('li-na')).toBe(300_000);
    expect(book.quota(rel)).toBe(200_000);
    expect(book.ledger.total()).toBe(0);
  });

  test('her father pays the 150 yuan personal share of a pharmacy bill in Henan from the quota (R11)', () => {
    const { book, rel } = liNaSharesWithFather();
    const paid = fatherPays(book, 'pharmacy', 15_000, '2026-03-10T10:30');
    expect(paid).toMatchObject({ ok: true, split: { ownFen: 0, quotaFen: [15_000], cashFen: 0 } });
    expect(book.quota(rel)).toBe(185_000);
    expect(book.ledger.balance('payee:pharmacy:410100')).toBe(15_000);
    expect(book.spendable('li-na')).toBe(300_000);
  });

  test('she tries to spend the frozen money and is refused (R8)', () => {
    const { book, rel } = liNaSharesWithFather();
    const before = book.ledger.postings.length;
    const tried = book.payOwn({
      personId: 'li-na',
      purpose: 'medical',
      amountFen: 350_000,
      poolingArea: SUZHOU.poolingArea,
      at: at('2026-03-12T15:00'),
      accountOnly: true,
    });
    expectRefusal(tried, 'R8', 'frozen-by-quota');
    expect(tried.message.en).toContain('2,000.00 yuan');
    expect(book.ledger.postings.length).toBe(before);
    expect(book.spendable('li-na')).toBe(300_000);
    expect(book.quota(rel)).toBe(200_000);
    // What is outside the quota she can still spend.
    const ok = book.payOwn({
      personId: 'li-na',
      purpose: 'medical',
      amountFen: 30_000,
      poolingArea: SUZHOU.poolingArea,
      at: at('2026-03-12T15:05'),
      accountOnly: true,
    });
    expect(ok).toMatchObject({ ok: true, accountFen: 30_000, cashFen: 0 });
    expect(book.spendable('li-na')).toBe(270_000);
  });

  test('she raises the quota above her unearmarked balance and is refused (R7)', () => {
    const { book, rel } = liNaSharesWithFather();
    const tried = book.setQuota({ relationshipId: rel, quotaFen: 550_000, at: at('2026-03-15T11:00') });
    expectRefusal(tried, 'R7', 'quota-exceeds-balance');
    expect(book.quota(rel)).toBe(200_000);
    expect(book.spendable('li-na')).toBe(300_000);
    // Up to the whole unearmarked balance is allowed.
    expect(book.setQuota({ relationshipId: rel, quotaFen: 500_000, at: at('2026-03-15T11:01') }).ok).toBe(
      true,
    );
    expect(book.spendable('li-na')).toBe(0);
  });

  test("his 400 yuan resident contribution is paid from the quota to Zhengzhou's collector (R11)", () => {
    const { book, rel } = liNaSharesWithFather();
    // Paid while he visits her in Suzhou: the contribution still goes to his own area's collector.
    const paid = fatherPays(book, 'resident-contribution', 40_000, '2026-10-08T09:00', SUZHOU.poolingArea);
    expect(paid).toMatchObject({ ok: true, split: { quotaFen: [40_000], cashFen: 0 } });
    expect(book.ledger.balance('payee:resident-contribution-collector:410100')).toBe(40_000);
    expect(book.quota(rel)).toBe(160_000);
  });

  test('a bill larger than what is left of the quota is split per R12: quota first, then cash', () => {
    const { book, rel } = liNaSharesWithFather();
    fatherPays(book, 'pharmacy', 15_000, '2026-03-10T10:30');
    fatherPays(book, 'resident-contribution', 40_000, '2026-10-08T09:00');
    expect(book.quota(rel)).toBe(145_000);
    const paid = fatherPays(book, 'medical', 200_000, '2026-11-20T08:00');
    expect(paid).toMatchObject({ ok: true, split: { ownFen: 0, quotaFen: [145_000], cashFen: 55_000 } });
    if (!paid.ok) return;
    expect(paid.postings.map((p) => [p.from, p.amountFen, p.rule])).toEqual([
      [`quota:${rel}`, 145_000, 'R11'],
      ['cash:father', 55_000, 'R12'],
    ]);
    expect(book.ledger.balance('payee:hospital:410100')).toBe(200_000);
    expect(book.quota(rel)).toBe(0);
    expect(book.ledger.total()).toBe(0);
  });

  test('she moves her insurance to Nanjing: the relationship ends (R6) and the unused quota returns (R10)', () => {
    const { book, rel } = liNaSharesWithFather();
    fatherPays(book, 'pharmacy', 15_000, '2026-03-10T10:30');
    const moved = book.changeInsurance({
      personId: 'li-na',
      change: { kind: 'move', ...NANJING },
      at: at('2026-12-01T09:00'),
    });
    expect(moved).toMatchObject({ ok: true, ended: [rel] });
    if (!moved.ok) return;
    expect(moved.postings).toEqual([
      expect.objectContaining({ from: `quota:${rel}`, to: 'account:li-na', amountFen: 185_000, rule: 'R10' }),
    ]);
    expect(book.relationship(rel)).toMatchObject({ endedBy: 'R6' });
    expect(book.spendable('li-na')).toBe(485_000);
    expect(book.quota(rel)).toBe(0);
    expect(book.person('li-na').poolingArea).toBe('320100');
    // The ended relationship can no longer pay: the next bill is all cash.
    const after = fatherPays(book, 'pharmacy', 8_000, '2026-12-05T09:00');
    expect(after).toMatchObject({ ok: true, split: { quotaFen: [], cashFen: 8_000 } });
    expectRefusal(
      book.setQuota({ relationshipId: rel, quotaFen: 1, at: at('2026-12-06T09:00') }),
      'R6',
      'relationship-not-active',
    );
  });

  test('a quota for her parent-in-law is refused: in-laws are not near relatives (R2)', () => {
    const { book } = liNaSharesWithFather();
    const tried = book.establish({
      sharerId: 'li-na',
      beneficiaryId: 'mother-in-law',
      relation: 'parent-in-law',
      at: at('2026-04-01T10:00'),
      consent: both,
    });
    expectRefusal(tried, 'R2', 'not-near-relative');
    expect(book.relationships()).toHaveLength(1);
  });

  test('a pooling-only employee tries to share and is refused: no personal account (R1)', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('zhao-qiang', 'employee-pooling-only', SUZHOU, '赵强'));
    book.addPerson(person('zhao-mother', 'resident', ZHENGZHOU));
    const tried = book.establish({
      sharerId: 'zhao-qiang',
      beneficiaryId: 'zhao-mother',
      relation: 'parent',
      at: at('2026-04-01T10:00'),
      consent: both,
    });
    expectRefusal(tried, 'R1', 'sharer-has-no-account');
    expect(book.relationships()).toHaveLength(0);
    expect(book.ledger.postings).toHaveLength(0);
  });

  test('a use outside R11 is refused and nothing is paid (R11)', () => {
    const { book, rel } = liNaSharesWithFather();
    const before = book.ledger.postings.length;
    const tried = fatherPays(book, 'commercial-insurance', 60_000, '2026-05-01T10:00');
    expectRefusal(tried, 'R11', 'use-not-permitted');
    expect(book.ledger.postings.length).toBe(before);
    expect(book.quota(rel)).toBe(200_000);
  });
});
