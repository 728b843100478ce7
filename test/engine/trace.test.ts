import { describe, expect, test } from 'vitest';
import { simulateRange, type FamilyTrace } from '../../src/engine';
import { Ledger } from '../../src/rules/ledger';
import { inputOf, resultBits } from './helpers';

const K = 2000;
const FAMILIES = 400;
const all = Array.from({ length: FAMILIES }, (_, p) => p * K);

/** The account kind of a ledger key (`account`, `quota`, `fund`, `payee`, `cash`). */
const kind = (key: string) => key.slice(0, key.indexOf(':'));

describe('traces of named families', () => {
  const input = inputOf('baseline-2026', K);
  const traced = simulateRange(input, 0, FAMILIES, { traceFamilies: all });

  test('tracing takes the same path: the results are the same with and without traces', () => {
    expect(resultBits(traced)).toEqual(resultBits(simulateRange(input, 0, FAMILIES)));
    expect(traced.traces.map((t) => t.familyIndex)).toEqual(all);
  });

  test("each trace replays into a ledger whose balances are the bulk path's end state", () => {
    for (const t of traced.traces) {
      const ledger = new Ledger();
      ledger.post(t.postings);
      expect(ledger.total()).toBe(0);
      for (const [account, fen] of Object.entries(t.endState)) {
        expect(ledger.balance(account), `${account} of family ${t.familyIndex}`).toBe(fen);
      }
    }
  });

  test('the shared money in the traces is the shared money in the flow cube', () => {
    const fromQuotas = traced.traces
      .flatMap((t) => t.postings)
      .filter((p) => kind(p.from) === 'quota' && kind(p.to) === 'payee')
      .reduce((s, p) => s + p.amountFen, 0);
    expect(fromQuotas).toBeGreaterThan(0);
    expect(fromQuotas * K).toBe(traced.flows.totalFen());
  });

  test('every payment carries its rule: R11 from a quota, R12 or R8 from an account or cash, R7 into a quota, R10 back', () => {
    const expected: Record<string, string[]> = {
      'quota>payee': ['R11'],
      'account>payee': ['R8', 'R12'],
      'cash>payee': ['R8', 'R12'],
      'account>quota': ['R7'],
      'quota>account': ['R7', 'R10'],
      'fund>account': ['OPEN', 'CREDIT'],
    };
    const seen = new Set<string>();
    for (const p of traced.traces.flatMap((t: FamilyTrace) => t.postings)) {
      const edge = `${kind(p.from)}>${kind(p.to)}`;
      expect(expected[edge], edge).toContain(p.rule);
      seen.add(`${edge} ${p.rule}`);
    }
    for (const must of [
      'quota>payee R11',
      'account>payee R8',
      'account>quota R7',
      'quota>account R10',
      'fund>account CREDIT',
    ]) {
      expect(seen).toContain(must);
    }
  });
});
