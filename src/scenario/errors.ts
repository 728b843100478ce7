/**
 * Scenario errors (场景文件错误) for people: each names the field path (e.g.
 * `rules.quotaLimits.maxChangesPerDay`) and says in English and Chinese what was expected and what
 * was found. Validation issues from zod are translated here, one error per problem.
 */
import type { z } from 'zod';
import { type AllowedKeys, allowedAt, formatPath, helpAt, type PathSegment } from './fields';
import { FORMATS, type Bilingual, type FormatName } from './formats';
import { quote, QUOTE_LENGTH } from '../text/quote';
import { CHECKS, type CheckName } from './schema';

/** The kind of a scenario error, stable for programs and tests. */
export type ScenarioErrorCode =
  | 'file'
  | 'json-syntax'
  | 'missing'
  | 'wrong-type'
  | 'not-allowed'
  | 'out-of-range'
  | 'bad-format'
  | 'unknown-key'
  | 'inconsistent'
  | 'missing-note'
  | 'unknown-note'
  | 'too-deep'
  | 'too-many-errors'
  | 'invalid';

/** One problem in a scenario, with the path of the field and a message in each language. */
export interface ScenarioError {
  /** Dotted field path, e.g. `rules.quotaLimits.maxChangesPerDay`; '' for the whole file. */
  path: string;
  code: ScenarioErrorCode;
  /** What was expected and what was found, in English. */
  en: string;
  /** 中文说明：应为什么、实际是什么。 */
  zh: string;
  /** The file, when the scenario was read from one. */
  file?: string;
}

/** Builds an error at a path. */
export function scenarioError(
  path: readonly PathSegment[] | string,
  code: ScenarioErrorCode,
  text: Bilingual,
): ScenarioError {
  return { path: typeof path === 'string' ? path : formatPath(path), code, en: text.en, zh: text.zh };
}

const TYPE_WORDS: Record<string, Bilingual> = {
  string: { en: 'a text in double quotes', zh: '带双引号的文字' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  object: { en: 'an object {…}', zh: '对象 {…}' },
  record: { en: 'an object {…}', zh: '对象 {…}' },
  array: { en: 'a list […]', zh: '列表 […]' },
  null: { en: 'null', zh: 'null' },
};

/**
 * Describes a found value briefly, e.g. `"2026-1"`, `1.5`, `a list of 2` (`含 2 项的列表`). A number
 * JSON cannot hold (`1e400` reads as Infinity) is `a number too large (Infinity)` (`数值过大`), not
 * the `null` JSON.stringify would write; a long text is cut (see {@link quote}).
 */
function found(input: unknown): Bilingual {
  if (input === undefined) return { en: 'nothing', zh: '空' };
  if (Array.isArray(input)) return { en: `a list of ${input.length}`, zh: `含 ${input.length} 项的列表` };
  if (input !== null && typeof input === 'object') return { en: 'an object', zh: '对象' };
  if (typeof input === 'number' && Number.isNaN(input))
    return { en: 'not a number (NaN)', zh: '非数值（NaN）' };
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return { en: `a number too large (${input})`, zh: `数值过大（${input}）` };
  }
  if (typeof input === 'string' && input.length > QUOTE_LENGTH) {
    return { en: quote(input, 'en'), zh: quote(input, 'zh') };
  }
  const s = JSON.stringify(input) ?? String(input);
  const short = s.length > 40 ? `${s.slice(0, 37)}…` : s;
  return { en: short, zh: short };
}

/** "expected X, got Y" in both languages. */
function expected(what: Bilingual, input: unknown): Bilingual {
  const got = found(input);
  return { en: `expected ${what.en}, got ${got.en}`, zh: `应为${what.zh}，实际为 ${got.zh}` };
}

const quoteAll = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** The expectation of a range issue when the field has no help text. */
function rangeWords(issue: {
  code: 'too_small' | 'too_big';
  inclusive?: boolean;
  minimum?: unknown;
  maximum?: unknown;
}): Bilingual {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return { en: `a value ${op} ${bound}`, zh: `${op} ${bound} 的值` };
}

/** Edit distance, for suggesting the key a misspelt one was meant to be. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The allowed name closest to a misspelt one, if any is close enough to be a likely typo. Names whose
 * lengths differ by more than the edits allowed are not compared (a megabyte key costs nothing), and
 * a name longer than any likely typo of a field gets no suggestion.
 */
export function closest(name: string, allowed: readonly string[]): string | null {
  if (name.length > 2 * QUOTE_LENGTH) return null;
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  const lower = name.toLowerCase();
  for (const a of allowed) {
    if (Math.abs(a.length - name.length) >= bestD) continue;
    const d = a.toLowerCase() === lower ? 0 : distance(name, a);
    if (d < bestD) [best, bestD] = [a, d];
  }
  return best;
}

/** What a message says is allowed at a place: its keys listed, what its keys look like, or nothing. */
function allowedWords(allowed: AllowedKeys): Bilingual {
  if ('words' in allowed)
    return { en: `allowed here: ${allowed.words.en}`, zh: `此处允许：${allowed.words.zh}` };
  if (allowed.keys.length === 0) return { en: 'no fields are allowed here', zh: '此处不允许任何字段' };
  return { en: `allowed here: ${allowed.keys.join(', ')}`, zh: `此处允许：${allowed.keys.join('、')}` };
}

/**
 * The error for a key that the schema does not have at `parent`, saying what is allowed there
 * (`value` is the object found at `parent`, which picks the member of a union).
 */
function unknownKey(
  parent: readonly PathSegment[],
  key: string,
  root?: z.ZodType,
  value?: unknown,
): ScenarioError {
  const allowed = allowedAt(parent, root, value);
  const guess = 'keys' in allowed ? closest(key, allowed.keys) : null;
  const hint: Bilingual = guess
    ? { en: ` (did you mean "${guess}"?)`, zh: `（是否应为 "${guess}"？）` }
    : { en: '', zh: '' };
  const where = allowedWords(allowed);
  return scenarioError([...parent, key], 'unknown-key', {
    en: `unknown field ${quote(key, 'en')}${hint.en}; ${where.en}`,
    zh: `未知字段 ${quote(key, 'zh')}${hint.zh}；${where.zh}`,
  });
}

/**
 * Translates one zod issue into scenario errors (usually one; an unknown-keys issue gives one per key).
 * `root` is the schema the issue came from (the scenario schema unless given), for help texts and key lists.
 */
export function translateIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PathSegment[] = [],
  root?: z.ZodType,
): ScenarioError[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const help = helpAt(path, root);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const what = help ?? TYPE_WORDS[issue.expected] ?? { en: issue.expected, zh: issue.expected };
      if (input === undefined) {
        return [
          scenarioError(path, 'missing', {
            en: `missing: expected ${what.en}`,
            zh: `缺少此项：应为${what.zh}`,
          }),
        ];
      }
      return [scenarioError(path, 'wrong-type', expected(what, input))];
    }
    case 'invalid_value': {
      const what = help ?? { en: `one of ${quoteAll(issue.values)}`, zh: `${quoteAll(issue.values)} 之一` };
      return [scenarioError(path, input === undefined ? 'missing' : 'not-allowed', expected(what, input))];
    }
    case 'too_small':
    case 'too_big':
      return [scenarioError(path, 'out-of-range', expected(help ?? rangeWords(issue), input))];
    case 'custom': {
      const params = (issue.params ?? {}) as { format?: FormatName; check?: CheckName };
      if (params.check) return [scenarioError(path, 'inconsistent', CHECKS[params.check])];
      const what = help ?? (params.format ? FORMATS[params.format] : { en: 'a valid value', zh: '有效的值' });
      return [scenarioError(path, 'bad-format', expected(what, input))];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(path, key, root, input));
    case 'invalid_key': {
      const inner = issue.issues[0] as { params?: { format?: FormatName } } | undefined;
      const format = inner?.params?.format;
      const what = format ? FORMATS[format] : { en: 'a valid key', zh: '有效的键' };
      const key = String(path[path.length - 1]);
      return [
        scenarioError(path, 'bad-format', {
          en: `the key ${quote(key, 'en')} is not ${what.en}`,
          zh: `键 ${quote(key, 'zh')} 不是${what.zh}`,
        }),
      ];
    }
    case 'invalid_union': {
      const discriminated = issue as { discriminator?: string; options?: readonly unknown[] };
      if (discriminated.options && discriminated.discriminator) {
        // The issue's input is the whole object; the value at fault is its discriminator.
        const value = (input as Record<string, unknown> | undefined)?.[discriminated.discriminator];
        const options = quoteAll(discriminated.options);
        const what = { en: `one of ${options}`, zh: `${options} 之一` };
        return [scenarioError(path, value === undefined ? 'missing' : 'not-allowed', expected(what, value))];
      }
      // A branch whose issues all lie inside the value matched its shape: report what is wrong inside.
      const inside = issue.errors.find((b) => b.length > 0 && b.every((i) => i.path.length > 0));
      if (inside) return inside.flatMap((i) => translateIssue(i, path, root));
      const what = help ?? { en: 'a value of another form', zh: '其他形式的值' };
      return [scenarioError(path, input === undefined ? 'missing' : 'wrong-type', expected(what, input))];
    }
    default:
      return [scenarioError(path, 'invalid', { en: issue.message, zh: `无效：${issue.message}` })];
  }
}

/** The most errors reported for one file; more would bury the first ones and cost time for nothing. */
export const MAX_ERRORS = 200;

/**
 * Translates zod issues into scenario errors, stopping once more than `limit` are found (so that a
 * file with a hundred thousand unknown keys costs no more than one with `limit`). Pass the result
 * through {@link capErrors}, which says when some were left out.
 */
export function translateIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[] = [],
  root?: z.ZodType,
  limit = MAX_ERRORS,
): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const issue of issues) {
    if (out.length > limit) break;
    const trimmed =
      issue.code === 'unrecognized_keys'
        ? { ...issue, keys: issue.keys.slice(0, limit + 1 - out.length) }
        : issue;
    for (const error of translateIssue(trimmed, prefix, root)) out.push(error);
  }
  return out;
}

/**
 * The first {@link MAX_ERRORS} errors, and, when there were more, a last one for the whole file that
 * says so.
 */
export function capErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  if (errors.length <= MAX_ERRORS) return [...errors];
  return [
    ...errors.slice(0, MAX_ERRORS),
    scenarioError('', 'too-many-errors', {
      en: `only the first ${MAX_ERRORS} errors are shown; correct them and check the file again`,
      zh: `仅列出前 ${MAX_ERRORS} 处错误；请改正后再次校验文件`,
    }),
  ];
}

/** Formats errors for people, one per line: `file: path: English / 中文`. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  const n = errors.length;
  const head = `场景文件有 ${n} 处错误 / the scenario has ${n} error${n === 1 ? '' : 's'}:`;
  const lines = errors.map((e) => {
    const where = [e.file, e.path || '(whole file)'].filter(Boolean).join(': ');
    return `  ${where}: ${e.en} / ${e.zh}`;
  });
  return [head, ...lines].join('\n');
}
