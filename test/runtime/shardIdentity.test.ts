import { describe, expect, test } from 'vitest';
import {
  identityMetadata,
  parseShardFolderName,
  readIdentity,
  shardFolderName,
  ShardRefusal,
  type ShardIdentity,
} from '../../src/runtime/shardIdentity';

const IDENTITY: ShardIdentity = {
  scenario: '{"id":"x"}',
  scenarioDigest: 'ab'.repeat(32),
  seed: 'seed-1',
  scaleK: 1000,
  window: '2026-01..2026-12',
  replications: 2,
  families: 207_566,
  shard: 3,
  shards: 8,
  from: 77_838,
  to: 103_784,
  engineVersion: '0.1.0+0123456789abcdef',
};

describe('the identity of a shard', () => {
  test('the identity survives the key-value metadata, and a damaged one is refused naming the shard and file', () => {
    const meta = new Map(identityMetadata(IDENTITY, 'flows').map((kv) => [kv.key, kv.value]));
    expect(readIdentity(meta, 'shard-0003-of-0008', 'flows.parquet')).toEqual({
      identity: IDENTITY,
      table: 'flows',
    });
    expect(meta.get('gongji.shard')).toBe('3/8');
    expect(meta.get('gongji.scale')).toBe('1:1000');

    const missing = new Map(meta);
    missing.delete('gongji.seed');
    expect(() => readIdentity(missing, 'shard-0003-of-0008', 'flows.parquet')).toThrow(ShardRefusal);
    expect(() => readIdentity(missing, 'shard-0003-of-0008', 'flows.parquet')).toThrow(
      /^shard-0003-of-0008: flows.parquet has no gongji.seed/,
    );
    const other = new Map(meta).set('gongji.format', 'gongji-shard/99');
    expect(() => readIdentity(other, 'x', 'counts.parquet')).toThrow(/format gongji-shard\/99/);
    const malformed = new Map(meta).set('gongji.shard', '3 of 8');
    expect(() => readIdentity(malformed, 'x', 'counts.parquet')).toThrow(
      /gongji.shard "3 of 8" is malformed/,
    );
  });

  test('folder names: shard-IIII-of-NNNN read back; temporary and malformed names are not shards', () => {
    expect(shardFolderName(3, 8)).toBe('shard-0003-of-0008');
    expect(shardFolderName(12_345, 20_000)).toBe('shard-12345-of-20000');
    expect(parseShardFolderName('shard-0003-of-0008')).toEqual({ shard: 3, shards: 8 });
    expect(parseShardFolderName('shard-0003-of-0008.tmp-host-12')).toBeNull();
    expect(parseShardFolderName('shard-0009-of-0008')).toBeNull();
    expect(parseShardFolderName('shard-0000-of-0008')).toBeNull();
    expect(parseShardFolderName('shard-3-of-8')).toBeNull();
  });
});
