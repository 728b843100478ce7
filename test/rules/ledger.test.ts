import { describe, expect, test } from 'vitest';
import { Ledger, LedgerError, natureByPrefix } from '../../src/rules';

describe('Ledger', () => {
  test('post books double entry: the accounts always sum to zero', () => {
    const l = new Ledger();
    l.post([{ from: 'fund:320500', to: 'account:a', amountFen: 10_000, rule: 'OPEN' }]);
    l.post([{ from: 'account:a', to: 'quota:r1', amountFen: 2_500, rule: 'R7' }]);
    expect(l.balance('fund:320500')).toBe(-10_000);
    expect(l.balance('account:a')).toBe(7_500);
    expect(l.balance('quota:r1')).toBe(2_500);
    expect(l.total()).toBe(0);
    expect(l.postings.map((p) => p.seq)).toEqual([1, 2]);
  });

  test('post is atomic: one invalid posting books nothing of the batch', () => {
    const l = new Ledger();
    l.post([{ from: 'fund:x', to: 'account:a', amountFen: 100, rule: 'OPEN' }]);
    expect(() =>
      l.post([
        { from: 'account:a', to: 'payee:hospital:x', amountFen: 60, rule: 'R8' },
        { from: 'account:a', to: 'payee:pharmacy:x', amountFen: 60, rule: 'R8' },
      ]),
    ).toThrow(/account:a would hold -20 fen/);
    expect(l.balance('account:a')).toBe(100);
    expect(l.postings).toHaveLength(1);
  });

  test('post refuses amounts that are not positive whole fen, unknown rule ids and self-payments', () => {
    const l = new Ledger();
    expect(() => l.post([{ from: 'fund:x', to: 'account:a', amountFen: 1.5, rule: 'OPEN' }])).toThrow(
      LedgerError,
    );
    expect(() => l.post([{ from: 'fund:x', to: 'account:a', amountFen: 0, rule: 'OPEN' }])).toThrow(
      /positive/,
    );
    // @ts-expect-error an id that is not a rule
    expect(() => l.post([{ from: 'fund:x', to: 'account:a', amountFen: 1, rule: 'R99' }])).toThrow(/R99/);
    expect(() => l.post([{ from: 'account:a', to: 'account:a', amountFen: 1, rule: 'R8' }])).toThrow(
      /itself/,
    );
    expect(l.postings).toHaveLength(0);
  });

  test('a source may not go above zero: cash cannot be received by the person through the ledger', () => {
    const l = new Ledger();
    expect(() => l.post([{ from: 'account:a', to: 'cash:a', amountFen: 1, rule: 'R8' }])).toThrow(
      /account:a/,
    );
    l.post([{ from: 'fund:x', to: 'account:a', amountFen: 5, rule: 'OPEN' }]);
    expect(() => l.post([{ from: 'account:a', to: 'cash:a', amountFen: 1, rule: 'R8' }])).toThrow(/cash:a/);
  });

  test('natureByPrefix tells stores from sources', () => {
    expect(['account:a', 'quota:r', 'payee:hospital:1'].map(natureByPrefix)).toEqual([
      'store',
      'store',
      'store',
    ]);
    expect(['fund:1', 'cash:a'].map(natureByPrefix)).toEqual(['source', 'source']);
    expect(natureByPrefix('clearing:11:44')).toBe('free');
  });

  test('a batch of postings is numbered in booking order after the postings before it', () => {
    const l = new Ledger();
    l.post([{ from: 'fund:x', to: 'account:a', amountFen: 100, rule: 'OPEN' }]);
    const booked = l.post([
      { from: 'account:a', to: 'quota:r1', amountFen: 10, rule: 'R7' },
      { from: 'account:a', to: 'quota:r2', amountFen: 20, rule: 'R7' },
      { from: 'quota:r2', to: 'payee:hospital:x', amountFen: 5, rule: 'R11' },
    ]);
    expect(booked.map((p) => p.seq)).toEqual([2, 3, 4]);
    expect(l.postings.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
  });

  test('a source may come back to exactly zero, a store may be emptied', () => {
    const l = new Ledger();
    l.post([{ from: 'fund:x', to: 'account:a', amountFen: 100, rule: 'OPEN' }]);
    l.post([{ from: 'account:a', to: 'fund:x', amountFen: 100, rule: 'R10' }]);
    expect([l.balance('fund:x'), l.balance('account:a')]).toEqual([0, 0]);
    expect(() => l.post([{ from: 'account:a', to: 'fund:x', amountFen: 1, rule: 'R10' }])).toThrow(
      'account account:a would hold -1 fen, on the wrong side of zero for a store',
    );
    expect(() => l.post([{ from: 'account:b', to: 'fund:x', amountFen: 1, rule: 'R10' }])).toThrow(
      LedgerError,
    );
  });

  test('accounts lists every account used with its balance, sorted by key whatever the booking order', () => {
    const l = new Ledger();
    l.post([{ from: 'fund:b', to: 'quota:z', amountFen: 3, rule: 'OPEN' }]);
    l.post([{ from: 'fund:a', to: 'account:m', amountFen: 7, rule: 'OPEN' }]);
    l.post([{ from: 'cash:q', to: 'payee:c', amountFen: 2, rule: 'R8' }]);
    expect(l.accounts()).toEqual([
      ['account:m', 7],
      ['cash:q', -2],
      ['fund:a', -7],
      ['fund:b', -3],
      ['payee:c', 2],
      ['quota:z', 3],
    ]);
    expect(l.total()).toBe(0);
    expect(new Ledger().accounts()).toEqual([]);
  });

  test('a broken posting is a LedgerError, named so, never a refusal', () => {
    const l = new Ledger();
    let caught: unknown;
    try {
      l.post([{ from: 'fund:x', to: 'account:a', amountFen: -5, rule: 'OPEN' }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LedgerError);
    expect((caught as Error).name).toBe('LedgerError');
    expect((caught as Error).message).toBe(
      'posting fund:x → account:a: amount must be a positive whole fen, got -5',
    );
  });

  test('a custom nature lets an account take either sign', () => {
    const l = new Ledger(() => 'free');
    l.post([{ from: 'clearing:11', to: 'clearing:44', amountFen: 9, rule: 'C1' }]);
    expect([l.balance('clearing:11'), l.balance('clearing:44')]).toEqual([-9, 9]);
  });
});
