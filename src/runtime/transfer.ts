/**
 * Results across the worker boundary (结果传递): a worker's total packed into plain typed arrays that
 * structured cloning copies without loss, and added on the main side into the run's total. The
 * flow cube travels as packed cells (flat index, fen, count, squared payments: 28 bytes a cell) and is added straight
 * into the total's cube, so the main side never holds a second cube the size of a worker's.
 */
import { FlowCube, type PackedCells } from '../clearing/flows';
import { mergeAllButFlows, type RangeResult } from '../engine/result';

/** A {@link RangeResult} whose flow cube is flattened into packed cells. */
export interface PackedResult extends Omit<RangeResult, 'flows'> {
  flows: PackedCells & { months: number; areas: number };
}

/** Flattens a result for sending from a worker. */
export function packResult(result: RangeResult): PackedResult {
  return {
    ...result,
    flows: { ...result.flows.packedCells(), months: result.flows.months, areas: result.flows.areas },
  };
}

/**
 * Adds a packed result into `total` and returns it; with no total yet, rebuilds the packed result
 * as the total (its cube made at the size of its cells). Integer addition: any order, same bits.
 */
export function addPacked(total: RangeResult | null, packed: PackedResult): RangeResult {
  const f = packed.flows;
  if (total === null) {
    return { ...packed, flows: new FlowCube(f.months, f.areas, f.key.length).addPackedCells(f) };
  }
  if (f.months !== total.months || f.areas !== total.areas) {
    throw new RangeError('cannot merge flow cubes of different shapes');
  }
  mergeAllButFlows(total, packed);
  total.flows.addPackedCells(f);
  return total;
}
