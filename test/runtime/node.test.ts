import { afterAll, describe, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { sampleSize } from '../../src/population/generate';
import { resultDigest } from '../../src/runtime/digest';
import { spawnNodeWorker } from '../../src/runtime/node';
import { RangeFailure, RunCancelled, WorkerPool } from '../../src/runtime/pool';
import { simulateOnPool, type SimulationPool } from '../../src/runtime/run';
import { inputOf } from '../engine/helpers';

const pools: SimulationPool[] = [];
function pool(size: number): SimulationPool {
  const p = new WorkerPool(spawnNodeWorker, size);
  pools.push(p);
  return p;
}
afterAll(() => pools.forEach((p) => p.close()));

describe('simulateOnPool with Node worker threads', () => {
  const input = inputOf('baseline-2026', 10_000);

  test('gives byte-identical results with 1, 2 and 4 workers, equal to one in-process range', async () => {
    const direct = await resultDigest(simulateRange(input, 0, sampleSize(input.model, input.scaleK)));
    for (const size of [1, 2, 4]) {
      const merged = await simulateOnPool(pool(size), input);
      expect(merged.residual.every((r) => r === 0)).toBe(true);
      expect(await resultDigest(merged)).toBe(direct);
    }
  });

  test('a range that throws in its worker fails the run naming the range; the pool then runs again', async () => {
    const p = pool(2);
    // A scale the population refuses: the worker's generator throws for the range it is given.
    const broken = { ...input, scaleK: 0 };
    const ranges = [
      { index: 0, from: 0, to: 100 },
      { index: 1, from: 100, to: 200 },
    ];
    const error = await p.run(broken, ranges, { merge: (t, part) => t ?? part }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeFailure);
    expect((error as Error).message).toMatch(
      /^range [01] \(sample positions \d+–\d+\) failed: .*scale must be 1:k/,
    );
    const again = await simulateOnPool(p, input);
    expect(again.families).toBeGreaterThan(0);
  });

  test('cancelling stops the run with RunCancelled and the next run completes', async () => {
    const p = pool(2);
    const controller = new AbortController();
    const run = simulateOnPool(p, input, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    const after = await simulateOnPool(p, input, {});
    expect(after.families).toBe(sampleSize(input.model, input.scaleK) * input.scaleK);
  });
});
