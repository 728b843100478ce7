import { describe, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { resultDigest } from '../../src/runtime/digest';
import { WorkerPool } from '../../src/runtime/pool';
import { simulateFamiliesOnPool } from '../../src/runtime/run';
import { shardRange } from '../../src/runtime/shardRun';
import { packResult, type PackedResult } from '../../src/runtime/transfer';
import type { EngineInput } from '../../src/engine/input';
import type { RangeWorker } from '../../src/runtime/pool';
import { inputOf } from '../engine/helpers';

describe('shardRange: shard i of n is the i-th of n equal consecutive parts of the families', () => {
  test.each([1, 2, 3, 7, 8, 100])('the parts of %i shards cover every family once, sizes within one', (n) => {
    for (const families of [0, 1, 5, 99, 207_566]) {
      const parts = Array.from({ length: n }, (_, i) => shardRange(families, i + 1, n));
      let next = 0;
      for (const p of parts) {
        expect(p.from).toBe(next);
        next = p.to;
      }
      expect(next).toBe(families);
      const sizes = parts.map((p) => p.to - p.from).filter((s, i) => i < Math.min(n, families) || s > 0);
      if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  test('more shards than families: the last shards are empty', () => {
    expect(shardRange(2, 1, 3)).toEqual({ from: 0, to: 1 });
    expect(shardRange(2, 2, 3)).toEqual({ from: 1, to: 2 });
    expect(shardRange(2, 3, 3)).toEqual({ from: 2, to: 2 });
  });

  test('a shard outside 1…n is refused', () => {
    expect(() => shardRange(10, 0, 3)).toThrow(/1 ≤ i ≤ n, got 0 of 3/);
    expect(() => shardRange(10, 4, 3)).toThrow(/got 4 of 3/);
    expect(() => shardRange(10, 1, 0)).toThrow(RangeError);
  });
});

/** A worker that simulates in this thread (the real engine, no thread): enough to check the split. */
function inThread(): RangeWorker<EngineInput, PackedResult> {
  return {
    runRange: async (input, from, to) => packResult(simulateRange(input, from, to)),
    crashed: new Promise<never>(() => {}),
    terminate: () => {},
  };
}

describe('simulateFamiliesOnPool', () => {
  test("a shard's families split over the pool's ranges give the bits of the same families in one range", async () => {
    const input = inputOf('baseline-2026', 2000);
    const pool = new WorkerPool(inThread, 3);
    const part = await simulateFamiliesOnPool(pool, input, { from: 400, to: 1300 });
    expect(part.families).toBe(900 * 2000); // weighted by k
    expect(await resultDigest(part)).toBe(await resultDigest(simulateRange(input, 400, 1300)));
  });

  test('an empty shard gives an empty result of the run’s shape', async () => {
    const input = inputOf('baseline-2026', 2000);
    const empty = await simulateFamiliesOnPool(new WorkerPool(inThread, 2), input, { from: 50, to: 50 });
    expect(empty.families).toBe(0);
    expect(empty.months).toBe(12);
    expect(empty.weight).toBe(2000);
  });
});
