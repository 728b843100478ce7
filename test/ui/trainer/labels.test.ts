import { describe, expect, test } from 'vitest';
import { StoryLabels } from '../../../src/ui/trainer/labels';
import { loadStory } from '../../scenario/storyFiles';

const billSplit = loadStory('06-bill-split.json');

describe('StoryLabels', () => {
  test('names accounts, people and places from the story in each language', () => {
    const zh = new StoryLabels(billSplit.story, 'zh');
    const en = new StoryLabels(billSplit.story, 'en');
    expect(zh.account('quota:li-na-father')).toBe('共济额度（李娜为李建国）');
    expect(en.account('quota:li-na-father')).toBe('Quota (Li Na for Li Jianguo)');
    expect(zh.account('payee:pharmacy:410100')).toBe('郑州 定点药店');
    expect(en.account('fund:320500')).toBe('Suzhou fund');
    expect(en.account('cash:father')).toBe('Li Jianguo: cash');
  });
});
