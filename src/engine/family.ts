/**
 * One family through the window (一个家庭的模拟): its members are read from the population columns,
 * its candidate pairs found (R1, R2 through the rules' answers), and then month by month, in a
 * fixed order: coverage of enrolled relatives (R2, each January), insurance changes (R6), ends by
 * choice (R4), credits and own spending (R8, applied when a balance is read: accounts.ts), new
 * relationships, care events and contributions (R11, R12), including those that enrol uninsured
 * relatives (R2).
 * The month's counts and state totals are kept as they change, so there is no tally pass.
 *
 * The modules under it form layers, each importing only from the layers below it:
 *
 * 1. codes, rules of postings, the run context (prepare.ts), result layouts, the flow table;
 * 2. the family's tables (familyTables.ts) and the range's sinks (totals.ts), then FamilyState;
 * 3. month-end values (monthEnd.ts), candidate pairs (pairs.ts), waits (schedules.ts);
 * 4. quotas set and lowered (quotas.ts);
 * 5. personal accounts brought up to date (accounts.ts);
 * 6. relationships set up and ended (relationships.ts), and set up to enrol a relative (enrolment.ts);
 * 7. insurance changes (insurance.ts), care events and payments (payments.ts);
 * 8. this month loop, and traces of named families (familyTrace.ts).
 */
import { SchemeCode, type PopulationChunk } from '../population/columns';
import { drawFrom, mix32 } from '../population/random';
import { closeAccounts } from './accounts';
import { CONTRIBUTES_LTC, CONTRIBUTES_RESIDENT, NEVER as NEVER_EXPORT } from './familyTables';
import { drawEnrolments } from './enrolment';
import { insuranceChanges, startCoverage } from './insurance';
import { placePair } from './pairs';
import { careEvents, contributions } from './payments';
import { careClassOf, changeIndex, relativeIndex, roleIndex } from './prepare';
import { spontaneousSetUps, startingStock, voluntaryEnds } from './relationships';
import { scheduleCare, schedulePair } from './schedules';
import { ACCOUNT_KIND as ACCOUNT_KIND_EXPORT, type FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const ACCOUNT_KIND = ACCOUNT_KIND_EXPORT;
const NEVER = NEVER_EXPORT;

const EMPLOYEE_ACCOUNT = SchemeCode.employeeAccount;
const RESIDENT = SchemeCode.resident;
const UNINSURED = SchemeCode.uninsured;

/** Reads family j of the chunk into the state and finds its candidate pairs and care rates. */
export function loadFamily(f: FamilyState, chunk: PopulationChunk, j: number): void {
  const c = f.ctx;
  const beh = c.input.behaviour;
  const members = f.members;
  const accounts = f.accounts;
  const pairs = f.pairs;
  const rels = f.relationships;
  const schedule = f.schedule;
  const start = chunk.familyStart[j]!;
  const n = chunk.familyStart[j + 1]! - start;
  members.count = n;
  f.familyIndex = chunk.familyId[start]!;
  f.stream.start(c.key, f.familyIndex);
  pairs.count = 0;
  rels.count = 0;
  accounts.holderCount = 0;
  accounts.through = -1;
  accounts.ownSeed = mix32(mix32(f.familyIndex ^ c.ownKey[0]!) + c.ownKey[1]!);
  // Columns and state arrays in locals: the loop then only indexes typed arrays.
  const { role, branch, age, scheme, insuredArea, insuredProvince, residenceArea, ltc } = chunk;
  const { balanceFen, monthlyCreditFen, residentContributionFen } = chunk;
  const spendable = accounts.spendable;
  const credit = accounts.credit;
  const holders = accounts.holders;
  const ownBillMean = accounts.ownBillMean;
  const sharerOk = c.sharerOk;
  const ownShare = beh.ownSpendingShareOfCredit;
  const enrolOk = c.enrolOk;
  // Where relatives who are not insured may be enrolled (R2), they enrol where they live.
  const enrolling = enrolOk.includes(1);
  for (let p = 0; p < n; p++) {
    const i = start + p;
    const s = scheme[i]!;
    members.age[p] = age[i]!;
    members.scheme[p] = s;
    members.area[p] = insuredArea[i]!;
    members.province[p] = insuredProvince[i]!;
    members.residence[p] = residenceArea[i]!;
    members.ltc[p] = ltc[i]!;
    members.contributionFen[p] = residentContributionFen[i]!;
    const balance = balanceFen[i]!;
    const monthly = monthlyCreditFen[i]!;
    spendable[p] = balance;
    credit[p] = monthly;
    if (s === EMPLOYEE_ACCOUNT || balance !== 0 || sharerOk[s]) {
      holders[accounts.holderCount++] = p;
      ownBillMean[p] = s === EMPLOYEE_ACCOUNT ? monthly * ownShare : 0;
    }
    members.gone[p] = 0;
    members.enrolCandidate[p] = 0;
    members.insuredFrom[p] = NEVER;
    if (enrolling && s === UNINSURED) {
      members.area[p] = residenceArea[i]!;
      members.province[p] = c.input.areaProvince[residenceArea[i]!]!;
    }
    schedule.contributionMonth[p] = -1;
    rels.asSharer[p] = 0;
    rels.asBeneficiary[p] = 0;
    members.candidatePairs[p] = 0;
    rels.changeDay[p] = -1;
    rels.changesThatDay[p] = 0;
    accounts.appliedThrough[p] = -1;
    accounts.settledFrom[p] = 0;
  }
  const relationOf = c.relationOf;
  const beneficiaryOk = c.beneficiaryOk;
  for (let a = 0; a < n; a++) {
    if (!sharerOk[members.scheme[a]!]) continue;
    const roleA = role[start + a]!;
    const branchA = branch[start + a]!;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const code = relationOf[roleIndex(roleA, role[start + b]!, branch[start + b] === branchA ? 1 : 0)]!;
      if (code < 0) continue;
      const eligible = beneficiaryOk[relativeIndex(code, members.scheme[b]!)] === 1;
      // A relative who is not insured is a pair only for enrolment (R2), closed to everything else.
      if (!eligible && !(enrolOk[code] === 1 && members.scheme[b] === UNINSURED)) continue;
      const k = pairs.count++;
      pairs.sharer[k] = a;
      pairs.beneficiary[k] = b;
      pairs.relation[k] = code;
      pairs.relationship[k] = -1;
      if (eligible) members.candidatePairs[b] = members.candidatePairs[b]! + 1;
      else members.enrolCandidate[b] = 1;
      placePair(f, k, eligible);
    }
  }
  for (let b = 0; b < n; b++) {
    f.schedule.nextChange[b] = NEVER;
    if (f.members.candidatePairs[b] === 0) {
      if (c.sharerOk[f.members.scheme[b]!] === 1 && f.pairs.count > 0) drawFirstChange(f, b);
      continue;
    }
    drawFirstChange(f, b);
    const memberAge = f.members.age[b]!;
    const band = memberAge < 15 ? 0 : memberAge < 60 ? 1 : 2;
    f.members.careClass[b] = careClassOf(band, f.members.scheme[b] === RESIDENT ? 1 : 0);
  }
}

/**
 * Draws the month of member p's first insurance change (R6) in the window, if any: one draw says
 * whether a change comes within the window at all, and only then is its month worked out (the same
 * geometric wait).
 */
function drawFirstChange(f: FamilyState, p: number): void {
  const c = f.ctx;
  const u = f.unit();
  const at = changeIndex(c.canMove[f.members.province[p]!]!, f.members.age[p]!);
  if (1 - u > c.noChangeInWindow[at]!)
    f.schedule.nextChange[p] = Math.floor(Math.log(1 - u) / c.logNoChange[at]!);
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
  f.schedule.contributionMonths = 0;
  for (let b = 0; b < f.members.count; b++) {
    if (f.members.candidatePairs[b] === 0 || f.members.scheme[b] !== RESIDENT) continue;
    let uses = 0;
    if (f.members.contributionFen[b]! > 0 && f.unit() < k.residentShared) uses |= CONTRIBUTES_RESIDENT;
    if (f.members.ltc[b] && ltcFen > 0 && f.unit() < k.ltcShared) uses |= CONTRIBUTES_LTC;
    f.schedule.contributionUses[b] = uses;
    if (uses === 0) {
      f.schedule.contributionMonth[b] = -1;
      continue;
    }
    const month = drawFrom(table, f.unit(), f.unitRest);
    f.schedule.contributionMonth[b] = month;
    f.schedule.contributionMonths |= 1 << month;
  }
}

/** Books the opening balances of the account holders (OPEN), at the window's first minute. */
function openBalances(f: FamilyState): void {
  f.now = f.ctx.monthStamp[0]!;
  for (let p = 0; p < f.members.count; p++) {
    const v = f.accounts.spendable[p]!;
    if (v > 0) f.post(ACCOUNT_KIND.fund, f.members.area[p]!, ACCOUNT_KIND.account, p, v, 'OPEN');
  }
}

/**
 * The next month in which something can happen to the family after month m: an insurance change,
 * an end by choice, a set-up chance, care events, a contribution month or a new calendar year (whose
 * contribution months are then drawn). The months between have no event, so the loop skips them.
 */
function nextMonth(f: FamilyState, m: number, changeAt: number): number {
  const c = f.ctx;
  const schedule = f.schedule;
  const after = m + 1;
  if (after >= c.months) return after;
  let next = Math.min(changeAt, schedule.endAt, schedule.setUpAt, schedule.careAt);
  if (next <= after) return after;
  const calendar = c.calendarMonth[after]!;
  const due = schedule.contributionMonths >>> calendar;
  // Months to the first contribution month of this calendar year, else to the next January.
  const wait = due !== 0 ? 31 - Math.clz32(due & -due) : 12 - calendar;
  if (after + wait < next) next = after + wait;
  return next;
}

/** The earliest of `next[0..n)`, or NEVER. */
function earliest(next: Int32Array, n: number): number {
  let at = NEVER;
  for (let i = 0; i < n; i++) if (next[i]! < at) at = next[i]!;
  return at;
}

/** The earliest month in which an active relationship ends by choice, or NEVER. */
function earliestEnd(f: FamilyState): number {
  const rels = f.relationships;
  let at = NEVER;
  for (let r = 0; r < rels.count; r++) if (rels.active[r] && rels.endAt[r]! < at) at = rels.endAt[r]!;
  return at;
}

/**
 * Runs the loaded family through every month of the window. Each kind of event keeps the earliest
 * month it can next happen in (a lower bound, made exact after each pass), so a month with nothing of
 * a kind skips that pass, and a month with nothing at all is not visited.
 */
export function simulateFamily(f: FamilyState): void {
  const c = f.ctx;
  const capped = (c.input.rules.quotaLimits.monthlyUseCapFen ?? null) !== null;
  const n = f.members.count;
  if (f.pairs.count === 0) {
    // No possible relationship: only the accounts run (their months come in closeAccounts).
    f.m = 0;
    openBalances(f);
    closeAccounts(f);
    return;
  }
  let changeAt = earliest(f.schedule.nextChange, n);
  f.schedule.coverageAt = NEVER;
  for (let m = 0; m < c.months; m = nextMonth(f, m, changeAt)) {
    f.m = m;
    if (capped) for (let p = 0; p < n; p++) f.members.capUsedFen[p] = 0;
    if (f.schedule.coverageAt <= m) {
      startCoverage(f);
      changeAt = earliest(f.schedule.nextChange, n);
    }
    if (m === 0 || c.calendarMonth[m] === 0) {
      drawContributionMonths(f);
      drawEnrolments(f);
    }
    f.schedule.careFrom = m;
    if (m === 0) {
      openBalances(f);
      f.schedule.setUpAt = NEVER;
      f.schedule.endAt = NEVER;
      f.schedule.careAt = NEVER;
      for (let b = 0; b < n; b++) scheduleCare(f, b, 0);
      startingStock(f);
      for (let k = 0; k < f.pairs.count; k++) if (f.pairs.relationship[k] === -1) schedulePair(f, k, 0);
    }
    f.accounts.through = m - 1;
    if (changeAt <= m) {
      insuranceChanges(f);
      changeAt = earliest(f.schedule.nextChange, n);
    }
    if (f.schedule.endAt <= m) {
      voluntaryEnds(f);
      f.schedule.endAt = earliestEnd(f);
    }
    // Credits and own spending of month m come here; accounts.ts applies them when a balance is read.
    f.accounts.through = m;
    if (f.schedule.setUpAt <= m) {
      spontaneousSetUps(f);
      f.schedule.setUpAt = earliest(f.pairs.nextChance, f.pairs.count);
    }
    f.schedule.careFrom = m + 1;
    if (f.schedule.careAt <= m) {
      careEvents(f);
      f.schedule.careAt = earliest(f.schedule.nextCare, n);
    }
    if ((f.schedule.contributionMonths >>> c.calendarMonth[m]!) & 1) contributions(f);
  }
  closeAccounts(f);
}
