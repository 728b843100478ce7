import { expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { sampleSize } from '../../src/population/generate';
import { FIGURES } from '../../src/runtime/figures';
import { runScenario } from '../../src/runtime/scenarioRun';
import { runSummary } from '../../src/runtime/summary';
import { population } from '../engine/helpers';
import { scenario } from '../scenario/helpers';

const inThread = async (input: Parameters<typeof simulateRange>[0]) =>
  simulateRange(input, 0, sampleSize(input.model, input.scaleK));

test('a run keeps every figure of its main run and each replication, with the parameters each had', async () => {
  const s = scenario('baseline-2026');
  const run = await runScenario(s, population(), inThread, { scaleK: 10_000, replications: 2 });
  expect(run.figureSamples).toHaveLength(3);
  expect(run.sampleParameters).toHaveLength(3);
  expect(run.ranged).toBe(true);
  expect(run.sampleParameters[0]!['behaviour.quota.shareOfSpendable']).toBe(
    s.behaviour.quota.shareOfSpendable,
  );
  expect(run.sampleParameters.slice(1)).toEqual(run.replications.map((r) => r.parameters));
  for (const sample of run.figureSamples) expect(Object.keys(sample)).toEqual(FIGURES.map((f) => f.key));
  // The main run's figures are the summary's.
  const summary = runSummary(run, population().dataset);
  const main = run.figureSamples[0]!;
  expect(main.sharedFen).toBe(summary.total.amountFen);
  expect(main.personTimes).toBe(summary.total.personTimes);
  expect(main.crossProvinceFen).toBe(summary.byGeography['cross-province'].amountFen);
  expect(main['use:pharmacy']).toBe(summary.byUse.pharmacy.amountFen);
  expect(main.relationships).toBe(summary.relationships.setUp + summary.relationships.startingStock);
  expect(main.activeAtEnd).toBe(summary.relationships.activeAtEnd);
  expect(main.frozenAtEnd).toBe(summary.quotaFrozenFenAtEnd);
});

test('every figure has a name in both languages', () => {
  for (const f of FIGURES) {
    expect(f.label.en.length, f.key).toBeGreaterThan(0);
    expect(f.label.zh, f.key).toMatch(/[\u4e00-\u9fff]/);
  }
});
