import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import {
  compareDigests,
  compareSharedCores,
  type Comparison,
  type DigestRow,
  type SharedCore,
} from '../../bench/benchCompare';
import type { EnginePass } from '../../bench/benchPass';

/** Passes with the given CPU times, the first carrying `digest`. */
function passes(cpu: number[], digest = 'd', personMonths = 1000): EnginePass[] {
  return cpu.map((cpuSeconds, pass) => ({
    pass,
    cpuSeconds,
    wallSeconds: cpuSeconds,
    personMonths,
    ...(pass === 0 ? { digest } : {}),
  }));
}

test('the ratio is the working tree’s CPU time over the base’s, without the two warm-up passes', () => {
  const pairs: SharedCore[] = [
    { core: 0, base: passes([9, 9, 1, 1, 2]), head: passes([5, 5, 0.5, 1, 1]) },
    { core: 1, base: passes([9, 9, 2, 2, 2]), head: passes([1, 1, 2, 2, 2]) },
    { core: 0, base: passes([9, 9, 1, 1, 1]), head: passes([9, 9, 1.2, 1.2, 1.2]) },
  ];
  const c = compareSharedCores(pairs);
  expect(c.ratios.map((r) => +r.toFixed(6))).toEqual([0.625, 1, 1.2]);
  expect(c.medianRatio).toBe(1);
  expect(c.base.fastest).toBe(1);
  expect(c.head.fastest).toBe(0.5);
  expect(c.base.median).toBe(1);
  expect(c.head.median).toBe(1.2);
  expect(c.sameResults).toBe(true);
  expect(c.personMonths).toBe(1000);
});

test('different digests are reported, and pairs that did not run the same work are refused', () => {
  const changed = compareSharedCores([{ core: 0, base: passes([1, 1, 1]), head: passes([1, 1, 1], 'e') }]);
  expect(changed.sameResults).toBe(false);
  expect(() => compareSharedCores([])).toThrow(/no process pair/);
  expect(() => compareSharedCores([{ core: 1, base: passes([1, 1, 1]), head: passes([1, 1]) }])).toThrow(
    /core 1 ran 3 and 2 passes/,
  );
  expect(() => compareSharedCores([{ core: 0, base: passes([1, 1]), head: passes([1, 1]) }])).toThrow(
    /more than 2 passes/,
  );
  expect(() =>
    compareSharedCores([{ core: 0, base: passes([1, 1, 1]), head: passes([1, 1, 1], 'd', 999) }]),
  ).toThrow(/different person-months/);
});

test('scenario digests are compared row by row; a scenario one side lacks is listed, not counted', () => {
  const d = (scenario: string, digest: string) => ({ scenario, digest });
  const same = compareDigests([d('a', '1'), d('b', 'missing')], [d('a', '1'), d('b', '2')]);
  expect(same).toEqual({
    rows: [
      { scenario: 'a', base: '1', head: '1' },
      { scenario: 'b', base: 'missing', head: '2' },
    ],
    same: true,
  });
  expect(compareDigests([d('a', '1'), d('b', '2')], [d('a', '1'), d('b', '3')]).same).toBe(false);
  expect(compareDigests([d('a', 'missing')], [d('a', '1')]).same).toBe(false);
  expect(() => compareDigests([d('a', '1')], [d('b', '1')])).toThrow(/different scenarios/);
});

/** Runs the comparison command and returns its exit code and output. */
function benchCompare(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'bench/benchCompare.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('comparing the working tree with HEAD runs both engines on shared cores and removes its worktree', () => {
  const r = benchCompare(['--base', 'HEAD', '--scale', '1:10000', '--runs', '3', '--rounds', '1', '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const c = JSON.parse(r.stdout.trim()) as Comparison & {
    baseCommit: string;
    runs: number;
    scenarios: DigestRow[];
  };
  expect(c.scenarios.map((s) => s.scenario)).toEqual([
    'baseline-2026',
    'pilot-2025-wallet',
    'scope-2021',
    'monthly-cap-2026',
  ]);
  for (const s of c.scenarios) expect(s.head).toMatch(/^[0-9a-f]{16,}$/);
  expect(c.ratios.length).toBeGreaterThanOrEqual(1);
  for (const ratio of c.ratios) expect(ratio).toBeGreaterThan(0);
  expect(c.personMonths).toBeGreaterThan(0);
  expect(c.baseCommit).toMatch(/^[0-9a-f]{40}$/);
  // The engine under test is HEAD's unless the working tree changed it: in CI they are the same code.
  const clean = spawnSync('git', ['status', '--porcelain', 'src'], { encoding: 'utf8' }).stdout === '';
  if (clean) expect(c.sameResults).toBe(true);
  const worktrees = spawnSync('git', ['worktree', 'list'], { encoding: 'utf8' }).stdout;
  expect(worktrees).not.toMatch(/gongji-base-/);
}, 120_000);

test('a revision that does not exist is refused, naming it', () => {
  const r = benchCompare(['--base', 'no-such-revision']);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/--base "no-such-revision" is not a revision of this repository/);
});
