/**
 * Near-relative links inside a synthetic family (家庭内近亲属关系), rule R2: spouse, parent, child,
 * sibling, grandparent and grandchild, derived from two members' roles and branches. In-laws,
 * aunts, uncles, nieces, nephews and cousins are not near relatives and give null.
 */
import type { RelationKind } from '../../rules/types';
import { Role } from '../columns';

/**
 * How member b is related to member a, seen from a (`'parent'`: b is a's parent), or null when b is
 * not a near relative of a (or is a itself: pass distinct members). Roles are {@link Role} codes;
 * branches say which sibling's household a sibling, spouse or child belongs to.
 */
export function nearRelation(
  roleA: number,
  branchA: number,
  roleB: number,
  branchB: number,
): RelationKind | null {
  const sameBranch = branchA === branchB;
  switch (roleA) {
    case Role.grandparent:
      if (roleB === Role.grandparent) return 'spouse';
      if (roleB === Role.sibling) return 'child';
      if (roleB === Role.child) return 'grandchild';
      return null;
    case Role.sibling:
      if (roleB === Role.grandparent) return 'parent';
      if (roleB === Role.sibling) return 'sibling';
      if (roleB === Role.spouse) return sameBranch ? 'spouse' : null;
      if (roleB === Role.child) return sameBranch ? 'child' : null;
      return null;
    case Role.spouse:
      if (roleB === Role.sibling) return sameBranch ? 'spouse' : null;
      if (roleB === Role.child) return sameBranch ? 'child' : null;
      return null;
    case Role.child:
      if (roleB === Role.grandparent) return 'grandparent';
      if (roleB === Role.sibling || roleB === Role.spouse) return sameBranch ? 'parent' : null;
      if (roleB === Role.child) return sameBranch ? 'sibling' : null;
      return null;
    default:
      return null;
  }
}
