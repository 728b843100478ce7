/**
 * One family through the window (一个家庭的模拟): its members are read from the population columns,
 * its candidate pairs found (R1, R2 through the rules' answers), and then month by month, in a
 * fixed order: insurance changes (R6), ends by choice (R4), credits, own spending (R8), new
 * relationships, care events and contributions (R11, R12), and the month's tally.
 */
import { SchemeCode, type PopulationChunk } from '../population/columns';
import { nearRelation } from '../population/family/kinship';
import { drawFrom, type CumTable, cumTable } from '../population/random';
import { Ledger } from '../rules/ledger';
import { careEvents, contributions, credits, ownSpending } from './payments';
import { RELATION_CODE } from './prepare';
import {
  insuranceChanges,
  refreshPair,
  schedulePair,
  spontaneousSetUps,
  startingStock,
  voluntaryEnds,
} from './relationships';
import { C, CLASSES, S, type FamilyTrace } from './result';
import { K, NEVER, type FamilyState } from './state';

const OPEN = 0;
const GEOGRAPHIES = ['same-pooling-area', 'same-province', 'cross-province'] as const;
const ACCOUNT = SchemeCode.employeeAccount;
const RESIDENT = SchemeCode.resident;

const monthTables = new WeakMap<readonly number[], CumTable>();
/** The calendar-month distribution of contributions, built once per weights array. */
function contributionTable(weights: readonly number[]): CumTable {
  let t = monthTables.get(weights);
  if (!t) monthTables.set(weights, (t = cumTable(weights)));
  return t;
}

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
  for (let p = 0; p < n; p++) {
    const i = start + p;
    f.role[p] = chunk.role[i]!;
    f.branch[p] = chunk.branch[i]!;
    f.age[p] = chunk.age[i]!;
    f.scheme[p] = chunk.scheme[i]!;
    f.area[p] = chunk.insuredArea[i]!;
    f.province[p] = chunk.insuredProvince[i]!;
    f.residence[p] = chunk.residenceArea[i]!;
    f.ltc[p] = chunk.ltc[i]!;
    f.gone[p] = 0;
    f.spendable[p] = chunk.balanceFen[i]!;
    f.credit[p] = chunk.monthlyCreditFen[i]!;
    f.contribution[p] = chunk.residentContributionFen[i]!;
    f.contributionMonth[p] = -1;
    f.asSharer[p] = 0;
    f.asBeneficiary[p] = 0;
    f.candidateOf[p] = 0;
    f.changeDay[p] = -1;
    f.changeCount[p] = 0;
  }
  for (let a = 0; a < n; a++) {
    if (!c.sharerOk[f.scheme[a]!]) continue;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const rel = nearRelation(f.role[a]!, f.branch[a]!, f.role[b]!, f.branch[b]!);
      if (rel === null) continue;
      const code = RELATION_CODE[rel];
      if (code < 0 || !c.beneficiaryOk[code * 4 + f.scheme[b]!]) continue;
      const k = f.np++;
      f.pairSharer[k] = a;
      f.pairBeneficiary[k] = b;
      f.pairRelation[k] = code;
      f.pairActive[k] = -1;
      f.candidateOf[b] = f.candidateOf[b]! + 1;
    }
  }
  for (let k = 0; k < f.np; k++) refreshPair(f, k);
  const care = beh.care;
  for (let b = 0; b < n; b++) {
    if (f.candidateOf[b] === 0) continue;
    const age = f.age[b]!;
    const band = age < 15 ? 'child' : age < 60 ? 'adult' : 'older';
    const resident = f.scheme[b] === RESIDENT;
    f.rateOut[b] = care.outpatientPerYear[band] / 12;
    f.ratePharmacy[b] = care.pharmacyPerYear[band] / 12;
    const stays = resident ? care.inpatientRate.resident : care.inpatientRate.employee;
    f.rateStay[b] = (stays * (age >= 60 ? care.inpatientOlderFactor : 1) * care.inpatientShared) / 12;
    const lambda = f.rateOut[b]! + f.ratePharmacy[b]! + f.rateStay[b]!;
    f.noEvent[b] = Math.exp(-lambda);
    f.logNoEvent[b] = -lambda;
  }
  f.nh = 0;
  for (let p = 0; p < n; p++) {
    if (f.scheme[p] !== ACCOUNT) continue;
    f.holders[f.nh++] = p;
    f.ownBillMean[p] = f.credit[p]! * beh.ownSpendingShareOfCredit;
  }
  const months = c.months;
  for (let p = 0; p < n; p++) {
    const care = f.candidateOf[p]! > 0 ? f.waitLog(f.logNoEvent[p]!) : NEVER;
    f.nextCare[p] = care < months ? care : NEVER;
    const inPair = f.candidateOf[p]! > 0 || (c.sharerOk[f.scheme[p]!] === 1 && f.np > 0);
    const change = inPair ? f.waitLog(c.logNoChange[f.age[p]!]!) : NEVER;
    f.nextChange[p] = change < months ? change : NEVER;
  }
}

/** Draws each resident relative's contribution month for the current calendar year. */
function drawContributionMonths(f: FamilyState): void {
  const table = contributionTable(f.ctx.input.behaviour.contributions.monthWeights);
  for (let b = 0; b < f.n; b++) {
    if (f.candidateOf[b] === 0 || f.scheme[b] !== RESIDENT) continue;
    f.contributionMonth[b] = drawFrom(table, f.unit(), f.rest);
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

/** The month's tally: active relationships, sharers, beneficiaries, frozen quota, and the state for the conservation check. */
function tally(f: FamilyState): void {
  let active = 0;
  let quota = 0;
  for (let r = 0; r < f.nr; r++) {
    quota += f.relQuota[r]!;
    active += f.relActive[r]!;
  }
  let sharers = 0;
  let beneficiaries = 0;
  let accounts = 0;
  for (let p = 0; p < f.n; p++) {
    if (f.asSharer[p]! > 0) sharers++;
    if (f.asBeneficiary[p]! > 0) beneficiaries++;
    accounts += f.spendable[p]!;
  }
  f.count(S.active, active);
  f.count(S.sharers, sharers);
  f.count(S.beneficiaries, beneficiaries);
  f.count(f.quotaKind === K.wallet ? S.walletFen : S.quotaFrozenFen, quota);
  const base = f.m * CLASSES.length;
  const st = f.classState;
  st[base + C.accounts] = st[base + C.accounts]! + accounts;
  st[base + f.quotaKind] = st[base + f.quotaKind]! + quota;
}

/** Runs the loaded family through every month of the window. */
export function simulateFamily(f: FamilyState): void {
  const c = f.ctx;
  const capped = (c.input.rules.quotaLimits.monthlyUseCapFen ?? null) !== null;
  for (let m = 0; m < c.months; m++) {
    f.m = m;
    if (capped) for (let p = 0; p < f.n; p++) f.capUsed[p] = 0;
    if (m === 0 || c.calendarMonth[m] === 0) drawContributionMonths(f);
    if (m === 0) {
      openBalances(f);
      startingStock(f);
      for (let k = 0; k < f.np; k++) if (f.pairActive[k] === -1) schedulePair(f, k, 0);
    }
    insuranceChanges(f);
    voluntaryEnds(f);
    credits(f);
    ownSpending(f);
    spontaneousSetUps(f);
    careEvents(f);
    contributions(f);
    tally(f);
  }
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
      role: f.role[p]!,
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
