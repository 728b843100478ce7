import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import {
  findProcess,
  PeakMemorySampler,
  processMemory,
  processTree,
  treeMemory,
} from '../../bench/processMemory';

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

/** Starts a Node child that waits, with a marker argument of its own; resolves once it runs. */
async function startChild(marker: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['-e', 'console.log("up"); setTimeout(() => {}, 30000)', marker]);
  await new Promise<void>((resolve) => c.stdout.once('data', () => resolve()));
  return c;
}

test('findProcess finds a child by its arguments, and processTree lists it under this process', async () => {
  const marker = `gongji-tree-${process.pid}`;
  child = await startChild(marker);
  expect(findProcess((argv) => argv.includes(marker))).toBe(child.pid);
  expect(findProcess((argv) => argv.includes(`${marker}-nobody`))).toBeNull();
  const tree = processTree(process.pid);
  expect(tree[0]).toBe(process.pid);
  expect(tree).toContain(child.pid);
  expect(processTree(child.pid!)).toEqual([child.pid]);
});

test('treeMemory adds the child to this process, read as Pss from smaps_rollup', async () => {
  child = await startChild(`gongji-memory-${process.pid}`);
  const own = processMemory(process.pid)!;
  const kid = processMemory(child.pid!)!;
  expect(own.source).toBe('pss');
  expect(kid.bytes).toBeGreaterThan(1 << 20);
  const tree = treeMemory(process.pid);
  expect(tree.processes).toBeGreaterThanOrEqual(2);
  expect(tree.bytes).toBeGreaterThan(own.bytes);
});

test('a process that has gone has no memory and no tree', async () => {
  child = await startChild(`gongji-gone-${process.pid}`);
  const pid = child.pid!;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill();
  await exited;
  expect(processMemory(pid)).toBeNull();
  expect(processTree(pid)).toEqual([]);
  expect(treeMemory(pid)).toEqual({ bytes: 0, processes: 0, source: 'pss' });
});

test('PeakMemorySampler keeps the highest reading, here with 64 MiB more in use', () => {
  const sampler = new PeakMemorySampler(process.pid, 60_000);
  const before = treeMemory(process.pid).bytes;
  const block = Buffer.alloc(64 << 20, 1);
  sampler.sample();
  const peak = sampler.stop();
  expect(block[block.length - 1]).toBe(1);
  expect(peak.bytes).toBeGreaterThan(before + (48 << 20));
  expect(peak.samples).toBe(3);
});
