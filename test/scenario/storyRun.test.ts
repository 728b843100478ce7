import { describe, expect, test } from 'vitest';
import { openingBalances, playStory } from '../../src/scenario';
import { loadStory, storyFiles } from './storyFiles';

const year = loadStory('11-zhang-family-year.json');

describe('playStory', () => {
  test('the frame of step n is the same whether n steps or the whole story are played', () => {
    const all = playStory(year);
    for (const n of [0, 1, 5, 17, all.length]) {
      const some = playStory(year, n);
      expect(some).toHaveLength(n);
      expect(some).toEqual(all.slice(0, n));
    }
  });

  test('going back a step and forward again gives identical frames', () => {
    const at12 = playStory(year, 12);
    const back = playStory(year, 11);
    const forward = playStory(year, 12);
    expect(back).toEqual(at12.slice(0, 11));
    expect(forward).toEqual(at12);
  });

  test('asking for more steps than the story has gives every step; fewer than none gives none', () => {
    expect(playStory(year, 1000)).toHaveLength(year.story.steps.length);
    expect(playStory(year, -3)).toEqual([]);
  });

  test("a quota payment across provinces records the debt of the sharer's pooling area (C1)", () => {
    const frames = playStory(loadStory('02-pharmacy-from-quota.json'));
    expect(frames.at(-1)?.debts).toEqual([
      { fromArea: '320500', toArea: '410100', amountFen: 15_000, seq: 3 },
    ]);
    // Within one pooling area nothing needs clearing.
    const daughterBill = playStory(year)[8]!;
    expect(daughterBill.result.ok && daughterBill.result.postings[0]?.from).toBe('quota:zhang-wei-daughter');
    expect(daughterBill.debts).toEqual([]);
  });

  test("names quota accounts by the story's relationship ids and starts from the opening balances", () => {
    expect(openingBalances(year)).toEqual({ 'account:zhang-wei': 320_000, 'fund:440100': -320_000 });
    const quota = playStory(year, 3).at(-1)!;
    expect(Object.keys(quota.balances)).toContain('quota:zhang-wei-mother');
    expect(quota.active).toEqual(['zhang-wei-mother']);
  });

  test('every story plays to its end without a run error', () => {
    for (const file of storyFiles()) expect(() => playStory(loadStory(file)), file).not.toThrow();
  });
});
