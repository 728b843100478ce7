import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/scenario';
import {
  CaseClock,
  corrupt,
  expectSyntaxErrorAgrees,
  fuzzParameters,
  mutate,
  mutation,
  textEdit,
} from './fuzzKit';
import { rawScenario, scenarioFiles } from './helpers';

const NAMES = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
const RAW = new Map(NAMES.map((name) => [name, rawScenario(name)]));
const TEXT = new Map(NAMES.map((name) => [name, JSON.stringify(RAW.get(name), null, 2)]));
const clock = new CaseClock();
afterAll(() => clock.report('fuzzScenario'));

describe('hostile scenario files', () => {
  test('mutated scenarios (wrong types, huge texts, deep nesting, __proto__ keys, non-finite numbers) give errors, never exceptions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (name, ms) => {
          const raw = mutate(RAW.get(name), ms);
          clock.check(() => parseScenario(raw));
        },
      ),
      fuzzParameters(2400),
    );
  });

  test('corrupted scenario text gives one json-syntax error at the line and column JSON.parse names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.array(textEdit, { minLength: 1, maxLength: 3 }),
        (name, edits) => {
          const text = corrupt(TEXT.get(name)!, edits);
          const result = clock.check(() => parseScenarioText(text));
          const syntax = result.ok ? [] : result.errors.filter((e) => e.code === 'json-syntax');
          let parses = true;
          try {
            JSON.parse(text.replace(/^\uFEFF/, ''));
          } catch {
            parses = false;
          }
          expect(syntax.length).toBe(parses ? 0 : 1);
          if (!parses) {
            expect(result.ok || result.errors).toHaveLength(1);
            expectSyntaxErrorAgrees(text, syntax[0]!);
          }
        },
      ),
      fuzzParameters(1600),
    );
  });

  test('short texts of JSON punctuation are read or refused with a position, never with an exception', () => {
    const token = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      '"a"',
      ',',
      ':',
      '1',
      '-',
      '.',
      'e',
      'true',
      'nul',
      ' ',
      '\n',
      '\\',
      'NaN',
      '1e400',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const text = tokens.join('');
        const result = clock.check(() => parseScenarioText(text));
        const syntax = !result.ok && result.errors[0]!.code === 'json-syntax';
        if (syntax) expectSyntaxErrorAgrees(text, result.errors[0]!);
        else expect(() => JSON.parse(text)).not.toThrow();
      }),
      fuzzParameters(800),
    );
  });
});
