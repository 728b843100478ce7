/**
 * Valid scenarios across the schema's whole ranges (全范围合法场景): every numeric parameter the
 * schema accepts may be drawn anywhere in its range, so a case may be absurd. Each either is refused
 * before its run (exact sums could not be promised), or runs with a conservation residual of 0 fen
 * and the same digest however its families are split among workers.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { engineInput } from '../../src/engine/input';
import { mergeRangeResults } from '../../src/engine/result';
import { resultDigest } from '../../src/runtime/digest';
import { checkExactness, InexactRun, preflightExactness } from '../../src/runtime/exactness';
import { addPacked, packResult } from '../../src/runtime/transfer';
import { parseScenario, PARAMETER_PATHS, schemaAt, toEngineParameters } from '../../src/scenario';
import { population } from '../engine/helpers';
import { rawScenario } from '../scenario/helpers';

/** Every numeric parameter leaf with its range, read off the schema. */
const NUMERIC = PARAMETER_PATHS.flatMap((path) => {
  let s = schemaAt(path.split('.'));
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (!(s instanceof z.ZodNumber)) return [];
  const min = s.minValue ?? 0;
  const max = Math.min(s.maxValue ?? 1e9, 1e9);
  return [{ path, min, max, int: s.isInt }];
});

/** A value anywhere in a leaf's range: its ends, or uniform between, whole where the schema wants it. */
const valueIn = (leaf: (typeof NUMERIC)[number]) =>
  fc.oneof(
    fc.constantFrom(leaf.min, leaf.max),
    leaf.int
      ? fc.integer({ min: Math.ceil(leaf.min), max: Math.floor(leaf.max) })
      : fc.double({ min: leaf.min, max: leaf.max, noNaN: true }),
  );

/** Some numeric leaves of the baseline set anywhere in their ranges. */
const edits = fc
  .uniqueArray(fc.integer({ min: 0, max: NUMERIC.length - 1 }), { minLength: 1, maxLength: 12 })
  .chain((picks) =>
    fc.tuple(...picks.map((i) => valueIn(NUMERIC[i]!).map((v) => [NUMERIC[i]!.path, v] as const))),
  );

/** The baseline with `values` set by dotted path. */
function edited(values: readonly (readonly [string, number])[]): unknown {
  const raw = rawScenario('baseline-2026');
  for (const [path, v] of values) {
    const keys = path.split('.');
    let at = raw;
    for (const k of keys.slice(0, -1)) at = at[k];
    at[keys.at(-1)!] = v;
  }
  return raw;
}

const SCALE = 10_000;
const FAMILIES = 1200;

/** The sample positions [0, FAMILIES) simulated as `parts` ranges, sent packed and merged in reverse. */
async function digestSplit(input: Parameters<typeof simulateRange>[0], parts: number) {
  const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.round((i * FAMILIES) / parts));
  const results = bounds.slice(0, -1).map((from, i) => simulateRange(input, from, bounds[i + 1]!));
  let total: ReturnType<typeof simulateRange> | null = null;
  for (const r of results.reverse()) total = addPacked(total, packResult(r));
  return { result: total!, digest: await resultDigest(total!) };
}

test('a valid scenario anywhere in the schema’s ranges runs exactly at any split, or is refused first', async () => {
  const { dataset, model } = population();
  let refused = 0;
  let ran = 0;
  await fc.assert(
    fc.asyncProperty(edits, async (values) => {
      const parsed = parseScenario(edited(values));
      fc.pre(parsed.ok); // cross-field checks (yellow below red, …) may reject a draw
      if (!parsed.ok) return;
      const input = engineInput(toEngineParameters(parsed.scenario), model, dataset, SCALE);
      try {
        preflightExactness(input, model);
      } catch (error) {
        expect(error).toBeInstanceOf(InexactRun);
        expect((error as InexactRun).shares[0]!.fields.length).toBeGreaterThan(0);
        refused++;
        return;
      }
      ran++;
      const one = await digestSplit(input, 1);
      expect(one.result.residual.every((r) => r === 0)).toBe(true);
      checkExactness(one.result, input);
      for (const parts of [2, 4]) expect((await digestSplit(input, parts)).digest).toBe(one.digest);
      // The same positions merged in the engine's own order give the same bits as well.
      const direct = mergeRangeResults(
        simulateRange(input, 0, FAMILIES / 2),
        simulateRange(input, FAMILIES / 2, FAMILIES),
      );
      expect(await resultDigest(direct)).toBe(one.digest);
    }),
    {
      numRuns: Number(process.env.FUZZ_RUNS ?? 1) * 40,
      seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
    },
  );
  // Both outcomes must occur, or the property tests only one side.
  if (process.env.FUZZ_REPORT) console.log(`refused ${refused}, ran ${ran}`);
  expect(refused + ran).toBeGreaterThan(0);
}, 240_000);
