/**
 * The training stories, one test each, read from scenarios/stories/*.json and played through the
 * sharing book: every step must give exactly the postings (accounts, fen and rule ids) or the
 * refusal (rule id and code) its file expects, and afterwards exactly the balances in fen it lists.
 * The stories exist once, as data; the trainer shows the same files.
 */
import { describe, expect, test } from 'vitest';
import { openingBalances, playStory, type StoryFrame } from '../../src/scenario';
import { loadStory, storyFiles } from '../scenario/storyFiles';

const FILES = storyFiles();

/** The sum of every balance: zero unless the ledger is broken. */
const total = (balances: Record<string, number>) => Object.values(balances).reduce((s, v) => s + v, 0);

test('the ten training stories, the family year and the enrolment story are all there, in order', () => {
  expect(FILES).toEqual([
    '01-suzhou-quota.json',
    '02-pharmacy-from-quota.json',
    '03-frozen-money.json',
    '04-quota-above-balance.json',
    '05-resident-contribution.json',
    '06-bill-split.json',
    '07-move-to-nanjing.json',
    '08-in-law-refused.json',
    '09-pooling-only-refused.json',
    '10-use-outside-r11.json',
    '11-zhang-family-year.json',
    '12-enrol-uninsured-father.json',
  ]);
});

test('the stories refuse by R1, R2 (in-law and not insured), R6, R7, R8 and R11, and post by R7, R8, R10, R11, R12 and CREDIT', () => {
  const refused = new Set<string>();
  const posted = new Set<string>();
  for (const file of FILES) {
    for (const s of loadStory(file).story.steps) {
      if (s.expect.refusal) refused.add(JSON.stringify([s.expect.refusal.rule, s.expect.refusal.code]));
      for (const p of s.expect.postings ?? []) posted.add(p.rule);
    }
  }
  expect([...refused].map((r) => JSON.parse(r) as [string, string]).sort()).toEqual([
    ['R1', 'sharer-has-no-account'],
    ['R11', 'use-not-permitted'],
    ['R2', 'beneficiary-not-insured'],
    ['R2', 'not-near-relative'],
    ['R6', 'relationship-not-active'],
    ['R7', 'quota-exceeds-balance'],
    ['R8', 'frozen-by-quota'],
  ]);
  expect([...posted].sort()).toEqual(['CREDIT', 'R10', 'R11', 'R12', 'R7', 'R8']);
});

describe('training stories', () => {
  for (const file of FILES) {
    const loaded = loadStory(file);
    test(`${loaded.story.title.en} (${file})`, () => {
      const frames = playStory(loaded);
      expect(frames).toHaveLength(loaded.story.steps.length);
      let before: Pick<StoryFrame, 'balances' | 'active'> = { balances: openingBalances(loaded), active: [] };
      expect(total(before.balances)).toBe(0);
      loaded.story.steps.forEach((step, i) => {
        const frame = frames[i]!;
        const where = `${file} step ${i + 1} (${step.op} at ${step.at})`;
        const want = step.expect;
        if (want.refusal) {
          expect(frame.result.ok, where).toBe(false);
          if (frame.result.ok) return;
          const r = frame.result.refusal;
          expect({ rule: r.rule, code: r.code }, where).toEqual({
            rule: want.refusal.rule,
            code: want.refusal.code,
          });
          expect(r.message.zh, where).toContain(r.rule);
          expect(r.message.en, where).toContain(`(${r.rule}`);
          if (want.refusal.messageIncludes?.zh)
            expect(r.message.zh, where).toContain(want.refusal.messageIncludes.zh);
          if (want.refusal.messageIncludes?.en)
            expect(r.message.en, where).toContain(want.refusal.messageIncludes.en);
          // A refusal changes nothing.
          expect(frame.balances, where).toEqual(before.balances);
          expect(frame.active, where).toEqual(before.active);
        } else {
          expect(frame.result.ok, where).toBe(true);
          if (!frame.result.ok) return;
          const posted = frame.result.postings.map(({ from, to, amountFen, rule }) => ({
            from,
            to,
            amountFen,
            rule,
          }));
          expect(posted, where).toEqual(want.postings);
          expect(frame.result.ended, where).toEqual(want.ended ?? []);
        }
        expect(frame.balances, where).toEqual(want.balances);
        expect(total(frame.balances), where).toBe(0);
        if (step.op === 'changeInsurance' && step.change.kind === 'move') {
          expect(frame.areas[step.person], where).toBe(step.change.poolingArea);
        }
        before = frame;
      });
    });
  }
});
