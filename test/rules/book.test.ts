/**
 * Property-based tests of the sharing book: random small families, random rule parameters and
 * random sequences of operations (at least 10,000 in all). After every operation the ledger sums to
 * zero, no account is on the wrong side of zero, no sharer has earmarked more than they hold, ended
 * relationships hold no quota, and a refused operation changed nothing.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  natureByPrefix,
  PERMITTED_USES,
  SharingBook,
  type InsuranceChange,
  type Purpose,
  type RelationKind,
  type RuleParameters,
  type Scheme,
} from '../../src/rules';
import { PILOT_LIMITS, rules2026 } from './fixtures';

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
  for (const person of book.people()) {
    const spendable = book.spendable(person.id);
    expect(spendable).toBeGreaterThanOrEqual(0);
    expect(book.earmarked(person.id)).toBeLessThanOrEqual(spendable + book.earmarked(person.id));
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
            const outcome = apply(book, op, at, ids);
            operations++;
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
