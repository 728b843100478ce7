import { expect, test } from 'vitest';
import { type CompareMessageKey, compareMessages } from '../../../src/ui/compare/messages';
import { progressText, type RunsProgress } from '../../../src/ui/compare/runsProgress';

const en = (key: CompareMessageKey) => compareMessages[key].en;
const zh = (key: CompareMessageKey) => compareMessages[key].zh;

const AT: RunsProgress = { i: 2, n: 3, id: 'netting-2026', sample: 0, samples: 1, p: null };
const P = { familiesDone: 1500, familiesTotal: 6000, rangesDone: 1, rangesTotal: 4, elapsedMs: 1000 };

test('the progress says which scenario of how many, then families done and the time left', () => {
  expect(progressText(AT, en, 'en')).toBe(`2/3 netting-2026: ${en('preparing')}`);
  const running = { ...AT, p: { ...P, etaMs: null } };
  expect(progressText(running, en, 'en')).toContain(en('etaUnknown'));
  expect(progressText(running, en, 'en')).toMatch(/^Scenario 2 of 3, netting-2026: /);
  expect(progressText(running, zh, 'zh')).toMatch(/^第 2\/3 个方案 netting-2026：/);
  const done = { ...AT, p: { ...P, familiesDone: 6000, etaMs: 0 } };
  expect(progressText(done, en, 'en')).toBe(`2/3 netting-2026: ${en('loading')}`);
});

test('with replications, the progress names the sample of how many', () => {
  expect(progressText({ ...AT, sample: 1, samples: 3 }, en, 'en')).toBe(
    `2/3 netting-2026 (simulation 2 of 3): ${en('preparing')}`,
  );
  expect(progressText({ ...AT, sample: 0, samples: 3 }, zh, 'zh')).toBe(
    `2/3 netting-2026（第 1/3 次模拟）: ${zh('preparing')}`,
  );
});
