import { describe, expect, it } from 'vitest';
import { simulateRange, type FamilyTrace } from '../../../src/engine';
import { monthOf, parseStamp } from '../../../src/rules/time';
import { familyDebts, traceSteps } from '../../../src/ui/trainer/simulatedFamily';
import { inputOf } from '../../engine/helpers';

const K = 1000;
const FAMILIES = 600;
const traces: FamilyTrace[] = simulateRange(inputOf('baseline-2026', K), 0, FAMILIES, {
  traceFamilies: Array.from({ length: FAMILIES }, (_, i) => i * K),
}).traces;
const busy = traces.filter((t) => t.postings.some((p) => p.rule === 'R11'));

describe('the steps of a simulated family', () => {
  it('has real families to check, some of them with quota payments', () => {
    expect(traces).toHaveLength(FAMILIES);
    expect(busy.length).toBeGreaterThan(3);
  });

  it('covers every posting exactly once, keeping the booking order of everything but the monthly credits and own spending', () => {
    for (const t of traces) {
      const steps = traceSteps(t);
      const seqs = steps.flatMap((s) => s.postings.map((p) => p.seq));
      expect([...seqs].sort((a, b) => a - b)).toEqual(t.postings.map((p) => p.seq));
      for (const s of steps) {
        const own = s.postings.map((p) => p.seq);
        expect(own).toEqual([...own].sort((a, b) => a - b));
      }
      const events = steps.filter((s) => s.kind !== 'month').flatMap((s) => s.postings.map((p) => p.seq));
      expect(events).toEqual([...events].sort((a, b) => a - b));
    }
  });

  it('ends with the balances the engine ended with, for every account of its end state', () => {
    for (const t of traces) {
      const last = traceSteps(t).at(-1);
      for (const [account, fen] of Object.entries(t.endState)) {
        expect(last?.balances[account] ?? 0, `${t.familyIndex} ${account}`).toBe(fen);
      }
    }
  });

  it('never shows a personal account or a quota below zero on the way', () => {
    for (const t of traces) {
      for (const s of traceSteps(t)) {
        for (const [account, fen] of Object.entries(s.balances)) {
          if (account.startsWith('account:') || account.startsWith('quota:'))
            expect(fen, account).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('makes one step of each event: postings of a step share their time stamp', () => {
    for (const t of busy) {
      for (const s of traceSteps(t).filter((x) => x.kind === 'event')) {
        expect(new Set(s.postings.map((p) => p.at)).size).toBe(1);
        expect(s.postings.every((p) => p.rule !== 'CREDIT' && p.rule !== 'R8' && p.rule !== 'OPEN')).toBe(
          true,
        );
      }
    }
  });

  it('groups credits and own spending by month, keeping their sums exactly', () => {
    for (const t of busy) {
      const steps = traceSteps(t).filter((s) => s.kind === 'month');
      const byMonth = (ps: { rule: string; at?: number; amountFen: number }[], rule: string) => {
        const m = new Map<string, number>();
        for (const p of ps)
          if (p.rule === rule) m.set(monthOf(p.at!), (m.get(monthOf(p.at!)) ?? 0) + p.amountFen);
        return m;
      };
      for (const rule of ['CREDIT', 'R8']) {
        const fromSteps = new Map<string, number>();
        for (const s of steps) {
          for (const p of s.postings) expect(monthOf(p.at!)).toBe(s.month);
          const sum = s.postings.filter((p) => p.rule === rule).reduce((a, p) => a + p.amountFen, 0);
          if (sum) fromSteps.set(s.month, (fromSteps.get(s.month) ?? 0) + sum);
        }
        expect(fromSteps).toEqual(byMonth(t.postings, rule));
      }
      expect(steps.length).toBe(new Set(steps.map((s) => s.month)).size);
    }
  });

  it('opens with the OPEN postings and narrates quota payments with their rule and amount', () => {
    const opens = (x: FamilyTrace) => x.postings.some((p) => p.rule === 'OPEN');
    for (const x of traces) expect(traceSteps(x)[0]?.kind === 'open', `${x.familyIndex}`).toBe(opens(x));
    const t = busy.find(opens)!;
    const steps = traceSteps(t);
    expect(steps[0]?.kind).toBe('open');
    const pay = steps.find((s) => s.postings.some((p) => p.rule === 'R11'))!;
    const fen = pay.postings.filter((p) => p.rule === 'R11').reduce((a, p) => a + p.amountFen, 0);
    expect(pay.narration.zh).toContain('R11 额度支付');
    expect(pay.narration.en).toContain('R11 the quota pays');
    expect(pay.narration.zh).toContain((fen / 100).toFixed(2));
  });

  it('shows a refusal at its step: on the event at its moment, or alone before the next event', () => {
    const at = (s: string) => parseStamp(s);
    const trace: FamilyTrace = {
      familyIndex: 7000,
      persons: [
        { id: 'a', role: 1, age: 40, scheme: 0, area: '110000' },
        { id: 'b', role: 0, age: 70, scheme: 2, area: '440300' },
      ],
      relationships: [
        {
          id: 'r',
          sharerId: 'a',
          beneficiaryId: 'b',
          geography: 'cross-province',
          since: at('2026-01-05'),
          active: true,
        },
      ],
      postings: [
        {
          seq: 1,
          from: 'fund:110000',
          to: 'account:a',
          amountFen: 50000,
          rule: 'OPEN',
          at: at('2026-01-01'),
        },
        {
          seq: 2,
          from: 'account:a',
          to: 'quota:r',
          amountFen: 20000,
          rule: 'R7',
          at: at('2026-01-05T09:00'),
        },
        {
          seq: 3,
          from: 'quota:r',
          to: 'payee:pharmacy:440300',
          amountFen: 3520,
          rule: 'R11',
          at: at('2026-02-03T10:00'),
        },
        {
          seq: 4,
          from: 'cash:b',
          to: 'payee:pharmacy:440300',
          amountFen: 100,
          rule: 'R12',
          at: at('2026-02-03T10:00'),
        },
      ],
      refusals: [
        { rule: 'R7', code: 'quota-exceeds-balance', at: at('2026-01-20T08:00'), personId: 'a' },
        { rule: 'R11', code: 'use-not-permitted', at: at('2026-02-03T10:00'), personId: 'b' },
      ],
      endState: { 'account:a': 30000, 'quota:r': 16480 },
    };
    const steps = traceSteps(trace);
    expect(steps.map((s) => s.kind)).toEqual(['open', 'event', 'refusal', 'event']);
    expect(steps[2]?.refusals.map((r) => r.code)).toEqual(['quota-exceeds-balance']);
    expect(steps[2]?.balances).toEqual(steps[1]?.balances);
    expect(steps[3]?.refusals.map((r) => r.code)).toEqual(['use-not-permitted']);
    expect(steps[3]?.narration.zh).toBe(
      'R11 额度支付药店 35.20元；R12 现金支付药店 1.00元；R11 拒绝（use-not-permitted）',
    );
    expect(steps[3]?.balances['quota:r']).toBe(16480);
    expect(familyDebts(trace, steps, 4)).toEqual([
      { fromArea: '110000', toArea: '440300', totalFen: 3520, stepFen: 3520 },
    ]);
    expect(familyDebts(trace, steps, 3)).toEqual([]);
  });
});
