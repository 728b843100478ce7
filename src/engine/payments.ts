/**
 * Relatives' payments in the month loop (每月资金): bills and contributions paid in the order of R12
 * with shared quotas (R11), with the monthly cap where a scenario sets one. The split of each bill is
 * asked of the rules. (Credits and own spending: accounts.ts.)
 */
import { SchemeCode } from '../population/columns';
import { MAX_FAMILY_SIZE } from '../population/family/parameters';
import { roundHalfUp } from '../population/random';
import {
  capQuotas,
  checkMonthlyCap,
  splitPaymentInto,
  type QuotaSource,
  type SplitInto,
} from '../rules/payment';
import { settleRelationship, touch } from './accounts';
import {
  awareness,
  pairGeography,
  pairOpen,
  setQuota,
  setUp,
  SETUP_ON_NEED,
  wantedQuota,
} from './relationships';
import { CARE, USE_LTC, USE_MEDICAL, USE_PHARMACY, USE_RESIDENT } from './prepare';
import { FEN_AT, S, TIMES_AT } from './result';
import { CONTRIBUTES_LTC, CONTRIBUTES_RESIDENT, K, NEVER, type FamilyState } from './state';

const R11 = 6;
const R12 = 7;
const ACCOUNT = SchemeCode.employeeAccount;

/** Lists of n quota sources, reused from bill to bill (the rules only read them). */
const sourceLists: QuotaSource[][] = [];
function sourcesOf(n: number): QuotaSource[] {
  return (sourceLists[n] ??= Array.from({ length: n }, () => ({ availableFen: 0, since: 0 })));
}
const relOf = new Int32Array(4096);
/** The split of the bill being paid, reused from bill to bill. */
const split: SplitInto = { ownFen: 0, cashFen: 0, quotaFen: new Float64Array(4096) };

/** On need: the open pair to relative b whose sharer has the most unearmarked balance, or −1. */
function bestPairFor(f: FamilyState, b: number): number {
  let best = -1;
  for (let k = 0; k < f.np; k++) {
    if (f.pairBeneficiary[k] !== b || f.pairActive[k] !== -1 || !pairOpen(f, k)) continue;
    touch(f, f.pairSharer[k]!);
    if (best === -1 || f.spendable[f.pairSharer[k]!]! > f.spendable[f.pairSharer[best]!]!) best = k;
  }
  return best;
}

/**
 * A bill or contribution of `amount` fen of relative b for `use`, paid in pooling area `place`:
 * R11 (use open?), a relationship set up on need when none stands (`thinned`: the chance of that was
 * already drawn with the event), a quota top-up when the quotas fall short, the monthly cap, then
 * the split of R12: own account, quotas, cash.
 */
export function pay(
  f: FamilyState,
  b: number,
  use: number,
  amount: number,
  place: number,
  thinned = false,
): void {
  const c = f.ctx;
  const input = c.input;
  const beh = input.behaviour;
  const refusal = c.useRefusal[(use * 4 + f.scheme[b]!) * 2 + f.ltc[b]!];
  if (f.asBeneficiary[b] === 0 && refusal) return;
  f.stampInMonth();
  if (refusal) {
    f.refuse(refusal, b);
    return;
  }
  if (f.asBeneficiary[b] === 0) {
    if (!thinned && f.unit() >= beh.uptake.onNeed) return;
    const k = bestPairFor(f, b);
    if (k === -1 || f.unit() >= awareness(f, k)) return;
    if (setUp(f, k, SETUP_ON_NEED) === -1) return;
  }
  const capFen = input.rules.quotaLimits.monthlyUseCapFen ?? null;
  const capRefusal = checkMonthlyCap(capFen, f.capUsed[b]!);
  if (capRefusal) {
    f.refuse(capRefusal, b);
    return;
  }
  f.count(S.bills, 1);
  touch(f, b);
  const own = f.scheme[b] === ACCOUNT ? f.spendable[b]! : 0;
  // b's active relationships, oldest first (state.ts `beneficiaryRels`).
  const n = f.asBeneficiary[b]!;
  const base = b * MAX_FAMILY_SIZE;
  let quotas = 0;
  for (let i = 0; i < n; i++) {
    const r = f.beneficiaryRels[base + i]!;
    relOf[i] = r;
    touch(f, f.pairSharer[f.relPair[r]!]!);
    quotas += f.relQuota[r]!;
  }
  const oldest = n > 0 ? relOf[0]! : -1;
  if (own + quotas < amount && oldest !== -1 && f.unit() < beh.quota.topUp) {
    const a = f.pairSharer[f.relPair[oldest]!]!;
    const want = wantedQuota(f, a, f.relQuota[oldest]!, amount - own - quotas);
    if (want > f.relQuota[oldest]!) setQuota(f, oldest, want);
  }
  const sources = sourcesOf(n);
  for (let i = 0; i < n; i++) {
    const q = sources[i]!;
    q.availableFen = f.relQuota[relOf[i]!]!;
    q.since = f.relSince[relOf[i]!]!;
  }
  const order = input.rules.paymentOrder;
  const drawable = capFen === null ? sources : capQuotas(order.quotaOrder, sources, capFen - f.capUsed[b]!);
  splitPaymentInto(order, amount, own, drawable, n, split);
  const payee = use * input.areaCount + place;
  if (split.ownFen > 0) {
    f.spendable[b] = f.spendable[b]! - split.ownFen;
    f.post(K.account, b, K.payee, payee, split.ownFen, R12);
    f.count(S.beneficiaryOwnFen, split.ownFen);
  }
  for (let i = 0; i < n; i++) {
    const fen = split.quotaFen[i]!;
    if (fen <= 0) continue;
    const r = relOf[i]!;
    const k = f.relPair[r]!;
    settleRelationship(f, r, f.m);
    f.relQuota[r] = f.relQuota[r]! - fen;
    f.post(f.quotaKind, r, K.payee, payee, fen, R11);
    f.flows.add(f.m, f.area[f.pairSharer[k]!]!, place, use, fen);
    const geo = pairGeography(f, k);
    f.count(S.personTimes, 1);
    f.count(S.sharedFen, fen);
    f.countBeneficiary(b, fen);
    f.count(TIMES_AT + geo * 4 + use, 1);
    f.count(FEN_AT + geo * 4 + use, fen);
    f.capUsed[b] = f.capUsed[b]! + fen;
  }
  if (split.cashFen > 0) {
    f.post(K.cash, b, K.payee, payee, split.cashFen, R12);
    f.count(S.beneficiaryCashFen, split.cashFen);
  }
}

/**
 * Draws the next month with care events of relative b from month `from` on, at the rate of b's
 * status: every event when b has a relationship, only those that may set one up on need when not.
 * Called again whenever the status changes (the waits are memoryless).
 */
export function scheduleCare(f: FamilyState, b: number, from: number): void {
  const months = f.ctx.months;
  if (f.candidateOf[b] === 0 || f.gone[b] || from >= months) {
    f.nextCare[b] = NEVER;
    return;
  }
  const linked = f.asBeneficiary[b]! > 0 ? 1 : 0;
  const log = f.ctx.careRates[f.careClass[b]! * CARE.fields + (linked ? CARE.logNone : CARE.logNoneThinned)]!;
  if (!(log < 0)) {
    f.nextCare[b] = NEVER;
    return;
  }
  // No event at all in the months left? Then no logarithm is needed (the same geometric wait).
  const stay = 1 - f.unit();
  const none = f.ctx.careNone[(f.careClass[b]! * 2 + linked) * (months + 1) + months - from]!;
  const next = stay > none ? from + Math.floor(Math.log(stay) / log) : NEVER;
  f.nextCare[b] = next;
  if (next < f.careAt) f.careAt = next;
}

/** Number of events of a Poisson count with mean `lambda`, by inversion from the uniform u (P(0) = p0). */
function poisson(lambda: number, p0: number, u: number): number {
  let k = 0;
  let term = p0;
  let cdf = p0;
  while (u >= cdf && k < 50) {
    k++;
    term *= lambda / k;
    cdf += term;
  }
  return k;
}

/**
 * Care events for every relative who has a possible sharer: outpatient bills, pharmacy purchases and
 * shared hospital stays, Poisson each month; the months with events are drawn as geometric waits.
 * A relative with no relationship only has the events that could lead to one set up on need
 * (`uptake.onNeed` of them: the Poisson process thinned), so the others cost nothing.
 */
export function careEvents(f: FamilyState): void {
  const c = f.ctx;
  const pharmacyFen = c.input.behaviour.care.pharmacyCostFen;
  const small = c.smallBill;
  const stay = c.stayCost;
  const rates = c.careRates;
  const m = f.m;
  for (let b = 0; b < f.n; b++) {
    if (f.nextCare[b] !== m) continue;
    const linked = f.asBeneficiary[b]! > 0;
    // The member's care class's rates (prepare.ts `careRates`).
    const at = f.careClass[b]! * CARE.fields;
    const p0 = linked ? rates[at + CARE.none]! : rates[at + CARE.noneThinned]!;
    const out = rates[at + CARE.outpatient]!;
    const ph = rates[at + CARE.pharmacy]!;
    const total = out + ph + rates[at + CARE.stay]!;
    // At least one event this month: the Poisson count conditioned on being positive.
    const lambda = linked ? total : total * c.input.behaviour.uptake.onNeed;
    const events = poisson(lambda, p0, p0 + f.unit() * (1 - p0));
    for (let e = 0; e < events; e++) {
      const v = f.unit() * total;
      const cell = f.st.u32() >>> 20;
      if (v < out) {
        const fen = roundHalfUp(c.outpatientOwnFen * small[cell]!);
        if (fen > 0) pay(f, b, USE_MEDICAL, fen, f.residence[b]!, true);
      } else if (v < out + ph) {
        const fen = roundHalfUp(pharmacyFen * small[cell]!);
        if (fen > 0) pay(f, b, USE_PHARMACY, fen, f.residence[b]!, true);
      } else {
        const own = c.stayOwnFen[f.scheme[b] === SchemeCode.resident ? 1 : 0]!;
        const fen = roundHalfUp(own * stay[cell]!);
        if (fen > 0) pay(f, b, USE_MEDICAL, fen, f.residence[b]!, true);
      }
    }
    scheduleCare(f, b, m + 1);
  }
}

/**
 * Resident and long-term-care contributions due this calendar month that the year's draw gave to
 * shared money (family.ts `drawContributionMonths`), each paid by {@link pay}.
 */
export function contributions(f: FamilyState): void {
  const c = f.ctx;
  const month = c.calendarMonth[f.m]!;
  for (let b = 0; b < f.n; b++) {
    if (f.contributionMonth[b] !== month || f.gone[b]) continue;
    const uses = f.contributionUses[b]!;
    if (uses & CONTRIBUTES_RESIDENT) pay(f, b, USE_RESIDENT, f.contribution[b]!, f.area[b]!);
    if (uses & CONTRIBUTES_LTC) pay(f, b, USE_LTC, c.input.behaviour.contributions.ltcYearlyFen, f.area[b]!);
  }
}
