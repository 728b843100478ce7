/**
 * Playing a training story (培训故事回放) on a fresh sharing book: each step's operation is called
 * on the book, and what happened is kept as a frame (the postings with their rule ids, or the
 * refusal; every balance afterwards; the debts between pooling areas the step creates, C1). Account
 * names are the story's own (`quota:<relationship id>` rather than the book's numbering), so a
 * frame compares directly with the step's expectation. Replaying is deterministic: the frames of
 * the first n steps are the same however often, and in whatever order, they are asked for.
 */
import type { RuleId } from '../rules/ids';
import type { Refusal } from '../rules/refusal';
import { SharingBook, type Outcome } from '../rules/book';
import { parseStamp } from '../rules/time';
import type { LoadedStory } from './storyParse';
import type { Story, StoryStep } from './storySchema';

/** One posting as a story shows it: accounts named with the story's ids. */
export interface StoryPosting {
  seq: number;
  from: string;
  to: string;
  amountFen: number;
  rule: RuleId;
  at: number | null;
}

/**
 * A debt between two pooling areas (C1): a beneficiary's payment in `toArea` drawn on a quota of a
 * sharer insured in `fromArea`. Provinces are the first two digits of the codes.
 */
export interface AreaDebt {
  fromArea: string;
  toArea: string;
  amountFen: number;
  /** The posting that created it. */
  seq: number;
}

/** What one step did. */
export type StepResult =
  { ok: true; postings: StoryPosting[]; ended: string[] } | { ok: false; refusal: Refusal };

/** The state of the story after one step. */
export interface StoryFrame {
  /** 1-based number of the step. */
  step: number;
  result: StepResult;
  /** Every account with a non-zero balance, story names, sorted by name. */
  balances: Record<string, number>;
  /** Debts between pooling areas created by this step (C1). */
  debts: AreaDebt[];
  /** The pooling area each person is insured in after the step. */
  areas: Record<string, string>;
  /** Relationships of the story that are set up and not ended after the step. */
  active: string[];
}

/** A story step the book cannot run (a program or story error, never a policy refusal). */
export class StoryRunError extends Error {
  override name = 'StoryRunError';
}

/** A story and its book while it is being played. */
class Player {
  readonly book: SharingBook;
  /** Book relationship id → story relationship id, and back. */
  readonly #toStory = new Map<string, string>();
  readonly #toBook = new Map<string, string>();

  constructor(readonly loaded: LoadedStory) {
    const { story, params } = loaded;
    this.book = new SharingBook(params, story.ltcAreas ? { ltcAreas: story.ltcAreas } : {});
    for (const p of story.people) {
      this.book.addPerson(
        { id: p.id, name: p.name.zh, scheme: p.scheme, poolingArea: p.poolingArea, province: p.province },
        p.balanceFen,
      );
    }
  }

  /** The story name of a ledger account (`quota:rel-1` → `quota:li-na-father`). */
  accountName(key: string): string {
    if (!key.startsWith('quota:')) return key;
    return `quota:${this.#toStory.get(key.slice(6)) ?? key.slice(6)}`;
  }

  #bookRel(storyRel: string, n: number): string {
    const id = this.#toBook.get(storyRel);
    if (!id) throw new StoryRunError(`step ${n}: the relationship "${storyRel}" has not been set up`);
    return id;
  }

  #relDef(storyRel: string, n: number): Story['relationships'][number] {
    const r = this.loaded.story.relationships.find((x) => x.id === storyRel);
    if (!r) throw new StoryRunError(`step ${n}: no relationship "${storyRel}" in the story`);
    return r;
  }

  /** Calls the book for one step. */
  #call(s: StoryStep, n: number): Outcome<{ relationshipId?: string; ended?: string[] }> {
    const at = parseStamp(s.at);
    const b = this.book;
    switch (s.op) {
      case 'credit':
        return { ok: true, postings: b.credit(s.person, s.amountFen, at) };
      case 'establish': {
        const r = this.#relDef(s.relationship, n);
        const out = b.establish({
          sharerId: r.sharer,
          beneficiaryId: r.beneficiary,
          relation: r.relation,
          at,
          consent: s.consent ?? { sharer: true, beneficiary: true },
        });
        if (out.ok) {
          this.#toBook.set(r.id, out.relationshipId);
          this.#toStory.set(out.relationshipId, r.id);
        }
        return out;
      }
      case 'setQuota':
        return b.setQuota({ relationshipId: this.#bookRel(s.relationship, n), quotaFen: s.quotaFen, at });
      case 'payAsBeneficiary':
        return b.payAsBeneficiary({
          beneficiaryId: s.person,
          purpose: s.purpose,
          amountFen: s.amountFen,
          poolingArea: s.poolingArea,
          at,
        });
      case 'payOwn':
        return b.payOwn({
          personId: s.person,
          purpose: s.purpose,
          amountFen: s.amountFen,
          poolingArea: s.poolingArea,
          at,
          ...(s.accountOnly === undefined ? {} : { accountOnly: s.accountOnly }),
        });
      case 'end':
        return b.end({ relationshipId: this.#bookRel(s.relationship, n), by: s.by, at });
      case 'changeInsurance':
        return b.changeInsurance({ personId: s.person, change: s.change, at });
    }
  }

  /** Plays step `n` (1-based) and returns its frame. */
  play(n: number): StoryFrame {
    const s = this.loaded.story.steps[n - 1];
    if (!s) throw new StoryRunError(`the story has no step ${n}`);
    const out = this.#call(s, n);
    const result: StepResult = out.ok
      ? {
          ok: true,
          postings: out.postings.map((p) => ({
            seq: p.seq,
            from: this.accountName(p.from),
            to: this.accountName(p.to),
            amountFen: p.amountFen,
            rule: p.rule,
            at: p.at ?? null,
          })),
          ended: (out.ended ?? []).map((id) => this.#toStory.get(id) ?? id),
        }
      : { ok: false, refusal: out };
    return {
      step: n,
      result,
      balances: this.balances(),
      debts: out.ok ? this.#debts(out.postings) : [],
      areas: Object.fromEntries(this.book.people().map((p) => [p.id, p.poolingArea])),
      active: this.book
        .relationships()
        .filter((r) => r.endedAt === null)
        .map((r) => this.#toStory.get(r.id) ?? r.id),
    };
  }

  /** C1: quota payments whose payee sits in another pooling area than the sharer's fund. */
  #debts(postings: readonly { seq: number; from: string; to: string; amountFen: number }[]): AreaDebt[] {
    const debts: AreaDebt[] = [];
    for (const p of postings) {
      if (!p.from.startsWith('quota:') || !p.to.startsWith('payee:')) continue;
      const rel = this.book.relationship(p.from.slice(6));
      const fromArea = this.book.person(rel.sharerId).poolingArea;
      const toArea = p.to.slice(p.to.lastIndexOf(':') + 1);
      if (fromArea !== toArea) debts.push({ fromArea, toArea, amountFen: p.amountFen, seq: p.seq });
    }
    return debts;
  }

  /** Every non-zero balance, story names, sorted. */
  balances(): Record<string, number> {
    const entries = this.book.ledger
      .accounts()
      .filter(([, v]) => v !== 0)
      .map(([k, v]): [string, number] => [this.accountName(k), v])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
}

/** The balances before the first step: the opening balances of the story's people. */
export function openingBalances(loaded: LoadedStory): Record<string, number> {
  return new Player(loaded).balances();
}

/**
 * Plays the first `steps` steps of a story (all of them when omitted) on a fresh book and returns
 * one frame per step. Throws a StoryRunError when a step names a relationship not set up yet.
 */
export function playStory(loaded: LoadedStory, steps = loaded.story.steps.length): StoryFrame[] {
  const count = Math.max(0, Math.min(steps, loaded.story.steps.length));
  const player = new Player(loaded);
  const frames: StoryFrame[] = [];
  for (let n = 1; n <= count; n++) frames.push(player.play(n));
  return frames;
}
