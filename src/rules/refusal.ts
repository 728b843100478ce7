/**
 * Refusals (拒绝): a refused operation posts nothing and says which rule refused it, with a
 * machine-readable code and a message in Chinese and English that a person understands.
 */
import type { SharingRuleId } from './ids';

/** A refusal: the rule, a stable code for programs, and a message for people. */
export interface Refusal {
  ok: false;
  rule: SharingRuleId;
  code: RefusalCode;
  message: { zh: string; en: string };
}

/** Every reason a rule may refuse an operation. */
export type RefusalCode =
  | 'sharer-has-no-account'
  | 'not-near-relative'
  | 'outside-relative-scope'
  | 'beneficiary-not-insured'
  | 'geography-closed'
  | 'wallet-not-live'
  | 'consent-missing'
  | 'not-a-party'
  | 'duplicate-relationship'
  | 'relationship-not-active'
  | 'invalid-amount'
  | 'quota-exceeds-balance'
  | 'change-too-large'
  | 'quota-too-large'
  | 'too-many-changes'
  | 'quiet-hours'
  | 'frozen-by-quota'
  | 'insufficient-balance'
  | 'transfer-irreversible'
  | 'use-not-permitted'
  | 'use-closed'
  | 'use-not-applicable'
  | 'monthly-cap-reached';

/** Builds a refusal. */
export function refuse(rule: SharingRuleId, code: RefusalCode, zh: string, en: string): Refusal {
  return { ok: false, rule, code, message: { zh, en } };
}

/** True when a decision is a refusal. */
export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}
