/**
 * Insurance changes (参保变动, R6) of members who are in a candidate pair: death (from the
 * population model's survival curve), a move of insurance to another pooling area of the province
 * (only where it has more than one: not in Beijing, Tianjin, Shanghai or Chongqing), or leaving
 * basic medical insurance. Every relationship of the member ends (with its unused quota
 * returned, R10); after a move the member's pairs open again from the new place. And the start of
 * coverage of relatives enrolled with shared money (R2): resident insured from the next January.
 */
import { SchemeCode } from '../population/columns';
import { drawFrom } from '../population/random';
import { touch } from './accounts';
import { NEVER as NEVER_EXPORT } from './familyTables';
import { careClassOf, changeIndex, relativeIndex } from './prepare';
import { refreshPair } from './pairs';
import { endRelationship } from './relationships';
import { SUMMARY as SUMMARY_EXPORT } from './result';
import { scheduleCare, schedulePair } from './schedules';
import type { FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const NEVER = NEVER_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

const RESIDENT = SchemeCode.resident;

/** The monthly chance that member p's insurance moves (R6): none in a province of one pooling area. */
function moveRate(f: FamilyState, p: number): number {
  return f.ctx.canMove[f.members.province[p]!] ? f.ctx.input.behaviour.ending.moveYearly / 12 : 0;
}

/** The monthly chance of an insurance change (R6) of member p: death, a move, or leaving insurance. */
export function changeRate(f: FamilyState, p: number): number {
  const e = f.ctx.input.behaviour.ending;
  return f.ctx.deathMonthly[f.members.age[p]!]! + moveRate(f, p) + e.leaveYearly / 12;
}

/** Ends every active relationship in which member p is sharer or beneficiary (R6). `field`: the summary cause. */
function endAllOf(f: FamilyState, p: number, field: number): void {
  for (let r = 0; r < f.relationships.count; r++) {
    if (!f.relationships.active[r]) continue;
    const k = f.relationships.pair[r]!;
    if (f.pairs.sharer[k] === p || f.pairs.beneficiary[k] === p) endRelationship(f, r, field);
  }
}

/** After member p's insurance changed: every pair of p gets its geography, opening and next chance again. */
function refreshPairsOf(f: FamilyState, p: number): void {
  for (let k = 0; k < f.pairs.count; k++) {
    if (f.pairs.sharer[k] !== p && f.pairs.beneficiary[k] !== p) continue;
    refreshPair(f, k);
    if (f.pairs.relationship[k] === -1) schedulePair(f, k, f.m + 1);
  }
}

/**
 * R2: relatives enrolled with shared money (enrolment.ts) whose coverage year begins this month
 * become resident insured in the area they enrolled in: their pairs open as any insured relative's,
 * their care and their insurance changes (R6) are drawn from now on, and their own contribution is
 * due again each year.
 */
export function startCoverage(f: FamilyState): void {
  const c = f.ctx;
  const m = f.m;
  const members = f.members;
  const pairs = f.pairs;
  let next = NEVER;
  for (let b = 0; b < members.count; b++) {
    const from = members.insuredFrom[b]!;
    if (from > m) {
      if (from < next) next = from;
      continue;
    }
    members.insuredFrom[b] = NEVER;
    members.enrolCandidate[b] = 0;
    members.scheme[b] = SchemeCode.resident;
    members.contributionFen[b] = c.enrolmentFen;
    members.ltc[b] = c.input.model.ltcArea[members.area[b]!]!;
    let candidates = 0;
    for (let k = 0; k < pairs.count; k++) {
      if (pairs.beneficiary[k] !== b) continue;
      refreshPair(f, k);
      if (!c.beneficiaryOk[relativeIndex(pairs.relation[k]!, RESIDENT)]) continue;
      candidates++;
      if (pairs.relationship[k] === -1) schedulePair(f, k, m);
    }
    members.candidatePairs[b] = candidates;
    const age = members.age[b]!;
    members.careClass[b] = careClassOf(age < 15 ? 0 : age < 60 ? 1 : 2, 1);
    scheduleCare(f, b, m);
    const wait = f.waitLog(c.logNoChange[changeIndex(c.canMove[members.province[b]!]!, age)]!);
    f.schedule.nextChange[b] = wait < c.months - m ? m + wait : NEVER;
  }
  f.schedule.coverageAt = next;
}

/**
 * R6: insurance changes of members who are in a candidate pair, in the month drawn for them: death
 * (survival table), a move of insurance to another pooling area of the province, or leaving basic
 * medical insurance. Every relationship of the member ends; a move opens their pairs again elsewhere.
 */
export function insuranceChanges(f: FamilyState): void {
  const c = f.ctx;
  const model = c.input.model;
  for (let p = 0; p < f.members.count; p++) {
    if (f.schedule.nextChange[p] !== f.m) continue;
    const death = c.deathMonthly[f.members.age[p]!]!;
    const move = moveRate(f, p);
    const u = f.unit() * changeRate(f, p);
    touch(f, p);
    f.stampInMonth();
    if (u < death || u >= death + move) {
      endAllOf(f, p, u < death ? SUMMARY.endedDeath : SUMMARY.endedLeave);
      f.members.gone[p] = 1;
      f.members.scheme[p] = SchemeCode.uninsured;
      f.accounts.credit[p] = 0;
      f.schedule.nextChange[p] = NEVER;
      f.schedule.nextCare[p] = NEVER;
      refreshPairsOf(f, p);
      continue;
    }
    endAllOf(f, p, SUMMARY.endedMove);
    const province = f.members.province[p]!;
    const wait = f.waitLog(c.logNoChange[changeIndex(c.canMove[province]!, f.members.age[p]!)]!);
    f.schedule.nextChange[p] = wait < c.months ? f.m + 1 + wait : NEVER;
    // Only reached where the province has another pooling area (moveRate is 0 elsewhere).
    const areas = model.provinceAreas[province]!;
    const current = f.members.area[p]!;
    let next = current;
    while (next === current) next = areas[drawFrom(model.areaTables[province]!, f.unit(), f.unitRest)]!;
    f.members.area[p] = next;
    f.members.residence[p] = next;
    refreshPairsOf(f, p);
  }
}
