import { expect, test } from 'vitest';
import { runTables } from '../../src/analytics/runTables';
import { simulateRange } from '../../src/engine';
import { sampleSize } from '../../src/population/generate';
import { resultDigest } from '../../src/runtime/digest';
import { runScenario } from '../../src/runtime/scenarioRun';
import { runSummary } from '../../src/runtime/summary';
import { population } from '../engine/helpers';
import { scenario } from '../scenario/helpers';

const inThread = async (input: Parameters<typeof simulateRange>[0]) =>
  simulateRange(input, 0, sampleSize(input.model, input.scaleK));

test('a run without the prepayment model has the same results and clearing, and answers the model later', async () => {
  const s = scenario('baseline-2026');
  const options = { scaleK: 10_000, replications: 1 };
  const full = await runScenario(s, population(), inThread, options);
  const lean = await runScenario(s, population(), inThread, { ...options, prepaymentModel: false });
  expect(await resultDigest(lean.result)).toBe(await resultDigest(full.result));
  expect(lean.figureSamples).toEqual(full.figureSamples);
  expect(lean.clearing.cash).toEqual(full.clearing.cash);
  expect(lean.clearing.provinceSummaries).toEqual(full.clearing.provinceSummaries);
  expect(lean.prepayment).toBeNull();

  // The summary says the model was not run and keeps every other figure.
  const leanSummary = runSummary(lean, population().dataset);
  const fullSummary = runSummary(full, population().dataset);
  expect(leanSummary.prepayment).toBeNull();
  expect(leanSummary.total).toEqual(fullSummary.total);
  expect(leanSummary.conservationResidualFen).toBe(0);
  expect(
    leanSummary.provinces.every((p) => p.neededPrepaymentFen === null && p.redProbability === null),
  ).toBe(true);
  expect(leanSummary.provinces.map((p) => p.peakUsage)).toEqual(
    fullSummary.provinces.map((p) => p.peakUsage),
  );

  // Its tables leave out only the model's.
  const names = (run: typeof full) => runTables(run, population().dataset).map((t) => t.name);
  const missing = names(full).filter((n) => !names(lean).includes(n));
  expect(missing.length).toBeGreaterThan(0);
  expect(missing.every((n) => n.startsWith('prepayment_'))).toBe(true);

  // Asked later, the model gives the answer the full run gave.
  expect(await lean.prepaymentAt(0.95)).toEqual(full.prepayment);
}, 120_000);
