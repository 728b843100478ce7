import { describe, expect, test } from 'vitest';
import { formatStoryErrors, parseStory } from '../../src/scenario';
import { rawScenario } from './helpers';
import { rawStory, scenarioById, storyFiles } from './storyFiles';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The errors of a raw story as [path, code] pairs, sorted; [] when it is valid. */
function problems(raw: unknown): [string, string][] {
  const r = parseStory(raw, scenarioById);
  return r.ok ? [] : r.errors.map((e): [string, string] => [e.path, e.code]).sort();
}

describe('parseStory', () => {
  test('accepts every story file and reads its rules from the scenario it names', () => {
    for (const file of storyFiles()) {
      const r = parseStory(rawStory(file), scenarioById);
      expect(r.ok ? [] : formatStoryErrors(r.errors), file).toEqual([]);
      if (r.ok) expect(r.params.relativeScope).toBe('near-relatives');
    }
  });

  test('takes inline rules in the shape of a scenario file', () => {
    const raw: any = rawStory('08-in-law-refused.json');
    delete raw.scenario;
    raw.rules = { ...rawScenario('scope-2021').rules };
    const r = parseStory(raw, scenarioById);
    expect(r.ok && r.params.relativeScope).toBe('spouse-parents-children');
  });

  test('reports every schema error of a file at once, each with its field path', () => {
    const raw: any = rawStory('06-bill-split.json');
    raw.people[0].scheme = 'employee'; // not one of the schemes
    raw.people[1].balanceFen = -1; // below 0
    raw.steps[1].quotaFen = '2000'; // wrong type
    raw.steps[2].at = '2026-02-30T10:30'; // no such day
    raw.steps[3].op = 'pay'; // unknown operation
    raw.steps[4].expect.postings[0].rule = 'R13'; // no such rule
    raw.steps[4].expect.refusl = {}; // misspelt key
    raw.places['9'] = { zh: '九', en: 'Nine' }; // bad code
    delete raw.title.en;
    expect(problems(raw)).toEqual(
      [
        ['people[0].scheme', 'not-allowed'],
        ['people[1].balanceFen', 'out-of-range'],
        ['steps[1].quotaFen', 'wrong-type'],
        ['steps[2].at', 'bad-format'],
        ['steps[3].op', 'not-allowed'],
        ['steps[4].expect.postings[0].rule', 'not-allowed'],
        ['steps[4].expect.refusl', 'unknown-key'],
        ['places.9', 'bad-format'],
        ['title.en', 'missing'],
      ].sort(),
    );
  });

  test('says what was expected, in English and Chinese, and suggests the key a misspelt one meant', () => {
    const raw: any = rawStory('03-frozen-money.json');
    raw.steps[2].expect.refusl = raw.steps[2].expect.refusal;
    delete raw.steps[2].expect.refusal;
    raw.steps[2].amountFen = 0;
    const r = parseStory(raw, scenarioById);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = new Map(r.errors.map((e) => [e.path, e]));
    expect(byPath.get('steps[2].expect.refusl')?.en).toContain('did you mean "refusal"?');
    expect(byPath.get('steps[2].amountFen')?.en).toBe(
      'expected a whole number of fen ≥ 1 (the credit, bill or contribution), got 0',
    );
    expect(byPath.get('steps[2].amountFen')?.zh).toContain('不小于 1 的整数');
    expect(formatStoryErrors(r.errors)).toContain('steps[2].amountFen: expected a whole number of fen');
  });

  test('checks the references across the file: people, relationships, places, scenario, time order', () => {
    const raw: any = rawStory('07-move-to-nanjing.json');
    raw.scenario = 'baseline-2099';
    raw.people[1].balanceFen = 100; // a resident has no account
    raw.relationships[0].beneficiary = 'dad';
    raw.steps[1].relationship = 'li-na-dad';
    raw.steps[2].at = '2026-01-01T00:00'; // before the step above
    raw.steps[3].change.poolingArea = '320200'; // Wuxi: no name in places
    raw.steps[3].expect.refusal = { rule: 'R6', code: 'relationship-not-active' }; // and postings too
    delete raw.places['41'];
    expect(problems(raw)).toEqual(
      [
        ['scenario', 'inconsistent'],
        ['people[1].balanceFen', 'inconsistent'],
        ['people[1].province', 'inconsistent'],
        ['people[2].province', 'inconsistent'],
        ['relationships[0].beneficiary', 'inconsistent'],
        ['steps[1].relationship', 'inconsistent'],
        ['steps[2].at', 'inconsistent'],
        ['steps[3].change.poolingArea', 'inconsistent'],
        ['steps[3].expect', 'inconsistent'],
      ].sort(),
    );
  });

  test('needs exactly one of a scenario id and inline rules', () => {
    const raw: any = rawStory('01-suzhou-quota.json');
    delete raw.scenario;
    expect(problems(raw)).toEqual([['', 'inconsistent']]);
  });
});
