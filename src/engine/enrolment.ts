/**
 * Enrolment of uninsured relatives with shared money (因共济参保, R2 and R11): where the scenario
 * opens it, each year a near relative who is not insured and has a sharer is, with the behaviour's
 * `enrolmentUptake`, enrolled in resident insurance in the collection season: the sharer sets up a
 * relationship (R1–R5) with a quota that covers the contribution (R7), the contribution is paid
 * from it (R11, payments.ts) to the collector of the area where the relative lives, and the relative
 * is insured from the next January (insurance.ts `startCoverage`). Layer 6 of family.ts: it sets up
 * relationships and quotas, and is called by the payments.
 */
import { drawFrom } from '../population/random';
import { touch } from './accounts';
import { CONTRIBUTES_ENROLMENT, NEVER as NEVER_EXPORT } from './familyTables';
import { pairOpen, placePair } from './pairs';
import { setQuota, wantedQuota } from './quotas';
import { SETUP_ON_NEED, setUp } from './relationships';
import { ageBand, enrolmentIndex, SUMMARY as SUMMARY_EXPORT } from './result';
import type { FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const NEVER = NEVER_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

/**
 * At the start of a calendar year: which uninsured relatives who may be enrolled (family.ts marks
 * them) will have their contribution paid by a sharer this year, and in which month of the
 * collection season (`contributions.monthWeights`). Call after the year's other contribution months
 * are drawn; a relative already enrolled and waiting for the next year is not drawn again.
 */
export function drawEnrolments(f: FamilyState): void {
  const c = f.ctx;
  const uptake = c.input.behaviour.contributions.enrolmentUptake;
  const members = f.members;
  const schedule = f.schedule;
  for (let b = 0; b < members.count; b++) {
    if (!members.enrolCandidate[b] || members.insuredFrom[b] !== NEVER || members.gone[b]) continue;
    if (f.unit() >= uptake) {
      schedule.contributionMonth[b] = -1;
      continue;
    }
    const month = drawFrom(c.contributionMonthTable, f.unit(), f.unitRest);
    schedule.contributionMonth[b] = month;
    schedule.contributionUses[b] = CONTRIBUTES_ENROLMENT;
    schedule.contributionMonths |= 1 << month;
  }
}

/**
 * Whether pair k could set up a relationship this month if its relative were insured: the pair's
 * geography open and, across provinces, both wallets live (R3). The pair stays closed to
 * spontaneous set-ups afterwards: its relative is not insured yet.
 */
function openForEnrolment(f: FamilyState, k: number): boolean {
  placePair(f, k, true);
  const open = pairOpen(f, k);
  placePair(f, k, false);
  return open;
}

/**
 * Sets up the relationship through which uninsured relative b's contribution of `amountFen` is
 * paid: on the open pair whose sharer has the most unearmarked balance, with a quota raised to cover
 * the contribution as far as the balance allows (R7). Returns false when no sharer can pay (no open
 * pair, or no balance): the relative is then not enrolled this year.
 */
export function setUpForEnrolment(f: FamilyState, b: number, amountFen: number): boolean {
  const c = f.ctx;
  const pairs = f.pairs;
  const members = f.members;
  const spendable = f.accounts.spendable;
  let best = -1;
  for (let k = 0; k < pairs.count; k++) {
    if (pairs.beneficiary[k] !== b || pairs.relationship[k] !== -1) continue;
    const a = pairs.sharer[k]!;
    if (members.gone[a] || !c.sharerOk[members.scheme[a]!] || !openForEnrolment(f, k)) continue;
    touch(f, a);
    if (best === -1 || spendable[a]! > spendable[pairs.sharer[best]!]!) best = k;
  }
  if (best === -1 || !(spendable[pairs.sharer[best]!]! > 0)) return false;
  const r = setUp(f, best, SETUP_ON_NEED);
  if (r === -1) return false;
  const quota = f.relationships.quota[r]!;
  if (quota < amountFen) {
    const want = wantedQuota(f, pairs.sharer[best]!, quota, amountFen - quota);
    if (want > quota) setQuota(f, r, want);
  }
  return true;
}

/**
 * Counts relative b as insured thanks to sharing (by the area they enrol in and their age band) and
 * makes them insured from the next January, when insurance.ts `startCoverage` opens their pairs.
 */
export function enrolled(f: FamilyState, b: number): void {
  const c = f.ctx;
  f.count(SUMMARY.enrolled, 1);
  const i = enrolmentIndex(f.members.area[b]!, ageBand(f.members.age[b]!));
  f.totals.enrolments[i] = f.totals.enrolments[i]! + 1;
  const from = f.m + 12 - c.calendarMonth[f.m]!;
  f.members.insuredFrom[b] = from;
  if (from < f.schedule.coverageAt) f.schedule.coverageAt = from;
}
