/**
 * Candidate pairs (候选共济对) as their members stand now: whether a pair may set up a relationship
 * (R1, R2 through the rules' answers), its geography and the month it opens (R3: across provinces
 * from the later of the two wallets), and how aware the pair is of its kind of sharing.
 */
import { GEO_CROSS_PROVINCE, GEO_SAME_AREA, GEO_SAME_PROVINCE } from './codes';
import { NEVER as NEVER_EXPORT } from './familyTables';
import { relativeIndex } from './prepare';
import type { FamilyState } from './state';

// Imported constants in module-private bindings, which V8 folds into optimized code (state.ts).
const NEVER = NEVER_EXPORT;

/** Computes pair k's geography and the first month it may set up a relationship (R1–R3), as its members stand now. */
export function refreshPair(f: FamilyState, k: number): void {
  const c = f.ctx;
  const members = f.members;
  const pairs = f.pairs;
  const a = pairs.sharer[k]!;
  const b = pairs.beneficiary[k]!;
  const eligible =
    !members.gone[a] &&
    !members.gone[b] &&
    c.sharerOk[members.scheme[a]!] === 1 &&
    c.beneficiaryOk[relativeIndex(pairs.relation[k]!, members.scheme[b]!)] === 1;
  placePair(f, k, eligible);
}

/**
 * Sets pair k's geography from its members' areas now and its first open month: never when the
 * pair is not `eligible` (R1, R2) or its geography is closed, from the later wallet across provinces
 * (R3), else at once. family.ts `loadFamily` calls it directly, with the pair just found eligible.
 */
export function placePair(f: FamilyState, k: number, eligible: boolean): void {
  const c = f.ctx;
  const members = f.members;
  const pairs = f.pairs;
  const a = pairs.sharer[k]!;
  const b = pairs.beneficiary[k]!;
  const areaA = members.area[a]!;
  const areaB = members.area[b]!;
  const geo =
    areaA === areaB
      ? GEO_SAME_AREA
      : members.province[a] === members.province[b]
        ? GEO_SAME_PROVINCE
        : GEO_CROSS_PROVINCE;
  pairs.geography[k] = geo;
  pairs.openFrom[k] =
    !eligible || !c.geographyOpen[geo]
      ? NEVER
      : geo === GEO_CROSS_PROVINCE
        ? Math.max(0, c.walletFrom[areaA]!, c.walletFrom[areaB]!)
        : 0;
}

/** Whether pair k could set up a relationship this month (both eligible now, geography open, wallet live). */
export function pairOpen(f: FamilyState, k: number): boolean {
  return f.m >= f.pairs.openFrom[k]!;
}

/** Awareness of pair k's kind of sharing this month: 1 within a province; across provinces it grows after the wallet. */
export function awareness(f: FamilyState, k: number): number {
  const pairs = f.pairs;
  if (pairs.geography[k] !== GEO_CROSS_PROVINCE) return 1;
  const c = f.ctx;
  const months = c.input.behaviour.uptake.awarenessMonths;
  if (months <= 0) return 1;
  const area = f.members.area;
  const since =
    f.m - Math.max(c.walletFrom[area[pairs.sharer[k]!]!]!, c.walletFrom[area[pairs.beneficiary[k]!]!]!);
  return Math.min(1, (since + 1) / months);
}
