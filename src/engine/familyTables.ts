/**
 * The tables of one family's state (家庭状态表), grouped by what they describe: its members, their
 * personal accounts, the candidate sharer → relative pairs, the sharing relationships, and the
 * months in which events come next. Each is a set of typed arrays sized for the largest family and
 * reused from family to family (family.ts `loadFamily` resets what a family reads), so the month
 * loop allocates nothing and every table keeps one layout.
 */
import { MAX_FAMILY_SIZE } from '../population/family/parameters';

/** Most candidate pairs in one family (every ordered pair of members). */
export const MAX_PAIRS = MAX_FAMILY_SIZE * (MAX_FAMILY_SIZE - 1);
/** Most relationships one family can set up over a window (pairs may be set up again after ending). */
export const MAX_RELATIONSHIPS = 4096;

/** A month that never comes. */
export const NEVER = 0x7fffffff;

/** Bits of `Schedule.contributionUses`: the resident contribution, the long-term-care contribution. */
export const CONTRIBUTES_RESIDENT = 1;
/** The long-term-care contribution goes to shared money. */
export const CONTRIBUTES_LTC = 2;
/** An uninsured relative's resident contribution, which enrols them, goes to shared money (R2). */
export const CONTRIBUTES_ENROLMENT = 4;

/** The family's members (家庭成员) as they are insured now, by member index. */
export class Members {
  /** Number of members. */
  count = 0;
  readonly age = new Int32Array(MAX_FAMILY_SIZE);
  /** Scheme code (uninsured after leaving insurance or death, R6). */
  readonly scheme = new Int32Array(MAX_FAMILY_SIZE);
  /** Insured pooling area and province. */
  readonly area = new Int32Array(MAX_FAMILY_SIZE);
  readonly province = new Int32Array(MAX_FAMILY_SIZE);
  /** Pooling area of residence, where bills are paid. */
  readonly residence = new Int32Array(MAX_FAMILY_SIZE);
  /** 1 when the member's area runs long-term-care insurance. */
  readonly ltc = new Uint8Array(MAX_FAMILY_SIZE);
  /** 1 after death or leaving insurance (R6). */
  readonly gone = new Uint8Array(MAX_FAMILY_SIZE);
  /** The yearly resident contribution, fen. */
  readonly contributionFen = new Float64Array(MAX_FAMILY_SIZE);
  /** Care class (age band × 2 + resident): its rates are at prepare.ts `careRow`. */
  readonly careClass = new Int32Array(MAX_FAMILY_SIZE);
  /** Number of candidate pairs in which the member is the relative (0: no possible sharer). */
  readonly candidatePairs = new Int32Array(MAX_FAMILY_SIZE);
  /** 1 for a relative who is not insured and has a sharer who may enrol them (R2). */
  readonly enrolCandidate = new Uint8Array(MAX_FAMILY_SIZE);
  /** Month from which an enrolled relative is insured (the next January), or NEVER. */
  readonly insuredFrom = new Int32Array(MAX_FAMILY_SIZE);
  /** Shared money paid for the member in the current month, against the monthly cap. */
  readonly capUsedFen = new Float64Array(MAX_FAMILY_SIZE);
}

/** The members' personal accounts (个人账户), brought up to date only when read (accounts.ts). */
export class Accounts {
  /** Members with a personal account, in member order, and how many. */
  readonly holders = new Int32Array(MAX_FAMILY_SIZE);
  holderCount = 0;
  /** Per member: the unearmarked balance (outside all quotas), fen. */
  readonly spendable = new Float64Array(MAX_FAMILY_SIZE);
  /** Per member: the monthly credit, fen. */
  readonly credit = new Float64Array(MAX_FAMILY_SIZE);
  /** Per member: the mean own spending a month (R8). */
  readonly ownBillMean = new Float64Array(MAX_FAMILY_SIZE);
  /** Per member: the last month whose credit and own spending are applied. */
  readonly appliedThrough = new Int32Array(MAX_FAMILY_SIZE);
  /** Per member: the first month whose end balance is not yet in the state totals (monthEnd.ts). */
  readonly settledFrom = new Int32Array(MAX_FAMILY_SIZE);
  /** Last month whose credits and own spending precede the current point of the month (m − 1 before them, m after). */
  through = -1;
  /** The family's seed of own-spending draws. */
  ownSeed = 0;
}

/** Candidate pairs (候选共济对): sharer → relative, where R1 and R2 allow a relationship. */
export class Pairs {
  /** Number of candidate pairs. */
  count = 0;
  /** The sharer (共济人) and the relative (被共济人) of each pair, as member indices. */
  readonly sharer = new Int32Array(MAX_PAIRS);
  readonly beneficiary = new Int32Array(MAX_PAIRS);
  /** Relation code of the relative to the sharer (codes.ts `RELATION_CODES`). */
  readonly relation = new Int32Array(MAX_PAIRS);
  /** The active relationship of each pair, or −1. */
  readonly relationship = new Int32Array(MAX_PAIRS);
  /** Geography code of each pair as its members are insured now. */
  readonly geography = new Int32Array(MAX_PAIRS);
  /** First month in which each pair may set up a relationship (R1–R3 allow it), or NEVER. */
  readonly openFrom = new Int32Array(MAX_PAIRS);
  /** Month of each pair's next chance of a spontaneous set-up, or NEVER. */
  readonly nextChance = new Int32Array(MAX_PAIRS);
}

/** Sharing relationships (共济关系) set up in the window, active or ended, and who stands in them now. */
export class Relationships {
  /** Number of relationships set up so far. */
  count = 0;
  /** The candidate pair of each relationship. */
  readonly pair = new Int32Array(MAX_RELATIONSHIPS);
  /** The quota (or wallet) of each relationship, fen. */
  readonly quota = new Float64Array(MAX_RELATIONSHIPS);
  /** Minute stamp of each set-up. */
  readonly since = new Float64Array(MAX_RELATIONSHIPS);
  /** 1 while the relationship stands. */
  readonly active = new Uint8Array(MAX_RELATIONSHIPS);
  /** Month in which each relationship will be ended by choice (R4), or later than the window. */
  readonly endAt = new Int32Array(MAX_RELATIONSHIPS);
  /** Geography of each relationship when it was set up. */
  readonly geography = new Uint8Array(MAX_RELATIONSHIPS);
  /** First month whose end quota of each relationship is not yet in the state totals (monthEnd.ts). */
  readonly settledFrom = new Int32Array(MAX_RELATIONSHIPS);
  /** Per member: active relationships in which the member is the sharer, and the beneficiary. */
  readonly asSharer = new Int32Array(MAX_FAMILY_SIZE);
  readonly asBeneficiary = new Int32Array(MAX_FAMILY_SIZE);
  /**
   * Per member b: the active relationships in which b is the beneficiary, oldest first, at
   * {@link beneficiarySlot}(b, i) for i < asBeneficiary[b] (one per pair, so fewer than the family's
   * size), so that a bill reads b's quotas without a pass over all the family's relationships.
   */
  readonly ofBeneficiary = new Int32Array(MAX_FAMILY_SIZE * MAX_FAMILY_SIZE);
  /** Per sharer: the day of the last quota change and the changes made that day (R7's daily limit). */
  readonly changeDay = new Int32Array(MAX_FAMILY_SIZE);
  readonly changesThatDay = new Int32Array(MAX_FAMILY_SIZE);
}

/** Slots per member in {@link Relationships.ofBeneficiary} (module-private, so that the helper folds it). */
const SLOTS = MAX_FAMILY_SIZE;

/** Index of beneficiary b's i-th active relationship in {@link Relationships.ofBeneficiary}. */
export function beneficiarySlot(b: number, i: number): number {
  return b * SLOTS + i;
}

/**
 * When events come next (事件日程). Each kind keeps the earliest month it can next come in (a lower
 * bound, made exact after each pass), so the month loop skips a kind's pass, or a whole month, when
 * nothing of it is due.
 */
export class Schedule {
  /** Per member: the next month with care events, and of the next insurance change (R6), or NEVER. */
  readonly nextCare = new Int32Array(MAX_FAMILY_SIZE);
  readonly nextChange = new Int32Array(MAX_FAMILY_SIZE);
  /** Earliest month with care events (a lower bound), and the first month whose care events are still to come. */
  careAt = NEVER;
  careFrom = 0;
  /** Earliest month of the next spontaneous set-up chance and of the next end by choice (lower bounds), or NEVER. */
  setUpAt = NEVER;
  endAt = NEVER;
  /** Per resident relative: the calendar month of this year's contributions paid with shared money, or −1 when none is. */
  readonly contributionMonth = new Int32Array(MAX_FAMILY_SIZE);
  /** Per resident relative: which contributions this year go to shared money (CONTRIBUTES_* bits). */
  readonly contributionUses = new Uint8Array(MAX_FAMILY_SIZE);
  /** Bit c set: some relative's contribution falls in calendar month c this year. */
  contributionMonths = 0;
  /** Earliest month in which an enrolled relative's coverage begins (a lower bound), or NEVER. */
  coverageAt = NEVER;
}
