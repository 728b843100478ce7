/**
 * The engine's codes (引擎代码): uses, geographies and near-relative relations by number, in the
 * order in which the flow cube, the monthly summaries and the run context index them, and how many
 * of each there are.
 */
import { SCHEMES } from '../population/columns';
import { NEAR_RELATIVE_KINDS, PERMITTED_USES, type RelationKind } from '../rules/types';

/** The relation kinds a family link can have, by code (index). */
export const RELATION_CODES: readonly RelationKind[] = NEAR_RELATIVE_KINDS;

/** The code of each relation kind (−1 for kinds a family link never has). */
export const RELATION_CODE: Readonly<Record<RelationKind, number>> = {
  spouse: 0,
  parent: 1,
  child: 2,
  sibling: 3,
  grandparent: 4,
  grandchild: 5,
  'parent-in-law': -1,
  'child-in-law': -1,
  'sibling-in-law': -1,
  other: -1,
};

/** Uses by code: the order of PERMITTED_USES (and of the flow cube's use dimension). */
export const USE_MEDICAL = 0;
/** Pharmacy purchases. */
export const USE_PHARMACY = 1;
/** Resident-insurance contributions. */
export const USE_RESIDENT = 2;
/** Long-term-care contributions. */
export const USE_LTC = 3;
/** Number of use codes. */
export const USE_COUNT = PERMITTED_USES.length;

/** Geography codes of a relationship: same pooling area, same province, across provinces. */
export const GEO_SAME_AREA = 0;
/** Different pooling areas of one province. */
export const GEO_SAME_PROVINCE = 1;
/** Different provinces. */
export const GEO_CROSS_PROVINCE = 2;
/** Number of geography codes. */
export const GEOGRAPHY_COUNT = 3;

/** Number of scheme codes (population/columns.ts `SchemeCode`). */
export const SCHEME_COUNT = SCHEMES.length;

/** Number of role codes in a family (population/columns.ts `Role`). */
export const ROLE_COUNT = 4;
