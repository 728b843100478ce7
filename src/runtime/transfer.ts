/**
 * Results across the worker boundary (结果传递): a range result packed into plain typed arrays that
 * structured cloning copies (and transfers) without loss, and unpacked back into a RangeResult.
 */
import { FlowCube, type FlowColumns } from '../clearing/flows';
import type { RangeResult } from '../engine/result';

/** A {@link RangeResult} whose flow cube is flattened into cell columns. */
export interface PackedResult extends Omit<RangeResult, 'flows'> {
  flows: FlowColumns & { months: number; areas: number };
}

/** Flattens a result for sending from a worker. */
export function packResult(result: RangeResult): PackedResult {
  return {
    ...result,
    flows: { ...result.flows.columns(), months: result.flows.months, areas: result.flows.areas },
  };
}

/** The buffers of a packed result, to transfer rather than copy. */
export function packedBuffers(packed: PackedResult): ArrayBuffer[] {
  const f = packed.flows;
  const arrays = [
    f.month,
    f.sharerArea,
    f.treatmentArea,
    f.use,
    f.amountFen,
    f.count,
    packed.summary,
    packed.refusals,
    packed.ledger,
    packed.beneficiaryProfile,
    packed.residual,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Rebuilds the result a worker packed. */
export function unpackResult(packed: PackedResult): RangeResult {
  const f = packed.flows;
  return { ...packed, flows: new FlowCube(f.months, f.areas, f.month.length).addColumns(f) };
}
