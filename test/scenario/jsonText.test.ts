import { describe, expect, test } from 'vitest';
import {
  findJsonSyntaxProblem,
  jsonSyntaxError,
  lineColumn,
  parseScenarioText,
  parseStoryText,
  readJsonText,
} from '../../src/scenario';
import { rawScenario } from './helpers';
import { rawStory, scenarioById } from './storyFiles';

/** Broken texts, each with the line and column where it stops being JSON. */
const BROKEN: readonly [string, number, number][] = [
  ['', 1, 1],
  ['  \n\n ', 1, 1],
  ['NaN', 1, 1],
  ['Infinity', 1, 1],
  ['{\n  "id": "broken",\n  "seed": "x",\n}\n', 4, 1],
  ['{"a":1,}', 1, 8],
  ['[1,2', 1, 5],
  ['{"a" 1}', 1, 6],
  ['"abc', 1, 5],
  ['01', 1, 2],
  ['{"a":1}x', 1, 8],
  ['-', 1, 2],
  ['[1e]', 1, 4],
  ['tru', 1, 4],
  ['trux', 1, 4],
  ['{a:1}', 1, 2],
  ['"\\x"', 1, 3],
  ['"\t"', 1, 2],
  ['[\n  1,\n  ,\n]', 3, 3],
  ["{'a': 1}", 1, 2],
  ['{"a": 1} // comment', 1, 10],
  ['\uFEFF\uFEFF{}', 1, 1],
  ['{"a": [1, 2}', 1, 12],
  ['{"a":\n', 2, 1],
  ['"\\u12x4"', 1, 6],
  ['[1.]', 1, 4],
  ['[-x]', 1, 3],
  ['{"a":1 "b":2}', 1, 8],
  ['[1 2]', 1, 4],
];

describe('findJsonSyntaxProblem', () => {
  test('finds nothing wrong in JSON, whatever its shape', () => {
    for (const text of [
      '{}',
      '[]',
      '0',
      '-1.5e+10',
      '"a\\u00e9\\n"',
      ' {"a": [true, false, null]} ',
      '"😀"',
    ]) {
      expect(JSON.parse(text)).toBeDefined();
      expect(findJsonSyntaxProblem(text), text).toBeNull();
    }
  });

  test('scans a text nested a million deep without overflowing the stack', () => {
    const deep = '['.repeat(1_000_000);
    expect(findJsonSyntaxProblem(deep)?.offset).toBe(1_000_000);
    expect(findJsonSyntaxProblem(`${deep}${']'.repeat(1_000_000)}`)).toBeNull();
  });
});

describe('jsonSyntaxError', () => {
  test('gives a line and a column for every syntax error, in both languages', () => {
    for (const [text, line, column] of BROKEN) {
      expect(() => JSON.parse(text.replace(/^\uFEFF/, '')), JSON.stringify(text)).toThrow(SyntaxError);
      const r = readJsonText(text);
      expect(r.ok, JSON.stringify(text)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('json-syntax');
      expect(r.error.path).toBe('');
      expect(r.error.en, JSON.stringify(text)).toContain(`at line ${line}, column ${column}:`);
      expect(r.error.zh, JSON.stringify(text)).toContain(`（第 ${line} 行第 ${column} 列）`);
    }
  });

  test('an empty file is "the file is empty" at line 1, column 1', () => {
    const r = readJsonText('');
    expect(r.ok || r.error.en).toBe('not valid JSON at line 1, column 1: the file is empty');
    expect(r.ok || r.error.zh).toBe('不是有效的 JSON（第 1 行第 1 列）：文件为空');
  });

  test('NaN is an unexpected character at line 1, column 1', () => {
    const r = readJsonText('NaN');
    expect(r.ok || r.error.en).toMatch(
      /^not valid JSON at line 1, column 1: unexpected character "N"; expected a value/,
    );
  });

  test("does not depend on the engine's message: Chromium's words give the same position as Node's", () => {
    const text = '{\n  "a": 1,\n  "b": NaN\n}';
    const node = jsonSyntaxError(
      text,
      new SyntaxError('Unexpected token \'N\', ..."  "b": NaN\n}" is not valid JSON'),
    );
    const chromium = jsonSyntaxError(text, new SyntaxError('Unexpected token N in JSON'));
    expect(node).toEqual(chromium);
    expect(node.en).toContain('at line 3, column 8');
  });

  test('the text of the error stays short for a long broken file', () => {
    const text = `{"a": "${'x'.repeat(1_000_000)}`;
    const r = readJsonText(text);
    expect(r.ok || r.error.en).toBe(
      'not valid JSON at line 1, column 1000008: a text in double quotes is not closed',
    );
  });

  test('lineColumn counts lines by line feed and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });
});

describe('parseScenarioText and parseStoryText', () => {
  test('read a scenario or a story from text, with a byte-order mark or without', () => {
    const scenario = JSON.stringify(rawScenario('baseline-2026'));
    expect(parseScenarioText(scenario).ok).toBe(true);
    expect(parseScenarioText(`\uFEFF${scenario}`).ok).toBe(true);
    const story = JSON.stringify(rawStory('01-suzhou-quota.json'));
    expect(parseStoryText(`\uFEFF${story}`, scenarioById).ok).toBe(true);
  });

  test('give one json-syntax error with line and column for a broken file', () => {
    const scenario = parseScenarioText('{\n  "id": "x",\n  "seed": NaN\n}');
    expect(scenario.ok || scenario.errors.map((e) => [e.path, e.code, e.en.slice(0, 38)])).toEqual([
      ['', 'json-syntax', 'not valid JSON at line 3, column 11: u'],
    ]);
    const story = parseStoryText('', scenarioById);
    expect(story.ok || story.errors.map((e) => e.en)).toEqual([
      'not valid JSON at line 1, column 1: the file is empty',
    ]);
  });

  test('refuse text nested 5,000 deep with a too-deep error, not a stack overflow', () => {
    const text = `{"behaviour": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = parseScenarioText(text);
    expect(r.ok || r.errors.map((e) => e.code)).toEqual(['too-deep']);
    const s = parseStoryText(text, scenarioById);
    expect(s.ok || s.errors.map((e) => e.code)).toEqual(['too-deep']);
  });
});
