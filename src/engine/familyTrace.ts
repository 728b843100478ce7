/**
 * Traces of named families (家庭明细): while a family is traced, every posting is also booked in a
 * real Ledger with its rule id (state.ts `post`); at the family's end the trace is returned with its
 * members, relationships, refusals and the state arrays' end balances by account name.
 */
import { SchemeCode, type PopulationChunk } from '../population/columns';
import { Ledger } from '../rules/ledger';
import type { FamilyTrace } from './result';
import type { FamilyState } from './state';

/** Geography names by geography code (codes.ts `GEO_*`). */
const GEOGRAPHIES = ['same-pooling-area', 'same-province', 'cross-province'] as const;

/** Starts a trace for the loaded family: its postings will be booked in a real Ledger. */
export function startTrace(f: FamilyState): void {
  f.trace = new Ledger();
  f.traceRefusals.length = 0;
}

/** Ends the trace of the loaded family and returns it, with the state arrays' end balances by account name. */
export function finishTrace(f: FamilyState, chunk: PopulationChunk, j: number): FamilyTrace {
  const ledger = f.trace!;
  f.trace = null;
  const start = chunk.familyStart[j]!;
  const codes = f.ctx.input.areaCodes;
  const members = f.members;
  const pairs = f.pairs;
  const rels = f.relationships;
  const endState: Record<string, number> = {};
  const persons = [];
  for (let p = 0; p < members.count; p++) {
    const id = f.personId(p);
    const i = start + p;
    persons.push({
      id,
      role: chunk.role[i]!,
      age: members.age[p]!,
      scheme: chunk.scheme[i]!,
      area: codes[chunk.insuredArea[i]!] ?? '',
    });
    if (chunk.scheme[i] === SchemeCode.employeeAccount) endState[`account:${id}`] = f.accounts.spendable[p]!;
  }
  const relationships = [];
  for (let r = 0; r < rels.count; r++) {
    endState[`quota:${f.relationshipId(r)}`] = rels.quota[r]!;
    const k = rels.pair[r]!;
    relationships.push({
      id: f.relationshipId(r),
      sharerId: f.personId(pairs.sharer[k]!),
      beneficiaryId: f.personId(pairs.beneficiary[k]!),
      geography: GEOGRAPHIES[rels.geography[r]!]!,
      since: rels.since[r]!,
      active: rels.active[r] === 1,
    });
  }
  return {
    familyIndex: f.familyIndex,
    persons,
    relationships,
    postings: [...ledger.postings],
    refusals: [...f.traceRefusals],
    endState,
  };
}
