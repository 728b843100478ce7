import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { parseStory, parseStoryText, type Scenario } from '../../src/scenario';
import {
  CaseClock,
  corrupt,
  expectSyntaxErrorAgrees,
  fuzzParameters,
  mutate,
  mutation,
  textEdit,
} from './fuzzKit';
import { scenario, scenarioFiles } from './helpers';
import { rawStory, storyFiles } from './storyFiles';

const FILES = storyFiles();
const RAW = new Map(FILES.map((file) => [file, rawStory(file)]));
const TEXT = new Map(FILES.map((file) => [file, JSON.stringify(RAW.get(file), null, 2)]));
// The scenarios a story may name, read once (the tests' own lookup reads the folder on every call).
const SCENARIOS = new Map<string, Scenario>(
  scenarioFiles().map((f) => {
    const s = scenario(f.replace(/\.json$/, ''));
    return [s.id, s];
  }),
);
const lookup = (id: string) => SCENARIOS.get(id);
const clock = new CaseClock();
afterAll(() => clock.report('fuzzStory'));

describe('hostile story files', () => {
  test('mutated stories (wrong types, huge texts, deep nesting, __proto__ keys, non-finite numbers) give errors, never exceptions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (file, ms) => {
          const raw = mutate(RAW.get(file), ms);
          clock.check(() => parseStory(raw, lookup));
        },
      ),
      fuzzParameters(1000),
    );
  });

  test('corrupted story text gives one json-syntax error at the line and column JSON.parse names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.array(textEdit, { minLength: 1, maxLength: 3 }),
        (file, edits) => {
          const text = corrupt(TEXT.get(file)!, edits);
          const result = clock.check(() => parseStoryText(text, lookup));
          let parses = true;
          try {
            JSON.parse(text.replace(/^\uFEFF/, ''));
          } catch {
            parses = false;
          }
          const syntax = result.ok ? [] : result.errors.filter((e) => e.code === 'json-syntax');
          expect(syntax.length).toBe(parses ? 0 : 1);
          if (!parses) expectSyntaxErrorAgrees(text, syntax[0]!);
        },
      ),
      fuzzParameters(600),
    );
  });
});
