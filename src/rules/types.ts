/**
 * The people and relationships the rules speak of: insured persons (参保人) with their scheme and
 * pooling area, near-relative links, and sharing relationships (共济关系) with their quotas.
 */

/** Insurance scheme (参保类型) of a person. Only `employee-account` holders have a personal account. */
export type Scheme = 'employee-account' | 'employee-pooling-only' | 'resident' | 'uninsured';

/** The schemes of basic medical insurance; a beneficiary must be in one of them (R2). */
export const INSURED_SCHEMES: readonly Scheme[] = ['employee-account', 'employee-pooling-only', 'resident'];

/**
 * How the beneficiary is related to the sharer, seen from the sharer: `parent` means the beneficiary
 * is the sharer's parent. In-law kinds exist so that they can be refused (R2): in-laws are not near
 * relatives under the Civil Code art. 1045.
 */
export type RelationKind = (typeof RELATION_KINDS)[number];

/** The near relatives (近亲属) of the Civil Code art. 1045, in a fixed order (the engine codes them by it). */
export const NEAR_RELATIVE_KINDS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'grandchild',
] as const;

/** Every relation kind: the near relatives, then the in-laws and others that R2 refuses. */
export const RELATION_KINDS = [
  ...NEAR_RELATIVE_KINDS,
  'parent-in-law',
  'child-in-law',
  'sibling-in-law',
  'other',
] as const;

/** The four uses of shared money that R11 permits (all for the beneficiary only). */
export type PermittedUse = 'medical' | 'pharmacy' | 'resident-contribution' | 'ltc-contribution';

/** Every permitted use, in the order R11 lists them. */
export const PERMITTED_USES: readonly PermittedUse[] = [
  'medical',
  'pharmacy',
  'resident-contribution',
  'ltc-contribution',
];

/**
 * What a payment is for. Beyond the four permitted uses, a few purposes people ask for that R11 does
 * not allow, so that requests for them can be refused by rule.
 */
export type Purpose =
  | PermittedUse
  | 'employee-contribution'
  | 'commercial-insurance'
  | 'non-designated-provider'
  | 'cash-withdrawal';

/** An insured person (or a relative who is not insured). Codes are official division codes. */
export interface Person {
  id: string;
  /** Display name, for training stories. */
  name?: string;
  scheme: Scheme;
  /** Pooling area (统筹地区) of insurance: six-digit division code. */
  poolingArea: string;
  /** Province of insurance: two-digit code. */
  province: string;
}

/** A directed sharing relationship sharer → beneficiary (共济关系). */
export interface Relationship {
  id: string;
  sharerId: string;
  beneficiaryId: string;
  relation: RelationKind;
  /** Minute stamp at which it was set up (see `src/rules/time.ts`). */
  since: number;
  /** Minute stamp at which it ended, or null while active. */
  endedAt: number | null;
  /** Why it ended (R4 by choice, R6 by an insurance change), or null while active. */
  endedBy: 'R4' | 'R6' | null;
}
