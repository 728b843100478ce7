import { describe, expect, test } from 'vitest';
import { playStory } from '../../../src/scenario';
import { debtPairs } from '../../../src/ui/trainer/chain';
import { loadStory } from '../../scenario/storyFiles';

const billSplit = loadStory('06-bill-split.json');

describe('debtPairs', () => {
  test('adds up what Suzhou owes Zhengzhou so far and marks what the last step added', () => {
    expect(debtPairs(playStory(billSplit, 5))).toEqual([
      { fromArea: '320500', toArea: '410100', totalFen: 200_000, stepFen: 145_000 },
    ]);
    expect(debtPairs(playStory(billSplit, 4))).toEqual([
      { fromArea: '320500', toArea: '410100', totalFen: 55_000, stepFen: 40_000 },
    ]);
    expect(debtPairs(playStory(billSplit, 2))).toEqual([]);
  });
});
