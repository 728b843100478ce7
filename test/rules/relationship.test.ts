import { describe, expect, test } from 'vitest';
import {
  ended,
  partyRefusal,
  parseStamp,
  quotaReturn,
  SharingBook,
  type RelationKind,
  type Relationship,
} from '../../src/rules';
import { person, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';

const both = { sharer: true, beneficiary: true };

function family() {
  const book = new SharingBook(rules2026());
  book.addPerson(person('mum', 'employee-account', ZHENGZHOU), 300_000);
  book.addPerson(person('dad', 'employee-account', ZHENGZHOU), 200_000);
  book.addPerson(person('kid', 'employee-account', SUZHOU), 100_000);
  book.addPerson(person('neighbour', 'resident', ZHENGZHOU));
  return book;
}
const setUp = (book: SharingBook, s: string, b: string, relation: RelationKind, when = '2026-01-05') =>
  share(book, s, b, relation, when);

describe('relationships (R4, R5, R6, R10)', () => {
  test('R4: a relationship needs the consent of both sides', () => {
    const book = family();
    const r = book.establish({
      sharerId: 'mum',
      beneficiaryId: 'kid',
      relation: 'child',
      at: parseStamp('2026-01-05'),
      consent: { sharer: true, beneficiary: false },
    });
    expect(r).toMatchObject({ ok: false, rule: 'R4', code: 'consent-missing' });
    expect(book.relationships()).toHaveLength(0);
  });

  test('R5: many-to-many and both directions are allowed; a second one in the same direction is not', () => {
    const book = family();
    setUp(book, 'mum', 'kid', 'child');
    setUp(book, 'dad', 'kid', 'child');
    setUp(book, 'kid', 'mum', 'parent');
    setUp(book, 'mum', 'dad', 'spouse');
    expect(book.relationships()).toHaveLength(4);
    const again = book.establish({
      sharerId: 'mum',
      beneficiaryId: 'kid',
      relation: 'child',
      at: parseStamp('2026-01-06'),
      consent: both,
    });
    expect(again).toMatchObject({ ok: false, rule: 'R5', code: 'duplicate-relationship' });
  });

  test('R4 and R10: either side may end it; the unused quota returns to the sharer at once', () => {
    const book = family();
    const rel = setUp(book, 'mum', 'kid', 'child');
    book.setQuota({ relationshipId: rel, quotaFen: 120_000, at: parseStamp('2026-01-05T12:00') });
    expect(book.end({ relationshipId: rel, by: 'neighbour', at: parseStamp('2026-02-01') })).toMatchObject({
      ok: false,
      rule: 'R4',
      code: 'not-a-party',
    });
    const ended = book.end({ relationshipId: rel, by: 'kid', at: parseStamp('2026-02-01') });
    expect(ended).toMatchObject({
      ok: true,
      returnedFen: 120_000,
      postings: [{ rule: 'R10', amountFen: 120_000 }],
    });
    expect(book.spendable('mum')).toBe(300_000);
    expect(book.relationship(rel)).toMatchObject({ endedBy: 'R4', endedAt: parseStamp('2026-02-01') });
    expect(book.end({ relationshipId: rel, by: 'mum', at: parseStamp('2026-02-02') })).toMatchObject({
      rule: 'R4',
      code: 'relationship-not-active',
    });
    // After an end, a new relationship in the same direction may be set up again.
    expect(setUp(book, 'mum', 'kid', 'child', '2026-03-01')).toBe('rel-2');
  });

  test("R6 and R10: the beneficiary's death ends every relationship they are in, on both sides", () => {
    const book = family();
    const a = setUp(book, 'mum', 'kid', 'child');
    const b = setUp(book, 'kid', 'mum', 'parent');
    const c = setUp(book, 'dad', 'kid', 'child');
    book.setQuota({ relationshipId: a, quotaFen: 50_000, at: parseStamp('2026-01-06') });
    book.setQuota({ relationshipId: b, quotaFen: 20_000, at: parseStamp('2026-01-06') });
    const r = book.changeInsurance({
      personId: 'mum',
      change: { kind: 'terminate' },
      at: parseStamp('2026-04-01'),
    });
    expect(r).toMatchObject({ ok: true, ended: [a, b] });
    expect(book.spendable('mum')).toBe(300_000);
    expect(book.spendable('kid')).toBe(100_000);
    expect(book.relationship(c).endedAt).toBeNull();
    expect(book.person('mum').scheme).toBe('uninsured');
  });

  test('R6: a move within the same pooling area is no change; a scheme switch ends relationships', () => {
    const book = family();
    const a = setUp(book, 'dad', 'kid', 'child');
    expect(
      book.changeInsurance({
        personId: 'kid',
        change: { kind: 'move', ...SUZHOU },
        at: parseStamp('2026-02-01'),
      }),
    ).toMatchObject({ ok: true, ended: [] });
    expect(
      book.changeInsurance({
        personId: 'kid',
        change: { kind: 'switch-scheme', scheme: 'resident' },
        at: parseStamp('2026-03-01'),
      }),
    ).toMatchObject({ ok: true, ended: [a] });
  });
});

describe('ending a relationship (R4, R6, R10)', () => {
  test('R4: a relationship ended by choice cannot be ended again; its end stays as it was', () => {
    const book = family();
    const rel = setUp(book, 'mum', 'kid', 'child');
    book.end({ relationshipId: rel, by: 'mum', at: parseStamp('2026-02-01') });
    const again = book.end({ relationshipId: rel, by: 'kid', at: parseStamp('2026-03-01') });
    expect(again).toMatchObject({ ok: false, rule: 'R4', code: 'relationship-not-active' });
    expect(book.relationship(rel)).toMatchObject({ endedBy: 'R4', endedAt: parseStamp('2026-02-01') });
    expect(book.ledger.postings.filter((p) => p.rule === 'R10')).toHaveLength(0);
  });

  test('R6: an insurance change ends only the relationships still active; earlier ends keep their rule and moment', () => {
    const book = family();
    const byChoice = setUp(book, 'mum', 'kid', 'child');
    const active = setUp(book, 'dad', 'kid', 'child');
    book.end({ relationshipId: byChoice, by: 'kid', at: parseStamp('2026-02-01') });
    const r = book.changeInsurance({
      personId: 'kid',
      change: { kind: 'move', ...ZHENGZHOU },
      at: parseStamp('2026-03-01'),
    });
    expect(r).toEqual({ ok: true, postings: [], ended: [active] });
    expect(book.relationship(byChoice)).toMatchObject({ endedBy: 'R4', endedAt: parseStamp('2026-02-01') });
    expect(book.relationship(active)).toMatchObject({ endedBy: 'R6', endedAt: parseStamp('2026-03-01') });
    // Ending it again, by either side, is refused by the rule that ended it.
    expect(book.end({ relationshipId: active, by: 'dad', at: parseStamp('2026-03-02') })).toMatchObject({
      rule: 'R6',
      code: 'relationship-not-active',
    });
  });

  test('R6: a move to another pooling area takes the person there; a move within their own changes nothing', () => {
    const book = family();
    const a = setUp(book, 'mum', 'kid', 'child');
    const same = book.changeInsurance({
      personId: 'kid',
      change: { kind: 'move', ...SUZHOU },
      at: parseStamp('2026-02-01'),
    });
    expect(same).toEqual({ ok: true, postings: [], ended: [] });
    expect(book.relationship(a).endedAt).toBeNull();
    book.changeInsurance({
      personId: 'kid',
      change: { kind: 'move', poolingArea: '320100', province: '32' },
      at: parseStamp('2026-03-01'),
    });
    expect(book.person('kid')).toMatchObject({
      poolingArea: '320100',
      province: '32',
      scheme: 'employee-account',
    });
    expect(book.relationship(a).endedBy).toBe('R6');
  });

  test('ended(rel) ends an active relationship and refuses one that has ended, naming the rule that ended it', () => {
    const rel: Relationship = {
      id: 'rel-1',
      sharerId: 's',
      beneficiaryId: 'b',
      relation: 'parent',
      since: 10,
      endedAt: null,
      endedBy: null,
    };
    expect(partyRefusal(rel)).toBeNull();
    const byChoice = ended(rel, 'R4', 20);
    expect(byChoice).toEqual({ ...rel, endedAt: 20, endedBy: 'R4' });
    expect(ended(rel, 'R6', 30)).toEqual({ ...rel, endedAt: 30, endedBy: 'R6' });
    expect(ended(byChoice as Relationship, 'R6', 40)).toMatchObject({
      ok: false,
      rule: 'R4',
      code: 'relationship-not-active',
    });
  });

  test('R10: quotaReturn gives the unused quota back to the sharer, and posts nothing when none is left', () => {
    const rel: Relationship = {
      id: 'rel-3',
      sharerId: 's',
      beneficiaryId: 'b',
      relation: 'child',
      since: 0,
      endedAt: null,
      endedBy: null,
    };
    expect(quotaReturn(rel, 0, 5)).toEqual([]);
    expect(quotaReturn(rel, 1_500, 5)).toEqual([
      { from: 'quota:rel-3', to: 'account:s', amountFen: 1_500, rule: 'R10', at: 5 },
    ]);
  });
});
