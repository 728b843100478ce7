/**
 * When events come next (事件日程): rare events are drawn as geometric waiting times (a member's
 * next month with care events, a pair's next chance to set up), so their cost grows with events, not
 * with idle months. A wait is first compared with the chance of no event in the months left (a table
 * per run), so the many that fall after the window cost one draw and no logarithm. (A member's first
 * insurance change is drawn when the family is loaded: family.ts.)
 */
import { CARE as CARE_EXPORT, careRow, noCareIndex } from './prepare';
import { NEVER as NEVER_EXPORT } from './familyTables';
import type { FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const CARE = CARE_EXPORT;
const NEVER = NEVER_EXPORT;

/**
 * Draws the next month with care events of relative b from month `from` on, at the rate of b's
 * status: every event when b has a relationship, only those that may set one up on need when not.
 * Called again whenever the status changes (the waits are memoryless).
 */
export function scheduleCare(f: FamilyState, b: number, from: number): void {
  const c = f.ctx;
  const months = c.months;
  if (f.members.candidatePairs[b] === 0 || f.members.gone[b] || from >= months) {
    f.schedule.nextCare[b] = NEVER;
    return;
  }
  const linked = f.relationships.asBeneficiary[b]! > 0 ? 1 : 0;
  const careClass = f.members.careClass[b]!;
  const log = c.careRates[careRow(careClass) + (linked ? CARE.logNone : CARE.logNoneThinned)]!;
  if (!(log < 0)) {
    f.schedule.nextCare[b] = NEVER;
    return;
  }
  // No event at all in the months left? Then no logarithm is needed (the same geometric wait).
  const stay = 1 - f.unit();
  const none = c.careNone[noCareIndex(careClass, linked, months - from, months)]!;
  const next = stay > none ? from + Math.floor(Math.log(stay) / log) : NEVER;
  f.schedule.nextCare[b] = next;
  if (next < f.schedule.careAt) f.schedule.careAt = next;
}

/**
 * Draws the month of pair k's next chance of a spontaneous set-up, from month `from` on: waiting
 * times are geometric at the monthly rate of its geography, so the loop costs nothing between chances
 * (awareness, which can only lower the rate, thins the chances when they come).
 */
export function schedulePair(f: FamilyState, k: number, from: number): void {
  const months = f.ctx.months;
  const start = Math.max(from, f.pairs.openFrom[k]!);
  const wait = start < months ? f.waitWithin(f.pairs.geography[k]!, months - start) : NEVER;
  const next = wait < NEVER ? start + wait : NEVER;
  f.pairs.nextChance[k] = next;
  if (next < f.schedule.setUpAt) f.schedule.setUpAt = next;
}
