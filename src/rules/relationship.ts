/**
 * Ending a sharing relationship (共济关系): R4 (by choice), R6 (by an insurance change) and R10 (the
 * unused quota returns to the sharer at once).
 */
import { accountOf, quotaOf } from './accounts';
import type { PostingInput } from './ledger';
import { refuse, type Refusal } from './refusal';
import type { Relationship } from './types';

/**
 * The refusal for acting on a relationship that has already ended, naming the rule that ended it
 * (R4 by choice, R6 by an insurance change), or null while it is active.
 */
export function partyRefusal(rel: Readonly<Relationship>): Refusal | null {
  const by = rel.endedBy;
  if (by === null) return null;
  const why = by === 'R6' ? ['因参保关系变动', 'by an insurance change'] : ['已被解除', 'by choice'];
  return refuse(
    by,
    'relationship-not-active',
    `该共济关系${why[0]}而终止（${by}），不能再操作。`,
    `This sharing relationship has ended ${why[1]} (${by}); nothing more can be done with it.`,
  );
}

/** R10: the posting that gives a relationship's unused quota back to the sharer (none when nothing is left). */
export function quotaReturn(rel: Readonly<Relationship>, unusedQuotaFen: number, at: number): PostingInput[] {
  if (unusedQuotaFen <= 0) return [];
  return [{ from: quotaOf(rel.id), to: accountOf(rel.sharerId), amountFen: unusedQuotaFen, rule: 'R10', at }];
}

/**
 * The relationship as it stands after ending at `at` for the reason `endedBy` (R4 or R6). A
 * relationship that has already ended is refused with the rule that ended it: its end (when and
 * why) stays as it was.
 */
export function ended(rel: Readonly<Relationship>, endedBy: 'R4' | 'R6', at: number): Relationship | Refusal {
  return partyRefusal(rel) ?? { ...rel, endedAt: at, endedBy };
}
