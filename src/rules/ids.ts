/**
 * The ids of the policy rules (see the rules of 个人账户跨省共济): R1–R12 for sharing, C1–C7 for
 * clearing. Every ledger posting and every refusal carries one of them, so a trainer, a test or an
 * auditor can trace each movement of money back to the rule that allowed it.
 *
 * Two book-keeping ids stand beside them for money that moves before any sharing rule applies:
 * `OPEN` (an account's opening balance when a book is set up) and `CREDIT` (the monthly credit to a
 * personal account under the 2021 crediting rules).
 */
export const SHARING_RULES = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
] as const;

/** Clearing rules C1–C7 (清算). */
export const CLEARING_RULES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'] as const;

/** Book-keeping ids for money that exists before sharing: opening balances and monthly credits. */
export const BOOKKEEPING_IDS = ['OPEN', 'CREDIT'] as const;

/** A sharing rule id, R1–R12. */
export type SharingRuleId = (typeof SHARING_RULES)[number];
/** Any id a posting or refusal may carry. */
export type RuleId = SharingRuleId | (typeof CLEARING_RULES)[number] | (typeof BOOKKEEPING_IDS)[number];

const ALL: ReadonlySet<string> = new Set<string>([...SHARING_RULES, ...CLEARING_RULES, ...BOOKKEEPING_IDS]);

/** True when `id` names a rule or book-keeping id that postings may carry. */
export function isRuleId(id: string): id is RuleId {
  return ALL.has(id);
}
