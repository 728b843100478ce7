import { describe, expect, test } from 'vitest';
import { RunCancelled } from '../../src/runtime/pool';
import { RunQueue, type RunJob } from '../../src/ui/runQueue';

/** A job's work that finishes only when `finish` is called (or fails with `fail`). */
function gate<T>() {
  let finish!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const started: RunJob[] = [];
  const work = (job: RunJob) => {
    started.push(job);
    return new Promise<T>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { work, started, finish: (v: T) => finish(v), fail: (e: unknown) => fail(e) };
}

/** Lets the queue's promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the run queue', () => {
  test('runs one job at a time, in the order asked for: the first starts at once, the next waits', async () => {
    const queue = new RunQueue();
    const a = gate<string>();
    const b = gate<string>();
    const heard: string[] = [];
    const first = queue.submit('a', a.work, {
      onQueued: (n) => heard.push(`a queued ${n}`),
      onStarted: () => heard.push('a started'),
    });
    const second = queue.submit('b', b.work, {
      onQueued: (n) => heard.push(`b queued ${n}`),
      onStarted: () => heard.push('b started'),
    });
    await settle();
    expect(queue.busy).toBe(true);
    expect([a.started.length, b.started.length]).toEqual([1, 0]);
    a.finish('A');
    expect(await first).toBe('A');
    await settle();
    expect(b.started.length).toBe(1);
    b.finish('B');
    expect(await second).toBe('B');
    await settle();
    expect(queue.busy).toBe(false);
    expect(heard).toEqual(['a started', 'b queued 1', 'b started']);
  });

  test('a request under a key already queued or going on shares its job', async () => {
    const queue = new RunQueue();
    const a = gate<string>();
    const other = gate<string>();
    const started: string[] = [];
    const first = queue.submit('a', a.work, {});
    await settle();
    const second = queue.submit('a', other.work, { onStarted: () => started.push('second') });
    expect(started).toEqual(['second']);
    a.finish('A');
    expect(await Promise.all([first, second])).toEqual(['A', 'A']);
    expect(other.started).toEqual([]);
  });

  test('a withdrawn request waiting its turn leaves the queue, and those behind it move up', async () => {
    const queue = new RunQueue();
    const a = gate<string>();
    const b = gate<string>();
    const c = gate<string>();
    const places: number[] = [];
    const first = queue.submit('a', a.work, {});
    const withdraw = new AbortController();
    const second = queue.submit('b', b.work, { signal: withdraw.signal });
    const third = queue.submit('c', c.work, { onQueued: (n) => places.push(n) });
    withdraw.abort();
    await expect(second).rejects.toBeInstanceOf(RunCancelled);
    a.finish('A');
    await first;
    await settle();
    expect(b.started).toEqual([]);
    expect(c.started.length).toBe(1);
    c.finish('C');
    expect(await third).toBe('C');
    expect(places).toEqual([2, 1]);
  });

  test('the job going on is cancelled only when its last waiter withdraws', async () => {
    const queue = new RunQueue();
    const a = gate<string>();
    const one = new AbortController();
    const two = new AbortController();
    const first = queue.submit('a', a.work, { signal: one.signal });
    const second = queue.submit('a', a.work, { signal: two.signal });
    await settle();
    const [job] = a.started;
    one.abort();
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    expect(job!.abort.signal.aborted).toBe(false);
    two.abort();
    await expect(second).rejects.toBeInstanceOf(RunCancelled);
    expect(job!.abort.signal.aborted).toBe(true);
    a.fail(new RunCancelled());
    await settle();
    expect(queue.busy).toBe(false);
  });

  test('a request whose signal has already aborted is refused without being queued', async () => {
    const queue = new RunQueue();
    const a = gate<string>();
    await expect(queue.submit('a', a.work, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      RunCancelled,
    );
    await settle();
    expect(a.started).toEqual([]);
    expect(queue.busy).toBe(false);
  });

  test('a job that fails rejects its waiters, and the queue goes on with the next', async () => {
    const queue = new RunQueue();
    const a = gate<string>();
    const b = gate<string>();
    const first = queue.submit('a', a.work, {});
    const second = queue.submit('b', b.work, {});
    await settle();
    a.fail(new Error('worker 2 failed'));
    await expect(first).rejects.toThrow('worker 2 failed');
    await settle();
    b.finish('B');
    expect(await second).toBe('B');
  });
});
