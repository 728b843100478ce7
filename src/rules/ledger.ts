/**
 * The ledger (台账): integer fen, double entry. Every posting moves a positive whole number of fen
 * from one account to another and carries the id of the rule that allowed it, so the sum over all
 * accounts is zero at every moment.
 */
import { isRuleId, type RuleId } from './ids';

/**
 * Which side of zero an account lives on. A `store` (a personal account, a quota, a payee) holds
 * money and may never go below zero; a `source` (a fund that credits accounts, a person's cash) is
 * where money enters the book and may never go above zero; a `free` account (money in clearing) may
 * take either sign.
 */
export type AccountNature = 'store' | 'source' | 'free';

/** One movement of money, as asked for. */
export interface PostingInput {
  from: string;
  to: string;
  /** Positive whole fen (分). */
  amountFen: number;
  /** The rule that allowed the movement. */
  rule: RuleId;
  /** Minute stamp of the movement (see time.ts), when known. */
  at?: number;
}

/** One movement of money, as booked: numbered in booking order. */
export interface Posting extends PostingInput {
  seq: number;
}

/** A posting that would break the ledger's invariants: a program error, never a policy refusal. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}

/** The nature of an account from its key prefix (`account:`, `quota:`, `payee:` store; `fund:`, `cash:` source). */
export function natureByPrefix(account: string): AccountNature {
  const kind = account.slice(0, account.indexOf(':'));
  if (kind === 'fund' || kind === 'cash') return 'source';
  if (kind === 'account' || kind === 'quota' || kind === 'payee') return 'store';
  return 'free';
}

/** A double-entry ledger in integer fen. */
export class Ledger {
  readonly #balances = new Map<string, number>();
  readonly #postings: Posting[] = [];
  readonly #natureOf: (account: string) => AccountNature;

  /** @param natureOf which side of zero each account must stay on (default: by key prefix). */
  constructor(natureOf: (account: string) => AccountNature = natureByPrefix) {
    this.#natureOf = natureOf;
  }

  /** The balance of one account in fen (0 for an account never used). */
  balance(account: string): number {
    return this.#balances.get(account) ?? 0;
  }

  /** Every posting so far, in booking order. */
  get postings(): readonly Posting[] {
    return this.#postings;
  }

  /** Every account that has been used, with its balance, sorted by key. */
  accounts(): [string, number][] {
    return [...this.#balances].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The sum over all accounts: zero unless the ledger is broken. */
  total(): number {
    let sum = 0;
    for (const v of this.#balances.values()) sum += v;
    return sum;
  }

  /**
   * Books several postings as one: either all are valid and all are booked, or a LedgerError is
   * thrown and nothing is booked. Returns the booked postings.
   */
  post(inputs: readonly PostingInput[]): Posting[] {
    const next = new Map<string, number>();
    const read = (a: string) => next.get(a) ?? this.balance(a);
    for (const p of inputs) {
      if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0) {
        throw new LedgerError(
          `posting ${p.from} → ${p.to}: amount must be a positive whole fen, got ${p.amountFen}`,
        );
      }
      if (!isRuleId(p.rule))
        throw new LedgerError(`posting ${p.from} → ${p.to}: unknown rule id "${p.rule}"`);
      if (p.from === p.to) throw new LedgerError(`posting ${p.from} → ${p.to}: an account cannot pay itself`);
      next.set(p.from, read(p.from) - p.amountFen);
      next.set(p.to, read(p.to) + p.amountFen);
    }
    for (const [account, value] of next) {
      const nature = this.#natureOf(account);
      if ((nature === 'store' && value < 0) || (nature === 'source' && value > 0)) {
        throw new LedgerError(
          `account ${account} would hold ${value} fen, on the wrong side of zero for a ${nature}`,
        );
      }
    }
    for (const [account, value] of next) this.#balances.set(account, value);
    const base = this.#postings.length;
    const booked = inputs.map((p, i) => ({ ...p, seq: base + i + 1 }));
    this.#postings.push(...booked);
    return booked;
  }
}
