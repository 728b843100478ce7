import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeShardFiles } from '../../src/cli/shardFiles';
import { FlowCube } from '../../src/clearing/flows';
import { emptyResult, mergeRangeResults, type RangeResult } from '../../src/engine/result';
import {
  resultFromRows,
  ShardRefusal,
  shardFolderName,
  type ShardIdentity,
} from '../../src/runtime/shardFormat';
import { shardRange } from '../../src/runtime/shardRun';
import { refusalText } from '../../src/ui/runFiles';
import { readPickedRun, type RunFile } from '../../src/ui/runFilesRead';
import { pickedSampleReader } from '../../src/ui/runFilesRows';

const MONTHS = 3;
const AREAS = 4;
const FAMILIES = 10;

/** A small result whose values depend on `k` (so each shard differs), with flows in a few cells. */
function partResult(k: number): RangeResult {
  const r = emptyResult(MONTHS, AREAS, 100);
  r.families = 5 + k;
  r.personMonths = 60 + k;
  r.movedFen = 1000 * k;
  r.summary[k] = 7 * k + 1;
  r.enrolments[AREAS + k] = 3;
  r.flows = new FlowCube(MONTHS, AREAS).addPackedCells({
    key: Int32Array.of(0, 5 + k, 40),
    amountFen: Float64Array.of(100, 200 * k, 300),
    count: Float64Array.of(1, 2, 3),
    squaresYuan2: Float64Array.of(1, 4 * k, 9),
  });
  return r;
}

/** Shard i of n's identity. */
function identity(i: number, n: number, edit: Partial<ShardIdentity> = {}): ShardIdentity {
  return {
    scenario: '{}',
    scenarioDigest: 'a'.repeat(64),
    seed: 'seed-1',
    scaleK: 100,
    window: '2026-01..2026-03',
    replications: 1,
    families: FAMILIES,
    shard: i,
    shards: n,
    ...shardRange(FAMILIES, i, n),
    engineVersion: 'v1',
    ...edit,
  };
}

let root = '';

/** Writes shard i of n (samples 0 and 1) under `dir` and returns its folder. */
function writeShard(dir: string, i: number, n: number, edit: Partial<ShardIdentity> = {}): string {
  const folder = join(dir, shardFolderName(i, n));
  mkdirSync(folder, { recursive: true });
  writeShardFiles(folder, identity(i, n, edit), [
    { index: 0, seed: 'seed-1', result: partResult(i) },
    { index: 1, seed: 'seed-1-r0', result: partResult(10 + i) },
  ]);
  return folder;
}

/** Every file under `dir` as picked with a folder picker (paths relative to `dir`'s parent). */
function picked(dir: string, prefix = 'run'): RunFile[] {
  const out: RunFile[] = [];
  const walk = (at: string, rel: string): void => {
    for (const name of readdirSync(at, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(at, name.name), `${rel}/${name.name}`);
      else {
        const bytes = readFileSync(join(at, name.name));
        out.push({
          path: `${rel}/${name.name}`,
          bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        });
      }
    }
  };
  walk(dir, prefix);
  return out;
}

/** The refusal of reading `files`. */
function refusal(files: RunFile[]): ShardRefusal {
  try {
    readPickedRun(files);
  } catch (e) {
    if (e instanceof ShardRefusal) return e;
    throw e;
  }
  throw new Error('the files were not refused');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gongji-runfiles-'));
  for (const i of [1, 2, 3]) writeShard(join(root, 'three'), i, 3);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readPickedRun: picked shard files read and checked as the merge checks them', () => {
  test('a whole set, picked as a folder, comes back in shard order with its identity', () => {
    const run = readPickedRun(picked(join(root, 'three')).reverse());
    expect(run.shards.map((s) => s.label)).toEqual([1, 2, 3].map((i) => `run/${shardFolderName(i, 3)}`));
    expect(run.identity.seed).toBe('seed-1');
    expect(run.ignored).toEqual([]);
  });

  test('the rows of each sample, rebuilt, are the parts added up', async () => {
    const run = readPickedRun(picked(join(root, 'three')));
    const read = pickedSampleReader(run.shards);
    for (const [sample, base] of [
      [0, 0],
      [1, 10],
    ] as const) {
      const { rows, seeds } = await read(sample);
      expect(seeds).toEqual(Array(3).fill(sample === 0 ? 'seed-1' : 'seed-1-r0'));
      const rebuilt = resultFromRows(rows, { months: MONTHS, areas: AREAS, scaleK: 100 });
      const expected = [2, 3].reduce(
        (into, i) => mergeRangeResults(into, partResult(base + i)),
        partResult(base + 1),
      );
      expect(rebuilt.families).toBe(expected.families);
      expect(rebuilt.movedFen).toBe(expected.movedFen);
      expect([...rebuilt.summary]).toEqual([...expected.summary]);
      expect([...rebuilt.enrolments]).toEqual([...expected.enrolments]);
      expect(rebuilt.flows.columns()).toEqual(expected.flows.columns());
    }
  });

  test('files picked one by one (no folder) make up their shards by their metadata', () => {
    const files = picked(join(root, 'three')).map((f) => ({ ...f, path: f.path.split('/').pop()! }));
    // Three files of each name: a plain multi-file pick cannot hold them, a drop of several can.
    expect(readPickedRun(files).shards.map((s) => s.label)).toEqual(
      [1, 2, 3].map((i) => shardFolderName(i, 3)),
    );
  });

  test('a merged run’s folder: its tables are passed over, its one shard is the run', () => {
    const dir = join(root, 'merged');
    writeShard(dir, 1, 1);
    const files = [
      ...picked(dir, 'out'),
      { path: 'out/flows.csv', bytes: new ArrayBuffer(3) },
      {
        path: 'out/monthly.parquet',
        bytes: readFileSync(join(dir, shardFolderName(1, 1), 'counts.parquet')).buffer.slice(0, 0),
      },
    ];
    // An empty .parquet is no Parquet file: refused by name, not passed over.
    expect(refusal(files).message).toMatch(/^out: monthly.parquet cannot be read as Parquet/);
    const run = readPickedRun(files.filter((f) => f.path !== 'out/monthly.parquet'));
    expect(run.shards).toHaveLength(1);
    expect(run.ignored).toEqual(['out/flows.csv']);
  });

  test('a missing shard is refused by its number and folder name', () => {
    const files = picked(join(root, 'three')).filter((f) => !f.path.includes('shard-0002'));
    const e = refusal(files);
    expect(e.shard).toBe('shard 2 of 3');
    expect(e.message).toMatch(/is missing: no folder shard-0002-of-0003/);
  });

  test('a truncated file is refused with its shard named', () => {
    const files = picked(join(root, 'three')).map((f) =>
      f.path.endsWith('shard-0003-of-0003/flows.parquet')
        ? { ...f, bytes: f.bytes.slice(0, Math.floor(f.bytes.byteLength * 0.6)) }
        : f,
    );
    expect(refusal(files).message).toMatch(
      /^run\/shard-0003-of-0003: flows.parquet cannot be read as Parquet \(truncated or half-written\?\)/,
    );
  });

  test('a shard of another run is refused by name, saying what differs', () => {
    const dir = join(root, 'foreign');
    writeShard(dir, 2, 3, { seed: 'other' });
    const files = [
      ...picked(join(root, 'three')).filter((f) => !f.path.includes('shard-0002')),
      ...picked(dir, 'run'),
    ];
    const e = refusal(files);
    expect(e.shard).toBe('run/shard-0002-of-0003');
    expect(e.message).toMatch(/belongs to another run: its seed is other, but seed-1/);
  });

  test('a shard missing a table, or a half-written copy beside a missing shard, is named', () => {
    const files = picked(join(root, 'three'));
    expect(refusal(files.filter((f) => !f.path.endsWith('0001-of-0003/arrays.parquet'))).message).toMatch(
      /^run\/shard-0001-of-0003: arrays.parquet is missing: the shard is incomplete/,
    );
    const half = files.map((f) => ({
      ...f,
      path: f.path.replace('shard-0003-of-0003', 'shard-0003-of-0003.tmp-host-42'),
    }));
    expect(refusal(half).message).toMatch(
      /shard 3 of 3: is missing.*only a half-written copy: run\/shard-0003-of-0003\.tmp-host-42/,
    );
  });

  test('files that hold no shard at all are refused, saying what is expected', () => {
    expect(refusal([{ path: 'notes.txt', bytes: new ArrayBuffer(2) }]).message).toMatch(
      /none of the 1 file\(s\) is a shard file/,
    );
  });
});

describe('refusalText: a refusal of picked files in Chinese and English, naming the shard', () => {
  test.each([
    [
      new ShardRefusal(
        'shard 2 of 3',
        'is missing: no folder shard-0002-of-0003 beside run/shard-0001-of-0003',
      ),
      '缺少分片 shard-0002-of-0003：所选文件中没有 shard-0002-of-0003，请连同它一起选择',
    ],
    [
      new ShardRefusal(
        'run/shard-0002-of-0003',
        'belongs to another run: its seed is other, but seed-1 in the other 2 shard(s)',
      ),
      '分片 run/shard-0002-of-0003 属于另一次运行（随机种子不同），不能与其他分片合并',
    ],
    [
      new ShardRefusal(
        'run/shard-0003-of-0003',
        'flows.parquet cannot be read as Parquet (truncated or half-written?): x',
      ),
      '分片 run/shard-0003-of-0003 的文件无法作为 Parquet 读取（文件被截断或未写完？）',
    ],
    [
      new ShardRefusal('run/shard-0001-of-0003', 'arrays.parquet is missing: the shard is incomplete'),
      '分片 run/shard-0001-of-0003 不完整：缺少 arrays.parquet',
    ],
  ])('%s', (error, zh) => {
    expect(refusalText(error, 'zh')).toBe(zh);
    expect(refusalText(error, 'en')).toBe(error.message);
  });

  test('a refusal the page has no Chinese words for keeps the English after the shard', () => {
    const e = new ShardRefusal('run/x', 'something new');
    expect(refusalText(e, 'zh')).toBe('分片 run/x 被拒绝：run/x: something new');
  });
});
