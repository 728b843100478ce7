import { describe, expect, it } from 'vitest';
import type { FamilyTrace } from '../../../src/engine';
import { familyStory } from '../../../src/ui/trainer/familyStory';
import { StoryLabels } from '../../../src/ui/trainer/labels';
import { population } from '../../engine/helpers';

const trace: FamilyTrace = {
  familyIndex: 56000,
  persons: [
    { id: 'f56000-0', role: 0, age: 65, scheme: 3, area: '' },
    { id: 'f56000-1', role: 0, age: 61, scheme: 2, area: '410500' },
    { id: 'f56000-2', role: 1, age: 34, scheme: 0, area: '321300' },
    { id: 'f56000-3', role: 1, age: 29, scheme: 0, area: '110000' },
  ],
  relationships: [
    {
      id: 'f56000-r0',
      sharerId: 'f56000-2',
      beneficiaryId: 'f56000-1',
      geography: 'cross-province',
      since: 0,
      active: true,
    },
  ],
  postings: [
    { seq: 1, from: 'quota:f56000-r0', to: 'payee:pharmacy:410500', amountFen: 3520, rule: 'R11', at: 0 },
  ],
  refusals: [],
  endState: {},
};

describe('a simulated family as a story', () => {
  const story = familyStory(trace, population().dataset, {
    scenarioId: 'baseline-2026',
    scaleK: 1000,
    position: 56,
  });

  it('names the members by their place in the family and age, with their schemes and areas', () => {
    expect(story.people.map((p) => p.name.zh)).toEqual([
      '成员 1（祖辈，65 岁）',
      '成员 2（祖辈，61 岁）',
      '成员 3（子女辈，34 岁）',
      '成员 4（子女辈，29 岁）',
    ]);
    expect(story.people.map((p) => p.scheme)).toEqual([
      'uninsured',
      'resident',
      'employee-account',
      'employee-account',
    ]);
    expect(story.description.en).toContain('sample position 56');
    expect(story.description.en).toContain('family index 56000');
  });

  it('names the places from the dataset, municipalities included, and labels accounts with them', () => {
    expect(story.places['41']?.zh).toBe('河南省');
    expect(story.places['410500']?.zh).toBe('安阳市');
    expect(story.places['110000']?.en).toMatch(/Beijing/);
    const labels = new StoryLabels(story, 'zh');
    expect(labels.account('quota:f56000-r0')).toBe(
      '共济额度（成员 3（子女辈，34 岁）为成员 2（祖辈，61 岁））',
    );
    expect(labels.account('payee:pharmacy:410500')).toBe('安阳市 定点药店');
  });
});
