import { expect, test } from 'vitest';
import { valueAt } from '../../src/scenario';
import { rawScenario, scenarioFiles } from './helpers';

/**
 * The value a note states for its own parameter: "Model assumption: 0.5% a month" / "模型假设：0.5%",
 * read as a fraction for %, in fen for yuan (元), else as it is; null when the note states none.
 */
function statedValue(note: string): number | null {
  const m = /(?:Model assumption: |模型假设：)(-?\d+(?:\.\d+)?)\s*(%|yuan|元)?/.exec(note);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === '%' ? n / 100 : m[2] === 'yuan' || m[2] === '元' ? n * 100 : n;
}

test('every note that states a model assumption as a number states the parameter’s own value, in both languages', () => {
  let checked = 0;
  const wrong: string[] = [];
  for (const file of scenarioFiles()) {
    const raw = rawScenario(file.replace(/\.json$/, ''));
    for (const [path, note] of Object.entries(raw.notes as Record<string, unknown>)) {
      const value = valueAt(raw, path);
      if (typeof value !== 'number') continue;
      const texts = typeof note === 'string' ? [note] : Object.values(note as Record<string, string>);
      for (const text of texts) {
        const stated = statedValue(text);
        if (stated === null) continue;
        checked++;
        if (Math.abs(stated - value) > 1e-9 * Math.max(1, Math.abs(value)))
          wrong.push(`${file}: ${path} is ${value}, its note says ${stated}: “${text.slice(0, 80)}…”`);
      }
    }
  }
  expect(wrong).toEqual([]);
  // Each scenario states several (the ending rates, the fund share, the pharmacy bill, the age factor).
  expect(checked).toBeGreaterThan(scenarioFiles().length * 8);
});

test('the reading of a stated value: percentages, yuan and plain numbers', () => {
  expect(statedValue('Model assumption: 0.5% a month, about 6% a year')).toBe(0.005);
  expect(statedValue('模型假设：90元（…）')).toBe(9000);
  expect(statedValue('Model assumption: 90 yuan (…)')).toBe(9000);
  expect(statedValue('Model assumption: 2 (older people …)')).toBe(2);
  expect(statedValue('Model assumption: about a year')).toBeNull();
});
