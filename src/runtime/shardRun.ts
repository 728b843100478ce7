/**
 * One shard of a run (分片运行): shard i of n simulates the i-th of n equal consecutive parts of the
 * family sample — the split the range plan makes for n workers with one range each — for the main
 * run and every replication, on a worker pool. The parts of any n cover every family once, so their
 * results add up to the single run's.
 */
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import type { Scenario } from '../scenario/schema';
import { planRanges } from './plan';
import { simulateFamiliesOnPool, type SimulationPool } from './run';
import { forEachSample } from './samples';
import type { ShardSample } from './shardFormat';

/**
 * Sample positions [from, to) of shard `shard` (1-based) of `shards` over `families` families:
 * consecutive parts whose sizes differ by at most one. With more shards than families the last
 * shards are empty.
 */
export function shardRange(families: number, shard: number, shards: number): { from: number; to: number } {
  if (!(
    Number.isInteger(shards) &&
    shards >= 1 &&
    Number.isInteger(shard) &&
    shard >= 1 &&
    shard <= shards
  )) {
    throw new RangeError(`a shard is i of n with 1 ≤ i ≤ n, got ${shard} of ${shards}`);
  }
  const parts = planRanges(families, {
    workers: shards,
    rangesPerWorker: 1,
    maxFamilies: Math.max(1, families),
  });
  const part = parts[shard - 1];
  return part ? { from: part.from, to: part.to } : { from: families, to: families };
}

/**
 * Simulates shard [from, to) of every sample of `scenario` (the main run, then each replication, at
 * the seeds and drawn parameters a single run uses) and hands each sample to `visit` in turn.
 */
export async function forEachShardSample(
  scenario: Scenario,
  population: { dataset: Dataset; model: PopulationModel },
  pool: SimulationPool,
  options: { scaleK: number; replications: number; from: number; to: number; signal?: AbortSignal },
  visit: (sample: ShardSample) => void | Promise<void>,
): Promise<void> {
  await forEachSample(
    scenario,
    population,
    (input, o) => simulateFamiliesOnPool(pool, input, options, o),
    { scaleK: options.scaleK, replications: options.replications, signal: options.signal },
    (sample) => visit({ index: sample.index, seed: sample.seed, result: sample.result }),
  );
}
