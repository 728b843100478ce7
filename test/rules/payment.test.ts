import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  capQuotas,
  checkMonthlyCap,
  checkUse,
  parseStamp,
  quotaDrawOrder,
  SharingBook,
  splitOwnPayment,
  splitPayment,
} from '../../src/rules';
import { person, rules2026, SUZHOU, ZHENGZHOU } from './fixtures';

const resident = person('b', 'resident', ZHENGZHOU);
const employee = person('e', 'employee-account', ZHENGZHOU);
const ALL_USES = rules2026().permittedUses;

describe('checkUse (R11)', () => {
  test('R11: the four permitted uses pass when open; anything else is refused by rule', () => {
    for (const use of ['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution'] as const) {
      expect(checkUse(ALL_USES, use, resident, true)).toBeNull();
    }
    for (const other of [
      'employee-contribution',
      'commercial-insurance',
      'non-designated-provider',
      'cash-withdrawal',
    ] as const) {
      expect(checkUse(ALL_USES, other, resident, true)).toMatchObject({
        rule: 'R11',
        code: 'use-not-permitted',
      });
    }
  });

  test('R11: a use the scenario keeps closed is refused (the 2025 pilot had no long-term-care contributions)', () => {
    expect(
      checkUse(['medical', 'pharmacy', 'resident-contribution'], 'ltc-contribution', resident, true),
    ).toMatchObject({
      rule: 'R11',
      code: 'use-closed',
    });
  });

  test('R11: a resident contribution only for a resident, a long-term-care contribution only where it exists', () => {
    expect(checkUse(ALL_USES, 'resident-contribution', employee, true)).toMatchObject({
      code: 'use-not-applicable',
    });
    expect(checkUse(ALL_USES, 'ltc-contribution', resident, false)).toMatchObject({
      code: 'use-not-applicable',
    });
  });
});

describe('splitPayment (R12)', () => {
  const quotas = [
    { availableFen: 5_000, since: 300 },
    { availableFen: 20_000, since: 100 },
    { availableFen: 10_000, since: 200 },
  ];

  test('R12 default: own account first, then quotas oldest first, then cash', () => {
    expect(splitPayment({ ownAccount: 'first', quotaOrder: 'oldest-first' }, 40_000, 8_000, quotas)).toEqual({
      ownFen: 8_000,
      quotaFen: [2_000, 20_000, 10_000],
      cashFen: 0,
    });
  });

  test('R12: quotas before the own account, newest first', () => {
    expect(
      splitPayment({ ownAccount: 'after-quotas', quotaOrder: 'newest-first' }, 40_000, 8_000, quotas),
    ).toEqual({
      ownFen: 5_000,
      quotaFen: [5_000, 20_000, 10_000],
      cashFen: 0,
    });
  });

  test('R12: what no source covers is cash, and every split adds up to the bill', () => {
    const s = splitPayment({ ownAccount: 'first', quotaOrder: 'largest-first' }, 100_000, 1_000, quotas);
    expect(s).toEqual({ ownFen: 1_000, quotaFen: [5_000, 20_000, 10_000], cashFen: 64_000 });
    expect(s.ownFen + s.quotaFen.reduce((a, b) => a + b, 0) + s.cashFen).toBe(100_000);
  });

  test('quotaDrawOrder is stable for ties', () => {
    const tied = [
      { availableFen: 1, since: 5 },
      { availableFen: 1, since: 5 },
    ];
    expect(quotaDrawOrder('oldest-first', tied)).toEqual([0, 1]);
    expect(quotaDrawOrder('smallest-first', quotas)).toEqual([0, 2, 1]);
  });

  test('quotaDrawOrder matches a stable sort by R12 order for any quotas, ties by given order', () => {
    const orders = ['oldest-first', 'newest-first', 'largest-first', 'smallest-first'] as const;
    const source = fc.record({
      availableFen: fc.integer({ min: 0, max: 5 }),
      since: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...orders), fc.array(source, { maxLength: 9 }), (order, qs) => {
        const key = (q: (typeof qs)[number]): number =>
          order === 'oldest-first'
            ? q.since
            : order === 'newest-first'
              ? -q.since
              : order === 'largest-first'
                ? -q.availableFen
                : q.availableFen;
        const expected = qs.map((q, i) => ({ k: key(q), i })).sort((a, b) => a.k - b.k || a.i - b.i);
        expect(quotaDrawOrder(order, qs)).toEqual(expected.map((e) => e.i));
      }),
    );
  });
});

describe('splitOwnPayment (R8)', () => {
  test('R8: own spending uses only the unearmarked balance, the rest in cash', () => {
    expect(splitOwnPayment(50_000, 30_000, 20_000, false)).toEqual({ accountFen: 30_000, cashFen: 20_000 });
  });
  test('R8: an account-only payment above the unearmarked balance is refused, naming the freeze', () => {
    expect(splitOwnPayment(40_000, 30_000, 20_000, true)).toMatchObject({
      rule: 'R8',
      code: 'frozen-by-quota',
    });
    expect(splitOwnPayment(60_000, 30_000, 20_000, true)).toMatchObject({
      rule: 'R8',
      code: 'insufficient-balance',
    });
  });
});

describe('R8 and R12 at their bounds', () => {
  test('R8: an account-only bill equal to the unearmarked balance is paid from the account', () => {
    expect(splitOwnPayment(30_000, 30_000, 20_000, true)).toEqual({ accountFen: 30_000, cashFen: 0 });
    expect(splitOwnPayment(30_001, 30_000, 20_000, true)).toMatchObject({ code: 'frozen-by-quota' });
  });

  test('R8: a bill the whole balance could meet is refused for the freeze; one fen more, for the balance', () => {
    expect(splitOwnPayment(50_000, 30_000, 20_000, true)).toMatchObject({
      rule: 'R8',
      code: 'frozen-by-quota',
    });
    expect(splitOwnPayment(50_001, 30_000, 20_000, true)).toMatchObject({
      rule: 'R8',
      code: 'insufficient-balance',
    });
  });

  test('R12: a bill on more quotas than the reused draw order holds is split in R12’s order all the same', () => {
    // 40 quotas of 100 fen, set up one minute apart: the newest 25 meet a bill of 2,500 fen.
    const quotas = Array.from({ length: 40 }, (_, i) => ({ availableFen: 100, since: i }));
    for (let round = 0; round < 2; round++) {
      const split = splitPayment({ ownAccount: 'first', quotaOrder: 'newest-first' }, 2_500, 0, quotas);
      expect(split.quotaFen).toEqual(quotas.map((_, i) => (i >= 15 ? 100 : 0)));
      expect(split.cashFen).toBe(0);
    }
  });

  test('R11: capQuotas keeps each quota’s setup time beside its capped amount', () => {
    const quotas = [
      { availableFen: 30_000, since: 20 },
      { availableFen: 40_000, since: 10 },
    ];
    expect(capQuotas('newest-first', quotas, 35_000)).toEqual([
      { availableFen: 30_000, since: 20 },
      { availableFen: 5_000, since: 10 },
    ]);
    expect(capQuotas('oldest-first', quotas, -5)).toEqual([
      { availableFen: 0, since: 20 },
      { availableFen: 0, since: 10 },
    ]);
  });
});

describe('SharingBook.payAsBeneficiary', () => {
  test('R12: a beneficiary with an account of their own and two sharers pays in the default order', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('son', 'employee-account', SUZHOU), 100_000);
    book.addPerson(person('daughter', 'employee-account', SUZHOU), 100_000);
    book.addPerson(person('mother', 'employee-account', ZHENGZHOU), 3_000);
    const both = { sharer: true, beneficiary: true };
    const rels = ['daughter', 'son'].map((s, i) => {
      const r = book.establish({
        sharerId: s,
        beneficiaryId: 'mother',
        relation: 'parent',
        at: parseStamp(`2026-01-0${i + 2}`),
        consent: both,
      });
      if (!r.ok) throw new Error(r.message.en);
      book.setQuota({
        relationshipId: r.relationshipId,
        quotaFen: 10_000,
        at: parseStamp('2026-01-05T10:00'),
      });
      return r.relationshipId;
    });
    const paid = book.payAsBeneficiary({
      beneficiaryId: 'mother',
      purpose: 'medical',
      amountFen: 18_000,
      poolingArea: '410100',
      at: parseStamp('2026-02-01T10:00'),
    });
    expect(paid).toMatchObject({ ok: true, split: { ownFen: 3_000, quotaFen: [10_000, 5_000], cashFen: 0 } });
    expect(book.quota(rels[0]!)).toBe(0);
    expect(book.quota(rels[1]!)).toBe(5_000);
    expect(book.spendable('mother')).toBe(0);
    if (paid.ok) expect(paid.postings.map((p) => p.rule)).toEqual(['R12', 'R11', 'R11']);
  });

  test('R11: long-term-care contributions are paid where the beneficiary’s area runs the insurance', () => {
    const book = new SharingBook(rules2026(), { ltcAreas: ['410100'] });
    book.addPerson(person('s', 'employee-account', SUZHOU), 10_000);
    book.addPerson(person('b', 'resident', ZHENGZHOU));
    const r = book.establish({
      sharerId: 's',
      beneficiaryId: 'b',
      relation: 'grandparent',
      at: parseStamp('2026-01-05'),
      consent: { sharer: true, beneficiary: true },
    });
    if (!r.ok) throw new Error(r.message.en);
    book.setQuota({ relationshipId: r.relationshipId, quotaFen: 5_000, at: parseStamp('2026-01-05T10:00') });
    const paid = book.payAsBeneficiary({
      beneficiaryId: 'b',
      purpose: 'ltc-contribution',
      amountFen: 3_000,
      poolingArea: '410100',
      at: parseStamp('2026-01-20'),
    });
    expect(paid).toMatchObject({ ok: true });
    expect(book.ledger.balance('payee:ltc-contribution-collector:410100')).toBe(3_000);
  });

  test('a bill must be a positive whole number of fen', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(resident);
    const pay = (amountFen: number) => () =>
      book.payAsBeneficiary({ beneficiaryId: 'b', purpose: 'medical', amountFen, poolingArea: 'x', at: 0 });
    expect(pay(0)).toThrow(RangeError);
    expect(pay(12.3)).toThrow(/whole number of fen/);
  });
});

describe('the monthly cap on shared money (R11)', () => {
  test('R11: checkMonthlyCap allows while room is left and refuses once the cap is used up', () => {
    expect(checkMonthlyCap(null, 10_000_000)).toBeNull();
    expect(checkMonthlyCap(undefined, 10_000_000)).toBeNull();
    expect(checkMonthlyCap(50_000, 49_999)).toBeNull();
    expect(checkMonthlyCap(50_000, 50_000)).toMatchObject({
      ok: false,
      rule: 'R11',
      code: 'monthly-cap-reached',
    });
    expect(checkMonthlyCap(50_000, 50_000)!.message.en).toMatch(/500\.00 yuan/);
  });

  test('R11: capQuotas cuts availability in the R12 draw order, so a bill above the cap is paid partly in cash', () => {
    const quotas = [
      { availableFen: 30_000, since: 20 },
      { availableFen: 40_000, since: 10 },
    ];
    const capped = capQuotas('oldest-first', quotas, 50_000);
    expect(capped.map((q) => q.availableFen)).toEqual([10_000, 40_000]);
    const split = splitPayment({ ownAccount: 'first', quotaOrder: 'oldest-first' }, 80_000, 0, capped);
    expect(split).toEqual({ ownFen: 0, quotaFen: [10_000, 40_000], cashFen: 30_000 });
    expect(capQuotas('oldest-first', quotas, null)).toEqual(quotas);
    expect(capQuotas('largest-first', quotas, 0).map((q) => q.availableFen)).toEqual([0, 0]);
  });
});
