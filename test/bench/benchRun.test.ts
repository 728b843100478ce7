import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import type { PairedRuns } from '../../bench/benchRun';
import { pairedSpeedup } from '../../bench/benchRuntime';

/** Runs the bench's run script as the runtime section does, returning its exit code and output. */
function benchRun(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'bench/benchRun.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a paired measurement times 1 and 2 workers on the same runs, in alternation', () => {
  const r = benchRun(['--scale', '1:10000', '--paired', '--runs', '2']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const { one, two } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PairedRuns;
  expect([one.workers, two.workers]).toEqual([1, 2]);
  expect(one.runSeconds).toHaveLength(2);
  expect(two.runSeconds).toHaveLength(2);
  // The same families on either pool: the same person-months, flow cells and no residual.
  expect(two.personMonths).toBe(one.personMonths);
  expect(two.flowCells).toBe(one.flowCells);
  expect(one.residualFen + two.residualFen).toBe(0);
  expect(pairedSpeedup(one.runSeconds, two.runSeconds).median).toBeGreaterThan(0);
}, 120_000);

test('--paired with --workers is refused, naming both', () => {
  const r = benchRun(['--scale', '1:1000', '--paired', '--workers', '2']);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/--paired times 1 and 2 workers itself; leave out --workers/);
});
