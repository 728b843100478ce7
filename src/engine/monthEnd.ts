/**
 * Month-end values (月末状态) for the conservation check, which compares the postings with what the
 * state arrays hold at each month's end. There is no pass over members and relationships at a
 * month's end: each keeps the first month whose end value is not yet added, and when a month can no
 * longer change for it (a later month has begun for it), its balance or quota is added to every
 * month from there on. Between events nothing changes, so each month's end state is added exactly
 * once, whatever the order of the catch-ups.
 */
import {
  ACCOUNT_CLASS as ACCOUNT_CLASS_EXPORT,
  classIndex,
  SUMMARY as SUMMARY_EXPORT,
  summaryIndex,
} from './result';
import { ACCOUNT_KIND as ACCOUNT_KIND_EXPORT, type FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const ACCOUNT_CLASS = ACCOUNT_CLASS_EXPORT;
const ACCOUNT_KIND = ACCOUNT_KIND_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

/**
 * Adds member p's balance to the accounts' state total of every month before `m` not yet added:
 * those months are over for p, so the balance now is what p held at their ends.
 */
export function settleBalance(f: FamilyState, p: number, m: number): void {
  const accounts = f.accounts;
  let s = accounts.settledFrom[p]!;
  if (s >= m) return;
  const v = accounts.spendable[p]!;
  const state = f.totals.classState;
  if (v !== 0) {
    for (; s < m; s++) {
      const i = classIndex(s, ACCOUNT_CLASS.accounts);
      state[i] = state[i]! + v;
    }
  }
  accounts.settledFrom[p] = m;
}

/**
 * As {@link settleBalance}, for relationship r's quota: the quotas' or wallets' state total and the
 * summary of money frozen in quotas or held in wallets.
 */
export function settleQuota(f: FamilyState, r: number, m: number): void {
  const rels = f.relationships;
  let s = rels.settledFrom[r]!;
  if (s >= m) return;
  const v = rels.quota[r]!;
  if (v !== 0) {
    const state = f.totals.classState;
    const summary = f.totals.summary;
    const cls = f.quotaKind;
    const field = cls === ACCOUNT_KIND.wallet ? SUMMARY.walletFen : SUMMARY.quotaFrozenFen;
    for (; s < m; s++) {
      const i = classIndex(s, cls);
      const j = summaryIndex(s, field);
      state[i] = state[i]! + v;
      summary[j] = summary[j]! + v;
    }
  }
  rels.settledFrom[r] = m;
}
