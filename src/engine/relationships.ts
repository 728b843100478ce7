/**
 * Relationships in the month loop (共济关系): setting them up (R1–R3 through the rules' answers,
 * with uptake that grows with awareness after the wallet arrives), quota choices (R7, R9), ends by
 * choice (R4) and by insurance changes (R6), and the return of unused quota (R10).
 */
import { SchemeCode } from '../population/columns';
import { MAX_FAMILY_SIZE } from '../population/family/parameters';
import { drawFrom } from '../population/random';
import { checkGeography } from '../rules/eligibility';
import { decideQuotaChange } from '../rules/quota';
import { quotaReturn } from '../rules/relationship';
import type { Relationship } from '../rules/types';
import { settle, settleRelationship, touch } from './accounts';
import { scheduleCare } from './payments';
import { GEO_CROSS_PROVINCE, GEO_SAME_AREA, GEO_SAME_PROVINCE, RELATION_CODES } from './prepare';
import { S } from './result';
import { K, NEVER, type FamilyState } from './state';

const R7 = 2;
const R9 = 4;
const R10 = 5;
/** The wait kind of ends by choice (prepare.ts `logStay`). */
const ENDS_BY_CHOICE = 3;

/** How a relationship came about, for the summaries. */
export const SETUP_STOCK = 0;
/** Set up spontaneously in the month. */
export const SETUP_SPONTANEOUS = 1;
/** Set up because a relative had a bill or contribution to pay. */
export const SETUP_ON_NEED = 2;

/** Computes pair k's geography and the first month it may set up a relationship (R1–R3), as its members stand now. */
export function refreshPair(f: FamilyState, k: number): void {
  const c = f.ctx;
  const a = f.pairSharer[k]!;
  const b = f.pairBeneficiary[k]!;
  const eligible =
    !f.gone[a] &&
    !f.gone[b] &&
    c.sharerOk[f.scheme[a]!] === 1 &&
    c.beneficiaryOk[f.pairRelation[k]! * 4 + f.scheme[b]!] === 1;
  placePair(f, k, eligible);
}

/**
 * Sets pair k's geography from its members' areas now and its first open month: never when the
 * pair is not `eligible` (R1, R2) or its geography is closed, from the later wallet across provinces
 * (R3), else at once. loadFamily calls it directly, with the pair just found eligible.
 */
export function placePair(f: FamilyState, k: number, eligible: boolean): void {
  const c = f.ctx;
  const a = f.pairSharer[k]!;
  const b = f.pairBeneficiary[k]!;
  const areaA = f.area[a]!;
  const areaB = f.area[b]!;
  const geo =
    areaA === areaB
      ? GEO_SAME_AREA
      : f.province[a] === f.province[b]
        ? GEO_SAME_PROVINCE
        : GEO_CROSS_PROVINCE;
  f.pairGeo[k] = geo;
  f.pairOpenFrom[k] =
    !eligible || !c.geographyOpen[geo]
      ? NEVER
      : geo === GEO_CROSS_PROVINCE
        ? Math.max(0, c.walletFrom[areaA]!, c.walletFrom[areaB]!)
        : 0;
}

/**
 * Draws the month of pair k's next chance of a spontaneous set-up, from month `from` on: waiting
 * times are geometric at the monthly rate of its geography, so the loop costs nothing between chances
 * (awareness, which can only lower the rate, thins the chances when they come).
 */
export function schedulePair(f: FamilyState, k: number, from: number): void {
  const start = Math.max(from, f.pairOpenFrom[k]!);
  const wait = start < f.ctx.months ? f.waitWithin(f.pairGeo[k]!, f.ctx.months - start) : NEVER;
  const next = wait < NEVER ? start + wait : NEVER;
  f.pairNext[k] = next;
  if (next < f.setUpAt) f.setUpAt = next;
}

/** The geography code of pair k (same pooling area, same province, across provinces). */
export function pairGeography(f: FamilyState, k: number): number {
  return f.pairGeo[k]!;
}

/** Whether pair k could set up a relationship this month (both eligible now, geography open, wallet live). */
export function pairOpen(f: FamilyState, k: number): boolean {
  return f.m >= f.pairOpenFrom[k]!;
}

/** Awareness of pair k's kind of sharing this month: 1 within a province; across provinces it grows after the wallet. */
export function awareness(f: FamilyState, k: number): number {
  if (pairGeography(f, k) !== GEO_CROSS_PROVINCE) return 1;
  const c = f.ctx;
  const months = c.input.behaviour.uptake.awarenessMonths;
  if (months <= 0) return 1;
  const since =
    f.m - Math.max(c.walletFrom[f.area[f.pairSharer[k]!]!]!, c.walletFrom[f.area[f.pairBeneficiary[k]!]!]!);
  return Math.min(1, (since + 1) / months);
}

/**
 * R7 and R9: asks the rules whether relationship r's quota may become `wantFen` and books the change
 * (account → quota or wallet, or back when lowered). Returns whether it was allowed. The sharer's
 * account must be up to date (accounts.ts `touch`).
 */
export function setQuota(f: FamilyState, r: number, wantFen: number): boolean {
  const a = f.pairSharer[f.relPair[r]!]!;
  const day = Math.floor(f.now / 1440);
  const changesToday = f.changeDay[a] === day ? f.changeCount[a]! : 0;
  const rules = f.ctx.input.rules;
  const decision = decideQuotaChange(rules.quotaLimits, rules.quotaModel, {
    currentQuotaFen: f.relQuota[r]!,
    requestedQuotaFen: wantFen,
    spendableFen: f.spendable[a]!,
    changesToday,
    minuteOfDay: f.now - day * 1440,
  });
  if (!decision.ok) {
    f.refuse(decision, a);
    return false;
  }
  const d = decision.deltaFen;
  if (d === 0) return true;
  settle(f, a, f.m);
  settleRelationship(f, r, f.m);
  f.spendable[a] = f.spendable[a]! - d;
  f.relQuota[r] = f.relQuota[r]! + d;
  const rule = f.quotaKind === K.wallet ? R9 : R7;
  if (d > 0) {
    f.post(K.account, a, f.quotaKind, r, d, rule);
    f.count(S.quotaSetFen, d);
    if (f.relGeo[r] === GEO_CROSS_PROVINCE) {
      f.count(S.crossQuotaSets, 1);
      f.count(S.crossQuotaSetFen, d);
    }
  } else {
    f.post(f.quotaKind, r, K.account, a, -d, rule);
    f.count(S.quotaReleasedFen, -d);
  }
  f.changeDay[a] = day;
  f.changeCount[a] = changesToday + 1;
  return true;
}

/** The quota a sharer asks for: a share of the unearmarked balance, within the scenario's limits (R7). */
export function wantedQuota(f: FamilyState, a: number, current: number, extraFen: number): number {
  const q = f.ctx.input.rules.quotaLimits;
  let want = current + Math.min(extraFen, f.spendable[a]!);
  if (q.maxChangeFen !== null) want = Math.min(want, current + q.maxChangeFen);
  if (q.maxQuotaFen !== null) want = Math.min(want, q.maxQuotaFen);
  return Math.max(current, Math.floor(want));
}

/**
 * Sets up a relationship on pair k (R1–R5) and its first quota. The geography is asked of the rules
 * (checkGeography) with the two persons as they are insured now. Returns the relationship, or −1.
 */
export function setUp(f: FamilyState, k: number, how: number): number {
  const c = f.ctx;
  const input = c.input;
  const a = f.pairSharer[k]!;
  const b = f.pairBeneficiary[k]!;
  touch(f, a);
  const pa = f.personA;
  const pb = f.personB;
  pa.poolingArea = input.areaCodes[f.area[a]!]!;
  pa.province = input.provinceCodes[f.province[a]!]!;
  pb.poolingArea = input.areaCodes[f.area[b]!]!;
  pb.province = input.provinceCodes[f.province[b]!]!;
  const refusal = checkGeography(input.rules.geography, pa, pb, c.monthTexts[f.m]!);
  if (refusal) {
    f.refuse(refusal, a);
    return -1;
  }
  if (f.nr === f.relPair.length)
    throw new RangeError(`family ${f.familyIndex} set up too many relationships`);
  const r = f.nr++;
  f.relPair[r] = k;
  f.relQuota[r] = 0;
  f.relSince[r] = f.now;
  f.relActive[r] = 1;
  f.relGeo[r] = f.pairGeo[k]!;
  f.relFrom[r] = f.m;
  const stay = f.waitWithin(ENDS_BY_CHOICE, c.months - f.m - 1);
  f.relEndAt[r] = stay < NEVER ? f.m + 1 + stay : NEVER;
  if (f.relEndAt[r]! < f.endAt) f.endAt = f.relEndAt[r]!;
  f.pairActive[k] = r;
  f.pairNext[k] = NEVER;
  standing(f, 0, 1);
  if (f.asSharer[a] === 0) standing(f, 1, 1);
  if (f.asBeneficiary[b] === 0) standing(f, 2, 1);
  f.asSharer[a] = f.asSharer[a]! + 1;
  f.beneficiaryRels[b * MAX_FAMILY_SIZE + f.asBeneficiary[b]!] = r;
  f.asBeneficiary[b] = f.asBeneficiary[b]! + 1;
  if (f.asBeneficiary[b] === 1) scheduleCare(f, b, f.careFrom);
  f.count(how === SETUP_STOCK ? S.setUpStock : S.setUp, 1);
  if (how === SETUP_ON_NEED) f.count(S.setUpOnNeed, 1);
  const share = input.behaviour.quota.shareOfSpendable;
  const want = wantedQuota(f, a, 0, Math.floor(f.spendable[a]! * share));
  if (want > 0) setQuota(f, r, want);
  return r;
}

/** Counts a change in the month of active relationships (0), sharers (1) or beneficiaries (2). */
function standing(f: FamilyState, what: number, change: number): void {
  const i = f.m * 3 + what;
  f.standingChange[i] = f.standingChange[i]! + change;
}

/** A Relationship record of relationship r, for the rule helpers that take one (traces only). */
function record(f: FamilyState, r: number): Relationship {
  const k = f.relPair[r]!;
  return {
    id: f.relationshipId(r),
    sharerId: f.personId(f.pairSharer[k]!),
    beneficiaryId: f.personId(f.pairBeneficiary[k]!),
    relation: RELATION_CODES[f.pairRelation[k]!]!,
    since: f.relSince[r]!,
    endedAt: null,
    endedBy: null,
  };
}

/** Ends relationship r (R4 or R6) and returns its unused quota to the sharer at once (R10). `field`: the summary cause. */
export function endRelationship(f: FamilyState, r: number, field: number): void {
  const k = f.relPair[r]!;
  const a = f.pairSharer[k]!;
  const b = f.pairBeneficiary[k]!;
  touch(f, a);
  settleRelationship(f, r, f.m);
  const left = f.relQuota[r]!;
  if (f.trace && quotaReturn(record(f, r), left, f.now).length !== (left > 0 ? 1 : 0)) {
    throw new Error('R10: the rules and the engine disagree on what returns');
  }
  if (left > 0) {
    f.relQuota[r] = 0;
    f.spendable[a] = f.spendable[a]! + left;
    f.post(f.quotaKind, r, K.account, a, left, R10);
    f.count(S.quotaReturnedFen, left);
  }
  f.relActive[r] = 0;
  f.relFrom[r] = f.ctx.months;
  f.pairActive[k] = -1;
  standing(f, 0, -1);
  f.asSharer[a] = f.asSharer[a]! - 1;
  dropBeneficiaryRel(f, b, r);
  if (f.asSharer[a] === 0) standing(f, 1, -1);
  if (f.asBeneficiary[b] === 0) {
    standing(f, 2, -1);
    scheduleCare(f, b, f.careFrom);
  }
  f.count(field, 1);
  schedulePair(f, k, f.m + 1);
}

/** Takes relationship r out of beneficiary b's active relationships, keeping the others in order. */
function dropBeneficiaryRel(f: FamilyState, b: number, r: number): void {
  const list = f.beneficiaryRels;
  const base = b * MAX_FAMILY_SIZE;
  const n = f.asBeneficiary[b]!;
  let i = 0;
  while (list[base + i] !== r) i++;
  for (; i < n - 1; i++) list[base + i] = list[base + i + 1]!;
  f.asBeneficiary[b] = n - 1;
}

/** Ends every active relationship in which member p is sharer or beneficiary (R6). */
function endAllOf(f: FamilyState, p: number, field: number): void {
  for (let r = 0; r < f.nr; r++) {
    if (!f.relActive[r]) continue;
    const k = f.relPair[r]!;
    if (f.pairSharer[k] === p || f.pairBeneficiary[k] === p) endRelationship(f, r, field);
  }
}

/** The monthly chance of an insurance change (R6) of member p: death, a move, or leaving insurance. */
export function changeRate(f: FamilyState, p: number): number {
  const e = f.ctx.input.behaviour.ending;
  return f.ctx.deathMonthly[f.age[p]!]! + (e.moveYearly + e.leaveYearly) / 12;
}

/**
 * R6: insurance changes of members who are in a candidate pair, in the month drawn for them: death
 * (survival table), a move of insurance to another pooling area of the province, or leaving basic
 * medical insurance. Every relationship of the member ends; a move opens their pairs again elsewhere.
 */
export function insuranceChanges(f: FamilyState): void {
  const c = f.ctx;
  const e = c.input.behaviour.ending;
  const move = e.moveYearly / 12;
  const model = c.input.model;
  for (let p = 0; p < f.n; p++) {
    if (f.nextChange[p] !== f.m) continue;
    const death = c.deathMonthly[f.age[p]!]!;
    const u = f.unit() * changeRate(f, p);
    touch(f, p);
    f.stampInMonth();
    if (u < death || u >= death + move) {
      endAllOf(f, p, u < death ? S.endedDeath : S.endedLeave);
      f.gone[p] = 1;
      f.scheme[p] = SchemeCode.uninsured;
      f.credit[p] = 0;
      f.nextChange[p] = NEVER;
      f.nextCare[p] = NEVER;
      refreshPairsOf(f, p);
      continue;
    }
    endAllOf(f, p, S.endedMove);
    const wait = f.waitLog(c.logNoChange[f.age[p]!]!);
    f.nextChange[p] = wait < c.months ? f.m + 1 + wait : NEVER;
    const prov = f.province[p]!;
    const areas = model.provinceAreas[prov]!;
    if (areas.length < 2) continue;
    let next = f.area[p]!;
    while (next === f.area[p]) next = areas[drawFrom(model.areaTables[prov]!, f.unit(), f.rest)]!;
    f.area[p] = next;
    f.residence[p] = next;
    refreshPairsOf(f, p);
  }
}

/** After member p's insurance changed: every pair of p gets its geography, opening and next chance again. */
function refreshPairsOf(f: FamilyState, p: number): void {
  for (let k = 0; k < f.np; k++) {
    if (f.pairSharer[k] !== p && f.pairBeneficiary[k] !== p) continue;
    refreshPair(f, k);
    if (f.pairActive[k] === -1) schedulePair(f, k, f.m + 1);
  }
}

/** R4: relationships whose month of ending by choice (drawn when they were set up) has come. */
export function voluntaryEnds(f: FamilyState): void {
  for (let r = 0; r < f.nr; r++) {
    if (!f.relActive[r] || f.relEndAt[r] !== f.m) continue;
    f.stampInMonth();
    endRelationship(f, r, S.endedVoluntary);
  }
}

/** Spontaneous set-ups: pairs whose chance comes this month set up with the probability of awareness. */
export function spontaneousSetUps(f: FamilyState): void {
  const m = f.m;
  for (let k = 0; k < f.np; k++) {
    if (f.pairNext[k] !== m) continue;
    if (f.pairActive[k] === -1 && pairOpen(f, k) && f.unit() < awareness(f, k)) {
      f.stampInMonth();
      if (setUp(f, k, SETUP_SPONTANEOUS) !== -1) continue;
    }
    if (f.pairActive[k] === -1) schedulePair(f, k, m + 1);
  }
}

/** The starting stock: each pair open at the window's start is linked with the initial share of its geography. */
export function startingStock(f: FamilyState): void {
  const shares = f.ctx.input.behaviour.uptake.initialShare;
  for (let k = 0; k < f.np; k++) {
    if (!pairOpen(f, k)) continue;
    const geo = pairGeography(f, k);
    const share =
      geo === GEO_SAME_AREA
        ? shares.samePoolingArea
        : geo === GEO_SAME_PROVINCE
          ? shares.sameProvince
          : shares.crossProvince;
    if (f.unit() >= share * awareness(f, k)) continue;
    f.stampInMonth();
    setUp(f, k, SETUP_STOCK);
  }
}
