/**
 * Real worker threads that fail (一个真实线程出错): one that throws, one that exits, one stopped from
 * outside, one that loops and one that never answers. Each fails the run with its range named, in
 * bounded time, and the pool runs cleanly afterwards.
 */
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterEach, describe, expect, test } from 'vitest';
import { startThread } from '../../src/runtime/node';
import { planRanges } from '../../src/runtime/plan';
import { RangeFailure, type RangeWorker, WorkerPool } from '../../src/runtime/pool';
import type { WatchdogOptions } from '../../src/runtime/watchdog';
import { FAULT_POSITION, type Fault, type FaultWorkerApi } from './fixtures/faults';

const FAULT_WORKER = new URL('./fixtures/fault.worker.ts', import.meta.url).href;
const FAMILIES = 1000;
const EXPECTED = ((FAMILIES - 1) * FAMILIES) / 2;
const merge = (total: number | null, part: number): number => (total ?? 0) + part;
// Short limits for the test: starting a thread with tsx takes about a second.
const WATCHDOG: WatchdogOptions = { floorMs: 4000, priorMsPerFamily: 1, slowdown: 50 };

const threads: Worker[] = [];
const pools: WorkerPool<Fault, number>[] = [];
afterEach(async () => {
  pools.splice(0).forEach((p) => p.close());
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
});

/** A pool of real fault-worker threads. */
function faultPool(size: number): WorkerPool<Fault, number> {
  const spawn = (): RangeWorker<Fault, number> => {
    const { worker, crashed } = startThread(FAULT_WORKER);
    crashed.catch(() => undefined);
    threads.push(worker);
    const remote = Comlink.wrap<FaultWorkerApi>(nodeEndpoint(worker));
    return {
      runRange: (fault, from, to) => remote.runRange(fault, from, to),
      crashed,
      terminate: () => void worker.terminate(),
    };
  };
  const pool = new WorkerPool(spawn, size);
  pools.push(pool);
  return pool;
}

/** Runs `fault` on a fresh 2-thread pool; returns the error and how long the run took to fail. */
async function failingRun(fault: Fault, beforeFault?: () => void) {
  const pool = faultPool(2);
  const ranges = planRanges(FAMILIES, { workers: 2 });
  const started = performance.now();
  const error = await pool
    .run(fault, ranges, { merge, watchdog: WATCHDOG, onProgress: beforeFault })
    .catch((e: unknown) => e);
  const ms = performance.now() - started;
  const faulty = ranges.find((r) => r.from <= FAULT_POSITION && FAULT_POSITION < r.to)!;
  expect(error).toBeInstanceOf(RangeFailure);
  expect((error as RangeFailure).range.index).toBe(faulty.index);
  // The pool is usable afterwards, on new threads.
  expect(await pool.run('none', ranges, { merge, watchdog: WATCHDOG })).toBe(EXPECTED);
  return { message: (error as Error).message, ms };
}

describe('real worker threads that fail', () => {
  test('a well-behaved thread pool adds every range', async () => {
    const pool = faultPool(2);
    expect(await pool.run('none', planRanges(FAMILIES, { workers: 2 }), { merge })).toBe(EXPECTED);
  });

  test('a thread that throws outside a call fails the run with its error', async () => {
    const { message } = await failingRun('throw');
    expect(message).toMatch(/range 2 \(sample positions 250–374\) failed: fault at family 250/);
  });

  test('a thread that exits fails the run with its exit code', async () => {
    const { message } = await failingRun('exit');
    expect(message).toMatch(/range 2 .* failed: the worker thread exited with code 3/);
  });

  test('a thread stopped from outside fails the run', async () => {
    const pool = faultPool(1);
    const ranges = planRanges(FAMILIES, { workers: 1 });
    const run = pool.run('silent', ranges, { merge, watchdog: WATCHDOG });
    // Wait until the thread is up and answering, then stop it behind the pool's back.
    await expect.poll(() => threads.length).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    await threads[0]!.terminate();
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeFailure);
    expect((error as Error).message).toMatch(/failed: the worker thread exited with code 1/);
  });

  test('a thread that loops is stopped by the watchdog, naming its range and the limit', async () => {
    const { message, ms } = await failingRun('loop');
    expect(message).toMatch(/range 2 .* failed: no answer within 4\.0 s, the limit for 125 families/);
    expect(ms).toBeLessThan(WATCHDOG.floorMs + 3000);
  });

  test('a thread that never answers is stopped by the watchdog', async () => {
    const { message, ms } = await failingRun('silent');
    expect(message).toMatch(/range 2 .* failed: no answer within 4\.0 s/);
    expect(ms).toBeGreaterThanOrEqual(WATCHDOG.floorMs - 50);
  });
});
