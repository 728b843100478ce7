import { describe, expect, test } from 'vitest';
import type { RelationKind } from '../../../src/rules/types';
import { NO_BRANCH, Role } from '../../../src/population/columns';
import { nearRelation } from '../../../src/population/family/kinship';

const GP = [Role.grandparent, NO_BRANCH] as const;
const sib = (b: number) => [Role.sibling, b] as const;
const spouse = (b: number) => [Role.spouse, b] as const;
const child = (b: number) => [Role.child, b] as const;
type Member = readonly [number, number];
const rel = (a: Member, b: Member): RelationKind | null => nearRelation(a[0], a[1], b[0], b[1]);

const INVERSE: Partial<Record<RelationKind, RelationKind>> = {
  spouse: 'spouse',
  sibling: 'sibling',
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
};

describe('nearRelation (R2)', () => {
  test('R2: the near-relative links of a three-generation family', () => {
    expect(rel(GP, GP)).toBe('spouse');
    expect(rel(GP, sib(0))).toBe('child');
    expect(rel(sib(1), GP)).toBe('parent');
    expect(rel(GP, child(2))).toBe('grandchild');
    expect(rel(child(2), GP)).toBe('grandparent');
    expect(rel(sib(0), sib(1))).toBe('sibling');
    expect(rel(sib(0), spouse(0))).toBe('spouse');
    expect(rel(spouse(0), child(0))).toBe('child');
    expect(rel(child(0), sib(0))).toBe('parent');
    expect(rel(child(1), child(1))).toBe('sibling');
  });

  test('R2: in-laws, aunts, uncles, nieces, nephews and cousins are not near relatives', () => {
    expect(rel(GP, spouse(0))).toBeNull(); // parent-in-law
    expect(rel(spouse(0), GP)).toBeNull();
    expect(rel(sib(0), spouse(1))).toBeNull(); // sibling-in-law
    expect(rel(spouse(0), spouse(1))).toBeNull();
    expect(rel(sib(0), child(1))).toBeNull(); // niece or nephew
    expect(rel(child(1), sib(0))).toBeNull(); // aunt or uncle
    expect(rel(child(0), child(1))).toBeNull(); // cousins
  });

  test('every link read from the other side is its inverse', () => {
    const members: Member[] = [GP, ...[0, 1, 2].flatMap((b) => [sib(b), spouse(b), child(b)])];
    for (const a of members) {
      for (const b of members) {
        const ab = rel(a, b);
        const ba = rel(b, a);
        if (ab === null) expect(ba).toBeNull();
        else expect(ba).toBe(INVERSE[ab]);
      }
    }
  });
});
