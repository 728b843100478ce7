import { expect, test } from 'vitest';
import { shardOverheadFigures, type ShardedTiming } from '../../bench/benchShard';

const one: ShardedTiming = {
  shards: 1,
  shardSeconds: 10,
  mergeSeconds: 2,
  mergeInsideSeconds: 1.5,
  digest: 'd',
  personMonths: 1e9,
};
const four: ShardedTiming = { ...one, shards: 4, shardSeconds: 12, mergeSeconds: 3, mergeInsideSeconds: 2 };

test('the overhead of 4 shards is their wall time over 1 shard’s, without and with the merge', () => {
  const figures = Object.fromEntries(shardOverheadFigures(one, four, 100).map((f) => [f.key, f.value]));
  expect(figures.shardOverhead).toBeCloseTo(1.2, 12);
  expect(figures.totalOverhead).toBeCloseTo(15 / 12, 12);
  expect(figures.mergeShare).toBeCloseTo(3 / 15, 12);
  expect(figures.totalWall_1).toBe(12);
  expect(figures.mergeWall_4).toBe(3);
  expect(figures.mergeInside_4).toBe(2);
  expect(figures.scaleK).toBe(100);
});

test('shards that merge into another run than the single shard are not a measurement', () => {
  expect(() => shardOverheadFigures(one, { ...four, digest: 'e' }, 100)).toThrow(
    /merged into another run: digest e, not d/,
  );
});
