import { expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { mergeRangeResults } from '../../src/engine/result';
import { sampleSize } from '../../src/population/generate';
import { progressAt } from '../../src/runtime/progress';
import type { Simulate } from '../../src/runtime/samples';
import { resultDigest } from '../../src/runtime/digest';
import { areaProvinces, crossProvinceTotals, runScenario } from '../../src/runtime/scenarioRun';
import { provinceFen, runSweep } from '../../src/runtime/sweep';
import { parseSweep, sweepPoints } from '../../src/scenario/sweep';
import { population } from '../engine/helpers';
import { scenario } from '../scenario/helpers';

const inThread = async (input: Parameters<typeof simulateRange>[0]) =>
  simulateRange(input, 0, sampleSize(input.model, input.scaleK));

/** Simulates in this thread in two ranges, reporting progress after each as the pool does. */
const inTwoRanges: Simulate = async (input, options) => {
  const n = sampleSize(input.model, input.scaleK);
  const half = Math.floor(n / 2);
  const first = simulateRange(input, 0, half);
  options.onProgress?.(progressAt(half, n, 1, 2, 1));
  const second = simulateRange(input, half, n);
  options.onProgress?.(progressAt(n, n, 2, 2, 2));
  return mergeRangeResults(first, second);
};

const SHARE = 'behaviour.quota.shareOfSpendable';

function points(values: number[]) {
  const sweep = parseSweep({
    id: 'share',
    title: { zh: '额度比例', en: 'Quota share' },
    scenario: '../baseline-2026.json',
    parameters: [{ path: SHARE, values }],
  });
  if (!sweep.ok) throw new Error('invalid sweep');
  const r = sweepPoints(scenario('baseline-2026'), sweep.sweep);
  if (!r.ok) throw new Error('invalid points');
  return r.points;
}

test('each point is its scenario run alone: the same digest and figures, means over the same samples', async () => {
  const pts = points([0.1, 0.9]);
  const progress: number[] = [];
  const sweep = await runSweep(pts, population(), inTwoRanges, {
    scaleK: 10_000,
    replications: 1,
    onProgress: (p) => progress.push(p.done),
  });
  expect(sweep.points.map((p) => p.scenarioId)).toEqual(['share-1', 'share-2']);
  for (const [i, point] of pts.entries()) {
    const alone = await runScenario(point.scenario, population(), inThread, {
      scaleK: 10_000,
      replications: 1,
    });
    const read = sweep.points[i]!;
    expect(read.digest).toBe(await resultDigest(alone.result));
    const mean = (key: string) => alone.figureSamples.reduce((s, f) => s + f[key]!, 0) / 2;
    expect(read.figures.sharedFen!.value).toBeCloseTo(mean('sharedFen'), -1);
    expect(read.figures.crossProvinceFen!.value).toBeCloseTo(mean('crossProvinceFen'), -1);
    // By province, the sharers' fen add up to the national figure.
    const summed = read.provinces.reduce((s, p) => s + p.sharedFen.value, 0);
    expect(summed).toBeCloseTo(read.figures.sharedFen!.value, -1);
    const [low, high] = read.figures.sharedFen!.interval!;
    expect(low).toBeLessThan(read.figures.sharedFen!.value);
    expect(high).toBeGreaterThan(read.figures.sharedFen!.value);
  }
  // A larger quota share moves more money from quotas.
  expect(sweep.points[1]!.figures.sharedFen!.value).toBeGreaterThan(
    sweep.points[0]!.figures.sharedFen!.value,
  );
  // Two points of two samples, each reporting twice: the last report is the whole sweep.
  expect(progress).toHaveLength(8);
  expect(progress.at(-1)).toBe(1);
  expect(progress.every((d, i) => d >= 0 && d <= 1 && (i === 0 || d >= progress[i - 1]!))).toBe(true);
  expect(sweep.sources).toEqual({
    sampling: 'kept',
    population: 'included',
    parameters: 'included',
    estimate: 'included',
  });
});

test('without replications a sweep has levels and no intervals, and says so', async () => {
  const sweep = await runSweep(points([0.2, 0.4]), population(), inThread, {
    scaleK: 10_000,
    replications: 0,
  });
  expect(sweep.sources.sampling).toBe('no interval without replications');
  for (const p of sweep.points) {
    expect(p.figures.sharedFen!.interval).toBeNull();
    expect(p.provinces.every((x) => x.sharedFen.interval === null)).toBe(true);
  }
});

test('provinceFen reads the sharers’ fen by province, in all and paid in other provinces', async () => {
  const s = scenario('baseline-2026');
  const run = await runScenario(s, population(), inThread, { scaleK: 10_000 });
  const areaProvince = areaProvinces(population().dataset);
  const { sharedFen, paidInOtherProvincesFen } = provinceFen(
    run.result,
    areaProvince,
    population().dataset.provinces.length,
  );
  const total = sharedFen.reduce((a, b) => a + b, 0);
  expect(total).toBe(run.figureSamples[0]!.sharedFen);
  // What leaves the provinces is what the clearing counts across provinces.
  expect(paidInOtherProvincesFen.reduce((a, b) => a + b, 0)).toBe(
    crossProvinceTotals(run.result, areaProvince).fen,
  );
  for (let p = 0; p < sharedFen.length; p++)
    expect(paidInOtherProvincesFen[p]!).toBeLessThanOrEqual(sharedFen[p]!);
  expect(paidInOtherProvincesFen.some((x) => x > 0)).toBe(true);
});
