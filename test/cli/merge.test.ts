import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { merge, MERGED_SHARD, parseMergeArgs, type MergeReport } from '../../src/cli/merge';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNNER = join(REPO, 'deploy/local/run-shards.sh');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const BASELINE = 'scenarios/baseline-2026.json';
/** Long enough for a dozen shard processes on two busy cores. */
const SLOW = 900_000;

/** Runs shards `only` (default all) of n of `scenario` at 1:1000 through the local runner (xargs -P 2). */
function runShards(n: number, dir: string, options: { only?: string; scenario?: string } = {}): void {
  const r = spawnSync(
    'bash',
    [RUNNER, String(n), dir, '--scenario', options.scenario ?? BASELINE, '--scale', '1:1000'],
    {
      cwd: REPO,
      encoding: 'utf8',
      env: {
        ...process.env,
        JOBS: '2',
        RUNNER: 'xargs',
        ...(options.only ? { SHARDS_ONLY: options.only } : {}),
      },
    },
  );
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
}

/** Merges `input` in this process (the prepayment model's draws on 2 threads). */
function mergeOf(input: string, out: string | null = null): Promise<MergeReport> {
  return merge({ ...parseMergeArgs(['--in', input, '--workers', '2', '--json']), out });
}

/** A run's summary without what may differ between equal runs: time, threads, paths, shards. */
function figures(report: object): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...report };
  for (const key of ['seconds', 'workers', 'out', 'tables', 'shards']) delete rest[key];
  return rest;
}

describe('sharded runs merged: the same run as a single one (baseline-2026 at 1:1000)', () => {
  let root = '';
  let single: Record<string, unknown> & { digest: string } = { digest: '' };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongji-merge-'));
    const r = spawnSync(
      TSX,
      [
        'src/cli/simulate.ts',
        '--scenario',
        BASELINE,
        '--scale',
        '1:1000',
        '--workers',
        '2',
        '--json',
        '--out',
        join(root, 'single'),
      ],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    single = JSON.parse(r.stdout) as typeof single;
    for (const n of [1, 3, 8]) runShards(n, join(root, `shards-${n}`));
  }, SLOW);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test.each([1, 8])(
    'as %i shard(s), each its own process through the local runner, merged: the single run’s digest and figures',
    async (n) => {
      const report = await mergeOf(join(root, `shards-${n}`));
      expect(report.shards).toHaveLength(n);
      expect(report.digest).toBe(single.digest);
      expect(figures(report)).toEqual(figures(single));
    },
    SLOW,
  );

  test(
    'as 3 shards merged: the single run’s digest and figures, and the same tables byte for byte',
    async () => {
      const out = join(root, 'merged-3');
      const report = await mergeOf(join(root, 'shards-3'), out);
      expect(report.shards).toHaveLength(3);
      expect(report.digest).toBe(single.digest);
      expect(figures(report)).toEqual(figures(single));
      const names = readdirSync(join(root, 'single')).sort();
      expect(readdirSync(out).sort()).toEqual([...names, MERGED_SHARD].sort());
      expect(names).toContain('flows.parquet');
      expect(report.tables.map((t) => t.name).sort()).toEqual(
        names.filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)),
      );
      for (const name of names) {
        expect(readFileSync(join(out, name)).equals(readFileSync(join(root, 'single', name))), name).toBe(
          true,
        );
      }
      // The merged raw results, one shard of one, merge again to the same run; a second merge into
      // the same folder replaces it.
      expect((await mergeOf(join(out, MERGED_SHARD))).digest).toBe(single.digest);
      expect((await mergeOf(join(root, 'shards-3'), out)).digest).toBe(single.digest);
    },
    SLOW,
  );

  test('a missing shard is refused by its number', async () => {
    const dir = join(root, 'missing');
    cpSync(join(root, 'shards-3'), dir, { recursive: true });
    rmSync(join(dir, 'shard-0002-of-0003'), { recursive: true });
    await expect(mergeOf(dir)).rejects.toThrow(/^shard 2 of 3: is missing: no folder shard-0002-of-0003/);
  });

  test('a shard left half-written by a killed run is not read, and the refusal points at it', async () => {
    const dir = join(root, 'half');
    cpSync(join(root, 'shards-3'), dir, { recursive: true });
    renameSync(join(dir, 'shard-0003-of-0003'), join(dir, 'shard-0003-of-0003.tmp-node7-4242'));
    await expect(mergeOf(dir)).rejects.toThrow(
      /shard 3 of 3: is missing.*only a half-written copy: .*shard-0003-of-0003\.tmp-node7-4242/,
    );
  });

  test('a truncated Parquet file is refused with its shard named', async () => {
    const dir = join(root, 'truncated');
    cpSync(join(root, 'shards-3'), dir, { recursive: true });
    const file = join(dir, 'shard-0003-of-0003', 'flows.parquet');
    truncateSync(file, Math.floor(statSync(file).size * 0.6));
    await expect(mergeOf(dir)).rejects.toThrow(/shard-0003-of-0003: flows.parquet cannot be read as Parquet/);
  });

  test(
    'a shard of another scenario is refused by name, saying what differs',
    async () => {
      const other = join(root, 'netting');
      runShards(3, other, { only: '2', scenario: 'scenarios/netting-2026.json' });
      const dir = join(root, 'foreign');
      cpSync(join(root, 'shards-3'), dir, { recursive: true });
      rmSync(join(dir, 'shard-0002-of-0003'), { recursive: true });
      cpSync(join(other, 'shard-0002-of-0003'), join(dir, 'shard-0002-of-0003'), { recursive: true });
      await expect(mergeOf(dir)).rejects.toThrow(
        /shard-0002-of-0003: belongs to another run: its scenario digest is [0-9a-f]{64}, but [0-9a-f]{64} in the other 2 shard\(s\)/,
      );
    },
    SLOW,
  );

  test(
    'a shard run again replaces its folder, and the merge gives the same digest',
    async () => {
      const dir = join(root, 'shards-3');
      const before = statSync(join(dir, 'shard-0002-of-0003', 'flows.parquet')).mtimeMs;
      runShards(3, dir, { only: '2' });
      expect(statSync(join(dir, 'shard-0002-of-0003', 'flows.parquet')).mtimeMs).toBeGreaterThan(before);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
      expect((await mergeOf(dir)).digest).toBe(single.digest);
    },
    SLOW,
  );
});
