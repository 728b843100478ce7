/**
 * One family's state during a run (家庭状态): members, candidate sharer → relative pairs and
 * sharing relationships, all in typed arrays reused from family to family, plus the posting sink.
 * In the bulk path a posting only adds its amount to the totals of its two account classes; for a
 * traced family the same call also books a real Posting, with its rule id, in a Ledger.
 */
import { SCHEMES } from '../population/columns';
import { MAX_FAMILY_SIZE } from '../population/family/parameters';
import { FamilyStream } from '../population/random';
import { accountOf, cashOf, fundOf, payeeOf, quotaOf } from '../rules/accounts';
import type { RuleId } from '../rules/ids';
import { SHARING_RULES } from '../rules/ids';
import type { Ledger } from '../rules/ledger';
import type { Refusal } from '../rules/refusal';
import { PERMITTED_USES, type Person } from '../rules/types';
import { FlowTable } from './flowTable';
import type { RunContext } from './prepare';
import { AGE_BANDS, ageBand, CLASSES, PROFILE_FIELDS, S, SUMMARY_FIELDS, type TracedRefusal } from './result';

/** Most candidate pairs in one family (every ordered pair of members). */
export const MAX_PAIRS = MAX_FAMILY_SIZE * (MAX_FAMILY_SIZE - 1);
/** Most relationships one family can set up over a window (pairs may be set up again after ending). */
export const MAX_RELATIONSHIPS = 4096;

/** A month that never comes. */
export const NEVER = 0x7fffffff;

/** Kinds of ledger account a posting names: the class it adds to, and how the trace names it. */
export const K = { account: 0, quota: 1, wallet: 2, fund: 3, payee: 4, cash: 5 } as const;

/** Rule ids by code, for postings and refusals. */
export const RULE_OF = [
  'OPEN',
  'CREDIT',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
] as const satisfies readonly RuleId[];

/** Bits of `FamilyState.contributionUses`: the resident contribution, the long-term-care contribution. */
export const CONTRIBUTES_RESIDENT = 1;
export const CONTRIBUTES_LTC = 2;

/** The family's members, pairs and relationships, with the sinks of one range. */
export class FamilyState {
  readonly st = new FamilyStream();
  readonly rest = new Float64Array(1);
  // Members.
  n = 0;
  familyIndex = 0;
  readonly age = new Int32Array(MAX_FAMILY_SIZE);
  readonly scheme = new Int32Array(MAX_FAMILY_SIZE);
  readonly area = new Int32Array(MAX_FAMILY_SIZE);
  readonly province = new Int32Array(MAX_FAMILY_SIZE);
  readonly residence = new Int32Array(MAX_FAMILY_SIZE);
  readonly ltc = new Uint8Array(MAX_FAMILY_SIZE);
  readonly gone = new Uint8Array(MAX_FAMILY_SIZE);
  readonly spendable = new Float64Array(MAX_FAMILY_SIZE);
  readonly credit = new Float64Array(MAX_FAMILY_SIZE);
  readonly contribution = new Float64Array(MAX_FAMILY_SIZE);
  /** Per resident relative: the calendar month of this year's contributions paid with shared money, or −1 when none is. */
  readonly contributionMonth = new Int32Array(MAX_FAMILY_SIZE);
  /** Per resident relative: which contributions this year go to shared money (CONTRIBUTES_* bits). */
  readonly contributionUses = new Uint8Array(MAX_FAMILY_SIZE);
  readonly asSharer = new Int32Array(MAX_FAMILY_SIZE);
  readonly asBeneficiary = new Int32Array(MAX_FAMILY_SIZE);
  /**
   * Per member b: the active relationships in which b is the beneficiary, oldest first, at
   * b × MAX_FAMILY_SIZE + i for i < asBeneficiary[b] (one per pair, so fewer than the family's
   * size), so that a bill reads b's quotas without a pass over all the family's relationships.
   */
  readonly beneficiaryRels = new Int32Array(MAX_FAMILY_SIZE * MAX_FAMILY_SIZE);
  readonly candidateOf = new Int32Array(MAX_FAMILY_SIZE);
  readonly changeDay = new Int32Array(MAX_FAMILY_SIZE);
  readonly changeCount = new Int32Array(MAX_FAMILY_SIZE);
  readonly capUsed = new Float64Array(MAX_FAMILY_SIZE);
  /** Per member: care class (age band × 2 + resident), the index of prepare.ts `careRates` and `careNone`. */
  readonly careClass = new Int32Array(MAX_FAMILY_SIZE);
  /** Per member: the mean own spending a month (R8). */
  readonly ownBillMean = new Float64Array(MAX_FAMILY_SIZE);
  /** Members with a personal account, in member order, and how many. */
  readonly holders = new Int32Array(MAX_FAMILY_SIZE);
  nh = 0;
  /** Per member: last month whose credit and own spending are applied (accounts.ts), and first month whose end balance is not yet in the state totals. */
  readonly asOf = new Int32Array(MAX_FAMILY_SIZE);
  readonly stateFrom = new Int32Array(MAX_FAMILY_SIZE);
  /** Last month whose credits and own spending precede the current point of the month (m − 1 before them, m after). */
  through = -1;
  /** Earliest month with care events (a lower bound), and the first month whose care events are still to come. */
  careAt = NEVER;
  careFrom = 0;
  /** Earliest month of the next spontaneous set-up chance and of the next end by choice (lower bounds), or NEVER. */
  setUpAt = NEVER;
  endAt = NEVER;
  /** Bit c set: some relative's contribution falls in calendar month c this year. */
  contributionMonths = 0;
  /** The family's seed of own-spending draws (accounts.ts). */
  ownSeed = 0;
  /** Per member: month of the next month with care events, and of the next insurance change (R6), or NEVER. */
  readonly nextCare = new Int32Array(MAX_FAMILY_SIZE);
  readonly nextChange = new Int32Array(MAX_FAMILY_SIZE);
  // Candidate pairs sharer a → relative b (R1, R2 allow them).
  np = 0;
  readonly pairSharer = new Int32Array(MAX_PAIRS);
  readonly pairBeneficiary = new Int32Array(MAX_PAIRS);
  readonly pairRelation = new Int32Array(MAX_PAIRS);
  /** The active relationship of each pair, or −1. */
  readonly pairActive = new Int32Array(MAX_PAIRS);
  /** Geography code of each pair as its members are insured now. */
  readonly pairGeo = new Int32Array(MAX_PAIRS);
  /** First month in which each pair may set up a relationship (R1–R3 allow it), or NEVER. */
  readonly pairOpenFrom = new Int32Array(MAX_PAIRS);
  /** Month of each pair's next chance of a spontaneous set-up, or NEVER. */
  readonly pairNext = new Int32Array(MAX_PAIRS);
  // Relationships.
  nr = 0;
  readonly relPair = new Int32Array(MAX_RELATIONSHIPS);
  readonly relQuota = new Float64Array(MAX_RELATIONSHIPS);
  readonly relSince = new Float64Array(MAX_RELATIONSHIPS);
  readonly relActive = new Uint8Array(MAX_RELATIONSHIPS);
  /** Month in which each relationship will be ended by choice (R4), or later than the window. */
  readonly relEndAt = new Int32Array(MAX_RELATIONSHIPS);
  /** Geography of each relationship when it was set up. */
  readonly relGeo = new Uint8Array(MAX_RELATIONSHIPS);
  /** First month whose end quota of each relationship is not yet in the state totals. */
  readonly relFrom = new Int32Array(MAX_RELATIONSHIPS);
  // Sinks (unweighted, for the whole range).
  readonly summary: Float64Array;
  readonly refusals: Float64Array;
  /** months × classes: net postings into each class in each month. */
  readonly classNet: Float64Array;
  /** months × classes: what the state arrays hold at each month's end (accounts, quotas, wallets). */
  readonly classState: Float64Array;
  /** months × PROFILE_FIELDS: payments from quotas by the beneficiary's age band and scheme. */
  readonly profile: Float64Array;
  /** months × 3: changes in the month of active relationships, sharers and beneficiaries (summed into end-of-month counts per range). */
  readonly standingChange: Float64Array;
  /**
   * Credits and own spending paid in accounts.ts's fast pass, kept apart until the range ends
   * ({@link pourAccountTotals}): per month, the change of the monthly credit total (a credit of c over
   * months a..b adds c at a and −c at b + 1), and the own spending paid from accounts.
   */
  readonly creditStep: Float64Array;
  readonly ownSpent: Float64Array;
  readonly flows: FlowTable;
  /** Current month index and the stamp of the event being handled. */
  m = 0;
  now = 0;
  /** Account class of quota money under the scenario's R9 model. */
  readonly quotaKind: number;
  // Trace of the current family, when it is named.
  trace: Ledger | null = null;
  readonly traceRefusals: TracedRefusal[] = [];
  /** Scratch persons for the rule functions asked on events (R3). */
  readonly personA: Person = { id: 'a', scheme: 'employee-account', poolingArea: '', province: '' };
  readonly personB: Person = { id: 'b', scheme: 'resident', poolingArea: '', province: '' };

  constructor(readonly ctx: RunContext) {
    const M = ctx.months;
    this.summary = new Float64Array(M * SUMMARY_FIELDS);
    this.refusals = new Float64Array(M * SHARING_RULES.length);
    this.classNet = new Float64Array(M * CLASSES.length);
    this.classState = new Float64Array(M * CLASSES.length);
    this.standingChange = new Float64Array(M * 3);
    this.profile = new Float64Array(M * PROFILE_FIELDS);
    this.creditStep = new Float64Array(M + 1);
    this.ownSpent = new Float64Array(M);
    this.flows = new FlowTable(ctx.input.areaCount, M);
    this.quotaKind = ctx.input.rules.quotaModel === 'wallet-transfer' ? K.wallet : K.quota;
  }

  /** Adds `v` to summary field `f` of the current month. */
  count(f: number, v: number): void {
    const i = this.m * SUMMARY_FIELDS + f;
    this.summary[i] = this.summary[i]! + v;
  }

  /**
   * Books the credits (fund → account) and own spending (account → payee, R8) kept in
   * `creditStep` and `ownSpent` into the monthly summaries and class totals, then clears them.
   */
  pourAccountTotals(): void {
    let credit = 0;
    for (let m = 0; m < this.ctx.months; m++) {
      credit += this.creditStep[m]!;
      const own = this.ownSpent[m]!;
      const i = m * SUMMARY_FIELDS;
      this.summary[i + S.creditFen] = this.summary[i + S.creditFen]! + credit;
      this.summary[i + S.ownSpendingFen] = this.summary[i + S.ownSpendingFen]! + own;
      this.book(m, K.fund, K.account, credit);
      this.book(m, K.account, K.payee, own);
    }
    this.creditStep.fill(0);
    this.ownSpent.fill(0);
  }

  /** Counts a payment of `fen` from a quota for member b in the beneficiary profile (one person-time). */
  countBeneficiary(b: number, fen: number): void {
    const i = ((this.m * AGE_BANDS.length + ageBand(this.age[b]!)) * SCHEMES.length + this.scheme[b]!) * 2;
    const p = this.profile;
    p[i] = p[i]! + 1;
    p[i + 1] = p[i + 1]! + fen;
  }

  /**
   * Books `fen` from one account to another under rule code `rule` (index into RULE_OF). `from` and
   * `to` are (kind, index) pairs: a member, a relationship, an area, or use × areas + area for a payee.
   */
  post(fromKind: number, from: number, toKind: number, to: number, fen: number, rule: number): void {
    this.book(this.m, fromKind, toKind, fen);
    if (this.trace) {
      this.trace.post([
        {
          from: this.#name(fromKind, from),
          to: this.#name(toKind, to),
          amountFen: fen,
          rule: RULE_OF[rule]!,
          at: this.now,
        },
      ]);
    }
  }

  /**
   * Adds a movement of `fen` from account class `fromKind` to class `toKind` to month `month`'s
   * totals. Every posting, traced or not, goes through here (accounts.ts calls it directly).
   */
  book(month: number, fromKind: number, toKind: number, fen: number): void {
    const base = month * CLASSES.length;
    const net = this.classNet;
    net[base + fromKind] = net[base + fromKind]! - fen;
    net[base + toKind] = net[base + toKind]! + fen;
  }

  /** Counts a refusal (and keeps it in the trace of a named family). `person` is a member index. */
  refuse(refusal: Refusal, person: number): void {
    const r = SHARING_RULES.indexOf(refusal.rule);
    const i = this.m * SHARING_RULES.length + r;
    this.refusals[i] = this.refusals[i]! + 1;
    if (this.trace) {
      this.traceRefusals.push({
        rule: refusal.rule,
        code: refusal.code,
        at: this.now,
        personId: this.personId(person),
      });
    }
  }

  /** The id of member `p` of the current family in traces: `f<family>-<member>`. */
  personId(p: number): string {
    return `f${this.familyIndex}-${p}`;
  }

  /** The id of relationship `r` of the current family in traces: `f<family>-r<n>`. */
  relationshipId(r: number): string {
    return `f${this.familyIndex}-r${r}`;
  }

  #name(kind: number, i: number): string {
    const codes = this.ctx.input.areaCodes;
    const A = this.ctx.input.areaCount;
    switch (kind) {
      case K.account:
        return accountOf(this.personId(i));
      case K.quota:
      case K.wallet:
        return quotaOf(this.relationshipId(i));
      case K.fund:
        return fundOf(codes[i]!);
      case K.payee:
        return payeeOf(PERMITTED_USES[Math.floor(i / A)]!, codes[i % A]!);
      default:
        return cashOf(this.personId(i));
    }
  }

  /**
   * Whole months until the first success of a monthly chance of kind `kind` (prepare.ts `logStay`),
   * 0 when it comes at once, or NEVER when it does not come within `within` months: a geometric draw,
   * so that rare events cost one draw each rather than one draw a month (and no logarithm when the
   * chance does not come in time).
   */
  waitWithin(kind: number, within: number): number {
    const c = this.ctx;
    const logStay = c.logStay[kind]!;
    if (!(logStay < 0) || within <= 0) return NEVER;
    const stay = 1 - this.st.unit();
    if (stay <= c.noneWithin[kind * (c.months + 1) + within]!) return NEVER;
    return Math.floor(Math.log(stay) / logStay);
  }

  /** Whole months until the first success of a monthly chance given log(1 − chance) (negative), or NEVER (negative), so that callers can keep the logarithm. */
  waitLog(logStay: number): number {
    if (!(logStay < 0)) return NEVER;
    const w = Math.floor(Math.log(1 - this.st.unit()) / logStay);
    return w < NEVER ? w : NEVER;
  }

  /** A uniform draw in [0, 1) from the family's engine stream. */
  unit(): number {
    return this.st.unit();
  }

  /** Sets the event stamp to a random minute of the current month between 06:00 and 24:00. */
  stampInMonth(): void {
    const c = this.ctx;
    const x = this.st.unit() * c.monthDays[this.m]!;
    const day = Math.floor(x);
    this.now = c.monthStamp[this.m]! + day * 1440 + 360 + Math.floor((x - day) * 1080);
  }
}
