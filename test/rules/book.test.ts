/**
 * The sharing book: its operations one by one (opening balances, credits, where a bill is owed,
 * own payments, what a sharer has earmarked), then property-based tests with random small families,
 * random rule parameters and random sequences of operations (at least 10,000 in all). After every
 * random operation the ledger sums to zero, no account is on the wrong side of zero, what a sharer
 * has earmarked is exactly the quotas of their active relationships (none under wallet transfers),
 * ended relationships hold no quota, an own payment never touches a quota, and a refused operation
 * changed nothing.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  natureByPrefix,
  parseStamp,
  PERMITTED_USES,
  SharingBook,
  type InsuranceChange,
  type Purpose,
  type RelationKind,
  type RuleParameters,
  type Scheme,
} from '../../src/rules';
import { NANJING, person, PILOT_LIMITS, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';

const at = (t: string) => parseStamp(t);

describe('SharingBook', () => {
  test('addPerson books an account holder’s opening balance from the pooling-area fund, and nothing for none', () => {
    const book = new SharingBook(rules2026());
    expect(book.addPerson(person('r', 'resident', ZHENGZHOU))).toEqual([]);
    expect(book.addPerson(person('e', 'employee-account', SUZHOU))).toEqual([]);
    expect(book.addPerson(person('s', 'employee-account', SUZHOU), 5_000)).toEqual([
      { from: 'fund:320500', to: 'account:s', amountFen: 5_000, rule: 'OPEN', seq: 1 },
    ]);
    expect(book.people().map((p) => p.id)).toEqual(['r', 'e', 's']);
  });

  test('addPerson refuses a person already in the book and an opening balance without a personal account', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('s', 'employee-account', SUZHOU), 5_000);
    expect(() => book.addPerson(person('s', 'employee-account', SUZHOU))).toThrow(
      'person "s" is already in the book',
    );
    expect(() => book.addPerson(person('r', 'resident', ZHENGZHOU), 100)).toThrow(
      'person "r" has no personal account, so no opening balance',
    );
    expect(book.people().map((p) => p.id)).toEqual(['s']);
    expect(book.ledger.postings).toHaveLength(1);
  });

  test('credit books the monthly credit from the pooling-area fund, only to an account holder', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('s', 'employee-account', SUZHOU));
    book.addPerson(person('r', 'resident', ZHENGZHOU));
    expect(book.credit('s', 1_200, at('2026-01-31'))).toEqual([
      {
        from: 'fund:320500',
        to: 'account:s',
        amountFen: 1_200,
        rule: 'CREDIT',
        at: at('2026-01-31'),
        seq: 1,
      },
    ]);
    expect(() => book.credit('r', 1_200, at('2026-01-31'))).toThrow(
      'person "r" has no personal account to credit',
    );
    expect(book.spendable('s')).toBe(1_200);
  });

  test('person and relationship name what is not in the book', () => {
    const book = new SharingBook(rules2026());
    expect(() => book.person('x')).toThrow('no person "x" in the book');
    expect(() => book.relationship('rel-9')).toThrow('no relationship "rel-9" in the book');
  });

  test('C1: a bill is owed to the pooling area where it was paid, a contribution to the beneficiary’s own', () => {
    const book = new SharingBook(rules2026(), { ltcAreas: ['410100'] });
    book.addPerson(person('s', 'employee-account', SUZHOU), 100_000);
    book.addPerson(person('b', 'resident', ZHENGZHOU));
    const rel = share(book, 's', 'b', 'parent', '2026-01-05');
    book.setQuota({ relationshipId: rel, quotaFen: 100_000, at: at('2026-01-05T10:00') });
    const pay = (purpose: Purpose, poolingArea: string) => {
      const r = book.payAsBeneficiary({ beneficiaryId: 'b', purpose, amountFen: 1_000, poolingArea, at: 0 });
      return r.ok ? r.postings.map((p) => p.to) : r.code;
    };
    expect(pay('medical', '320500')).toEqual(['payee:hospital:320500']);
    expect(pay('pharmacy', '320100')).toEqual(['payee:pharmacy:320100']);
    expect(pay('resident-contribution', '320500')).toEqual(['payee:resident-contribution-collector:410100']);
    expect(pay('ltc-contribution', '320100')).toEqual(['payee:ltc-contribution-collector:410100']);
  });

  test('R11: long-term-care contributions are refused in a book that names no area running that insurance', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('b', 'resident', ZHENGZHOU));
    expect(
      book.payAsBeneficiary({
        beneficiaryId: 'b',
        purpose: 'ltc-contribution',
        amountFen: 1_000,
        poolingArea: '410100',
        at: 0,
      }),
    ).toMatchObject({ ok: false, rule: 'R11', code: 'use-not-applicable' });
    expect(book.ledger.postings).toHaveLength(0);
  });

  test('R12: a bill draws only on quotas with money left, and on the beneficiary’s own account only while they hold one', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('s1', 'employee-account', SUZHOU), 100_000);
    book.addPerson(person('s2', 'employee-account', NANJING), 100_000);
    book.addPerson(person('b', 'employee-account', ZHENGZHOU), 40_000);
    // b leaves the employee scheme: the old account is no personal account of a resident.
    book.changeInsurance({ personId: 'b', change: { kind: 'switch-scheme', scheme: 'resident' }, at: 0 });
    const r1 = share(book, 's1', 'b', 'parent', '2026-01-05');
    share(book, 's2', 'b', 'parent', '2026-01-06');
    book.setQuota({ relationshipId: r1, quotaFen: 3_000, at: at('2026-01-07T10:00') });
    const paid = book.payAsBeneficiary({
      beneficiaryId: 'b',
      purpose: 'medical',
      amountFen: 5_000,
      poolingArea: '410100',
      at: at('2026-02-01'),
    });
    expect(paid).toMatchObject({ ok: true, split: { ownFen: 0, quotaFen: [3_000], cashFen: 2_000 } });
    if (paid.ok) {
      expect(paid.postings.map(({ from, amountFen, rule }) => [from, amountFen, rule])).toEqual([
        [`quota:${r1}`, 3_000, 'R11'],
        ['cash:b', 2_000, 'R12'],
      ]);
    }
    expect(book.spendable('b')).toBe(40_000);
  });

  test('R8: an own payment uses the unearmarked balance and pays the rest in cash', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('s', 'employee-account', SUZHOU), 30_000);
    book.addPerson(person('b', 'resident', ZHENGZHOU));
    const rel = share(book, 's', 'b', 'parent', '2026-01-05');
    book.setQuota({ relationshipId: rel, quotaFen: 10_000, at: at('2026-01-05T10:00') });
    const paid = book.payOwn({
      personId: 's',
      purpose: 'pharmacy',
      amountFen: 25_000,
      poolingArea: '320100',
      at: 7,
    });
    expect(paid).toMatchObject({ ok: true, accountFen: 20_000, cashFen: 5_000 });
    if (paid.ok) {
      expect(paid.postings.map(({ from, to, amountFen, rule }) => [from, to, amountFen, rule])).toEqual([
        ['account:s', 'payee:pharmacy:320100', 20_000, 'R8'],
        ['cash:s', 'payee:pharmacy:320100', 5_000, 'R8'],
      ]);
    }
    expect(book.quota(rel)).toBe(10_000);
    const inCash = book.payOwn({
      personId: 's',
      purpose: 'medical',
      amountFen: 800,
      poolingArea: '320500',
      at: 8,
    });
    expect(inCash).toMatchObject({ ok: true, accountFen: 0, cashFen: 800 });
    if (inCash.ok) expect(inCash.postings.map((p) => p.from)).toEqual(['cash:s']);
  });

  test('R8: an account-only payment the unearmarked balance cannot meet is refused and books nothing', () => {
    const book = new SharingBook(rules2026());
    book.addPerson(person('s', 'employee-account', SUZHOU), 30_000);
    book.addPerson(person('b', 'resident', ZHENGZHOU));
    const rel = share(book, 's', 'b', 'parent', '2026-01-05');
    book.setQuota({ relationshipId: rel, quotaFen: 10_000, at: at('2026-01-05T10:00') });
    const before = book.ledger.postings.length;
    const refused = book.payOwn({
      personId: 's',
      purpose: 'medical',
      amountFen: 25_000,
      poolingArea: '320500',
      at: 9,
      accountOnly: true,
    });
    expect(refused).toEqual({
      ok: false,
      rule: 'R8',
      code: 'frozen-by-quota',
      message: {
        zh: '账户中有100.00元已设为共济额度而冻结，可自用的只有200.00元，不能支付250.00元（R8）。',
        en: '100.00 yuan of the account is frozen as quotas for relatives; only 200.00 yuan can pay this 250.00 yuan bill (R8).',
      },
    });
    expect(book.ledger.postings).toHaveLength(before);
  });

  test('R8: earmarked counts only the sharer’s own active quotas, and nothing under wallet transfers', () => {
    for (const quotaModel of ['virtual-quota', 'wallet-transfer'] as const) {
      const book = new SharingBook(rules2026({ quotaModel }));
      book.addPerson(person('s1', 'employee-account', SUZHOU), 100_000);
      book.addPerson(person('s2', 'employee-account', SUZHOU), 100_000);
      book.addPerson(person('b', 'resident', ZHENGZHOU));
      const r1 = share(book, 's1', 'b', 'parent', '2026-01-05');
      const r2 = share(book, 's2', 'b', 'parent', '2026-01-05');
      book.setQuota({ relationshipId: r1, quotaFen: 7_000, at: at('2026-01-05T10:00') });
      book.setQuota({ relationshipId: r2, quotaFen: 9_000, at: at('2026-01-05T10:00') });
      const virtual = quotaModel === 'virtual-quota';
      expect([book.earmarked('s1'), book.earmarked('s2'), book.earmarked('b')]).toEqual(
        virtual ? [7_000, 9_000, 0] : [0, 0, 0],
      );
      book.end({ relationshipId: r1, by: 's1', at: at('2026-02-01') });
      expect([book.earmarked('s1'), book.earmarked('s2')]).toEqual(virtual ? [0, 9_000] : [0, 0]);
      expect(book.spendable('s1')).toBe(100_000);
    }
  });
});

const AREAS = [
  { poolingArea: '320500', province: '32' },
  { poolingArea: '320100', province: '32' },
  { poolingArea: '410100', province: '41' },
];
const SCHEMES: Scheme[] = ['employee-account', 'employee-pooling-only', 'resident', 'uninsured'];
const RELATIONS: RelationKind[] = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'];
const PURPOSES: Purpose[] = [...PERMITTED_USES, 'commercial-insurance', 'cash-withdrawal'];
/** Mostly true: refusals should be common but not swamp the allowed paths. */
const likely = fc.integer({ min: 0, max: 9 }).map((n) => n > 0);

const paramsArb: fc.Arbitrary<RuleParameters> = fc
  .record({
    scope: fc.constantFrom('near-relatives', 'spouse-parents-children'),
    geo: fc.tuple(likely, likely, likely),
    pilot: fc.boolean(),
    model: fc.constantFrom('virtual-quota', 'wallet-transfer'),
    uses: fc.subarray([...PERMITTED_USES]),
    own: fc.constantFrom('first', 'after-quotas'),
    order: fc.constantFrom('oldest-first', 'newest-first', 'largest-first', 'smallest-first'),
  })
  .map((r) =>
    rules2026({
      relativeScope: r.scope,
      geography: {
        samePoolingArea: r.geo[0],
        sameProvince: r.geo[1],
        crossProvince: r.geo[2],
        rollout: { defaultStart: '2020-01', byProvince: { '41': '2020-02' }, byPoolingArea: {} },
      },
      quotaLimits: r.pilot ? PILOT_LIMITS : rules2026().quotaLimits,
      quotaModel: r.model,
      permittedUses: r.uses,
      paymentOrder: { ownAccount: r.own, quotaOrder: r.order },
    }),
  );

const familyArb = fc.array(
  fc.record({
    scheme: fc.oneof(
      { arbitrary: fc.constant<Scheme>('employee-account'), weight: 3 },
      fc.constantFrom(...SCHEMES),
    ),
    area: fc.nat(2),
    balance: fc.nat(1_000_000),
  }),
  { minLength: 2, maxLength: 5 },
);

const fen = fc.oneof(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 5_000 }));
const opArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('establish' as const),
      s: fc.nat(4),
      b: fc.integer({ min: 1, max: 4 }),
      relation: fc.oneof(
        { arbitrary: fc.constantFrom(...RELATIONS), weight: 9 },
        fc.constant<RelationKind>('parent-in-law'),
      ),
      consent: likely,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('setQuota' as const),
      rel: fc.nat(8),
      quota: fc.oneof(fc.nat(1_200_000), fc.nat(200_000), fc.constant(0)),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('payAsBeneficiary' as const),
      b: fc.nat(4),
      purpose: fc.oneof(
        { arbitrary: fc.constantFrom(...PERMITTED_USES), weight: 5 },
        fc.constantFrom(...PURPOSES),
      ),
      amount: fen,
      area: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('payOwn' as const),
      p: fc.nat(4),
      amount: fen,
      accountOnly: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('end' as const), rel: fc.nat(8), by: fc.nat(4) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('changeInsurance' as const),
      p: fc.nat(4),
      kind: fc.constantFrom('move', 'move', 'terminate', 'switch-scheme'),
      area: fc.nat(2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('credit' as const), p: fc.nat(4), amount: fen }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;
const stepArb = fc.record({ op: opArb, dt: fc.integer({ min: 0, max: 3_000 }) });

/** A full picture of the book's state, to prove that a refusal changed nothing. */
function snapshot(book: SharingBook): string {
  return JSON.stringify({
    a: book.ledger.accounts(),
    r: book.relationships(),
    p: book.people(),
    n: book.ledger.postings.length,
  });
}

/** Every quota account's balance. */
function quotaBalances(book: SharingBook): [string, number][] {
  return book.ledger.accounts().filter(([account]) => account.startsWith('quota:'));
}

function checkInvariants(book: SharingBook): void {
  expect(book.ledger.total()).toBe(0);
  const recomputed = new Map<string, number>();
  for (const p of book.ledger.postings) {
    expect(Number.isSafeInteger(p.amountFen) && p.amountFen > 0).toBe(true);
    recomputed.set(p.from, (recomputed.get(p.from) ?? 0) - p.amountFen);
    recomputed.set(p.to, (recomputed.get(p.to) ?? 0) + p.amountFen);
  }
  for (const [account, balance] of book.ledger.accounts()) {
    expect(recomputed.get(account) ?? 0).toBe(balance);
    const nature = natureByPrefix(account);
    if (nature === 'store') expect(balance).toBeGreaterThanOrEqual(0);
    if (nature === 'source') expect(balance).toBeLessThanOrEqual(0);
  }
  const virtual = book.params.quotaModel === 'virtual-quota';
  for (const p of book.people()) {
    expect(book.spendable(p.id)).toBeGreaterThanOrEqual(0);
    // R8: what is frozen is exactly the quotas of the person's active relationships as sharer (none
    // stays frozen once a relationship ends; under wallet transfers the money has left the account).
    const ownQuotas = book
      .relationships()
      .filter((r) => r.sharerId === p.id && r.endedBy === null)
      .reduce((s, r) => s + book.quota(r.id), 0);
    expect(book.earmarked(p.id)).toBe(virtual ? ownQuotas : 0);
  }
  for (const r of book.relationships()) if (r.endedAt !== null) expect(book.quota(r.id)).toBe(0);
}

function apply(book: SharingBook, op: Op, at: number, ids: string[]) {
  const id = (i: number) => ids[i % ids.length]!;
  const rels = book.relationships();
  const rel = (i: number) => rels[i % Math.max(1, rels.length)];
  switch (op.op) {
    case 'establish':
      return book.establish({
        sharerId: id(op.s),
        beneficiaryId: id(op.b),
        relation: op.relation,
        at,
        consent: { sharer: true, beneficiary: op.consent },
      });
    case 'setQuota': {
      const r = rel(op.rel);
      return r ? book.setQuota({ relationshipId: r.id, quotaFen: op.quota, at }) : null;
    }
    case 'payAsBeneficiary':
      return book.payAsBeneficiary({
        beneficiaryId: id(op.b),
        purpose: op.purpose,
        amountFen: op.amount,
        poolingArea: AREAS[op.area]!.poolingArea,
        at,
      });
    case 'payOwn':
      return book.payOwn({
        personId: id(op.p),
        purpose: 'medical',
        amountFen: op.amount,
        poolingArea: '320500',
        at,
        accountOnly: op.accountOnly,
      });
    case 'end': {
      const r = rel(op.rel);
      return r
        ? book.end({
            relationshipId: r.id,
            by: op.by % 3 === 2 ? id(op.by) : op.by % 2 ? r.sharerId : r.beneficiaryId,
            at,
          })
        : null;
    }
    case 'changeInsurance': {
      const change: InsuranceChange =
        op.kind === 'move'
          ? { kind: 'move', ...AREAS[op.area]! }
          : op.kind === 'terminate'
            ? { kind: 'terminate' }
            : { kind: 'switch-scheme', scheme: 'resident' };
      return book.changeInsurance({ personId: id(op.p), change, at });
    }
    case 'credit':
      return book.person(id(op.p)).scheme === 'employee-account'
        ? book.credit(id(op.p), op.amount, at)
        : null;
  }
}

describe('SharingBook under random operations', () => {
  test('conserves money, keeps every account on its side of zero, and refusals change nothing', () => {
    let operations = 0;
    let refusals = 0;
    let postings = 0;
    const allowed = new Map<string, number>();
    const refused = new Map<string, number>();
    const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    fc.assert(
      fc.property(
        paramsArb,
        familyArb,
        fc.array(stepArb, { minLength: 40, maxLength: 60 }),
        (params, family, steps) => {
          const book = new SharingBook(params, { ltcAreas: ['410100'] });
          const ids = family.map((m, i) => {
            const id = `p${i}`;
            book.addPerson(
              { id, scheme: m.scheme, ...AREAS[m.area]! },
              m.scheme === 'employee-account' ? m.balance : 0,
            );
            return id;
          });
          let at = 3_000_000; // 2025-09
          for (const { op, dt } of steps) {
            at += dt;
            const before = snapshot(book);
            const quotasBefore = quotaBalances(book);
            const outcome = apply(book, op, at, ids);
            operations++;
            // R8: an own payment is met from the unearmarked balance and cash, never from a quota.
            if (op.op === 'payOwn') expect(quotaBalances(book)).toEqual(quotasBefore);
            if (outcome && 'ok' in outcome && !outcome.ok) {
              refusals++;
              count(refused, op.op);
              expect(outcome.rule).toMatch(/^R(1[0-2]|[1-9])$/);
              expect(snapshot(book)).toBe(before);
            } else if (outcome) count(allowed, op.op);
            checkInvariants(book);
          }
          postings += book.ledger.postings.length;
        },
      ),
      { numRuns: 250, seed: 20260109 },
    );
    expect(operations).toBeGreaterThanOrEqual(10_000);
    // The generators must reach both outcomes often, or the property proves little.
    expect(refusals).toBeGreaterThan(operations * 0.1);
    expect(postings).toBeGreaterThan(operations * 0.2);
    for (const op of [
      'establish',
      'setQuota',
      'payAsBeneficiary',
      'payOwn',
      'end',
      'changeInsurance',
      'credit',
    ]) {
      expect(allowed.get(op) ?? 0, `${op} allowed`).toBeGreaterThan(200);
    }
    for (const op of ['establish', 'setQuota', 'payAsBeneficiary', 'payOwn', 'end']) {
      expect(refused.get(op) ?? 0, `${op} refused`).toBeGreaterThan(50);
    }
  });
});
