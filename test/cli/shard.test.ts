import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { loadValidScenario } from '../../src/cli/args';
import { merge } from '../../src/cli/merge';
import { parseShard, runShard } from '../../src/cli/shard';
import { engineVersion, writeShardFiles } from '../../src/cli/shardFiles';
import { findShardFolders, openDuckDB, readShardFolder } from '../../src/cli/shardRead';
import { parseSimulateArgs } from '../../src/cli/simulate';
import { resultDigest } from '../../src/runtime/digest';
import { spawnNodeWorker } from '../../src/runtime/node';
import { WorkerPool } from '../../src/runtime/pool';
import { simulateOnPool } from '../../src/runtime/run';
import { runScenario } from '../../src/runtime/scenarioRun';
import { ShardRefusal, shardFolderName, type ShardIdentity } from '../../src/runtime/shardFormat';
import { runSummary } from '../../src/runtime/summary';
import { inputOf, population } from '../engine/helpers';

describe('--shard i/n on the command line', () => {
  test('i/n is read as whole numbers with 1 ≤ i ≤ n ≤ 9999', () => {
    expect(parseShard('3/8', 'usage')).toEqual({ shard: 3, shards: 8 });
    expect(parseShard('9999/9999', 'usage')).toEqual({ shard: 9999, shards: 9999 });
    for (const bad of ['0/3', '4/3', '1/0', '3-8', '3/8/1', ' 3/8', '1/10000', '+1/2', '1.0/2']) {
      expect(() => parseShard(bad, 'usage'), bad).toThrow(/--shard/);
    }
  });

  test('simulate takes --shard with --out, and refuses it without --out or beside a sweep, baseline or trace', () => {
    const base = ['--scenario', 'scenarios/baseline-2026.json'];
    expect(parseSimulateArgs([...base, '--shard', '2/5', '--out', 'x']).shard).toEqual({
      shard: 2,
      shards: 5,
    });
    expect(parseSimulateArgs(base).shard).toBeNull();
    expect(() => parseSimulateArgs([...base, '--shard', '2/5'])).toThrow(/--shard needs --out/);
    expect(() => parseSimulateArgs([...base, '--shard', '1/2', '--out', 'x', '--trace', '1'])).toThrow(
      /--trace cannot be given with --shard/,
    );
    expect(() =>
      parseSimulateArgs([...base, '--shard', '1/2', '--out', 'x', '--baseline', 'b.json']),
    ).toThrow(/--baseline cannot be given with --shard/);
  });
});

describe('shard files on disk, read back with DuckDB', () => {
  let root = '';
  let db: Awaited<ReturnType<typeof openDuckDB>>;
  const input = inputOf('baseline-2026', 5000);
  const identity = (shard: number): ShardIdentity => ({
    scenario: '{"seed":"s"}',
    scenarioDigest: 'c'.repeat(64),
    seed: input.seed,
    scaleK: 5000,
    window: '2026-01..2026-12',
    replications: 0,
    families: 800,
    shard,
    shards: 2,
    from: shard === 1 ? 0 : 400,
    to: shard === 1 ? 400 : 800,
    engineVersion: engineVersion(),
  });
  /** Writes shard i of 2 into `dir` and returns its folder. */
  const write = (dir: string, shard: number): string => {
    const folder = join(dir, shardFolderName(shard, 2));
    mkdirSync(folder, { recursive: true });
    const { from, to } = identity(shard);
    writeShardFiles(folder, identity(shard), [
      { index: 0, seed: input.seed, result: simulateRange(input, from, to) },
    ]);
    return folder;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gongji-shard-'));
    db = await openDuckDB();
  });
  afterAll(() => {
    db.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the engine version is the package version and a hash of the sources, the same when asked twice', () => {
    expect(engineVersion()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    expect(engineVersion()).toBe(engineVersion());
  });

  test("each file's identity is read back from its Parquet metadata by DuckDB", async () => {
    const folder = write(join(root, 'ok'), 1);
    expect(await readShardFolder(db.conn, folder)).toEqual({ label: folder, identity: identity(1) });
  });

  test('shard folders are found in a folder of shards, as one shard folder, or by a glob; temporary ones are set aside', async () => {
    const dir = join(root, 'find');
    const one = write(dir, 1);
    const two = write(dir, 2);
    mkdirSync(join(dir, 'logs'));
    mkdirSync(join(dir, 'shard-0002-of-0002.tmp-host-9'));
    writeFileSync(join(dir, 'shard-0002-of-0002.tmp-host-9', 'flows.parquet'), 'PAR1');
    const found = await findShardFolders(db.conn, dir);
    expect(found).toEqual({ folders: [one, two], halfWritten: [join(dir, 'shard-0002-of-0002.tmp-host-9')] });
    expect((await findShardFolders(db.conn, one)).folders).toEqual([one]);
    expect((await findShardFolders(db.conn, `${dir}/shard-*`)).folders).toEqual([one, two]);
    expect((await findShardFolders(db.conn, `${dir}/shard-*/*.parquet`)).folders).toEqual([one, two]);
    await expect(findShardFolders(db.conn, join(root, 'nowhere', 'shard-*'))).rejects.toThrow(
      /no shard files match/,
    );
  });

  test('a truncated Parquet file is refused with its shard and file named', async () => {
    const folder = write(join(root, 'truncated'), 2);
    const file = join(folder, 'flows.parquet');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const read = readShardFolder(db.conn, folder);
    await expect(read).rejects.toThrow(ShardRefusal);
    await expect(readShardFolder(db.conn, folder)).rejects.toThrow(
      new RegExp(`^${folder}: flows.parquet cannot be read as Parquet \\(truncated or half-written\\?\\)`),
    );
  });

  test('a shard missing a file, or in a folder of another shard’s name, is refused', async () => {
    const folder = write(join(root, 'incomplete'), 1);
    rmSync(join(folder, 'arrays.parquet'));
    await expect(readShardFolder(db.conn, folder)).rejects.toThrow(
      /arrays.parquet is missing: the shard is incomplete/,
    );
    const moved = write(join(root, 'moved'), 1);
    const renamed = join(root, 'moved', shardFolderName(2, 2));
    renameSync(moved, renamed);
    await expect(readShardFolder(db.conn, renamed)).rejects.toThrow(
      /its files are shard 1\/2, not what the folder's name says/,
    );
  });
});

describe('a run with replications, as shards', () => {
  test('2 shards of baseline-2026 with 2 replications (ranged parameters) merge into the single run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongji-replications-'));
    try {
      const scenario = await loadValidScenario('scenarios/baseline-2026.json');
      expect(Object.keys(scenario.uncertainty).length).toBeGreaterThan(1);
      const options = { scaleK: 10_000, replications: 2, workers: 1, outRoot: root, shards: 2 };
      const first = await runShard(scenario, { ...options, shard: 1 });
      await runShard(scenario, { ...options, shard: 2 });
      expect(first.files.find((f) => f.table === 'counts')?.rows).toBe(3);
      const report = await merge({ input: root, out: null, workers: 1, confidence: 0.95, json: true });

      const pool = new WorkerPool(spawnNodeWorker, 1);
      const single = await runScenario(scenario, population(), (input, o) => simulateOnPool(pool, input, o), {
        scaleK: 10_000,
        replications: 2,
      }).finally(() => pool.close());
      expect(report.digest).toBe(await resultDigest(single.result));
      for (const [key, value] of Object.entries(runSummary(single, population().dataset))) {
        expect(report[key as keyof typeof report], key).toEqual(value);
      }
      expect(report.prepayment).not.toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);
});
