/**
 * A simulation run on a worker pool (模拟运行): plan the family sample into ranges, simulate them on
 * the pool, and add the workers' packed totals up. Clearing runs afterwards on the merged flows.
 */
import { emptyResult, type RangeResult } from '../engine/result';
import type { EngineInput } from '../engine/input';
import { windowMonths } from '../engine/input';
import { sampleSize } from '../population/generate';
import { planRanges, type FamilyRange, type PlanOptions } from './plan';
import type { PoolRunOptions, WorkerPool } from './pool';
import { addPacked, type PackedResult } from './transfer';
import { DEFAULT_WATCHDOG, type WatchdogOptions } from './watchdog';

/** A pool of simulation workers: each hands over its packed total at the end of a run. */
export type SimulationPool = WorkerPool<EngineInput, PackedResult>;

/** Options of {@link simulateOnPool}. */
export interface SimulateOptions extends Pick<
  PoolRunOptions<PackedResult, RangeResult>,
  'onProgress' | 'signal' | 'now'
> {
  /** Overrides of the range plan (the worker count is the pool's). */
  plan?: Omit<PlanOptions, 'workers'>;
  /** Overrides of the range time limits (default: {@link runWatchdog} of the input). */
  watchdog?: WatchdogOptions;
}

/**
 * The range time limits of a run: the defaults, with the prior per family scaled by the window's
 * length in years (a family's work grows with its months), so a long window is not cut short.
 */
export function runWatchdog(input: EngineInput): WatchdogOptions {
  const years = Math.max(1, windowMonths(input.window).length / 12);
  return { ...DEFAULT_WATCHDOG, priorMsPerFamily: DEFAULT_WATCHDOG.priorMsPerFamily * years };
}

/** Simulates every family of the input's 1:k sample on `pool` and returns the merged result. */
export async function simulateOnPool(
  pool: SimulationPool,
  input: EngineInput,
  options: SimulateOptions = {},
): Promise<RangeResult> {
  return simulateFamiliesOnPool(pool, input, { from: 0, to: sampleSize(input.model, input.scaleK) }, options);
}

/**
 * Simulates sample positions [from, to) of the input's sample on `pool`, split by the pool's range
 * plan (the whole sample for {@link simulateOnPool}, one shard's part of it for a sharded run).
 */
export async function simulateFamiliesOnPool(
  pool: SimulationPool,
  input: EngineInput,
  span: { from: number; to: number },
  options: SimulateOptions = {},
): Promise<RangeResult> {
  const ranges: FamilyRange[] = planRanges(span.to - span.from, { ...options.plan, workers: pool.size }).map(
    (r) => ({ index: r.index, from: r.from + span.from, to: r.to + span.from }),
  );
  const merged = await pool.run(input, ranges, {
    merge: addPacked,
    onProgress: options.onProgress,
    signal: options.signal,
    now: options.now,
    watchdog: options.watchdog ?? runWatchdog(input),
  });
  return merged ?? emptyResult(windowMonths(input.window).length, input.areaCount, input.scaleK);
}
