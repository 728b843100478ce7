/**
 * Relationships in the month loop (共济关系): setting them up (R1–R3 through the rules' answers,
 * with uptake that grows with awareness after the wallet arrives) with their first quota (R7, R9),
 * ends by choice (R4) or by an insurance change (R6, insurance.ts), and the return of unused quota
 * (R10). The counts of who stands in a relationship change here and nowhere else.
 */
import { checkGeography } from '../rules/eligibility';
import { quotaReturn } from '../rules/relationship';
import type { Relationship } from '../rules/types';
import { touch } from './accounts';
import { GEO_SAME_AREA, GEO_SAME_PROVINCE, RELATION_CODES } from './codes';
import { beneficiarySlot, NEVER as NEVER_EXPORT } from './familyTables';
import { settleQuota } from './monthEnd';
import { awareness, pairOpen } from './pairs';
import { setQuota, wantedQuota } from './quotas';
import { SUMMARY as SUMMARY_EXPORT } from './result';
import { scheduleCare, schedulePair } from './schedules';
import { ACCOUNT_KIND as ACCOUNT_KIND_EXPORT, type FamilyState } from './state';
import { STANDING as STANDING_EXPORT } from './totals';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const ACCOUNT_KIND = ACCOUNT_KIND_EXPORT;
const NEVER = NEVER_EXPORT;
const STANDING = STANDING_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

/** The wait kind of ends by choice (prepare.ts `logStay`). */
const ENDS_BY_CHOICE = 3;

/** How a relationship came about, for the summaries: standing when the window starts. */
export const SETUP_STOCK = 0;
/** Set up spontaneously in the month. */
export const SETUP_SPONTANEOUS = 1;
/** Set up because a relative had a bill or contribution to pay. */
export const SETUP_ON_NEED = 2;

/**
 * Sets up a relationship on pair k (R1–R5) and its first quota. The geography is asked of the rules
 * (checkGeography) with the two persons as they are insured now. Returns the relationship, or −1.
 */
export function setUp(f: FamilyState, k: number, how: number): number {
  const c = f.ctx;
  const input = c.input;
  const a = f.pairs.sharer[k]!;
  const b = f.pairs.beneficiary[k]!;
  touch(f, a);
  const pa = f.personA;
  const pb = f.personB;
  pa.poolingArea = input.areaCodes[f.members.area[a]!]!;
  pa.province = input.provinceCodes[f.members.province[a]!]!;
  pb.poolingArea = input.areaCodes[f.members.area[b]!]!;
  pb.province = input.provinceCodes[f.members.province[b]!]!;
  const refusal = checkGeography(input.rules.geography, pa, pb, c.monthTexts[f.m]!);
  if (refusal) {
    f.refuse(refusal, a);
    return -1;
  }
  const rels = f.relationships;
  if (rels.count === rels.pair.length)
    throw new RangeError(`family ${f.familyIndex} set up too many relationships`);
  const r = rels.count++;
  rels.pair[r] = k;
  rels.quota[r] = 0;
  rels.since[r] = f.now;
  rels.active[r] = 1;
  rels.geography[r] = f.pairs.geography[k]!;
  rels.settledFrom[r] = f.m;
  const stay = f.waitWithin(ENDS_BY_CHOICE, c.months - f.m - 1);
  const endAt = stay < NEVER ? f.m + 1 + stay : NEVER;
  f.relationships.endAt[r] = endAt;
  if (endAt < f.schedule.endAt) f.schedule.endAt = endAt;
  f.pairs.relationship[k] = r;
  f.pairs.nextChance[k] = NEVER;
  f.changeStanding(STANDING.relationships, 1);
  if (f.relationships.asSharer[a] === 0) f.changeStanding(STANDING.sharers, 1);
  if (f.relationships.asBeneficiary[b] === 0) f.changeStanding(STANDING.beneficiaries, 1);
  f.relationships.asSharer[a] = f.relationships.asSharer[a]! + 1;
  const linked = f.relationships.asBeneficiary[b]!;
  f.relationships.ofBeneficiary[beneficiarySlot(b, linked)] = r;
  f.relationships.asBeneficiary[b] = linked + 1;
  if (linked === 0) scheduleCare(f, b, f.schedule.careFrom);
  f.count(how === SETUP_STOCK ? SUMMARY.setUpStock : SUMMARY.setUp, 1);
  if (how === SETUP_ON_NEED) f.count(SUMMARY.setUpOnNeed, 1);
  const share = input.behaviour.quota.shareOfSpendable;
  const want = wantedQuota(f, a, 0, Math.floor(f.accounts.spendable[a]! * share));
  if (want > 0) setQuota(f, r, want);
  return r;
}

/** A Relationship record of relationship r, for the rule helpers that take one (traces only). */
function record(f: FamilyState, r: number): Relationship {
  const pairs = f.pairs;
  const k = f.relationships.pair[r]!;
  return {
    id: f.relationshipId(r),
    sharerId: f.personId(pairs.sharer[k]!),
    beneficiaryId: f.personId(pairs.beneficiary[k]!),
    relation: RELATION_CODES[pairs.relation[k]!]!,
    since: f.relationships.since[r]!,
    endedAt: null,
    endedBy: null,
  };
}

/** Ends relationship r (R4 or R6) and returns its unused quota to the sharer at once (R10). `field`: the summary cause. */
export function endRelationship(f: FamilyState, r: number, field: number): void {
  const k = f.relationships.pair[r]!;
  const a = f.pairs.sharer[k]!;
  const b = f.pairs.beneficiary[k]!;
  touch(f, a);
  settleQuota(f, r, f.m);
  const left = f.relationships.quota[r]!;
  if (f.trace && quotaReturn(record(f, r), left, f.now).length !== (left > 0 ? 1 : 0)) {
    throw new Error('R10: the rules and the engine disagree on what returns');
  }
  if (left > 0) {
    f.relationships.quota[r] = 0;
    f.accounts.spendable[a] = f.accounts.spendable[a]! + left;
    f.post(f.quotaKind, r, ACCOUNT_KIND.account, a, left, 'R10');
    f.count(SUMMARY.quotaReturnedFen, left);
  }
  f.relationships.active[r] = 0;
  f.relationships.settledFrom[r] = f.ctx.months;
  f.pairs.relationship[k] = -1;
  f.changeStanding(STANDING.relationships, -1);
  f.relationships.asSharer[a] = f.relationships.asSharer[a]! - 1;
  dropBeneficiaryRelationship(f, b, r);
  if (f.relationships.asSharer[a] === 0) f.changeStanding(STANDING.sharers, -1);
  if (f.relationships.asBeneficiary[b] === 0) {
    f.changeStanding(STANDING.beneficiaries, -1);
    scheduleCare(f, b, f.schedule.careFrom);
  }
  f.count(field, 1);
  schedulePair(f, k, f.m + 1);
}

/** Takes relationship r out of beneficiary b's active relationships, keeping the others in order. */
function dropBeneficiaryRelationship(f: FamilyState, b: number, r: number): void {
  const rels = f.relationships;
  const list = rels.ofBeneficiary;
  const n = rels.asBeneficiary[b]!;
  let i = 0;
  while (list[beneficiarySlot(b, i)] !== r) i++;
  for (; i < n - 1; i++) list[beneficiarySlot(b, i)] = list[beneficiarySlot(b, i + 1)]!;
  rels.asBeneficiary[b] = n - 1;
}

/** R4: relationships whose month of ending by choice (drawn when they were set up) has come. */
export function voluntaryEnds(f: FamilyState): void {
  for (let r = 0; r < f.relationships.count; r++) {
    if (!f.relationships.active[r] || f.relationships.endAt[r] !== f.m) continue;
    f.stampInMonth();
    endRelationship(f, r, SUMMARY.endedVoluntary);
  }
}

/** Spontaneous set-ups: pairs whose chance comes this month set up with the probability of awareness. */
export function spontaneousSetUps(f: FamilyState): void {
  const m = f.m;
  for (let k = 0; k < f.pairs.count; k++) {
    if (f.pairs.nextChance[k] !== m) continue;
    if (f.pairs.relationship[k] === -1 && pairOpen(f, k) && f.unit() < awareness(f, k)) {
      f.stampInMonth();
      if (setUp(f, k, SETUP_SPONTANEOUS) !== -1) continue;
    }
    if (f.pairs.relationship[k] === -1) schedulePair(f, k, m + 1);
  }
}

/** The starting stock: each pair open at the window's start is linked with the initial share of its geography. */
export function startingStock(f: FamilyState): void {
  const shares = f.ctx.input.behaviour.uptake.initialShare;
  for (let k = 0; k < f.pairs.count; k++) {
    if (!pairOpen(f, k)) continue;
    const geo = f.pairs.geography[k]!;
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
