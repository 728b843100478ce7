/**
 * Personal accounts kept up to date only when read (个人账户的按需记账): an account holder's
 * monthly credits and own spending (R8) are applied in one tight pass over the months missed, at the
 * moment an event reads or changes the balance (a quota set, a bill, a return of quota), and at the
 * family's end. Own spending is drawn from a counter-based hash of (seed, family, member, month), so
 * the amounts do not depend on when they are computed.
 *
 * The conservation check stays per month and reads the real state: when a month can no longer change
 * for a member or a relationship (a later month has begun for it), its balance or quota is added to
 * that month's state total ({@link settle}, {@link settleRelationship}). Between events nothing
 * changes, so each month's end state is added exactly once, whatever the order of the catch-ups.
 */
import { SchemeCode } from '../population/columns';
import { mix32, roundHalfUp, U32_TO_UNIT } from '../population/random';
import { splitOwnPayment } from '../rules/payment';
import { USE_MEDICAL } from './prepare';
import { setQuota } from './relationships';
import { C, CLASSES, S, SUMMARY_FIELDS } from './result';
import { K, type FamilyState } from './state';

const CREDIT = 1;
const R8 = 3;
const ACCOUNT = SchemeCode.employeeAccount;
const W = CLASSES.length;

/**
 * Adds member p's balance to the accounts' state total of every month before `m` not yet added:
 * those months are over for p, so the balance now is what p held at their ends.
 */
export function settle(f: FamilyState, p: number, m: number): void {
  let s = f.stateFrom[p]!;
  if (s >= m) return;
  const v = f.spendable[p]!;
  const st = f.classState;
  if (v !== 0) for (; s < m; s++) st[s * W + C.accounts] = st[s * W + C.accounts]! + v;
  f.stateFrom[p] = m;
}

/** As {@link settle}, for relationship r's quota (the quotas' or wallets' state and the frozen-money summary). */
export function settleRelationship(f: FamilyState, r: number, m: number): void {
  let s = f.relFrom[r]!;
  if (s >= m) return;
  const v = f.relQuota[r]!;
  if (v !== 0) {
    const st = f.classState;
    const sum = f.summary;
    const cls = f.quotaKind;
    const field = cls === K.wallet ? S.walletFen : S.quotaFrozenFen;
    for (; s < m; s++) {
      st[s * W + cls] = st[s * W + cls]! + v;
      sum[s * SUMMARY_FIELDS + field] = sum[s * SUMMARY_FIELDS + field]! + v;
    }
  }
  f.relFrom[r] = m;
}

/**
 * Brings member p's account up to date for the current point of the month (credits and own spending
 * through `f.through`) and settles the months before the current one. Call before reading or
 * changing p's balance.
 */
export function touch(f: FamilyState, p: number): void {
  if (f.asOf[p]! < f.through) catchUp(f, p, f.through);
  if (f.stateFrom[p]! < f.m) settle(f, p, f.m);
}

/** A 32-bit draw for member p's own spending in month j (counter-based: any order, same value). */
function ownDraw(f: FamilyState, p: number, j: number): number {
  return mix32((f.ownSeed ^ Math.imul(p + 1, 0x27d4eb2f)) + Math.imul(j + 1, 0x165667b1)) >>> 0;
}

/** Applies months asOf+1 .. through of member p: the credit from the area's fund, then own spending (R8). */
function catchUp(f: FamilyState, p: number, through: number): void {
  if (f.scheme[p] !== ACCOUNT) {
    settle(f, p, through);
    f.asOf[p] = through;
    return;
  }
  if (f.trace) {
    for (let j = f.asOf[p]! + 1; j <= through; j++) accountMonth(f, p, j);
    return;
  }
  // The same as accountMonth month by month, with the balance in a local while it is not short.
  const st = f.classState;
  const own = f.ownSpent;
  const small = f.ctx.smallBill;
  const credit = Math.max(0, f.credit[p]!);
  const first = f.asOf[p]! + 1;
  // The credits of months first..through, as a change of the monthly credit total (state.ts `creditStep`).
  if (credit !== 0 && first <= through) {
    f.creditStep[first] = f.creditStep[first]! + credit;
    f.creditStep[through + 1] = f.creditStep[through + 1]! - credit;
  }
  const mean = f.ownBillMean[p]!;
  const seed = f.ownSeed ^ Math.imul(p + 1, 0x27d4eb2f);
  let balance = f.spendable[p]!;
  let s = f.stateFrom[p]!;
  for (let j = first; j <= through; j++) {
    if (balance !== 0) for (; s < j; s++) st[s * W + C.accounts] = st[s * W + C.accounts]! + balance;
    else s = j;
    balance += credit;
    const u = mix32(seed + Math.imul(j + 1, 0x165667b1)) >>> 0;
    const bill = roundHalfUp(mean * small[u >>> 20]!);
    if (bill <= 0) continue;
    if (bill <= balance) {
      balance -= bill;
      own[j] = own[j]! + bill;
      continue;
    }
    f.spendable[p] = balance;
    f.stateFrom[p] = j;
    f.asOf[p] = j;
    ownBill(f, p, j, bill, u);
    balance = f.spendable[p]!;
  }
  f.spendable[p] = balance;
  f.stateFrom[p] = s;
  f.asOf[p] = through;
}

/** Member p's month j: the months before settled, the credit, then the own bill. */
function accountMonth(f: FamilyState, p: number, j: number): void {
  settle(f, p, j);
  f.asOf[p] = j;
  const credit = f.credit[p]!;
  if (credit > 0) {
    const m = f.m;
    const now = f.now;
    f.m = j;
    f.now = f.ctx.monthStamp[j]!;
    f.spendable[p] = f.spendable[p]! + credit;
    f.count(S.creditFen, credit);
    f.post(K.fund, f.area[p]!, K.account, p, credit, CREDIT);
    f.m = m;
    f.now = now;
  }
  const u = ownDraw(f, p, j);
  const bill = roundHalfUp(f.ownBillMean[p]! * f.ctx.smallBill[u >>> 20]!);
  if (bill > 0) ownBill(f, p, j, bill, u);
}

/**
 * R8: member p's own bill of month j, from the unearmarked balance, the rest in cash. A holder short
 * of money may first lower quotas (R7; refused under wallet-transfer by R9).
 */
function ownBill(f: FamilyState, p: number, j: number, bill: number, u: number): void {
  const m = f.m;
  const now = f.now;
  f.m = j;
  f.now = f.ctx.monthStamp[j]! + 600;
  let account = bill;
  if (bill > f.spendable[p]!) {
    const release = f.ctx.input.behaviour.quota.releaseForOwnNeed;
    if (f.asSharer[p]! > 0 && (mix32(u ^ 0x68e31da4) >>> 0) * U32_TO_UNIT < release) lowerQuotas(f, p, bill);
    const split = splitOwnPayment(bill, f.spendable[p]!, earmarked(f, p), false);
    if (!('accountFen' in split)) throw new Error('R8: an own payment with cash allowed cannot be refused');
    account = split.accountFen;
  }
  const payee = USE_MEDICAL * f.ctx.input.areaCount + f.residence[p]!;
  if (account > 0) {
    f.spendable[p] = f.spendable[p]! - account;
    f.count(S.ownSpendingFen, account);
    f.post(K.account, p, K.payee, payee, account, R8);
  }
  if (bill > account) f.post(K.cash, p, K.payee, payee, bill - account, R8);
  f.m = m;
  f.now = now;
}

/** What member p has earmarked in virtual quotas (under wallet-transfer the money has left: 0). */
function earmarked(f: FamilyState, p: number): number {
  if (f.quotaKind === K.wallet) return 0;
  let sum = 0;
  for (let r = 0; r < f.nr; r++)
    if (f.relActive[r] && f.pairSharer[f.relPair[r]!] === p) sum += f.relQuota[r]!;
  return sum;
}

/** R7: a holder short of money for an own bill lowers quotas, oldest first, until the bill fits. */
function lowerQuotas(f: FamilyState, p: number, bill: number): void {
  for (let r = 0; r < f.nr && bill > f.spendable[p]!; r++) {
    if (!f.relActive[r] || f.pairSharer[f.relPair[r]!] !== p || f.relQuota[r]! <= 0) continue;
    const lower = Math.min(f.relQuota[r]!, bill - f.spendable[p]!);
    if (!setQuota(f, r, f.relQuota[r]! - lower)) break;
  }
}

/** At the family's end: every account brought through the last month, and every month's end state added. */
export function closeAccounts(f: FamilyState): void {
  const M = f.ctx.months;
  f.m = M - 1;
  f.through = M - 1;
  for (let h = 0; h < f.nh; h++) {
    const p = f.holders[h]!;
    if (f.asOf[p]! < M - 1) catchUp(f, p, M - 1);
    settle(f, p, M);
  }
  for (let r = 0; r < f.nr; r++) settleRelationship(f, r, M);
}
