/**
 * Names of ledger accounts. A key is `kind:id`; its kind decides which side of zero it lives on
 * (see `natureByPrefix` in ledger.ts).
 */
import type { PermittedUse } from './types';

/** A person's spendable personal account (个人账户): the part of the balance outside every quota. */
export function accountOf(personId: string): string {
  return `account:${personId}`;
}

/** The earmarked quota (共济额度) of one relationship; under wallet-transfer, the money in the relative's wallet. */
export function quotaOf(relationshipId: string): string {
  return `quota:${relationshipId}`;
}

/** The pooling area's fund (统筹基金), where account credits come from. */
export function fundOf(poolingArea: string): string {
  return `fund:${poolingArea}`;
}

/** Cash a person paid out of pocket (现金). */
export function cashOf(personId: string): string {
  return `cash:${personId}`;
}

/** The payee kinds: designated hospital or clinic, designated pharmacy, and the two contribution collectors. */
export const PAYEE_OF_USE: Readonly<Record<PermittedUse, string>> = {
  medical: 'hospital',
  pharmacy: 'pharmacy',
  'resident-contribution': 'resident-contribution-collector',
  'ltc-contribution': 'ltc-contribution-collector',
};

/** The payee that receives a payment for `use` in a pooling area. */
export function payeeOf(use: PermittedUse, poolingArea: string): string {
  return `payee:${PAYEE_OF_USE[use]}:${poolingArea}`;
}
