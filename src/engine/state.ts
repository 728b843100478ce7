/**
 * One family's state during a run (家庭状态): its members, accounts, candidate sharer → relative
 * pairs, relationships and event schedule (familyTables.ts), all reused from family to family, plus
 * the sinks of the range (totals.ts). In the bulk path a posting only adds its amount to the totals
 * of its two account classes; for a traced family the same call also books a real Posting, with its
 * rule id, in a Ledger.
 *
 * Constants in the month loop's modules are module-private bindings. Node runs each source file as
 * its own ES module, and V8's optimizing compiler folds a module's own constants (and the fields of
 * a constant object) into the code, while it reads an exported or imported binding from its module
 * cell, checked for the hole, on every use. So an index helper reads private constants, and a hot
 * module holds the tables it imports (`SUMMARY`, `ACCOUNT_KIND`, `NEVER`, …) in private bindings of
 * the same name; together that was worth about 2% of the engine's time (`npm run bench:compare`).
 * A browser bundle makes every binding private anyway.
 */
import { FamilyStream } from '../population/random';
import { accountOf, cashOf, fundOf, payeeOf, quotaOf } from '../rules/accounts';
import { SHARING_RULES } from '../rules/ids';
import type { Ledger } from '../rules/ledger';
import type { Refusal } from '../rules/refusal';
import { PERMITTED_USES, type Person } from '../rules/types';
import { Accounts, Members, NEVER as NEVER_EXPORT, Pairs, Relationships, Schedule } from './familyTables';
import { noneWithinIndex, type RunContext } from './prepare';
import {
  ACCOUNT_CLASS,
  ageBand,
  fenField,
  profileIndex,
  refusalIndex,
  SUMMARY as SUMMARY_EXPORT,
  SUMMARY_FIELDS,
  timesField,
  type TracedRefusal,
} from './result';
import type { PostingRule } from './postingRules';
import { RangeTotals, STANDING_FIELDS } from './totals';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const NEVER = NEVER_EXPORT;
const SUMMARY = SUMMARY_EXPORT;

/**
 * Kinds of ledger account a posting names (记账账户种类): a member's personal account, a
 * relationship's quota or wallet, an area's fund, a payee, a member's cash. Each is the index of the
 * account class it adds to, and says how a trace names the account.
 */
export const ACCOUNT_KIND = {
  account: ACCOUNT_CLASS.accounts,
  quota: ACCOUNT_CLASS.quotas,
  wallet: ACCOUNT_CLASS.wallets,
  fund: ACCOUNT_CLASS.funds,
  payee: ACCOUNT_CLASS.payees,
  cash: ACCOUNT_CLASS.cash,
} as const;

// The layouts the hot methods index with, in module-private bindings (see above).
const SUMMARY_WIDTH = SUMMARY_FIELDS;
const STANDING_WIDTH = STANDING_FIELDS;

/** The family's members, accounts, pairs, relationships and schedule, with the sinks of one range. */
export class FamilyState {
  /** The family's engine stream, and the rest of a uniform after a table draw (random.ts `drawFrom`). */
  readonly stream = new FamilyStream();
  readonly unitRest = new Float64Array(1);
  /** Index of the current family in the population. */
  familyIndex = 0;
  readonly members = new Members();
  readonly accounts = new Accounts();
  readonly pairs = new Pairs();
  readonly relationships = new Relationships();
  readonly schedule = new Schedule();
  /** Sinks (unweighted, for the whole range). */
  readonly totals: RangeTotals;
  /** Current month index and the stamp of the event being handled. */
  m = 0;
  now = 0;
  /** Account kind of quota money under the scenario's R9 model: quota, or wallet. */
  readonly quotaKind: number;
  // Trace of the current family, when it is named.
  trace: Ledger | null = null;
  readonly traceRefusals: TracedRefusal[] = [];
  /** Scratch persons for the rule functions asked on events (R3). */
  readonly personA: Person = { id: 'a', scheme: 'employee-account', poolingArea: '', province: '' };
  readonly personB: Person = { id: 'b', scheme: 'resident', poolingArea: '', province: '' };

  constructor(readonly ctx: RunContext) {
    this.totals = new RangeTotals(ctx.months, ctx.input.areaCount);
    this.quotaKind =
      ctx.input.rules.quotaModel === 'wallet-transfer' ? ACCOUNT_KIND.wallet : ACCOUNT_KIND.quota;
  }

  /** Adds `v` to summary field `field` (a {@link SUMMARY} offset) of the current month. */
  count(field: number, v: number): void {
    const summary = this.totals.summary;
    const i = this.m * SUMMARY_WIDTH + field;
    summary[i] = summary[i]! + v;
  }

  /**
   * Counts a payment of `fen` from a quota for member b, between a sharer and b of geography `geo`,
   * for `use`: one person-time and its fen in the month's summary, overall and by geography and use,
   * and in the beneficiary profile by b's age band and scheme.
   */
  countQuotaPayment(b: number, geo: number, use: number, fen: number): void {
    const summary = this.totals.summary;
    const row = this.m * SUMMARY_WIDTH;
    summary[row + SUMMARY.personTimes] = summary[row + SUMMARY.personTimes]! + 1;
    summary[row + SUMMARY.sharedFen] = summary[row + SUMMARY.sharedFen]! + fen;
    const members = this.members;
    const i = profileIndex(this.m, ageBand(members.age[b]!), members.scheme[b]!);
    const profile = this.totals.profile;
    profile[i] = profile[i]! + 1;
    profile[i + 1] = profile[i + 1]! + fen;
    const times = row + timesField(geo, use);
    const amount = row + fenField(geo, use);
    summary[times] = summary[times]! + 1;
    summary[amount] = summary[amount]! + fen;
  }

  /** Adds `change` to standing count `what` (totals.ts `STANDING`) in the current month. */
  changeStanding(what: number, change: number): void {
    const changes = this.totals.standingChange;
    const i = this.m * STANDING_WIDTH + what;
    changes[i] = changes[i]! + change;
  }

  /**
   * Books `fen` from one account to another under rule `rule`.
   * `from` and `to` are (kind, index) pairs of {@link ACCOUNT_KIND} and a member, a relationship,
   * an area, or use × areas + area for a payee.
   */
  post(fromKind: number, from: number, toKind: number, to: number, fen: number, rule: PostingRule): void {
    this.totals.book(this.m, fromKind, toKind, fen);
    if (this.trace) {
      this.trace.post([
        {
          from: this.#name(fromKind, from),
          to: this.#name(toKind, to),
          amountFen: fen,
          rule,
          at: this.now,
        },
      ]);
    }
  }

  /** The payee of `use` in pooling area `area`, as a posting names it: use × areas + area. */
  payee(use: number, area: number): number {
    return use * this.ctx.input.areaCount + area;
  }

  /** Counts a refusal (and keeps it in the trace of a named family). `person` is a member index. */
  refuse(refusal: Refusal, person: number): void {
    const i = refusalIndex(this.m, SHARING_RULES.indexOf(refusal.rule));
    const refusals = this.totals.refusals;
    refusals[i] = refusals[i]! + 1;
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
      case ACCOUNT_KIND.account:
        return accountOf(this.personId(i));
      case ACCOUNT_KIND.quota:
      case ACCOUNT_KIND.wallet:
        return quotaOf(this.relationshipId(i));
      case ACCOUNT_KIND.fund:
        return fundOf(codes[i]!);
      case ACCOUNT_KIND.payee:
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
    const stay = 1 - this.stream.unit();
    if (stay <= c.noneWithin[noneWithinIndex(kind, within, c.months)]!) return NEVER;
    return Math.floor(Math.log(stay) / logStay);
  }

  /** Whole months until the first success of a monthly chance given log(1 − chance) (negative), or NEVER (negative), so that callers can keep the logarithm. */
  waitLog(logStay: number): number {
    if (!(logStay < 0)) return NEVER;
    const w = Math.floor(Math.log(1 - this.stream.unit()) / logStay);
    return w < NEVER ? w : NEVER;
  }

  /** A uniform draw in [0, 1) from the family's engine stream. */
  unit(): number {
    return this.stream.unit();
  }

  /** Sets the event stamp to a random minute of the current month between 06:00 and 24:00. */
  stampInMonth(): void {
    const c = this.ctx;
    const x = this.stream.unit() * c.monthDays[this.m]!;
    const day = Math.floor(x);
    this.now = c.monthStamp[this.m]! + day * 1440 + 360 + Math.floor((x - day) * 1080);
  }
}
