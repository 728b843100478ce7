import { expect, test } from 'vitest';
import type { CompareState } from '../../../src/ui/compare/address';
import { planRuns } from '../../../src/ui/compare/runPlan';
import type { ShownRun } from '../../../src/ui/compare/tables';
import type { CompletedRun } from '../../../src/ui/runs';
import { scenario } from '../../scenario/helpers';

const STATE: CompareState = {
  runs: ['baseline-2026', 'netting-2026'],
  scaleK: 1000,
  seed: null,
  baseline: null,
  replications: 0,
  edit: null,
};

/** A run opened from files, as much of it as the plan reads. */
function openedRun(id: string, scaleK: number, seed: string, replications?: number): ShownRun {
  const request = { scenario: { ...scenario('baseline-2026'), seed }, scaleK, replications };
  return { id, run: { request } as unknown as CompletedRun };
}

test('every scenario runs at the baseline’s seed unless the Seed field gives one', () => {
  const baseline = { ...scenario('baseline-2026'), seed: 'b' };
  const netting = { ...scenario('netting-2026'), seed: 'n' };
  const found = [
    { token: 'baseline-2026', scenario: baseline },
    { token: 'netting-2026', scenario: netting },
  ];
  const plan = planRuns({ ...STATE, baseline: 'netting-2026' }, found, []);
  expect(plan).toMatchObject({ baseline: 'netting-2026', fellBack: false });
  if (typeof plan === 'string') throw new Error(plan);
  expect(plan.chosen.map((c) => [c.id, c.scenario.seed])).toEqual([
    ['baseline-2026', 'n'],
    ['netting-2026', 'n'],
  ]);
  // A scenario already at the seed is run as it is.
  expect(plan.chosen[1]!.scenario).toBe(netting);
  const seeded = planRuns({ ...STATE, seed: 's' }, found, []);
  if (typeof seeded === 'string') throw new Error(seeded);
  expect(seeded.baseline).toBe('baseline-2026');
  expect(seeded.chosen.map((c) => c.scenario.seed)).toEqual(['s', 's']);
});

test('runs opened from files set the scale, seed and replications, and may be the baseline', () => {
  const found = [{ token: 'netting-2026', scenario: scenario('netting-2026') }];
  const opened = [openedRun('opened-1', 100, 'o', 5)];
  const plan = planRuns({ ...STATE, baseline: 'opened-1' }, found, opened);
  if (typeof plan === 'string') throw new Error(plan);
  expect(plan.state).toMatchObject({ scaleK: 100, seed: 'o', replications: 5 });
  expect(plan.baseline).toBe('opened-1');
  expect(plan.chosen.map((c) => c.scenario.seed)).toEqual(['o']);
  // Opened runs alone are a comparison: nothing falls back.
  expect(planRuns(STATE, [], opened)).toMatchObject({ chosen: [], fellBack: false });
});

test('opened runs at different settings are refused, and nothing at all falls back to baseline-2026', () => {
  const differ = [openedRun('a', 1000, 'x'), openedRun('b', 1000, 'x', 2)];
  expect(planRuns(STATE, [], differ)).toBe('openedRuns.differ');
  // No replications given reads as 0.
  expect(planRuns(STATE, [], [openedRun('a', 1000, 'x'), openedRun('b', 1000, 'x', 0)])).not.toBe(
    'openedRuns.differ',
  );
  const plan = planRuns(STATE, [], []);
  if (typeof plan === 'string') throw new Error(plan);
  expect(plan).toMatchObject({ baseline: 'baseline-2026', fellBack: true, state: STATE });
  expect(plan.chosen.map((c) => c.id)).toEqual(['baseline-2026']);
});
