import { expect, test } from 'vitest';
import { choiceText, scenarioChoices } from '../../../src/ui/compare/scenarioList';
import { scenario } from '../../scenario/helpers';

test('the list shows the bundled scenarios in their order, then the opened files in the order opened', () => {
  const baseline = scenario('baseline-2026');
  const netting = scenario('netting-2026');
  const mine = { ...scenario('monthly-cap-2026'), id: 'mine' };
  const choices = scenarioChoices([baseline, netting], [{ scenario: mine, file: 'mine.json' }]);
  expect(choices.map((c) => [c.scenario.id, c.file])).toEqual([
    ['baseline-2026', null],
    ['netting-2026', null],
    ['mine', 'mine.json'],
  ]);
  expect(choiceText(choices[0]!, 'zh')).toBe(baseline.title.zh);
  expect(choiceText(choices[2]!, 'en')).toBe(`${mine.title.en} · local file mine.json`);
  expect(choiceText(choices[2]!, 'zh')).toBe(`${mine.title.zh} · 本机文件 mine.json`);
  // A file name is anybody's text: a long one is cut.
  const long = choiceText({ scenario: mine, file: `${'x'.repeat(5000)}.json` }, 'en');
  expect(long.length).toBeLessThan(200);
});
