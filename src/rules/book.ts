/**
 * The sharing book (共济台账): people, their sharing relationships and one ledger, with the
 * operations the rules govern. Each operation asks the pure rule functions for a decision; an
 * allowed one is booked as double-entry postings that carry their rule id, a refused one changes
 * nothing and returns the refusal. A trainer's single family and the property tests use this class;
 * a national run calls the same decision functions on columns instead.
 */
import { accountOf, cashOf, fundOf, payeeOf, quotaOf } from './accounts';
import { checkBeneficiary, checkGeography, checkInsuredForUse, checkSharer } from './eligibility';
import { Ledger, type Posting, type PostingInput } from './ledger';
import type { RuleParameters } from './parameters';
import { checkUse, splitOwnPayment, splitPayment, type PaymentSplit } from './payment';
import { decideQuotaChange } from './quota';
import { isRefusal, refuse, type Refusal } from './refusal';
import { ended as endedAs, partyRefusal, quotaReturn } from './relationship';
import { dayOf, minuteOfDay, monthOf, parseStamp } from './time';
import type { PermittedUse, Person, Purpose, RelationKind, Relationship, Scheme } from './types';

/** The result of an operation: the postings it booked (and more), or the refusal. */
export type Outcome<T extends object = object> = ({ ok: true; postings: Posting[] } & T) | Refusal;

/** A change of a person's insurance relationship (R6). */
export type InsuranceChange =
  | { kind: 'move'; poolingArea: string; province: string }
  | { kind: 'terminate' }
  | { kind: 'switch-scheme'; scheme: Scheme };

/**
 * An enrolment (因共济参保): the resident contribution of a near relative who was not insured, paid
 * while the scenario opens enrolment (R2, R11); the relative is insured from `coverageFrom`, the
 * first minute of the next coverage year (1 January after the payment).
 */
export interface Enrolment {
  personId: string;
  paidAt: number;
  coverageFrom: number;
  /** Fen of the contribution paid from sharers' quotas (the rest came from cash). */
  sharedFen: number;
}

/** The first minute of the coverage year after the one in which `at` falls (1 January, 00:00). */
export function nextCoverageYear(at: number): number {
  return parseStamp(`${Number(monthOf(at).slice(0, 4)) + 1}-01-01`);
}

/** Options of a book: the pooling areas that run long-term-care insurance (长期护理保险). */
export interface BookOptions {
  ltcAreas?: Iterable<string>;
}

/** One family's (or a few families') sharing book. */
export class SharingBook {
  /** The double-entry ledger in fen. */
  readonly ledger = new Ledger();
  readonly #people = new Map<string, Person>();
  readonly #relationships = new Map<string, Relationship>();
  readonly #changesBySharer = new Map<string, { day: number; count: number }>();
  readonly #ltcAreas: ReadonlySet<string>;
  /** Enrolments paid, in order; those whose coverage year has not begun are still `pending`. */
  readonly #enrolments: { enrolment: Enrolment; pending: boolean }[] = [];

  constructor(
    readonly params: RuleParameters,
    options: BookOptions = {},
  ) {
    this.#ltcAreas = new Set(options.ltcAreas ?? []);
  }

  /** Adds a person; an account holder's opening balance is booked from the pooling-area fund (OPEN). */
  addPerson(person: Person, openingBalanceFen = 0): Posting[] {
    if (this.#people.has(person.id)) throw new Error(`person "${person.id}" is already in the book`);
    if (openingBalanceFen !== 0 && person.scheme !== 'employee-account') {
      throw new Error(`person "${person.id}" has no personal account, so no opening balance`);
    }
    this.#people.set(person.id, { ...person });
    if (openingBalanceFen === 0) return [];
    return this.ledger.post([
      {
        from: fundOf(person.poolingArea),
        to: accountOf(person.id),
        amountFen: openingBalanceFen,
        rule: 'OPEN',
      },
    ]);
  }

  /** Books the monthly credit to a personal account (2021 crediting rules). */
  credit(personId: string, amountFen: number, at: number): Posting[] {
    this.#startCoverage(at);
    const p = this.person(personId);
    if (p.scheme !== 'employee-account')
      throw new Error(`person "${personId}" has no personal account to credit`);
    return this.ledger.post([
      { from: fundOf(p.poolingArea), to: accountOf(p.id), amountFen, rule: 'CREDIT', at },
    ]);
  }

  /** R1–R5: sets up a sharing relationship sharer → beneficiary, with both sides' consent. */
  establish(req: {
    sharerId: string;
    beneficiaryId: string;
    relation: RelationKind;
    at: number;
    consent: { sharer: boolean; beneficiary: boolean };
  }): Outcome<{ relationshipId: string }> {
    this.#startCoverage(req.at);
    const sharer = this.person(req.sharerId);
    const beneficiary = this.person(req.beneficiaryId);
    const refusal =
      checkSharer(sharer) ??
      (sharer.id === beneficiary.id
        ? refuse(
            'R2',
            'not-near-relative',
            '不能与本人建立共济关系（R2）。',
            'A person cannot share with themself (R2).',
          )
        : null) ??
      checkBeneficiary(
        this.params.relativeScope,
        req.relation,
        beneficiary,
        this.params.enrolmentOfUninsured,
      ) ??
      checkGeography(this.params.geography, sharer, beneficiary, monthOf(req.at)) ??
      (req.consent.sharer && req.consent.beneficiary
        ? null
        : refuse(
            'R4',
            'consent-missing',
            '共济关系须由双方自愿同意后建立（R4）。',
            'Both sides must agree before a sharing relationship is set up (R4).',
          )) ??
      (this.relationships().some(
        (r) => r.endedAt === null && r.sharerId === sharer.id && r.beneficiaryId === beneficiary.id,
      )
        ? refuse(
            'R5',
            'duplicate-relationship',
            '这两人之间同一方向的共济关系已经存在（R5：一人可与多位亲属共济，但同一方向只有一条关系）。',
            'This sharer already shares with this beneficiary (R5: many relationships are allowed, one per direction).',
          )
        : null);
    if (refusal) return refusal;
    const id = `rel-${this.#relationships.size + 1}`;
    this.#relationships.set(id, {
      id,
      sharerId: sharer.id,
      beneficiaryId: beneficiary.id,
      relation: req.relation,
      since: req.at,
      endedAt: null,
      endedBy: null,
    });
    return { ok: true, postings: [], relationshipId: id };
  }

  /** R7–R9: sets the quota of an active relationship (earmarks or, under wallet-transfer, moves money). */
  setQuota(req: { relationshipId: string; quotaFen: number; at: number }): Outcome<{ quotaFen: number }> {
    this.#startCoverage(req.at);
    const rel = this.relationship(req.relationshipId);
    const inactive = partyRefusal(rel);
    if (inactive) return inactive;
    const day = dayOf(req.at);
    const log = this.#changesBySharer.get(rel.sharerId);
    const changesToday = log && log.day === day ? log.count : 0;
    const decision = decideQuotaChange(this.params.quotaLimits, this.params.quotaModel, {
      currentQuotaFen: this.quota(rel.id),
      requestedQuotaFen: req.quotaFen,
      spendableFen: this.spendable(rel.sharerId),
      changesToday,
      minuteOfDay: minuteOfDay(req.at),
    });
    if (!decision.ok) return decision;
    const d = decision.deltaFen;
    if (d === 0) return { ok: true, postings: [], quotaFen: req.quotaFen };
    const rule = this.params.quotaModel === 'wallet-transfer' ? 'R9' : 'R7';
    const account = accountOf(rel.sharerId);
    const quota = quotaOf(rel.id);
    const postings = this.ledger.post([
      d > 0
        ? { from: account, to: quota, amountFen: d, rule, at: req.at }
        : { from: quota, to: account, amountFen: -d, rule, at: req.at },
    ]);
    this.#changesBySharer.set(rel.sharerId, { day, count: changesToday + 1 });
    return { ok: true, postings, quotaFen: req.quotaFen };
  }

  /**
   * R11–R12: a beneficiary pays a bill or contribution: own account, quotas and cash in the order of
   * R12. R2 is asked again for the use: a relative who is not insured may have only the contribution
   * paid that enrols them (where the scenario opens it), and is insured from the next coverage year.
   */
  payAsBeneficiary(req: {
    beneficiaryId: string;
    purpose: Purpose;
    amountFen: number;
    /** Pooling area where the bill is paid (contributions go to the beneficiary's own area). */
    poolingArea: string;
    at: number;
  }): Outcome<{ split: PaymentSplit }> {
    assertBill(req.amountFen);
    this.#startCoverage(req.at);
    const b = this.person(req.beneficiaryId);
    const refusal =
      checkUse(this.params.permittedUses, req.purpose, b, this.#ltcAreas.has(b.poolingArea)) ??
      checkInsuredForUse(req.purpose as PermittedUse, b, this.params.enrolmentOfUninsured);
    if (refusal) return refusal;
    const use = req.purpose as PermittedUse;
    const payee = payeeOf(use, use.endsWith('contribution') ? b.poolingArea : req.poolingArea);
    const rels = this.relationships().filter(
      (r) => r.endedAt === null && r.beneficiaryId === b.id && this.quota(r.id) > 0,
    );
    const ownAvailable = b.scheme === 'employee-account' ? this.spendable(b.id) : 0;
    const split = splitPayment(
      this.params.paymentOrder,
      req.amountFen,
      ownAvailable,
      rels.map((r) => ({ availableFen: this.quota(r.id), since: r.since })),
    );
    const inputs: PostingInput[] = [];
    const add = (from: string, amountFen: number, rule: 'R11' | 'R12') => {
      if (amountFen > 0) inputs.push({ from, to: payee, amountFen, rule, at: req.at });
    };
    add(accountOf(b.id), split.ownFen, 'R12');
    rels.forEach((r, i) => add(quotaOf(r.id), split.quotaFen[i]!, 'R11'));
    add(cashOf(b.id), split.cashFen, 'R12');
    const postings = this.ledger.post(inputs);
    if (b.scheme === 'uninsured' && use === 'resident-contribution') {
      const sharedFen = split.quotaFen.reduce((s, x) => s + x, 0);
      this.#enrolments.push({
        enrolment: { personId: b.id, paidAt: req.at, coverageFrom: nextCoverageYear(req.at), sharedFen },
        pending: true,
      });
    }
    return { ok: true, postings, split };
  }

  /** R8: an account holder pays their own bill from the balance outside all quotas, the rest in cash. */
  payOwn(req: {
    personId: string;
    purpose: PermittedUse;
    amountFen: number;
    poolingArea: string;
    at: number;
    /** Refuse rather than top up with cash when the unearmarked balance is not enough. */
    accountOnly?: boolean;
  }): Outcome<{ accountFen: number; cashFen: number }> {
    assertBill(req.amountFen);
    this.#startCoverage(req.at);
    const p = this.person(req.personId);
    const split = splitOwnPayment(
      req.amountFen,
      this.spendable(p.id),
      this.earmarked(p.id),
      !!req.accountOnly,
    );
    if (!('accountFen' in split)) return split;
    const payee = payeeOf(req.purpose, req.poolingArea);
    const inputs: PostingInput[] = [];
    if (split.accountFen > 0)
      inputs.push({ from: accountOf(p.id), to: payee, amountFen: split.accountFen, rule: 'R8', at: req.at });
    if (split.cashFen > 0)
      inputs.push({ from: cashOf(p.id), to: payee, amountFen: split.cashFen, rule: 'R8', at: req.at });
    return { ok: true, postings: this.ledger.post(inputs), ...split };
  }

  /**
   * R4 and R10: either side ends a relationship; the unused quota returns to the sharer at once. A
   * relationship that has already ended is refused with the rule that ended it (R4 or R6).
   */
  end(req: { relationshipId: string; by: string; at: number }): Outcome<{ returnedFen: number }> {
    this.#startCoverage(req.at);
    const rel = this.relationship(req.relationshipId);
    const after = endedAs(rel, 'R4', req.at);
    if (isRefusal(after)) return after;
    if (req.by !== rel.sharerId && req.by !== rel.beneficiaryId) {
      return refuse(
        'R4',
        'not-a-party',
        '只有共济人或被共济人本人可以解除共济关系（R4）。',
        'Only the sharer or the beneficiary can end a sharing relationship (R4).',
      );
    }
    const returned = this.quota(rel.id);
    const postings = this.ledger.post(quotaReturn(rel, returned, req.at));
    this.#relationships.set(rel.id, after);
    return { ok: true, postings, returnedFen: returned };
  }

  /**
   * R6 and R10: a person's insurance changes; every relationship they are part of that has not
   * already ended ends now (an earlier end keeps its rule and moment), and its quota returns.
   */
  changeInsurance(req: {
    personId: string;
    change: InsuranceChange;
    at: number;
  }): Outcome<{ ended: string[] }> {
    this.#startCoverage(req.at);
    const p = this.person(req.personId);
    const c = req.change;
    // A relative who dies or stops before the coverage year begins is not insured by it.
    if (c.kind === 'terminate') {
      for (const e of this.#enrolments) if (e.enrolment.personId === p.id) e.pending = false;
    }
    if (c.kind === 'move' && c.poolingArea === p.poolingArea) return { ok: true, postings: [], ended: [] };
    const ended = this.relationships()
      .filter((r) => r.sharerId === p.id || r.beneficiaryId === p.id)
      .flatMap((r) => {
        const after = endedAs(r, 'R6', req.at);
        return isRefusal(after) ? [] : [after];
      });
    const postings = this.ledger.post(ended.flatMap((r) => quotaReturn(r, this.quota(r.id), req.at)));
    for (const r of ended) this.#relationships.set(r.id, r);
    this.#people.set(
      p.id,
      c.kind === 'move'
        ? { ...p, poolingArea: c.poolingArea, province: c.province }
        : { ...p, scheme: c.kind === 'terminate' ? 'uninsured' : c.scheme },
    );
    return { ok: true, postings, ended: ended.map((r) => r.id) };
  }

  /** Every enrolment paid so far (R2, R11), in the order paid. */
  enrolments(): readonly Readonly<Enrolment>[] {
    return this.#enrolments.map((e) => e.enrolment);
  }

  /**
   * R2: relatives enrolled with a contribution paid earlier become resident insured when their
   * coverage year begins. Each operation calls this with its moment first, so that the book stands
   * as of that moment (operations come in time order).
   */
  #startCoverage(at: number): void {
    for (const e of this.#enrolments) {
      if (!e.pending || e.enrolment.coverageFrom > at) continue;
      e.pending = false;
      const p = this.#people.get(e.enrolment.personId)!;
      if (p.scheme === 'uninsured') this.#people.set(p.id, { ...p, scheme: 'resident' });
    }
  }

  /** A person in the book, as they stand now. */
  person(id: string): Readonly<Person> {
    const p = this.#people.get(id);
    if (!p) throw new Error(`no person "${id}" in the book`);
    return p;
  }

  /** Every person in the book. */
  people(): readonly Readonly<Person>[] {
    return [...this.#people.values()];
  }

  /** A relationship in the book. */
  relationship(id: string): Readonly<Relationship> {
    const r = this.#relationships.get(id);
    if (!r) throw new Error(`no relationship "${id}" in the book`);
    return r;
  }

  /** Every relationship, active or ended, in the order they were set up. */
  relationships(): readonly Readonly<Relationship>[] {
    return [...this.#relationships.values()];
  }

  /** The person's personal-account balance outside all quotas (R8), in fen. */
  spendable(personId: string): number {
    return this.ledger.balance(accountOf(personId));
  }

  /** What is left of one relationship's quota, in fen. */
  quota(relationshipId: string): number {
    return this.ledger.balance(quotaOf(relationshipId));
  }

  /** Fen the person has earmarked as quotas of active relationships (virtual quotas; under wallet-transfer the money has left). */
  earmarked(personId: string): number {
    if (this.params.quotaModel === 'wallet-transfer') return 0;
    return this.relationships()
      .filter((r) => r.endedAt === null && r.sharerId === personId)
      .reduce((s, r) => s + this.quota(r.id), 0);
  }
}

function assertBill(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw new RangeError(`a bill must be a positive whole number of fen, got ${amountFen}`);
  }
}
