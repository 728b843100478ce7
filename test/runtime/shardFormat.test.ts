import { describe, expect, test } from 'vitest';
import { mergeRangeResults, simulateRange } from '../../src/engine';
import { resultDigest } from '../../src/runtime/digest';
import { resultFromRows, shardColumns } from '../../src/runtime/shardFormat';
import type { SampleRows, ShardColumns } from '../../src/runtime/shardLayout';
import { inputOf } from '../engine/helpers';

/** The rows of a shard's tables read back as a Parquet reader gives them (INT64 as numbers). */
function rowsOf(tables: Record<string, ShardColumns>, sample = 0): SampleRows {
  const num = (c: ShardColumns[string] | undefined, keep: boolean[]) =>
    Array.from(c as ArrayLike<number | bigint>, Number).filter((_, i) => keep[i]);
  const pick = (t: ShardColumns) => Array.from(t.sample as Int32Array, (s) => s === sample);
  const { counts, flows, arrays } = tables as Record<'counts' | 'flows' | 'arrays', ShardColumns>;
  const [kc, kf, ka] = [pick(counts!), pick(flows!), pick(arrays!)];
  return {
    counts: {
      families: num(counts!.families, kc),
      personMonths: num(counts!.person_months, kc),
      movedFen: num(counts!.moved_fen, kc),
    },
    flows: {
      month: num(flows!.month, kf),
      sharerArea: num(flows!.sharer_area, kf),
      treatmentArea: num(flows!.treatment_area, kf),
      use: num(flows!.use, kf),
      amountFen: num(flows!.amount_fen, kf),
      count: num(flows!.count, kf),
      squaresYuan2: num(flows!.squares_yuan2, kf),
    },
    arrays: {
      array: (arrays!.array as string[]).filter((_, i) => ka[i]),
      row: num(arrays!.row, ka),
      field: num(arrays!.field, ka),
      value: num(arrays!.value, ka),
    },
  };
}

/** Rows of several shards given one after the other, unsummed. */
function concat(parts: SampleRows[]): SampleRows {
  const cat = <T>(get: (r: SampleRows) => ArrayLike<T>): T[] => parts.flatMap((p) => Array.from(get(p)));
  return {
    counts: {
      families: cat((r) => r.counts.families),
      personMonths: cat((r) => r.counts.personMonths),
      movedFen: cat((r) => r.counts.movedFen),
    },
    flows: {
      month: cat((r) => r.flows.month),
      sharerArea: cat((r) => r.flows.sharerArea),
      treatmentArea: cat((r) => r.flows.treatmentArea),
      use: cat((r) => r.flows.use),
      amountFen: cat((r) => r.flows.amountFen),
      count: cat((r) => r.flows.count),
      squaresYuan2: cat((r) => r.flows.squaresYuan2),
    },
    arrays: {
      array: cat((r) => r.arrays.array),
      row: cat((r) => r.arrays.row),
      field: cat((r) => r.arrays.field),
      value: cat((r) => r.arrays.value),
    },
  };
}

describe('the shard format', () => {
  const input = inputOf('baseline-2026', 2000);
  const shape = { months: 12, areas: input.areaCount, scaleK: 2000 };

  test('a sample written as shard columns and read back rebuilds the same result (same digest)', async () => {
    const result = simulateRange(input, 0, 1500);
    const tables = shardColumns([{ index: 0, seed: input.seed, result }]);
    const rebuilt = resultFromRows(rowsOf(tables), shape);
    expect(await resultDigest(rebuilt)).toBe(await resultDigest(simulateRange(input, 0, 1500)));
    expect(rebuilt.movedFen).toBe(result.movedFen);
    expect(rebuilt.flows.size).toBeGreaterThan(0);
  });

  test("the unsummed rows of two shards rebuild the merged result, whichever shard's rows come first", async () => {
    const a = shardColumns([{ index: 0, seed: input.seed, result: simulateRange(input, 0, 700) }]);
    const b = shardColumns([{ index: 0, seed: input.seed, result: simulateRange(input, 700, 1500) }]);
    const whole = await resultDigest(
      mergeRangeResults(simulateRange(input, 0, 700), simulateRange(input, 700, 1500)),
    );
    expect(await resultDigest(resultFromRows(concat([rowsOf(a), rowsOf(b)]), shape))).toBe(whole);
    expect(await resultDigest(resultFromRows(concat([rowsOf(b), rowsOf(a)]), shape))).toBe(whole);
  });

  test('samples are kept apart by their sample column', async () => {
    const r0 = simulateRange(input, 0, 300);
    const r1 = simulateRange(input, 300, 900);
    const tables = shardColumns([
      { index: 0, seed: 's0', result: r0 },
      { index: 1, seed: 's1', result: r1 },
    ]);
    expect(tables.counts.seed).toEqual(['s0', 's1']);
    expect(await resultDigest(resultFromRows(rowsOf(tables, 1), shape))).toBe(await resultDigest(r1));
  });
  test('a row outside the window, the area table or its array, or a sum that is not whole, is refused', () => {
    const rows = rowsOf(shardColumns([{ index: 0, seed: 's', result: simulateRange(input, 0, 200) }]));
    const bad = structuredClone(rows);
    (bad.flows.month as number[])[0] = 12;
    expect(() => resultFromRows(bad, shape)).toThrow(/flow cell out of range: month 12/);
    const badArray = structuredClone(rows);
    (badArray.arrays.field as number[])[0] = 10_000;
    expect(() => resultFromRows(badArray, shape)).toThrow(/outside the array/);
    const badName = structuredClone(rows);
    (badName.arrays.array as string[])[0] = 'nonsense';
    expect(() => resultFromRows(badName, shape)).toThrow(/no array "nonsense"/);
    const half = structuredClone(rows);
    (half.counts.families as number[])[0] = 0.5;
    expect(() => resultFromRows(half, shape)).toThrow(/families: 0.5 is not a whole number/);
  });

  test('a result that is not whole numbers is refused when written', () => {
    const result = simulateRange(input, 0, 100);
    result.summary[0] = 1.5;
    expect(() => shardColumns([{ index: 0, seed: 's', result }])).toThrow(/summary must be a whole number/);
  });
});
