/**
 * A run over a range of families (家庭区间模拟): positions [from, to) of the 1:k sample are
 * generated chunk by chunk and each family is run through the window; the range's totals are then
 * weighted by k. Families are independent, so results of any split merge into the same bits.
 */
import { chunkSource, type ChunkSource } from '../population/generate';
import { streamKey } from '../population/random';
import { loadFamily, simulateFamily } from './family';
import { finishTrace, startTrace } from './familyTrace';
import type { EngineInput } from './input';
import { prepare, type RunContext } from './prepare';
import {
  ACCOUNT_CLASS,
  classIndex,
  CLASSES,
  emptyResult,
  mergeAllButFlows,
  summaryIndex,
  type RangeResult,
} from './result';
import { FamilyState } from './state';
import { STANDING_FIELDS, STANDING_SUMMARY, standingIndex } from './totals';

/** Families generated per chunk inside a range (small enough for the chunk to stay in cache while it is simulated). */
export const CHUNK_FAMILIES = 2048;

/** A run's prepared context and its chunk buffers, made once per input (ranges of a run run one at a time). */
interface RangeContext {
  ctx: RunContext;
  chunks: ChunkSource;
}
const contexts = new WeakMap<EngineInput, RangeContext>();
function contextOf(input: EngineInput): RangeContext {
  let c = contexts.get(input);
  if (!c) {
    const population = streamKey(input.seed);
    const chunks = chunkSource(input.model, population, input.scaleK, CHUNK_FAMILIES);
    contexts.set(input, (c = { ctx: prepare(input), chunks }));
  }
  return c;
}

/** Options of a range run. */
export interface RangeOptions {
  /** Family indices (position × k) whose every posting is kept, with its rule id, in a trace. */
  traceFamilies?: readonly number[];
}

/**
 * Simulates the families at positions [fromPosition, toPosition) of the 1:k sample over the
 * scenario's window and returns their flows, monthly summaries, ledger totals, conservation
 * residuals and the traces asked for.
 */
export function simulateRange(
  input: EngineInput,
  fromPosition: number,
  toPosition: number,
  options: RangeOptions = {},
): RangeResult {
  return addRange(null, input, fromPosition, toPosition, options);
}

/**
 * As {@link simulateRange}, adding the range's result into `total` (a result of the same input) and
 * returning it: the range's flows go straight into the total's cube, with no cube of their own.
 * With `total` null it returns the range's result.
 */
export function addRange(
  total: RangeResult | null,
  input: EngineInput,
  fromPosition: number,
  toPosition: number,
  options: RangeOptions = {},
): RangeResult {
  const { ctx, chunks } = contextOf(input);
  const f = new FamilyState(ctx);
  const traced = new Set(options.traceFamilies ?? []);
  const M = ctx.months;
  const k = input.scaleK;
  const result = emptyResult(M, input.areaCount, k);
  let persons = 0;
  for (let first = fromPosition; first < toPosition; first += CHUNK_FAMILIES) {
    const chunk = chunks(first, Math.min(CHUNK_FAMILIES, toPosition - first));
    for (let j = 0; j < chunk.familyCount; j++) {
      loadFamily(f, chunk, j);
      const trace = traced.size > 0 && traced.has(f.familyIndex);
      if (trace) startTrace(f);
      simulateFamily(f);
      if (trace) result.traces.push(finishTrace(f, chunk, j));
    }
    result.families += chunk.familyCount;
    persons += chunk.personCount;
  }
  const totals = f.totals;
  totals.pourAccountTotals();
  result.personMonths = persons * M * k;
  result.families *= k;
  result.movedFen = totals.movedFen * k;
  const standing = new Float64Array(STANDING_FIELDS);
  for (let m = 0; m < M; m++) {
    for (let what = 0; what < STANDING_FIELDS; what++) {
      standing[what] = standing[what]! + totals.standingChange[standingIndex(m, what)]!;
      totals.summary[summaryIndex(m, STANDING_SUMMARY[what]!)] = standing[what]!;
    }
  }
  for (let i = 0; i < totals.summary.length; i++) result.summary[i] = totals.summary[i]! * k;
  for (let i = 0; i < totals.refusals.length; i++) result.refusals[i] = totals.refusals[i]! * k;
  for (let i = 0; i < totals.profile.length; i++) result.beneficiaryProfile[i] = totals.profile[i]! * k;
  for (let i = 0; i < totals.enrolments.length; i++) result.enrolments[i] = totals.enrolments[i]! * k;
  const W = CLASSES.length;
  const cum = new Float64Array(W);
  for (let m = 0; m < M; m++) {
    let total = 0;
    for (let c = 0; c < W; c++) {
      cum[c] = cum[c]! + totals.classNet[classIndex(m, c)]!;
      result.ledger[classIndex(m, c)] = cum[c]! * k;
      total += cum[c]!;
    }
    let residual = Math.abs(total);
    for (const c of [ACCOUNT_CLASS.accounts, ACCOUNT_CLASS.quotas, ACCOUNT_CLASS.wallets])
      residual += Math.abs(cum[c]! - totals.classState[classIndex(m, c)]!);
    result.residual[m] = residual * k;
  }
  if (total === null) {
    totals.flows.pourInto(result.flows, k);
    return result;
  }
  mergeAllButFlows(total, result);
  totals.flows.pourInto(total.flows, k);
  return total;
}
