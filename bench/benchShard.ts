/**
 * The shard section of `npm run bench` (分片基准): what splitting a run costs on one machine —
 * baseline-2026 at 1:100 (or --scale) as 1 shard on 2 worker threads against 4 shards run 2 at a
 * time on 1 worker each, both through the local runner (deploy/local/run-shards.sh) and merged by
 * `npm run merge` in a process of its own; wall time of the shards, of the merge alone and of both,
 * and the merge's own time inside its process. Beside them, as every section does, the raw
 * reference loop measured in this run and the machine's load before and after. The two merges must
 * give one digest, or the section fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceRate } from './benchEngine';

const REPO = fileURLToPath(new URL('../', import.meta.url));

/** One measured figure, as bench.ts prints it. */
export interface ShardFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** A sharded run as timed: the shards' wall time, the merge's wall time and its own time inside. */
export interface ShardedTiming {
  shards: number;
  shardSeconds: number;
  mergeSeconds: number;
  /** The merge's time from its start to its report (reading, adding, clearing, prepayment model). */
  mergeInsideSeconds: number;
  digest: string;
  /** Person-months of the run (at the whole population's size), for the reference loop. */
  personMonths: number;
}

/** Runs `command` in the repository and returns its wall time in seconds and its standard output. */
function timed(command: string, args: string[], env: Record<string, string>, what: string) {
  const t0 = performance.now();
  const r = spawnSync(command, args, {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr.trim() || r.stdout.trim()}`);
  return { seconds, stdout: r.stdout };
}

/**
 * Runs baseline-2026 at 1:k as `shards` shards, `jobs` at a time on `workers` threads each, through
 * the local runner, then merges them in a process of its own (2 threads for the prepayment draws).
 */
export function measureSharded(scaleK: number, shards: number, jobs: number, workers: number): ShardedTiming {
  const dir = mkdtempSync(join(tmpdir(), 'gongji-bench-shards-'));
  try {
    const run = timed(
      'bash',
      [
        'deploy/local/run-shards.sh',
        String(shards),
        dir,
        '--scenario',
        'scenarios/baseline-2026.json',
        '--scale',
        `1:${scaleK}`,
      ],
      { JOBS: String(jobs), WORKERS: String(workers), RUNNER: 'xargs' },
      `${shards} shard(s) at 1:${scaleK}`,
    );
    const merge = timed(
      join(REPO, 'node_modules/.bin/tsx'),
      ['src/cli/merge.ts', '--in', dir, '--workers', '2', '--json'],
      {},
      `the merge of ${shards} shard(s)`,
    );
    const report = JSON.parse(merge.stdout) as { digest: string; seconds: number; personMonths: number };
    return {
      shards,
      shardSeconds: run.seconds,
      mergeSeconds: merge.seconds,
      mergeInsideSeconds: report.seconds,
      digest: report.digest,
      personMonths: report.personMonths,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The figures of a run as 1 shard against the same run as n shards: each one's times, and the
 * overhead of splitting (n shards' total ÷ 1 shard's total). Refuses timings of different runs.
 */
export function shardOverheadFigures(one: ShardedTiming, many: ShardedTiming, scaleK: number): ShardFigure[] {
  if (one.digest !== many.digest) {
    throw new Error(
      `the ${many.shards} shards merged into another run: digest ${many.digest}, not ${one.digest}`,
    );
  }
  const f = (key: string, label: string, value: number, unit = ''): ShardFigure => ({
    key,
    label,
    value,
    unit,
  });
  const total = (t: ShardedTiming) => t.shardSeconds + t.mergeSeconds;
  const side = (t: ShardedTiming, how: string): ShardFigure[] => [
    f(`shardWall_${t.shards}`, `${t.shards} 片 ${how}, wall time`, t.shardSeconds, 's'),
    f(`mergeWall_${t.shards}`, `${t.shards} 片 merge alone, wall (own process)`, t.mergeSeconds, 's'),
    f(`mergeInside_${t.shards}`, `${t.shards} 片 merge inside its process`, t.mergeInsideSeconds, 's'),
    f(`totalWall_${t.shards}`, `${t.shards} 片 shards + merge, wall time`, total(t), 's'),
  ];
  return [
    f('scaleK', '规模 scale 1:k, k =', scaleK),
    ...side(one, 'shard on 2 workers'),
    ...side(many, 'shards, 2 at once, 1 worker each'),
    f(
      'shardOverhead',
      `分片开销 overhead ${many.shards} ÷ 1, shards only`,
      many.shardSeconds / one.shardSeconds,
    ),
    f('totalOverhead', `分片开销 overhead ${many.shards} ÷ 1, with the merge`, total(many) / total(one)),
    f('mergeShare', `合并占比 merge ÷ total, ${many.shards} shards`, many.mergeSeconds / total(many)),
    f('digestsEqual', '摘要一致 merged digests equal (1 = yes)', 1),
  ];
}

/** Measures the shard section at 1:k (1 shard on 2 workers against 4 shards, 2 at a time). */
export function shardFigures(options: { scaleK: number; repeats: number }): ShardFigure[] {
  const loadBefore = loadavg()[0]!;
  const one = measureSharded(options.scaleK, 1, 1, 2);
  const four = measureSharded(options.scaleK, 4, 2, 1);
  const figures = shardOverheadFigures(one, four, options.scaleK);
  const reference = referenceRate(one.personMonths / options.scaleK, options.repeats);
  return [
    ...figures,
    {
      key: 'referencePerSecond',
      label: '参考循环 raw loop, one core (best)',
      value: reference,
      unit: 'person-months/s',
    },
    {
      key: 'machineLoadBefore',
      label: '机器负载 machine load before (1-min average)',
      value: loadBefore,
      unit: '',
    },
    {
      key: 'machineLoadAfter',
      label: '机器负载 machine load after (1-min average)',
      value: loadavg()[0]!,
      unit: '',
    },
  ];
}
