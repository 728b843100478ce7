/**
 * Results across the worker boundary (结果传递): a range result packed into plain typed arrays that
 * structured cloning copies (and transfers) without loss, and unpacked back into a RangeResult.
 */
import { FlowCube } from '../clearing/flows';
import type { RangeResult } from '../engine/result';

/** A {@link RangeResult} whose flow cube is flattened into cell columns. */
export interface PackedResult extends Omit<RangeResult, 'flows'> {
  flows: {
    months: number;
    areas: number;
    month: Int32Array;
    sharerArea: Int32Array;
    treatmentArea: Int32Array;
    use: Int32Array;
    amountFen: Float64Array;
    count: Float64Array;
  };
}

/** Flattens a result for sending from a worker. */
export function packResult(result: RangeResult): PackedResult {
  const cells = result.flows.cells();
  const n = cells.length;
  const flows = {
    months: result.flows.months,
    areas: result.flows.areas,
    month: new Int32Array(n),
    sharerArea: new Int32Array(n),
    treatmentArea: new Int32Array(n),
    use: new Int32Array(n),
    amountFen: new Float64Array(n),
    count: new Float64Array(n),
  };
  cells.forEach((c, i) => {
    flows.month[i] = c.month;
    flows.sharerArea[i] = c.sharerArea;
    flows.treatmentArea[i] = c.treatmentArea;
    flows.use[i] = c.use;
    flows.amountFen[i] = c.amountFen;
    flows.count[i] = c.count;
  });
  return { ...result, flows };
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
    packed.residual,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Rebuilds the result a worker packed. */
export function unpackResult(packed: PackedResult): RangeResult {
  const f = packed.flows;
  const flows = new FlowCube(f.months, f.areas);
  for (let i = 0; i < f.month.length; i++) {
    flows.add(f.month[i]!, f.sharerArea[i]!, f.treatmentArea[i]!, f.use[i]!, f.amountFen[i]!, f.count[i]!);
  }
  return { ...packed, flows };
}
