/**
 * Quotas (共济额度): setting, raising and lowering a relationship's quota (R7, and R9 under
 * wallet-transfer), as the rules decide (`decideQuotaChange`), the quota a sharer asks for, and what
 * a sharer has earmarked. Every caller brings the sharer's account up to date first (accounts.ts
 * `touch`); the change itself only settles the month-end values it alters.
 */
import { decideQuotaChange } from '../rules/quota';
import { GEO_CROSS_PROVINCE } from './codes';
import { settleBalance, settleQuota } from './monthEnd';
import { SUMMARY as SUMMARY_EXPORT } from './result';
import { ACCOUNT_KIND as ACCOUNT_KIND_EXPORT, type FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const ACCOUNT_KIND = ACCOUNT_KIND_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

/**
 * R7 and R9: asks the rules whether relationship r's quota may become `wantFen` and books the change
 * (account → quota or wallet, or back when lowered). Returns whether it was allowed. The sharer's
 * account must be up to date (accounts.ts `touch`).
 */
export function setQuota(f: FamilyState, r: number, wantFen: number): boolean {
  const a = f.pairs.sharer[f.relationships.pair[r]!]!;
  const day = Math.floor(f.now / 1440);
  const changesToday = f.relationships.changeDay[a] === day ? f.relationships.changesThatDay[a]! : 0;
  const rules = f.ctx.input.rules;
  const decision = decideQuotaChange(rules.quotaLimits, rules.quotaModel, {
    currentQuotaFen: f.relationships.quota[r]!,
    requestedQuotaFen: wantFen,
    spendableFen: f.accounts.spendable[a]!,
    changesToday,
    minuteOfDay: f.now - day * 1440,
  });
  if (!decision.ok) {
    f.refuse(decision, a);
    return false;
  }
  const d = decision.deltaFen;
  if (d === 0) return true;
  settleBalance(f, a, f.m);
  settleQuota(f, r, f.m);
  f.accounts.spendable[a] = f.accounts.spendable[a]! - d;
  f.relationships.quota[r] = f.relationships.quota[r]! + d;
  const rule = f.quotaKind === ACCOUNT_KIND.wallet ? 'R9' : 'R7';
  if (d > 0) {
    f.post(ACCOUNT_KIND.account, a, f.quotaKind, r, d, rule);
    f.count(SUMMARY.quotaSetFen, d);
    if (f.relationships.geography[r] === GEO_CROSS_PROVINCE) {
      f.count(SUMMARY.crossQuotaSets, 1);
      f.count(SUMMARY.crossQuotaSetFen, d);
    }
  } else {
    f.post(f.quotaKind, r, ACCOUNT_KIND.account, a, -d, rule);
    f.count(SUMMARY.quotaReleasedFen, -d);
  }
  f.relationships.changeDay[a] = day;
  f.relationships.changesThatDay[a] = changesToday + 1;
  return true;
}

/** The quota a sharer asks for: a share of the unearmarked balance, within the scenario's limits (R7). */
export function wantedQuota(f: FamilyState, a: number, current: number, extraFen: number): number {
  const q = f.ctx.input.rules.quotaLimits;
  let want = current + Math.min(extraFen, f.accounts.spendable[a]!);
  if (q.maxChangeFen !== null) want = Math.min(want, current + q.maxChangeFen);
  if (q.maxQuotaFen !== null) want = Math.min(want, q.maxQuotaFen);
  return Math.max(current, Math.floor(want));
}

/** What member p has earmarked in virtual quotas (under wallet-transfer the money has left: 0). */
export function earmarked(f: FamilyState, p: number): number {
  if (f.quotaKind === ACCOUNT_KIND.wallet) return 0;
  const rels = f.relationships;
  const sharer = f.pairs.sharer;
  let sum = 0;
  for (let r = 0; r < rels.count; r++)
    if (rels.active[r] && sharer[rels.pair[r]!] === p) sum += rels.quota[r]!;
  return sum;
}

/** R7: a holder short of money for an own bill of `bill` fen lowers quotas, oldest first, until the bill fits. */
export function lowerQuotas(f: FamilyState, p: number, bill: number): void {
  for (let r = 0; r < f.relationships.count && bill > f.accounts.spendable[p]!; r++) {
    const rels = f.relationships;
    if (!rels.active[r] || f.pairs.sharer[rels.pair[r]!] !== p || rels.quota[r]! <= 0) continue;
    const lower = Math.min(rels.quota[r]!, bill - f.accounts.spendable[p]!);
    if (!setQuota(f, r, rels.quota[r]! - lower)) break;
  }
}
