import { describe, expect, test } from 'vitest';
import { emptyResult } from '../../src/engine/result';
import { SHARD_ARRAYS } from '../../src/runtime/shardLayout';

describe('the layout of a shard', () => {
  test('every array of a result is in the format, so no part of a result is lost', () => {
    const empty = emptyResult(12, 5, 1);
    const arrays = Object.entries(empty)
      .filter(([, v]) => v instanceof Float64Array)
      .map(([k]) => k)
      .sort();
    expect(
      Object.values(SHARD_ARRAYS)
        .map((a) => a.of)
        .sort(),
    ).toEqual(arrays);
    const numbers = Object.entries(empty)
      .filter(([, v]) => typeof v === 'number')
      .map(([k]) => k)
      .sort();
    // months, areas and weight are the shape; the rest are the counts table's columns.
    expect(numbers).toEqual(['areas', 'families', 'months', 'movedFen', 'personMonths', 'weight']);
  });
});
