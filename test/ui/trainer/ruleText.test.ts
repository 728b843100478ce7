import { expect, test } from 'vitest';
import { BOOKKEEPING_IDS, CLEARING_RULES, SHARING_RULES } from '../../../src/rules/ids';
import { RULE_TEXT } from '../../../src/ui/trainer/ruleText';

const ALL_IDS = [...SHARING_RULES, ...CLEARING_RULES, ...BOOKKEEPING_IDS];

test('RULE_TEXT explains every rule id of src/rules/ids.ts, and nothing else, in Chinese and English', () => {
  expect(Object.keys(RULE_TEXT).sort()).toEqual([...ALL_IDS].sort());
  for (const id of ALL_IDS) {
    const { name, text } = RULE_TEXT[id];
    for (const t of [name.zh, name.en, text.zh, text.en]) expect(t.trim().length, id).toBeGreaterThan(0);
    // The Chinese text is Chinese and the English text is not.
    expect(text.zh, id).toMatch(/[\u4e00-\u9fff]/);
    expect(text.en, id).not.toMatch(/[\u4e00-\u9fff]/);
  }
});

test('no two rules share an explanation', () => {
  const texts = ALL_IDS.map((id) => RULE_TEXT[id].text.en);
  expect(new Set(texts).size).toBe(texts.length);
});
