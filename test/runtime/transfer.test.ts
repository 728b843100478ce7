import { describe, expect, test } from 'vitest';
import { mergeRangeResults, simulateRange } from '../../src/engine';
import { resultDigest } from '../../src/runtime/digest';
import { addPacked, packResult } from '../../src/runtime/transfer';
import { inputOf } from '../engine/helpers';

describe('packed results across the worker boundary', () => {
  const input = inputOf('baseline-2026', 2000);

  test('packed totals added up on the main side give the bits of the merged results', async () => {
    const merged = await resultDigest(
      mergeRangeResults(simulateRange(input, 0, 900), simulateRange(input, 900, 2000)),
    );
    const total = addPacked(
      addPacked(null, packResult(simulateRange(input, 900, 2000))),
      packResult(simulateRange(input, 0, 900)),
    );
    expect(await resultDigest(total)).toBe(merged);
  });

  test('a packed result of another window or area table is refused', () => {
    const total = simulateRange(input, 0, 300);
    const packed = packResult(simulateRange(input, 300, 600));
    expect(() =>
      addPacked(total, { ...packed, flows: { ...packed.flows, areas: packed.flows.areas + 1 } }),
    ).toThrow(/different shapes/);
    expect(() => addPacked(total, { ...packed, months: packed.months + 1 })).toThrow(/different windows/);
  });
});
