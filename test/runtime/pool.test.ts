import { describe, expect, test } from 'vitest';
import { planRanges } from '../../src/runtime/plan';
import { RangeFailure, type RangeWorker, RunCancelled, WorkerPool } from '../../src/runtime/pool';
import type { RunProgress } from '../../src/runtime/progress';

/** An in-process worker that sums the positions of a range after `delay` ms, failing on `failAt`. */
function summingWorker(spawned: { count: number }, failAt = -1, delay = 1): RangeWorker<string, number> {
  spawned.count += 1;
  let alive = true;
  return {
    runRange: (job, from, to) =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          if (!alive) return;
          if (from <= failAt && failAt < to) reject(new Error(`bad family ${failAt} in ${job}`));
          else {
            let s = 0;
            for (let i = from; i < to; i++) s += i;
            resolve(s);
          }
        }, delay);
      }),
    crashed: new Promise<never>(() => undefined),
    terminate: () => {
      alive = false;
    },
  };
}

const merge = (total: number | null, part: number): number => (total ?? 0) + part;

describe('WorkerPool', () => {
  test('run() adds every range once, whatever the number of workers', async () => {
    const expected = (999 * 1000) / 2;
    for (const size of [1, 2, 4]) {
      const pool = new WorkerPool(() => summingWorker({ count: 0 }), size);
      expect(await pool.run('job', planRanges(1000, { workers: size }), { merge })).toBe(expected);
      pool.close();
    }
  });

  test('a worker that keeps its ranges hands them over once at the flush, and the total is the same', async () => {
    let flushes = 0;
    const keeping = (): RangeWorker<string, number> => {
      let kept: number | null = null;
      return {
        runRange: async (_job, from, to) => {
          for (let i = from; i < to; i++) kept = (kept ?? 0) + i;
          return null;
        },
        flush: async () => {
          flushes += 1;
          const out = kept;
          kept = null;
          return out;
        },
        crashed: new Promise<never>(() => undefined),
        terminate: () => undefined,
      };
    };
    const pool = new WorkerPool(keeping, 2);
    expect(await pool.run('job', planRanges(1000, { workers: 2 }), { merge })).toBe((999 * 1000) / 2);
    expect(flushes).toBe(2);
  });

  test('run() reports progress after every range, ending at the total with no time left', async () => {
    const pool = new WorkerPool(() => summingWorker({ count: 0 }), 2);
    const seen: RunProgress[] = [];
    await pool.run('job', planRanges(100, { workers: 2 }), { merge, onProgress: (p) => seen.push(p) });
    expect(seen).toHaveLength(8);
    expect(seen.map((p) => p.familiesDone)).toEqual(
      [...seen.map((p) => p.familiesDone)].sort((a, b) => a - b),
    );
    expect(seen.at(-1)).toMatchObject({ familiesDone: 100, familiesTotal: 100, rangesDone: 8, etaMs: 0 });
  });

  test('a failing range fails the run naming its range, and the next run works on new workers', async () => {
    const spawned = { count: 0 };
    let fail = 437;
    const pool = new WorkerPool(() => summingWorker(spawned, fail), 2);
    const ranges = planRanges(1000, { workers: 2 });
    const error = await pool.run('job', ranges, { merge }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeFailure);
    expect((error as RangeFailure).range).toEqual(ranges[3]);
    expect((error as Error).message).toMatch(
      /range 3 \(sample positions 375–499\) failed: bad family 437 in job/,
    );
    expect(pool.running).toBe(false);
    fail = -1;
    expect(await pool.run('job', ranges, { merge })).toBe((999 * 1000) / 2);
    expect(spawned.count).toBe(4);
  });

  test('a worker that dies fails the run with its reason', async () => {
    const pool = new WorkerPool<string, number>(
      () => ({
        runRange: () => new Promise<number>(() => undefined),
        crashed: Promise.reject(new Error('the worker thread exited with code 1')),
        terminate: () => undefined,
      }),
      1,
    );
    await expect(pool.run('job', planRanges(10, { workers: 1 }), { merge })).rejects.toThrow(
      /range 0 .* failed: the worker thread exited with code 1/,
    );
  });

  test('aborting the signal cancels the run; the pool runs again afterwards', async () => {
    const pool = new WorkerPool(() => summingWorker({ count: 0 }, -1, 20), 2);
    const controller = new AbortController();
    const ranges = planRanges(1000, { workers: 2 });
    const run = pool.run('job', ranges, {
      merge,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    await expect(pool.run('job', ranges, { merge, signal: controller.signal })).rejects.toBeInstanceOf(
      RunCancelled,
    );
    expect(await pool.run('job', ranges, { merge })).toBe((999 * 1000) / 2);
  });

  test('refuses a second run while one is going on', async () => {
    const pool = new WorkerPool(() => summingWorker({ count: 0 }), 1);
    const first = pool.run('job', planRanges(10, { workers: 1 }), { merge });
    await expect(pool.run('job', planRanges(10, { workers: 1 }), { merge })).rejects.toThrow(
      /already going on/,
    );
    expect(await first).toBe(45);
  });
});
