/**
 * One family through the window (一个家庭的模拟): its members are read from the population columns,
 * its candidate pairs found (R1, R2 through the rules' answers), and then month by month, in a
 * fixed order: insurance changes (R6), ends by choice (R4), credits and own spending (R8, applied
 * when a balance is read: accounts.ts), new relationships, care events and contributions (R11, R12).
 * The month's counts and state totals are kept as they change, so there is no tally pass.
 */
import { SchemeCode, type PopulationChunk } from '../population/columns';
import { drawFrom, mix32 } from '../population/random';
import { Ledger } from '../rules/ledger';
import { closeAccounts } from './accounts';
import { careEvents, contributions, scheduleCare } from './payments';
import {
  insuranceChanges,
  placePair,
  schedulePair,
  spontaneousSetUps,
  startingStock,
  voluntaryEnds,
} from './relationships';
import type { FamilyTrace } from './result';
import { CONTRIBUTES_LTC, CONTRIBUTES_RESIDENT, K, NEVER, type FamilyState } from './state';

const OPEN = 0;
const GEOGRAPHIES = ['same-pooling-area', 'same-province', 'cross-province'] as const;
const ACCOUNT = SchemeCode.employeeAccount;
const RESIDENT = SchemeCode.resident;

/** Reads family j of the chunk into the state and finds its candidate pairs and care rates. */
export function loadFamily(f: FamilyState, chunk: PopulationChunk, j: number): void {
  const c = f.ctx;
  const beh = c.input.behaviour;
  const start = chunk.familyStart[j]!;
  const n = chunk.familyStart[j + 1]! - start;
  f.n = n;
  f.familyIndex = chunk.familyId[start]!;
  f.st.start(c.key, f.familyIndex);
  f.np = 0;
  f.nr = 0;
  f.nh = 0;
  f.through = -1;
  f.ownSeed = mix32(mix32(f.familyIndex ^ c.ownKey[0]!) + c.ownKey[1]!);
  // Columns and state arrays in locals: the loop then only indexes typed arrays.
  const { role, branch, age, scheme, insuredArea, insuredProvince, residenceArea, ltc } = chunk;
  const { balanceFen, monthlyCreditFen, residentContributionFen } = chunk;
  const spendable = f.spendable;
  const credit = f.credit;
  const holders = f.holders;
  const ownBillMean = f.ownBillMean;
  const sharerOk = c.sharerOk;
  const ownShare = beh.ownSpendingShareOfCredit;
  for (let p = 0; p < n; p++) {
    const i = start + p;
    const s = scheme[i]!;
    f.age[p] = age[i]!;
    f.scheme[p] = s;
    f.area[p] = insuredArea[i]!;
    f.province[p] = insuredProvince[i]!;
    f.residence[p] = residenceArea[i]!;
    f.ltc[p] = ltc[i]!;
    f.contribution[p] = residentContributionFen[i]!;
    const balance = balanceFen[i]!;
    const monthly = monthlyCreditFen[i]!;
    spendable[p] = balance;
    credit[p] = monthly;
    if (s === ACCOUNT || balance !== 0 || sharerOk[s]) {
      holders[f.nh++] = p;
      ownBillMean[p] = s === ACCOUNT ? monthly * ownShare : 0;
    }
    f.gone[p] = 0;
    f.contributionMonth[p] = -1;
    f.asSharer[p] = 0;
    f.asBeneficiary[p] = 0;
    f.candidateOf[p] = 0;
    f.changeDay[p] = -1;
    f.changeCount[p] = 0;
    f.asOf[p] = -1;
    f.stateFrom[p] = 0;
  }
  const relationOf = c.relationOf;
  for (let a = 0; a < n; a++) {
    if (!c.sharerOk[f.scheme[a]!]) continue;
    const roleA = role[start + a]! * 8;
    const branchA = branch[start + a]!;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const code = relationOf[roleA + role[start + b]! * 2 + (branch[start + b] === branchA ? 1 : 0)]!;
      if (code < 0 || !c.beneficiaryOk[code * 4 + f.scheme[b]!]) continue;
      const k = f.np++;
      f.pairSharer[k] = a;
      f.pairBeneficiary[k] = b;
      f.pairRelation[k] = code;
      f.pairActive[k] = -1;
      f.candidateOf[b] = f.candidateOf[b]! + 1;
      placePair(f, k, true);
    }
  }
  for (let b = 0; b < n; b++) {
    f.nextChange[b] = NEVER;
    if (f.candidateOf[b] === 0) {
      if (sharerOk[f.scheme[b]!] === 1 && f.np > 0) drawChange(f, b);
      continue;
    }
    drawChange(f, b);
    const age = f.age[b]!;
    f.careClass[b] = (age < 15 ? 0 : age < 60 ? 1 : 2) * 2 + (f.scheme[b] === RESIDENT ? 1 : 0);
  }
}

/**
 * Draws the month of member p's first insurance change (R6) in the window, if any: one draw says
 * whether a change comes within the window at all, and only then is its month worked out (the same
 * geometric wait).
 */
function drawChange(f: FamilyState, p: number): void {
  const c = f.ctx;
  const u = f.unit();
  const age = f.age[p]!;
  if (1 - u > c.noChangeInWindow[age]!) f.nextChange[p] = Math.floor(Math.log(1 - u) / c.logNoChange[age]!);
}

/**
 * Draws, for the current calendar year, which of each resident relative's contributions will be
 * paid with shared money when a relationship stands (`residentShared`, `ltcShared`), and for those
 * who have one, the month it is due. The contribution amounts and the long-term-care flag do not
 * change in the window, so deciding at the year's start is the same chance as deciding when paying,
 * and residents who pay neither with shared money cost no month draw and no month's visit.
 */
function drawContributionMonths(f: FamilyState): void {
  const c = f.ctx;
  const table = c.contributionMonthTable;
  const k = c.input.behaviour.contributions;
  const ltcFen = k.ltcYearlyFen;
  f.contributionMonths = 0;
  for (let b = 0; b < f.n; b++) {
    if (f.candidateOf[b] === 0 || f.scheme[b] !== RESIDENT) continue;
    let uses = 0;
    if (f.contribution[b]! > 0 && f.unit() < k.residentShared) uses |= CONTRIBUTES_RESIDENT;
    if (f.ltc[b] && ltcFen > 0 && f.unit() < k.ltcShared) uses |= CONTRIBUTES_LTC;
    f.contributionUses[b] = uses;
    if (uses === 0) {
      f.contributionMonth[b] = -1;
      continue;
    }
    const month = drawFrom(table, f.unit(), f.rest);
    f.contributionMonth[b] = month;
    f.contributionMonths |= 1 << month;
  }
}

/** Books the opening balances of the account holders (OPEN), at the window's first minute. */
function openBalances(f: FamilyState): void {
  f.now = f.ctx.monthStamp[0]!;
  for (let p = 0; p < f.n; p++) {
    const v = f.spendable[p]!;
    if (v > 0) f.post(K.fund, f.area[p]!, K.account, p, v, OPEN);
  }
}

/** The earliest of `next[0..n)`, or NEVER. */
function earliest(next: Int32Array, n: number): number {
  let at = NEVER;
  for (let i = 0; i < n; i++) if (next[i]! < at) at = next[i]!;
  return at;
}

/**
 * The next month in which something can happen to the family after month m: an insurance change,
 * an end by choice, a set-up chance, care events, a contribution month or a new calendar year (whose
 * contribution months are then drawn). The months between have no event, so the loop skips them.
 */
function nextMonth(f: FamilyState, m: number, changeAt: number): number {
  const c = f.ctx;
  const after = m + 1;
  if (after >= c.months) return after;
  let next = Math.min(changeAt, f.endAt, f.setUpAt, f.careAt);
  if (next <= after) return after;
  const calendar = c.calendarMonth[after]!;
  const due = f.contributionMonths >>> calendar;
  // Months to the first contribution month of this calendar year, else to the next January.
  const wait = due !== 0 ? 31 - Math.clz32(due & -due) : 12 - calendar;
  if (after + wait < next) next = after + wait;
  return next;
}

/**
 * Runs the loaded family through every month of the window. Each kind of event keeps the earliest
 * month it can next happen in (a lower bound, made exact after each pass), so a month with nothing of
 * a kind skips that pass, and a month with nothing at all is not visited.
 */
export function simulateFamily(f: FamilyState): void {
  const c = f.ctx;
  const capped = (c.input.rules.quotaLimits.monthlyUseCapFen ?? null) !== null;
  const n = f.n;
  if (f.np === 0) {
    // No possible relationship: only the accounts run (their months come in closeAccounts).
    f.m = 0;
    openBalances(f);
    closeAccounts(f);
    return;
  }
  let changeAt = earliest(f.nextChange, n);
  for (let m = 0; m < c.months; m = nextMonth(f, m, changeAt)) {
    f.m = m;
    if (capped) for (let p = 0; p < n; p++) f.capUsed[p] = 0;
    if (m === 0 || c.calendarMonth[m] === 0) drawContributionMonths(f);
    f.careFrom = m;
    if (m === 0) {
      openBalances(f);
      f.setUpAt = NEVER;
      f.endAt = NEVER;
      f.careAt = NEVER;
      for (let b = 0; b < n; b++) scheduleCare(f, b, 0);
      startingStock(f);
      for (let k = 0; k < f.np; k++) if (f.pairActive[k] === -1) schedulePair(f, k, 0);
    }
    f.through = m - 1;
    if (changeAt <= m) {
      insuranceChanges(f);
      changeAt = earliest(f.nextChange, n);
    }
    if (f.endAt <= m) {
      voluntaryEnds(f);
      f.endAt = NEVER;
      for (let r = 0; r < f.nr; r++) if (f.relActive[r] && f.relEndAt[r]! < f.endAt) f.endAt = f.relEndAt[r]!;
    }
    // Credits and own spending of month m come here; accounts.ts applies them when a balance is read.
    f.through = m;
    if (f.setUpAt <= m) {
      spontaneousSetUps(f);
      f.setUpAt = earliest(f.pairNext, f.np);
    }
    f.careFrom = m + 1;
    if (f.careAt <= m) {
      careEvents(f);
      f.careAt = earliest(f.nextCare, n);
    }
    if ((f.contributionMonths >>> c.calendarMonth[m]!) & 1) contributions(f);
  }
  closeAccounts(f);
}

/** Starts a trace for the loaded family: its postings will be booked in a real Ledger. */
export function startTrace(f: FamilyState): void {
  f.trace = new Ledger();
  f.traceRefusals.length = 0;
}

/** Ends the trace of the loaded family and returns it, with the state arrays' end balances by account name. */
export function finishTrace(f: FamilyState, chunk: PopulationChunk, j: number): FamilyTrace {
  const ledger = f.trace!;
  f.trace = null;
  const start = chunk.familyStart[j]!;
  const codes = f.ctx.input.areaCodes;
  const endState: Record<string, number> = {};
  const persons = [];
  for (let p = 0; p < f.n; p++) {
    const id = f.personId(p);
    const i = start + p;
    persons.push({
      id,
      role: chunk.role[i]!,
      age: f.age[p]!,
      scheme: chunk.scheme[i]!,
      area: codes[chunk.insuredArea[i]!] ?? '',
    });
    if (chunk.scheme[i] === ACCOUNT) endState[`account:${id}`] = f.spendable[p]!;
  }
  const relationships = [];
  for (let r = 0; r < f.nr; r++) {
    endState[`quota:${f.relationshipId(r)}`] = f.relQuota[r]!;
    const k = f.relPair[r]!;
    relationships.push({
      id: f.relationshipId(r),
      sharerId: f.personId(f.pairSharer[k]!),
      beneficiaryId: f.personId(f.pairBeneficiary[k]!),
      geography: GEOGRAPHIES[f.relGeo[r]!]!,
      since: f.relSince[r]!,
      active: f.relActive[r] === 1,
    });
  }
  return {
    familyIndex: f.familyIndex,
    persons,
    relationships,
    postings: [...ledger.postings],
    refusals: [...f.traceRefusals],
    endState,
  };
}
