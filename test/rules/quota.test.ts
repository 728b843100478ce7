import { describe, expect, test } from 'vitest';
import { decideQuotaChange, inQuietHours, parseStamp, SharingBook } from '../../src/rules';
import { person, PILOT_LIMITS, rules2026, share, SUZHOU, ZHENGZHOU } from './fixtures';

const NO_LIMITS = rules2026().quotaLimits;
const base = {
  currentQuotaFen: 0,
  requestedQuotaFen: 100_000,
  spendableFen: 300_000,
  changesToday: 0,
  minuteOfDay: 600,
};

describe('decideQuotaChange (R7, R9)', () => {
  test('R7: a quota up to the unearmarked balance is allowed; one fen more is refused', () => {
    expect(decideQuotaChange(NO_LIMITS, 'virtual-quota', { ...base, requestedQuotaFen: 300_000 })).toEqual({
      ok: true,
      deltaFen: 300_000,
    });
    expect(
      decideQuotaChange(NO_LIMITS, 'virtual-quota', { ...base, requestedQuotaFen: 300_001 }),
    ).toMatchObject({
      ok: false,
      rule: 'R7',
      code: 'quota-exceeds-balance',
    });
  });

  test('R7: raising an existing quota needs only the difference from the unearmarked balance', () => {
    const r = decideQuotaChange(NO_LIMITS, 'virtual-quota', {
      ...base,
      currentQuotaFen: 200_000,
      requestedQuotaFen: 450_000,
      spendableFen: 250_000,
    });
    expect(r).toEqual({ ok: true, deltaFen: 250_000 });
  });

  test('R7: negative or fractional quotas are refused', () => {
    for (const q of [-1, 10.5, Number.NaN]) {
      expect(decideQuotaChange(NO_LIMITS, 'virtual-quota', { ...base, requestedQuotaFen: q })).toMatchObject({
        rule: 'R7',
        code: 'invalid-amount',
      });
    }
  });

  test('R7: the pilot limits refuse a change over 2,000 yuan, a fourth change in a day, and changes at night', () => {
    const v = (req: Partial<typeof base>) =>
      decideQuotaChange(PILOT_LIMITS, 'virtual-quota', { ...base, ...req });
    expect(v({ requestedQuotaFen: 200_000 }).ok).toBe(true);
    expect(v({ requestedQuotaFen: 200_001 })).toMatchObject({ rule: 'R7', code: 'change-too-large' });
    expect(v({ changesToday: 3 })).toMatchObject({ rule: 'R7', code: 'too-many-changes' });
    expect(v({ minuteOfDay: 22 * 60 })).toMatchObject({ rule: 'R7', code: 'quiet-hours' });
    expect(v({ minuteOfDay: 5 * 60 + 59 })).toMatchObject({ rule: 'R7', code: 'quiet-hours' });
    expect(v({ minuteOfDay: 6 * 60 }).ok).toBe(true);
  });

  test('R7: a maximum quota per relationship is a parameter', () => {
    const limits = { ...NO_LIMITS, maxQuotaFen: 100_000 };
    expect(decideQuotaChange(limits, 'virtual-quota', { ...base, requestedQuotaFen: 100_001 })).toMatchObject(
      {
        code: 'quota-too-large',
      },
    );
  });

  test('R7: asking for the quota a relationship already has is allowed at any hour, whatever the day’s changes', () => {
    const same = { ...base, currentQuotaFen: 100_000, requestedQuotaFen: 100_000 };
    expect(decideQuotaChange(PILOT_LIMITS, 'virtual-quota', { ...same, minuteOfDay: 23 * 60 })).toEqual({
      ok: true,
      deltaFen: 0,
    });
    expect(decideQuotaChange(PILOT_LIMITS, 'wallet-transfer', { ...same, changesToday: 3 })).toEqual({
      ok: true,
      deltaFen: 0,
    });
  });

  test('R7: a quota may reach the largest one a relationship may hold, but not pass it', () => {
    const limits = { ...NO_LIMITS, maxQuotaFen: 100_000 };
    const v = (requestedQuotaFen: number) =>
      decideQuotaChange(limits, 'virtual-quota', { ...base, requestedQuotaFen });
    expect(v(99_999)).toEqual({ ok: true, deltaFen: 99_999 });
    expect(v(100_000)).toEqual({ ok: true, deltaFen: 100_000 });
    expect(v(100_001)).toMatchObject({ ok: false, rule: 'R7', code: 'quota-too-large' });
  });

  test('R7: a single change may reach the pilot’s 2,000 yuan in either direction, but not pass it', () => {
    const v = (currentQuotaFen: number, requestedQuotaFen: number) =>
      decideQuotaChange(PILOT_LIMITS, 'virtual-quota', { ...base, currentQuotaFen, requestedQuotaFen });
    expect(v(250_000, 50_000)).toEqual({ ok: true, deltaFen: -200_000 });
    expect(v(250_000, 49_999)).toMatchObject({ rule: 'R7', code: 'change-too-large' });
  });

  test('inQuietHours: a window that ends where it starts is empty', () => {
    const none = { startMinute: 600, endMinute: 600 };
    expect([0, 599, 600, 601, 1439].map((m) => inQuietHours(none, m))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('inQuietHours handles windows that wrap past midnight and windows that do not', () => {
    const night = { startMinute: 1320, endMinute: 360 };
    expect([0, 359, 360, 1319, 1320].map((m) => inQuietHours(night, m))).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
    const noon = { startMinute: 720, endMinute: 780 };
    expect([719, 720, 779, 780].map((m) => inQuietHours(noon, m))).toEqual([false, true, true, false]);
    expect(inQuietHours(null, 0)).toBe(false);
  });

  test('R9: under wallet-transfer a quota cannot be lowered, since the money has moved', () => {
    expect(
      decideQuotaChange(NO_LIMITS, 'wallet-transfer', {
        ...base,
        currentQuotaFen: 50_000,
        requestedQuotaFen: 10_000,
      }),
    ).toMatchObject({ ok: false, rule: 'R9', code: 'transfer-irreversible' });
    expect(
      decideQuotaChange(NO_LIMITS, 'virtual-quota', {
        ...base,
        currentQuotaFen: 50_000,
        requestedQuotaFen: 10_000,
      }),
    ).toEqual({ ok: true, deltaFen: -40_000 });
  });
});

describe('SharingBook.setQuota', () => {
  function family(params = rules2026()) {
    const book = new SharingBook(params);
    book.addPerson(person('s', 'employee-account', SUZHOU), 1_000_000);
    book.addPerson(person('b', 'resident', ZHENGZHOU));
    return { book, rel: share(book, 's', 'b', 'child', '2026-01-10T10:00') };
  }

  test('R8: lowering a virtual quota unfreezes the difference at once', () => {
    const { book, rel } = family();
    book.setQuota({ relationshipId: rel, quotaFen: 400_000, at: parseStamp('2026-01-10T10:01') });
    const r = book.setQuota({ relationshipId: rel, quotaFen: 100_000, at: parseStamp('2026-01-10T10:02') });
    expect(r).toMatchObject({
      ok: true,
      postings: [{ from: `quota:${rel}`, to: 'account:s', amountFen: 300_000 }],
    });
    expect(book.spendable('s')).toBe(900_000);
    expect(book.earmarked('s')).toBe(100_000);
  });

  test('R7: the pilot counts changes per sharer per calendar day', () => {
    const { book, rel } = family(rules2026({ quotaLimits: PILOT_LIMITS }));
    const set = (q: number, t: string) =>
      book.setQuota({ relationshipId: rel, quotaFen: q, at: parseStamp(t) });
    expect(set(100_000, '2026-01-11T08:00').ok).toBe(true);
    expect(set(200_000, '2026-01-11T09:00').ok).toBe(true);
    expect(set(300_000, '2026-01-11T10:00').ok).toBe(true);
    expect(set(400_000, '2026-01-11T11:00')).toMatchObject({ rule: 'R7', code: 'too-many-changes' });
    expect(set(400_000, '2026-01-12T08:00').ok).toBe(true);
    expect(book.quota(rel)).toBe(400_000);
  });

  test('R7: setting the quota it already has books nothing and does not count as one of the day’s changes', () => {
    const { book, rel } = family(rules2026({ quotaLimits: PILOT_LIMITS }));
    const set = (q: number, t: string) =>
      book.setQuota({ relationshipId: rel, quotaFen: q, at: parseStamp(t) });
    expect(set(100_000, '2026-01-11T08:00').ok).toBe(true);
    expect(set(100_000, '2026-01-11T08:30')).toEqual({ ok: true, postings: [], quotaFen: 100_000 });
    expect(set(100_000, '2026-01-11T23:30')).toEqual({ ok: true, postings: [], quotaFen: 100_000 });
    expect(set(200_000, '2026-01-11T09:00').ok).toBe(true);
    expect(set(300_000, '2026-01-11T10:00').ok).toBe(true);
    expect(set(400_000, '2026-01-11T11:00')).toMatchObject({ code: 'too-many-changes' });
  });

  test('R7: lowering a quota moves the difference back to the account, booked under R7', () => {
    const { book, rel } = family();
    book.setQuota({ relationshipId: rel, quotaFen: 50_000, at: parseStamp('2026-01-10T10:01') });
    const r = book.setQuota({ relationshipId: rel, quotaFen: 20_000, at: parseStamp('2026-01-10T10:02') });
    expect(r).toMatchObject({
      ok: true,
      quotaFen: 20_000,
      postings: [{ from: `quota:${rel}`, to: 'account:s', amountFen: 30_000, rule: 'R7' }],
    });
  });

  test('R9: wallet transfers move money into the relative’s wallet and are booked under R9', () => {
    const { book, rel } = family(rules2026({ quotaModel: 'wallet-transfer' }));
    const r = book.setQuota({ relationshipId: rel, quotaFen: 150_000, at: parseStamp('2026-01-10T10:01') });
    expect(r).toMatchObject({ ok: true, postings: [{ rule: 'R9', amountFen: 150_000 }] });
    expect(book.earmarked('s')).toBe(0);
    expect(
      book.setQuota({ relationshipId: rel, quotaFen: 0, at: parseStamp('2026-01-10T10:02') }),
    ).toMatchObject({
      rule: 'R9',
    });
  });
});
