import { expect, test } from 'vitest';
import { deriveSeed } from '../../src/clearing/replications';
import { simulateRange } from '../../src/engine';
import { sampleSize } from '../../src/population/generate';
import { resultDigest } from '../../src/runtime/digest';
import { forEachSample, type Sample } from '../../src/runtime/samples';
import { drawParameters } from '../../src/scenario/uncertainty';
import { population } from '../engine/helpers';
import { scenario } from '../scenario/helpers';

const inThread = async (input: Parameters<typeof simulateRange>[0]) =>
  simulateRange(input, 0, sampleSize(input.model, input.scaleK));

test('the samples come in order: the main run at the seed, then replication r at its derived seed and draws', async () => {
  const s = scenario('baseline-2026');
  const seen: Omit<Sample, 'result' | 'input'>[] = [];
  const digests: string[] = [];
  await forEachSample(s, population(), inThread, { scaleK: 10_000, replications: 2 }, async (sample) => {
    seen.push({
      index: sample.index,
      seed: sample.seed,
      scenario: sample.scenario,
      parameters: sample.parameters,
    });
    expect(sample.input.seed).toBe(sample.seed);
    digests.push(await resultDigest(sample.result));
  });
  expect(seen.map((x) => x.index)).toEqual([0, 1, 2]);
  expect(seen.map((x) => x.seed)).toEqual([s.seed, deriveSeed(s.seed, 0), deriveSeed(s.seed, 1)]);
  expect(seen[0]!.scenario).toBe(s);
  expect(seen[0]!.parameters['behaviour.quota.shareOfSpendable']).toBe(s.behaviour.quota.shareOfSpendable);
  expect(seen[2]!.parameters).toEqual(drawParameters(s, 1).values);
  expect(seen[2]!.scenario).toEqual(drawParameters(s, 1).scenario);
  // Each sample is its own draw of the population and its events.
  expect(new Set(digests).size).toBe(3);
});

test('a visit that fails stops the samples: nothing after it is simulated', async () => {
  const s = scenario('baseline-2026');
  let simulated = 0;
  const counting = async (input: Parameters<typeof simulateRange>[0]) => {
    simulated++;
    return inThread(input);
  };
  await expect(
    forEachSample(s, population(), counting, { scaleK: 10_000, replications: 3 }, (sample) => {
      if (sample.index === 1) throw new Error('stop here');
    }),
  ).rejects.toThrow('stop here');
  expect(simulated).toBe(2);
});
