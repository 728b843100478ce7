import { describe, expect, test } from 'vitest';
import { series, simulateRange, SUMMARY, TIMES_AT, FEN_AT, SUMMARY_FIELDS } from '../../src/engine';
import { SHARING_RULES } from '../../src/rules/ids';
import { Ledger } from '../../src/rules/ledger';
import { parseStamp } from '../../src/rules/time';
import type { Scenario } from '../../src/scenario';
import { inputOf } from './helpers';

const K = 2000;
const refusalsOf = (r: { refusals: Float64Array; months: number }, rule: string) => {
  const i = SHARING_RULES.indexOf(rule as (typeof SHARING_RULES)[number]);
  let s = 0;
  for (let m = 0; m < r.months; m++) s += r.refusals[m * SHARING_RULES.length + i]!;
  return s;
};
const cross = (r: { summary: Float64Array }, m: number) => {
  let s = 0;
  for (let u = 0; u < 4; u++) s += r.summary[m * SUMMARY_FIELDS + TIMES_AT + 8 + u]!;
  return s;
};

describe('the engine follows the rules', () => {
  test('refusals never post: with contributions closed (R11) no contribution is paid and the refusals are counted', () => {
    const r = simulateRange(inputOf('no-contributions-2026', K), 0, 3000);
    const contributions = r.flows.cells().filter((c) => c.use >= 2);
    expect(contributions).toEqual([]);
    expect(refusalsOf(r, 'R11')).toBeGreaterThan(0);
    expect([...r.residual].every((x) => x === 0)).toBe(true);
  });

  test('a monthly cap (R11) keeps each beneficiary under it each month, with partial payments and refusals', () => {
    const input = inputOf('monthly-cap-2026', K);
    const cap = input.rules.quotaLimits.monthlyUseCapFen!;
    const families = Array.from({ length: 600 }, (_, p) => p * K);
    const r = simulateRange(input, 0, 600, { traceFamilies: families });
    const used = new Map<string, number>();
    for (const t of r.traces) {
      const owner = new Map(t.relationships.map((rel) => [`quota:${rel.id}`, rel.beneficiaryId]));
      for (const p of t.postings) {
        if (!p.from.startsWith('quota:') || !p.to.startsWith('payee:')) continue;
        const key = `${owner.get(p.from)} ${new Date(Date.UTC(2020, 0, 1) + p.at! * 60_000).toISOString().slice(0, 7)}`;
        used.set(key, (used.get(key) ?? 0) + p.amountFen);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    expect(Math.max(...used.values())).toBeLessThanOrEqual(cap);
    expect(Math.max(...used.values())).toBe(cap);
    const whole = simulateRange(input, 0, 3000);
    expect(refusalsOf(whole, 'R11')).toBeGreaterThan(0);
    const uncapped = simulateRange(inputOf('baseline-2026', K), 0, 3000);
    expect(whole.flows.totalFen()).toBeLessThan(uncapped.flows.totalFen());
  });

  test('wallet-transfer (R9): money leaves for the wallet, is never lowered back, and lowering is refused', () => {
    // Sharers who earmark their whole balance and then need it for their own bills try to lower quotas.
    const eager = (s: Scenario) => {
      s.behaviour.quota.shareOfSpendable = 1;
      s.behaviour.quota.releaseForOwnNeed = 1;
      s.rules.quotaLimits.maxChangeFen = null;
    };
    const wallet = inputOf('pilot-2025-wallet', K, eager);
    const virtual = inputOf('pilot-2025-wallet', K, (s) => {
      eager(s);
      s.rules.quotaModel = 'virtual-quota';
    });
    const families = Array.from({ length: 800 }, (_, p) => p * K);
    const w = simulateRange(wallet, 0, 800, { traceFamilies: families });
    const v = simulateRange(virtual, 0, 800, { traceFamilies: families });
    const total = (r: typeof w, f: number) => series(r, f).reduce((s, x) => s + x, 0);
    expect(series(w, SUMMARY.quotaFrozenFen).every((x) => x === 0)).toBe(true);
    expect(series(w, SUMMARY.walletFen).some((x) => x > 0)).toBe(true);
    expect(series(v, SUMMARY.walletFen).every((x) => x === 0)).toBe(true);
    expect(total(w, SUMMARY.quotaReleasedFen)).toBe(0);
    expect(total(v, SUMMARY.quotaReleasedFen)).toBeGreaterThan(0);
    const wp = w.traces.flatMap((t) => t.postings);
    expect(wp.some((p) => p.rule === 'R9' && p.from.startsWith('account:'))).toBe(true);
    expect(wp.some((p) => p.rule === 'R7' || (p.rule === 'R9' && p.from.startsWith('quota:')))).toBe(false);
    expect(w.traces.flatMap((t) => t.refusals).some((x) => x.code === 'transfer-irreversible')).toBe(true);
    expect(
      v.traces.flatMap((t) => t.postings).some((p) => p.rule === 'R7' && p.from.startsWith('quota:')),
    ).toBe(true);
  });

  test('refused quota changes post nothing: the replayed trace still matches the state', () => {
    const input = inputOf('pilot-2025-wallet', K);
    const families = Array.from({ length: 800 }, (_, p) => p * K);
    const r = simulateRange(input, 0, 800, { traceFamilies: families });
    const refused = r.traces.flatMap((t) => t.refusals).filter((x) => x.rule === 'R7');
    expect(refused.length).toBeGreaterThan(0);
    for (const t of r.traces) {
      const ledger = new Ledger();
      ledger.post(t.postings);
      for (const [account, fen] of Object.entries(t.endState)) expect(ledger.balance(account)).toBe(fen);
      for (const x of t.refusals.filter((y) => y.rule === 'R7')) {
        const posted = t.postings.filter(
          (p) => p.at === x.at && p.from === `account:${x.personId}` && p.to.startsWith('quota:'),
        );
        expect(posted).toEqual([]);
      }
    }
  });

  test('the wallet rollout gates cross-province sharing by province and month (R3)', () => {
    const input = inputOf('pilot-2025-wallet', 200, (s) => {
      s.rules.geography.rollout = {
        defaultStart: '2025-04',
        byProvince: { '44': '2025-09' },
        byPoolingArea: {},
      };
      s.behaviour.uptake.awarenessMonths = 0;
      s.behaviour.uptake.monthlyRate.crossProvince = 0.05;
    });
    const families = Array.from({ length: 4000 }, (_, p) => p * 200);
    const r = simulateRange(input, 0, 4000, { traceFamilies: families });
    for (let m = 0; m < 3; m++) expect(cross(r, m), `month ${m}`).toBe(0);
    expect(cross(r, 4)).toBeGreaterThan(0);
    const april = parseStamp('2025-04-01');
    const september = parseStamp('2025-09-01');
    let guangdong = 0;
    for (const t of r.traces) {
      const area = new Map(t.persons.map((p) => [p.id, p.area]));
      for (const rel of t.relationships.filter((x) => x.geography === 'cross-province')) {
        expect(rel.since).toBeGreaterThanOrEqual(april);
        if ([rel.sharerId, rel.beneficiaryId].some((id) => area.get(id)!.startsWith('44'))) {
          guangdong++;
          expect(rel.since).toBeGreaterThanOrEqual(september);
        }
      }
    }
    expect(guangdong).toBeGreaterThan(0);
    expect(FEN_AT).toBeGreaterThan(TIMES_AT);
  });
});
