import { describe, expect, test } from 'vitest';
import { loadFamily, simulateFamily } from '../../src/engine/family';
import { beneficiarySlot } from '../../src/engine/familyTables';
import { prepare } from '../../src/engine/prepare';
import { FamilyState } from '../../src/engine/state';
import { chunkSource } from '../../src/population/generate';
import { streamKey } from '../../src/population/random';
import { inputOf } from './helpers';

const K2000 = 2000;
const FAMILIES = 4000;

/** Where beneficiary b's list disagrees with a pass over the family's relationships, or null. */
function listMismatch(f: FamilyState): string | null {
  const rels = f.relationships;
  for (let b = 0; b < f.members.count; b++) {
    const scanned: number[] = [];
    for (let r = 0; r < rels.count; r++)
      if (rels.active[r] === 1 && f.pairs.beneficiary[rels.pair[r]!] === b) scanned.push(r);
    const n = rels.asBeneficiary[b]!;
    const listed = [...rels.ofBeneficiary.subarray(beneficiarySlot(b, 0), beneficiarySlot(b, n))];
    if (JSON.stringify(listed) !== JSON.stringify(scanned))
      return `family ${f.familyIndex}, member ${b}, month ${f.m}: listed ${listed}, active ${scanned}`;
  }
  return null;
}

describe('the relationships a bill draws on', () => {
  test("each beneficiary's list is the family's active relationships for them, oldest first, whenever something is counted", () => {
    // Many relationships that often end: beneficiaries with several at once, ended in any order.
    const input = inputOf('baseline-2026', K2000, (s) => {
      s.behaviour.uptake.initialShare = { samePoolingArea: 0.6, sameProvince: 0.6, crossProvince: 0.6 };
      s.behaviour.ending.voluntaryMonthly = 0.15;
    });
    const ctx = prepare(input);
    const chunks = chunkSource(input.model, streamKey(input.seed), K2000, FAMILIES);
    const chunk = chunks(0, FAMILIES);
    const f = new FamilyState(ctx);
    // Every summary count (a set-up, an end, a bill, …) is a point at which the lists must hold.
    const count = FamilyState.prototype.count;
    let checks = 0;
    let first: string | null = null;
    let endedBetweenOthers = 0;
    FamilyState.prototype.count = function (this: FamilyState, field, v) {
      checks++;
      first ??= listMismatch(this);
      count.call(this, field, v);
    };
    try {
      for (let j = 0; j < chunk.familyCount; j++) {
        loadFamily(f, chunk, j);
        simulateFamily(f);
        first ??= listMismatch(f);
        // Relationships that ended between an older and a newer one of the same beneficiary, both
        // still standing at the window's end: the case a wrong removal would reorder.
        const rels = f.relationships;
        for (let r = 0; r < rels.count; r++) {
          if (rels.active[r] === 1) continue;
          const b = f.pairs.beneficiary[rels.pair[r]!]!;
          const standing = (from: number, to: number) =>
            rels.active
              .subarray(from, to)
              .some((a, i) => a === 1 && f.pairs.beneficiary[rels.pair[from + i]!] === b);
          if (standing(0, r) && standing(r + 1, rels.count)) endedBetweenOthers++;
        }
      }
    } finally {
      FamilyState.prototype.count = count;
    }
    expect(first).toBeNull();
    expect(checks).toBeGreaterThan(10_000);
    expect(endedBetweenOthers).toBeGreaterThan(0);
  });
});
