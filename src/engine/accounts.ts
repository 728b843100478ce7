/**
 * Personal accounts kept up to date only when read (个人账户的按需记账): an account holder's
 * monthly credits and own spending (R8) are applied in one tight pass over the months missed, at the
 * moment an event reads or changes the balance (a quota set, a bill, a return of quota), and at the
 * family's end. Own spending is drawn from a counter-based hash of (seed, family, member, month), so
 * the amounts do not depend on when they are computed. The months passed are settled as they go
 * (monthEnd.ts), so the conservation check still sees every month's end balance.
 */
import { SchemeCode } from '../population/columns';
import { mix32, roundHalfUp, U32_TO_UNIT } from '../population/random';
import { splitOwnPayment } from '../rules/payment';
import { USE_MEDICAL } from './codes';
import { settleBalance, settleQuota } from './monthEnd';
import { earmarked, lowerQuotas } from './quotas';
import { ACCOUNT_CLASS as ACCOUNT_CLASS_EXPORT, classIndex, SUMMARY as SUMMARY_EXPORT } from './result';
import { ACCOUNT_KIND as ACCOUNT_KIND_EXPORT, type FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const ACCOUNT_CLASS = ACCOUNT_CLASS_EXPORT;
const ACCOUNT_KIND = ACCOUNT_KIND_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

const EMPLOYEE_ACCOUNT = SchemeCode.employeeAccount;

/**
 * Brings member p's account up to date for the current point of the month (credits and own spending
 * through `accounts.through`) and settles the months before the current one. Call before reading or
 * changing p's balance.
 */
export function touch(f: FamilyState, p: number): void {
  if (f.accounts.appliedThrough[p]! < f.accounts.through) catchUp(f, p, f.accounts.through);
  if (f.accounts.settledFrom[p]! < f.m) settleBalance(f, p, f.m);
}

/** The seed of member p's own-spending draws: the family's seed mixed with the member. */
function memberSeed(f: FamilyState, p: number): number {
  return f.accounts.ownSeed ^ Math.imul(p + 1, 0x27d4eb2f);
}

/** A 32-bit draw for own spending in month j from a member's seed (counter-based: any order, same value). */
function ownDraw(seed: number, j: number): number {
  return mix32(seed + Math.imul(j + 1, 0x165667b1)) >>> 0;
}

/** Applies months appliedThrough+1 .. through of member p: the credit from the area's fund, then own spending (R8). */
function catchUp(f: FamilyState, p: number, through: number): void {
  const accounts = f.accounts;
  if (f.members.scheme[p] !== EMPLOYEE_ACCOUNT) {
    settleBalance(f, p, through);
    accounts.appliedThrough[p] = through;
    return;
  }
  if (f.trace) {
    for (let j = accounts.appliedThrough[p]! + 1; j <= through; j++) accountMonth(f, p, j);
    return;
  }
  // The same as accountMonth month by month, with the balance in a local while it is not short.
  const totals = f.totals;
  const state = totals.classState;
  const own = totals.ownSpent;
  const creditStep = totals.creditStep;
  const small = f.ctx.smallBill;
  const credit = Math.max(0, accounts.credit[p]!);
  const first = accounts.appliedThrough[p]! + 1;
  // The credits of months first..through, as a change of the monthly credit total (totals.ts `creditStep`).
  if (credit !== 0 && first <= through) {
    creditStep[first] = creditStep[first]! + credit;
    creditStep[through + 1] = creditStep[through + 1]! - credit;
  }
  const mean = accounts.ownBillMean[p]!;
  const seed = memberSeed(f, p);
  let balance = accounts.spendable[p]!;
  let s = accounts.settledFrom[p]!;
  for (let j = first; j <= through; j++) {
    // Months before j are over: their end balance is the balance now (monthEnd.ts `settleBalance`).
    if (balance !== 0) {
      for (; s < j; s++) {
        const i = classIndex(s, ACCOUNT_CLASS.accounts);
        state[i] = state[i]! + balance;
      }
    } else s = j;
    balance += credit;
    const u = ownDraw(seed, j);
    const bill = roundHalfUp(mean * small[u >>> 20]!);
    if (bill <= 0) continue;
    if (bill <= balance) {
      balance -= bill;
      own[j] = own[j]! + bill;
      continue;
    }
    accounts.spendable[p] = balance;
    accounts.settledFrom[p] = j;
    accounts.appliedThrough[p] = j;
    ownBill(f, p, j, bill, u);
    balance = f.accounts.spendable[p]!;
  }
  f.accounts.spendable[p] = balance;
  f.accounts.settledFrom[p] = s;
  f.accounts.appliedThrough[p] = through;
}

/** Member p's month j, posting by posting (traced families): the months before settled, the credit, then the own bill. */
function accountMonth(f: FamilyState, p: number, j: number): void {
  const accounts = f.accounts;
  settleBalance(f, p, j);
  accounts.appliedThrough[p] = j;
  const credit = accounts.credit[p]!;
  if (credit > 0) {
    const m = f.m;
    const now = f.now;
    f.m = j;
    f.now = f.ctx.monthStamp[j]!;
    accounts.spendable[p] = accounts.spendable[p]! + credit;
    f.count(SUMMARY.creditFen, credit);
    f.post(ACCOUNT_KIND.fund, f.members.area[p]!, ACCOUNT_KIND.account, p, credit, 'CREDIT');
    f.m = m;
    f.now = now;
  }
  const u = ownDraw(memberSeed(f, p), j);
  const bill = roundHalfUp(accounts.ownBillMean[p]! * f.ctx.smallBill[u >>> 20]!);
  if (bill > 0) ownBill(f, p, j, bill, u);
}

/**
 * R8: member p's own bill of month j, from the unearmarked balance, the rest in cash. A holder short
 * of money may first lower quotas (R7; refused under wallet-transfer by R9).
 */
function ownBill(f: FamilyState, p: number, j: number, bill: number, u: number): void {
  const accounts = f.accounts;
  const m = f.m;
  const now = f.now;
  f.m = j;
  f.now = f.ctx.monthStamp[j]! + 600;
  let account = bill;
  if (bill > accounts.spendable[p]!) {
    const release = f.ctx.input.behaviour.quota.releaseForOwnNeed;
    if (f.relationships.asSharer[p]! > 0 && (mix32(u ^ 0x68e31da4) >>> 0) * U32_TO_UNIT < release)
      lowerQuotas(f, p, bill);
    const split = splitOwnPayment(bill, accounts.spendable[p]!, earmarked(f, p), false);
    if (!('accountFen' in split)) throw new Error('R8: an own payment with cash allowed cannot be refused');
    account = split.accountFen;
  }
  const payee = USE_MEDICAL * f.ctx.input.areaCount + f.members.residence[p]!;
  if (account > 0) {
    accounts.spendable[p] = accounts.spendable[p]! - account;
    f.count(SUMMARY.ownSpendingFen, account);
    f.post(ACCOUNT_KIND.account, p, ACCOUNT_KIND.payee, payee, account, 'R8');
  }
  if (bill > account) f.post(ACCOUNT_KIND.cash, p, ACCOUNT_KIND.payee, payee, bill - account, 'R8');
  f.m = m;
  f.now = now;
}

/** At the family's end: every account brought through the last month, and every month's end state added. */
export function closeAccounts(f: FamilyState): void {
  const M = f.ctx.months;
  f.m = M - 1;
  f.accounts.through = M - 1;
  for (let h = 0; h < f.accounts.holderCount; h++) {
    const p = f.accounts.holders[h]!;
    if (f.accounts.appliedThrough[p]! < M - 1) catchUp(f, p, M - 1);
    settleBalance(f, p, M);
  }
  for (let r = 0; r < f.relationships.count; r++) settleQuota(f, r, M);
}
