/**
 * The rules of the engine's postings (记账规则): every posting carries the id of the rule that
 * allowed it. The month loop passes the id itself (a constant string, as cheap to pass as a number),
 * so the bulk path never looks one up, and a traced family's ledger books it as it is.
 */
import type { RuleId } from '../rules/ids';

/**
 * The rule ids the engine posts under: opening balances (OPEN), monthly credits (CREDIT), quotas set
 * or lowered (R7), own spending (R8), wallet transfers (R9), quotas returned (R10), payments from
 * quotas (R11) and from the own account or in cash (R12).
 */
export const POSTING_RULES = [
  'OPEN',
  'CREDIT',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
] as const satisfies readonly RuleId[];

/** A rule id the engine posts under. */
export type PostingRule = (typeof POSTING_RULES)[number];
