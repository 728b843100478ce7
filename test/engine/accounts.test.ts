import { describe, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { ACCOUNT_KIND } from '../../src/engine/state';
import { RangeTotals } from '../../src/engine/totals';
import { inputOf, resultBits } from './helpers';

const K2000 = 2000;
const FAMILIES = 600;

/**
 * Runs `run` with the n-th booking from class `from` to class `to` (in a month from `fromMonth` on)
 * left out of the ledger totals, as if a posting had been dropped; the state arrays still change.
 */
function dropping<T>(from: number, to: number, fromMonth: number, n: number, run: () => T): T {
  const book = RangeTotals.prototype.book;
  let seen = 0;
  RangeTotals.prototype.book = function (this: RangeTotals, month, fromKind, toKind, fen) {
    if (fromKind === from && toKind === to && month >= fromMonth && seen++ === n) return;
    book.call(this, month, fromKind, toKind, fen);
  };
  try {
    return run();
  } finally {
    RangeTotals.prototype.book = book;
  }
}

describe('accounts brought up to date when read, and the monthly conservation check', () => {
  const input = inputOf('baseline-2026', K2000);

  test('a dropped posting of any kind that changes a balance or a quota shows in the residual', () => {
    // Credits and own spending paid in the bulk pass are booked as the range's monthly totals
    // (twelve bookings a year), the other postings one by one.
    const cases: [string, number, number, number, number[]][] = [
      ["a month's credits", ACCOUNT_KIND.fund, ACCOUNT_KIND.account, 1, [0, 5]],
      [
        'own spending (R8) or a bill from the own account (R12)',
        ACCOUNT_KIND.account,
        ACCOUNT_KIND.payee,
        0,
        [0, 5, 57],
      ],
      ['a quota set (R7)', ACCOUNT_KIND.account, ACCOUNT_KIND.quota, 0, [0, 57]],
      ['a payment from a quota (R11)', ACCOUNT_KIND.quota, ACCOUNT_KIND.payee, 0, [0, 57]],
      ['a quota returned (R10) or lowered (R7)', ACCOUNT_KIND.quota, ACCOUNT_KIND.account, 0, [0, 57]],
    ];
    for (const [what, from, to, fromMonth, ns] of cases) {
      for (const n of ns) {
        const r = dropping(from, to, fromMonth, n, () => simulateRange(input, 0, FAMILIES));
        expect(
          [...r.residual].some((x) => x > 0),
          `${what}, booking ${n}`,
        ).toBe(true);
      }
    }
    expect([...simulateRange(input, 0, FAMILIES).residual].every((x) => x === 0)).toBe(true);
  });

  test('own spending does not depend on when an account is brought up to date: traced and bulk runs agree', () => {
    // Traced families take the month-by-month path; the bulk path runs the months in one loop.
    const all = Array.from({ length: FAMILIES }, (_, p) => p * K2000);
    const traced = simulateRange(input, 0, FAMILIES, { traceFamilies: all });
    expect(resultBits(traced)).toEqual(resultBits(simulateRange(input, 0, FAMILIES)));
    const owns = traced.traces.flatMap((t) => t.postings).filter((p) => p.rule === 'R8');
    expect(owns.length).toBeGreaterThan(FAMILIES);
  });
});
