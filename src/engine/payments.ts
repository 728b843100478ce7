/**
 * Relatives' payments in the month loop (每月资金): care events (outpatient bills, pharmacy
 * purchases and shared hospital stays) and contributions, each paid in the order of R12 with shared
 * quotas (R11), with the monthly cap where a scenario sets one. The split of each bill is asked of
 * the rules. (Credits and own spending: accounts.ts.)
 */
import { SchemeCode } from '../population/columns';
import { roundHalfUp } from '../population/random';
import {
  capQuotas,
  checkMonthlyCap,
  splitPaymentInto,
  type QuotaSource,
  type SplitInto,
} from '../rules/payment';
import { touch } from './accounts';
import { USE_LTC, USE_MEDICAL, USE_PHARMACY, USE_RESIDENT } from './codes';
import { enrolled, setUpForEnrolment } from './enrolment';
import {
  beneficiarySlot,
  CONTRIBUTES_ENROLMENT,
  CONTRIBUTES_LTC,
  CONTRIBUTES_RESIDENT,
  MAX_RELATIONSHIPS,
} from './familyTables';
import { settleQuota } from './monthEnd';
import { awareness, pairOpen } from './pairs';
import { CARE as CARE_EXPORT, careRow, useRefusalIndex } from './prepare';
import { setQuota, wantedQuota } from './quotas';
import { SETUP_ON_NEED, setUp } from './relationships';
import { SUMMARY as SUMMARY_EXPORT } from './result';
import { scheduleCare } from './schedules';
import { ACCOUNT_KIND as ACCOUNT_KIND_EXPORT, type FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const ACCOUNT_KIND = ACCOUNT_KIND_EXPORT;
const CARE = CARE_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

const EMPLOYEE_ACCOUNT = SchemeCode.employeeAccount;

/** Lists of n quota sources, reused from bill to bill (the rules only read them). */
const sourceLists: QuotaSource[][] = [];
function sourcesOf(n: number): QuotaSource[] {
  return (sourceLists[n] ??= Array.from({ length: n }, () => ({ availableFen: 0, since: 0 })));
}
/** The relationships of the bill being paid, in the order of its quota sources. */
const billRelationships = new Int32Array(MAX_RELATIONSHIPS);
/** The split of the bill being paid, reused from bill to bill. */
const split: SplitInto = { ownFen: 0, cashFen: 0, quotaFen: new Float64Array(MAX_RELATIONSHIPS) };

/** On need: the open pair to relative b whose sharer has the most unearmarked balance, or −1. */
function bestPairFor(f: FamilyState, b: number): number {
  let best = -1;
  for (let k = 0; k < f.pairs.count; k++) {
    if (f.pairs.beneficiary[k] !== b || f.pairs.relationship[k] !== -1 || !pairOpen(f, k)) continue;
    touch(f, f.pairs.sharer[k]!);
    const spendable = f.accounts.spendable;
    if (best === -1 || spendable[f.pairs.sharer[k]!]! > spendable[f.pairs.sharer[best]!]!) best = k;
  }
  return best;
}

/**
 * A bill or contribution of `amount` fen of relative b for `use`, paid in pooling area `place`:
 * R11 and R2 (use open for b?), a relationship set up on need when none stands (`thinned`: the
 * chance of that was already drawn with the event; `enrolment`: the contribution that enrols an
 * uninsured b, whose sharer sets one up for it, enrolment.ts), a quota top-up when the quotas fall
 * short, the monthly cap, then the split of R12: own account, quotas, cash. Returns the fen paid
 * from quotas.
 */
function pay(
  f: FamilyState,
  b: number,
  use: number,
  amount: number,
  place: number,
  thinned = false,
  enrolment = false,
): number {
  const c = f.ctx;
  const input = c.input;
  const beh = input.behaviour;
  const refusal = c.useRefusal[useRefusalIndex(use, f.members.scheme[b]!, f.members.ltc[b]!)];
  if (f.relationships.asBeneficiary[b] === 0 && refusal) return 0;
  f.stampInMonth();
  if (refusal) {
    f.refuse(refusal, b);
    return 0;
  }
  if (f.relationships.asBeneficiary[b] === 0) {
    if (enrolment) {
      if (!setUpForEnrolment(f, b, amount)) return 0;
    } else {
      if (!thinned && f.unit() >= beh.uptake.onNeed) return 0;
      const k = bestPairFor(f, b);
      if (k === -1 || f.unit() >= awareness(f, k)) return 0;
      if (setUp(f, k, SETUP_ON_NEED) === -1) return 0;
    }
  }
  const capFen = input.rules.quotaLimits.monthlyUseCapFen ?? null;
  const capRefusal = checkMonthlyCap(capFen, f.members.capUsedFen[b]!);
  if (capRefusal) {
    f.refuse(capRefusal, b);
    return 0;
  }
  f.count(SUMMARY.bills, 1);
  touch(f, b);
  const own = f.members.scheme[b] === EMPLOYEE_ACCOUNT ? f.accounts.spendable[b]! : 0;
  // b's active relationships, oldest first (familyTables.ts `ofBeneficiary`).
  const n = f.relationships.asBeneficiary[b]!;
  let quotas = 0;
  for (let i = 0; i < n; i++) {
    const r = f.relationships.ofBeneficiary[beneficiarySlot(b, i)]!;
    billRelationships[i] = r;
    touch(f, f.pairs.sharer[f.relationships.pair[r]!]!);
    quotas += f.relationships.quota[r]!;
  }
  const oldest = n > 0 ? billRelationships[0]! : -1;
  if (own + quotas < amount && oldest !== -1 && f.unit() < beh.quota.topUp) {
    const quota = f.relationships.quota[oldest]!;
    const want = wantedQuota(f, f.pairs.sharer[f.relationships.pair[oldest]!]!, quota, amount - own - quotas);
    if (want > quota) setQuota(f, oldest, want);
  }
  const sources = sourcesOf(n);
  for (let i = 0; i < n; i++) {
    const q = sources[i]!;
    q.availableFen = f.relationships.quota[billRelationships[i]!]!;
    q.since = f.relationships.since[billRelationships[i]!]!;
  }
  const order = input.rules.paymentOrder;
  const drawable =
    capFen === null ? sources : capQuotas(order.quotaOrder, sources, capFen - f.members.capUsedFen[b]!);
  splitPaymentInto(order, amount, own, drawable, n, split);
  const payee = f.payee(use, place);
  if (split.ownFen > 0) {
    f.accounts.spendable[b] = f.accounts.spendable[b]! - split.ownFen;
    f.post(ACCOUNT_KIND.account, b, ACCOUNT_KIND.payee, payee, split.ownFen, 'R12');
    f.count(SUMMARY.beneficiaryOwnFen, split.ownFen);
  }
  let sharedFen = 0;
  for (let i = 0; i < n; i++) {
    const fen = split.quotaFen[i]!;
    if (fen <= 0) continue;
    sharedFen += fen;
    const r = billRelationships[i]!;
    const k = f.relationships.pair[r]!;
    settleQuota(f, r, f.m);
    f.relationships.quota[r] = f.relationships.quota[r]! - fen;
    f.post(f.quotaKind, r, ACCOUNT_KIND.payee, payee, fen, 'R11');
    f.totals.flows.add(f.m, f.members.area[f.pairs.sharer[k]!]!, place, use, fen);
    f.countQuotaPayment(b, f.pairs.geography[k]!, use, fen);
    f.members.capUsedFen[b] = f.members.capUsedFen[b]! + fen;
  }
  if (split.cashFen > 0) {
    f.post(ACCOUNT_KIND.cash, b, ACCOUNT_KIND.payee, payee, split.cashFen, 'R12');
    f.count(SUMMARY.beneficiaryCashFen, split.cashFen);
  }
  return sharedFen;
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
 * Care events for every relative whose month with events has come: outpatient bills, pharmacy
 * purchases and shared hospital stays. A relative with no relationship only has the events that
 * could lead to one set up on need (`uptake.onNeed` of them: the Poisson process thinned), so the
 * others cost nothing.
 */
export function careEvents(f: FamilyState): void {
  const c = f.ctx;
  const pharmacyFen = c.input.behaviour.care.pharmacyCostFen;
  const small = c.smallBill;
  const stay = c.stayCost;
  const rates = c.careRates;
  const m = f.m;
  for (let b = 0; b < f.members.count; b++) {
    if (f.schedule.nextCare[b] !== m) continue;
    const linked = f.relationships.asBeneficiary[b]! > 0;
    // The rates of the member's care class (prepare.ts `careRates`).
    const at = careRow(f.members.careClass[b]!);
    const p0 = linked ? rates[at + CARE.none]! : rates[at + CARE.noneThinned]!;
    const out = rates[at + CARE.outpatient]!;
    const ph = rates[at + CARE.pharmacy]!;
    const total = out + ph + rates[at + CARE.stay]!;
    // At least one event this month: the Poisson count conditioned on being positive.
    const lambda = linked ? total : total * c.input.behaviour.uptake.onNeed;
    const events = poisson(lambda, p0, p0 + f.unit() * (1 - p0));
    for (let e = 0; e < events; e++) {
      const v = f.unit() * total;
      const cell = f.stream.u32() >>> 20;
      if (v < out) {
        const fen = roundHalfUp(c.outpatientOwnFen * small[cell]!);
        if (fen > 0) pay(f, b, USE_MEDICAL, fen, f.members.residence[b]!, true);
      } else if (v < out + ph) {
        const fen = roundHalfUp(pharmacyFen * small[cell]!);
        if (fen > 0) pay(f, b, USE_PHARMACY, fen, f.members.residence[b]!, true);
      } else {
        const own = c.stayOwnFen[f.members.scheme[b] === SchemeCode.resident ? 1 : 0]!;
        const fen = roundHalfUp(own * stay[cell]!);
        if (fen > 0) pay(f, b, USE_MEDICAL, fen, f.members.residence[b]!, true);
      }
    }
    scheduleCare(f, b, m + 1);
  }
}

/**
 * Resident and long-term-care contributions due this calendar month that the year's draw gave to
 * shared money (family.ts `drawContributionMonths`), each paid by {@link pay}, and the contributions
 * that enrol uninsured relatives (enrolment.ts `drawEnrolments`): one paid in part from a quota
 * makes the relative insured from the next January.
 */
export function contributions(f: FamilyState): void {
  const c = f.ctx;
  const month = c.calendarMonth[f.m]!;
  for (let b = 0; b < f.members.count; b++) {
    if (f.schedule.contributionMonth[b] !== month || f.members.gone[b]) continue;
    const uses = f.schedule.contributionUses[b]!;
    if (uses & CONTRIBUTES_RESIDENT)
      pay(f, b, USE_RESIDENT, f.members.contributionFen[b]!, f.members.area[b]!);
    if (uses & CONTRIBUTES_LTC)
      pay(f, b, USE_LTC, c.input.behaviour.contributions.ltcYearlyFen, f.members.area[b]!);
    if (uses & CONTRIBUTES_ENROLMENT) {
      if (pay(f, b, USE_RESIDENT, c.enrolmentFen, f.members.area[b]!, false, true) > 0) enrolled(f, b);
    }
  }
}
