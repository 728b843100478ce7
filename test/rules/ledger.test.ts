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
});
