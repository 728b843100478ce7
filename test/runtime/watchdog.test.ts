import { describe, expect, test } from 'vitest';
import { planRanges } from '../../src/runtime/plan';
import { RangeFailure, type RangeWorker, WorkerPool } from '../../src/runtime/pool';
import { runWatchdog } from '../../src/runtime/run';
import { DEFAULT_WATCHDOG, RangeClock, RangeTimeout, withinTime } from '../../src/runtime/watchdog';

describe('RangeClock', () => {
  test('before any range finishes, the limit is the prior per family, never below the floor', () => {
    const clock = new RangeClock({ floorMs: 1000, priorMsPerFamily: 2, slowdown: 10 });
    expect(clock.limitMs(100)).toBe(1000);
    expect(clock.limitMs(5000)).toBe(10_000);
  });

  test('after ranges finish, the limit is the slowdown times the slowest rate seen, scaled by size', () => {
    const clock = new RangeClock({ floorMs: 10, priorMsPerFamily: 2, slowdown: 10 });
    clock.observe(1000, 100); // 0.1 ms a family
    clock.observe(1000, 300); // 0.3 ms a family: the slowest
    clock.observe(1000, 200);
    expect(clock.limitMs(1000)).toBeCloseTo(3000);
    expect(clock.limitMs(2000)).toBeCloseTo(6000);
    expect(clock.limitMs(1)).toBe(10);
  });

  test('refuses limits that would stop every range', () => {
    expect(() => new RangeClock({ floorMs: 0, priorMsPerFamily: 1, slowdown: 2 })).toThrow(/floorMs > 0/);
    expect(() => new RangeClock({ floorMs: 1, priorMsPerFamily: 1, slowdown: 0.5 })).toThrow(/slowdown ≥ 1/);
  });
});

describe('withinTime', () => {
  test('passes on an answer that comes in time and rejects with the timeout error otherwise', async () => {
    expect(await withinTime(Promise.resolve(7), 50, () => new Error('late'))).toBe(7);
    const never = new Promise<number>(() => undefined);
    await expect(withinTime(never, 20, () => new RangeTimeout(10, 20))).rejects.toThrow(
      /no answer within 0\.0 s, the limit for 10 families .* 秒内无响应（10 户的时限/,
    );
  });
});

describe('the pool watchdog', () => {
  test('a range that hangs after quick ones fails by the learnt limit, long before the prior one', async () => {
    // 8 ranges of 125 families; range 5 never answers. The prior (100 ms a family) would wait 12.5 s.
    const hanging = (): RangeWorker<string, number> => ({
      runRange: (_job, from, to) =>
        from === 625
          ? new Promise<number>(() => undefined)
          : new Promise((r) => setTimeout(() => r(to - from), 2)),
      crashed: new Promise<never>(() => undefined),
      terminate: () => undefined,
    });
    const pool = new WorkerPool(hanging, 2);
    const started = performance.now();
    const error = await pool
      .run('job', planRanges(1000, { workers: 2 }), {
        merge: (t: number | null, p: number) => (t ?? 0) + p,
        watchdog: { floorMs: 200, priorMsPerFamily: 100, slowdown: 3 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeFailure);
    expect((error as RangeFailure).range.index).toBe(5);
    expect((error as Error).message).toMatch(
      /^range 5 \(sample positions 625–749\) failed: no answer within 0\.2 s/,
    );
    expect(performance.now() - started).toBeLessThan(3000);
  });

  test('a run’s prior per family grows with its window, so long windows are not cut short', () => {
    const input = (end: string) =>
      ({ window: { start: '2026-01', end } }) as unknown as Parameters<typeof runWatchdog>[0];
    expect(runWatchdog(input('2026-12')).priorMsPerFamily).toBe(DEFAULT_WATCHDOG.priorMsPerFamily);
    expect(runWatchdog(input('2035-12')).priorMsPerFamily).toBe(10 * DEFAULT_WATCHDOG.priorMsPerFamily);
  });
});
