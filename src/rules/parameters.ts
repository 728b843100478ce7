/**
 * The choices the policy leaves open (rules.md calls them **parameters**). Rule functions read them
 * from here and never hard-code them; the scenario layer (src/scenario) validates a scenario file
 * and produces this object.
 */
import type { PermittedUse } from './types';

/** R2: which relatives count as near relatives (近亲属). */
export type RelativeScope = 'spouse-parents-children' | 'near-relatives';

/** R9: whether a quota is a virtual earmark (2026) or money moved into the relative's wallet (2025 pilot). */
export type QuotaModel = 'virtual-quota' | 'wallet-transfer';

/** R12: the order in which a beneficiary's quotas are drawn on. */
export type QuotaOrder = 'oldest-first' | 'newest-first' | 'largest-first' | 'smallest-first';

/** R3: which geographies sharing may span, and when the wallet goes live where. */
export interface GeographyParameters {
  /** Sharer and beneficiary in the same pooling area (统筹地区). */
  samePoolingArea: boolean;
  /** Different pooling areas of the same province. */
  sameProvince: boolean;
  /** Different provinces (open from 2026). */
  crossProvince: boolean;
  /**
   * The wallet rollout: the first month (`YYYY-MM`) in which a pooling area can set up relationships.
   * Lookup order: `byPoolingArea[code6]`, then `byProvince[code2]`, then `defaultStart`.
   */
  rollout: {
    defaultStart: string;
    byProvince: Record<string, string>;
    byPoolingArea: Record<string, string>;
  };
}

/** R7: limits on setting and changing quotas (the 2025 pilot: 3 a day, 2,000 yuan each, none 22:00–06:00). */
export interface QuotaLimits {
  /** Largest single quota change (increase or decrease) in fen, or null for no limit. */
  maxChangeFen: number | null;
  /** Largest quota one relationship may hold, in fen, or null for no limit. */
  maxQuotaFen: number | null;
  /** Most quota changes one sharer may make in a calendar day, or null for no limit. */
  maxChangesPerDay: number | null;
  /** Hours in which no change is accepted, as minutes after midnight; wraps past midnight; null for none. */
  quietHours: { startMinute: number; endMinute: number } | null;
  /**
   * R11: most shared money (from all quotas together) one beneficiary may use in a calendar month,
   * in fen, or null (or absent) for no cap. Not in the 2026 notice: a what-if for researchers.
   */
  monthlyUseCapFen?: number | null;
}

/** R12: the order of payment for one bill of a beneficiary. Cash always comes last. */
export interface PaymentOrder {
  /** Whether the beneficiary's own personal account pays before or after the shared quotas. */
  ownAccount: 'first' | 'after-quotas';
  /** The order among several sharers' quotas. */
  quotaOrder: QuotaOrder;
}

/** Every rule parameter, as read from a scenario. */
export interface RuleParameters {
  /** R2 */
  relativeScope: RelativeScope;
  /**
   * R2: whether shared money may pay the resident or long-term-care contribution that enrols a near
   * relative who is not insured (insured from the next coverage year); on from 2026.
   */
  enrolmentOfUninsured: boolean;
  /** R3 */
  geography: GeographyParameters;
  /** R7 */
  quotaLimits: QuotaLimits;
  /** R9 */
  quotaModel: QuotaModel;
  /** R11: which of the four permitted uses are open. */
  permittedUses: readonly PermittedUse[];
  /** R12 */
  paymentOrder: PaymentOrder;
}
