import { describe, expect, test } from 'vitest';
import { ShardRefusal, type ShardIdentity } from '../../src/runtime/shardFormat';
import { checkShardSet, type FoundShard } from '../../src/runtime/shardMerge';
import { shardRange } from '../../src/runtime/shardRun';

const FAMILIES = 1000;

/** Shard i of n of a run, as found in folder `shards/shard-…`. */
function shard(i: number, n: number, edit: Partial<ShardIdentity> = {}): FoundShard {
  const identity: ShardIdentity = {
    scenario: '{}',
    scenarioDigest: 'a'.repeat(64),
    seed: 'seed',
    scaleK: 1000,
    window: '2026-01..2026-12',
    replications: 0,
    families: FAMILIES,
    shard: i,
    shards: n,
    ...shardRange(FAMILIES, i, n),
    engineVersion: 'v1',
    ...edit,
  };
  return { label: `shards/shard-${String(i).padStart(4, '0')}-of-${String(n).padStart(4, '0')}`, identity };
}

/** The refusal `checkShardSet` throws, or null. */
function refusal(found: FoundShard[], halfWritten: string[] = []): ShardRefusal | null {
  try {
    checkShardSet(found, halfWritten);
    return null;
  } catch (e) {
    if (e instanceof ShardRefusal) return e;
    throw e;
  }
}

describe('checkShardSet: every shard 1…n of one run, exactly once', () => {
  test('a whole set comes back in shard order, whatever order it was found in', () => {
    const found = [shard(3, 3), shard(1, 3), shard(2, 3)];
    expect(checkShardSet(found).map((s) => s.identity.shard)).toEqual([1, 2, 3]);
  });

  test('a missing shard is refused by its number and folder name', () => {
    const e = refusal([shard(1, 3), shard(3, 3)]);
    expect(e?.shard).toBe('shard 2 of 3');
    expect(e?.message).toMatch(/shard 2 of 3: is missing: no folder shard-0002-of-0003/);
  });

  test('a missing shard left half-written says so, naming the temporary folder', () => {
    const e = refusal(
      [shard(1, 2)],
      ['shards/shard-0002-of-0002.tmp-pod-7-1', 'shards/shard-0009-of-0012.tmp-x-1'],
    );
    expect(e?.message).toMatch(
      /only a half-written copy: shards\/shard-0002-of-0002\.tmp-pod-7-1; run the shard again/,
    );
    expect(e?.message).not.toMatch(/0009/);
  });

  test('a shard given twice is refused naming both folders', () => {
    const twin = { ...shard(2, 3), label: 'elsewhere/shard-0002-of-0003' };
    const e = refusal([shard(1, 3), shard(2, 3), twin, shard(3, 3)]);
    expect(e?.shard).toBe('elsewhere/shard-0002-of-0003');
    expect(e?.message).toMatch(/there twice: shards\/shard-0002-of-0003 and elsewhere\/shard-0002-of-0003/);
  });

  test.each([
    ['scenarioDigest', 'b'.repeat(64), /scenario digest is b{64}, but a{64}/],
    ['seed', 'other', /seed is other, but seed/],
    ['scaleK', 100, /scale 1:k, k is 100, but 1000/],
    ['replications', 4, /replications is 4, but 0/],
    ['engineVersion', 'v2', /engine version is v2, but v1/],
  ] as const)(
    'a shard of another run (%s) is refused by name, against what the others agree on',
    (field, value, why) => {
      const foreign = { ...shard(2, 3, { [field]: value }), label: 'other/shard-0002-of-0003' };
      const e = refusal([shard(1, 3), foreign, shard(3, 3)]);
      expect(e?.shard).toBe('other/shard-0002-of-0003');
      expect(e?.message).toMatch(/belongs to another run/);
      expect(e?.message).toMatch(why);
    },
  );

  test('shards of a run split another way are foreign too', () => {
    const e = refusal([shard(1, 3), shard(2, 3), shard(2, 4)]);
    expect(e?.shard).toBe('shards/shard-0002-of-0004');
    expect(e?.message).toMatch(/shard count n is 4, but 3/);
  });

  test('a shard whose families are not its part is refused', () => {
    const e = refusal([shard(1, 2), shard(2, 2, { from: 499 })]);
    expect(e?.shard).toBe('shards/shard-0002-of-0002');
    expect(e?.message).toMatch(/holds families 499\.\.1000, but shard 2 of 2 is 500\.\.1000/);
  });

  test('no shard at all is refused', () => {
    expect(refusal([])?.message).toMatch(/no shard folder was found/);
  });
});
