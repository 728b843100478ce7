/**
 * Reading JSON text (读取 JSON 文本): the text of a scenario or story file becomes a JSON value, or one
 * error that says where the text stops being JSON, by line and column, in English and Chinese. Node's
 * and Chromium's JSON.parse word their errors differently and often give no position (for `NaN`, an
 * empty file, a missing quote), so the position is found here by scanning the text the way JSON's
 * grammar reads it; the engines' messages are not used. The scan keeps its own stack of open lists
 * and objects, so deep nesting cannot overflow it.
 */
import { scenarioError, type ScenarioError } from './errors';
import type { Bilingual } from './formats';

/** Where a text stops being JSON: the character offset, and what is wrong there. */
export interface JsonSyntaxProblem {
  offset: number;
  problem: Bilingual;
}

/**
 * A character for a message: `"x"` for printable ASCII, its code for one that does not show
 * (`U+0007`, `U+FEFF`), else both (`"。" (U+3002)`).
 */
function shown(text: string, at: number): string {
  const code = text.codePointAt(at)!;
  const char = String.fromCodePoint(code);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code > 0x20 && code < 0x7f) return JSON.stringify(char);
  return /^[\p{C}\p{Z}]$/u.test(char) ? hex : `${JSON.stringify(char)} (${hex})`;
}

const unexpected = (text: string, at: number, hint: Bilingual): JsonSyntaxProblem => ({
  offset: at,
  problem: {
    en: `unexpected character ${shown(text, at)}; expected ${hint.en}`,
    zh: `意外的字符 ${shown(text, at)}；此处应为${hint.zh}`,
  },
});

const VALUE: Bilingual = {
  en: 'a value (an object, a list, a text in double quotes, a number, true, false or null)',
  zh: '一个值（对象、列表、带双引号的文字、数字、true、false 或 null）',
};
const KEY: Bilingual = { en: 'a key in double quotes', zh: '带双引号的键' };
const END = (close: string): Bilingual => ({ en: `"," or "${close}"`, zh: `"," 或 "${close}"` });

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Scans a text in double quotes starting at `at` (the opening quote); the offset after it, or a problem. */
function scanString(text: string, at: number): number | JsonSyntaxProblem {
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) {
      return {
        offset: i,
        problem: {
          en: `a control character (${shown(text, i)}) inside a text must be written as an escape such as \\n`,
          zh: `文字中的控制字符（${shown(text, i)}）须写成转义形式，如 \\n`,
        },
      };
    }
    if (c !== 0x5c) {
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === 'u') {
      for (let k = 2; k < 6; k++) {
        if (i + k >= text.length) break;
        if (!isHex(text.charCodeAt(i + k))) {
          return {
            offset: i + k,
            problem: { en: '\\u must be followed by four hex digits', zh: '\\u 之后须为四位十六进制数字' },
          };
        }
      }
      i += 6;
    } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
    else if (e === undefined) i++;
    else {
      return {
        offset: i + 1,
        problem: {
          en: `unknown escape \\${e}; use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX`,
          zh: `未知的转义 \\${e}；可用 \\"、\\\\、\\/、\\b、\\f、\\n、\\r、\\t 或 \\uXXXX`,
        },
      };
    }
  }
  return {
    offset: text.length,
    problem: { en: 'a text in double quotes is not closed', zh: '带双引号的文字没有结束的引号' },
  };
}

/** Scans a number starting at `at`; the offset after it, or a problem. */
function scanNumber(text: string, at: number): number | JsonSyntaxProblem {
  let i = at;
  const digit = (k: number) => k < text.length && isDigit(text.charCodeAt(k));
  const bad = (k: number): JsonSyntaxProblem =>
    k < text.length
      ? unexpected(text, k, { en: 'a digit', zh: '数字' })
      : { offset: k, problem: { en: 'the file ends inside a number', zh: '文件在数字中间结束' } };
  if (text[i] === '-') i++;
  if (!digit(i)) return bad(i);
  if (text[i] === '0') i++;
  else while (digit(i)) i++;
  if (text[i] === '.') {
    i++;
    if (!digit(i)) return bad(i);
    while (digit(i)) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!digit(i)) return bad(i);
    while (digit(i)) i++;
  }
  return i;
}

const LITERALS = ['true', 'false', 'null'] as const;

/** Scans the literal `word` (true, false, null) starting at `at`; the offset after it, or a problem. */
function scanWord(text: string, at: number, word: string): number | JsonSyntaxProblem {
  for (let k = 1; k < word.length; k++) {
    if (at + k >= text.length) {
      return {
        offset: text.length,
        problem: { en: `the file ends inside ${word}`, zh: `文件在 ${word} 中间结束` },
      };
    }
    if (text[at + k] !== word[k]) return unexpected(text, at + k, { en: `"${word}"`, zh: `"${word}"` });
  }
  return at + word.length;
}

/**
 * The first place where `text` is not JSON, or null when it is. Follows the grammar JSON.parse
 * accepts (RFC 8259: whitespace is space, tab, line feed and carriage return).
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const n = text.length;
  /** Open lists (`]`) and objects (`}`), innermost last. */
  const open: string[] = [];
  type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let want = 'value' as Want;
  let i = 0;
  const afterValue = () => {
    want = open.length > 0 ? 'comma-or-close' : 'end';
  };
  for (;;) {
    while (i < n && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= n) {
      if (want === 'end') return null;
      if (want === 'value' && open.length === 0) {
        const problem =
          n === 0
            ? { en: 'the file is empty', zh: '文件为空' }
            : { en: 'the file is empty: it has only spaces and line breaks', zh: '文件为空：只有空格和换行' };
        return { offset: 0, problem };
      }
      return {
        offset: i,
        problem: {
          en: 'the file ends too early: something is not closed',
          zh: '文件提前结束：有未闭合的部分',
        },
      };
    }
    const c = text[i]!;
    switch (want) {
      case 'end':
        return {
          offset: i,
          problem: {
            en: `unexpected ${shown(text, i)} after the end of the JSON value`,
            zh: `JSON 值结束之后出现了多余的 ${shown(text, i)}`,
          },
        };
      case 'colon':
        if (c !== ':') return unexpected(text, i, { en: '":"', zh: '":"' });
        i++;
        want = 'value';
        continue;
      case 'comma-or-close': {
        const close = open[open.length - 1]!;
        if (c === close) {
          open.pop();
          i++;
          afterValue();
        } else if (c === ',') {
          i++;
          want = close === '}' ? 'key' : 'value';
        } else return unexpected(text, i, END(close));
        continue;
      }
      case 'key':
      case 'key-or-close': {
        if (want === 'key-or-close' && c === '}') {
          open.pop();
          i++;
          afterValue();
          continue;
        }
        if (c !== '"')
          return unexpected(
            text,
            i,
            want === 'key' ? KEY : { en: `${KEY.en} or "}"`, zh: `${KEY.zh}或 "}"` },
          );
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        want = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (want === 'value-or-close' && c === ']') {
          open.pop();
          i++;
          afterValue();
          continue;
        }
        if (c === '{' || c === '[') {
          open.push(c === '{' ? '}' : ']');
          i++;
          want = c === '{' ? 'key-or-close' : 'value-or-close';
          continue;
        }
        let end: number | JsonSyntaxProblem;
        if (c === '"') end = scanString(text, i);
        else if (c === '-' || isDigit(text.charCodeAt(i))) end = scanNumber(text, i);
        else {
          const word = LITERALS.find((w) => w[0] === c);
          if (!word) {
            return unexpected(
              text,
              i,
              want === 'value' ? VALUE : { en: `${VALUE.en} or "]"`, zh: `${VALUE.zh}或 "]"` },
            );
          }
          end = scanWord(text, i, word);
        }
        if (typeof end !== 'number') return end;
        i = end;
        afterValue();
        continue;
      }
    }
  }
}

/** Line and column (both from 1; columns count UTF-16 code units) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    start = at + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The error for text that is not JSON, at the line and column where it stops being JSON (line 1,
 * column 1 and "the file is empty" for an empty file). `cause`, the engine's own error, is only
 * used in the unlikely case that the scan finds nothing wrong.
 */
export function jsonSyntaxError(text: string, cause?: unknown): ScenarioError {
  const found = findJsonSyntaxProblem(text) ?? {
    offset: 0,
    problem: {
      en: String(cause instanceof Error ? cause.message : cause).slice(0, 200),
      zh: String(cause instanceof Error ? cause.message : cause).slice(0, 200),
    },
  };
  const { line, column } = lineColumn(text, found.offset);
  return scenarioError('', 'json-syntax', {
    en: `not valid JSON at line ${line}, column ${column}: ${found.problem.en}`,
    zh: `不是有效的 JSON（第 ${line} 行第 ${column} 列）：${found.problem.zh}`,
  });
}

/** The outcome of reading JSON text: the value, or the syntax error with its line and column. */
export type JsonTextResult = { ok: true; json: unknown } | { ok: false; error: ScenarioError };

/** Reads the text of a file as JSON; a byte-order mark at the start is allowed. */
export function readJsonText(text: string): JsonTextResult {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, json: JSON.parse(body) as unknown };
  } catch (cause) {
    return { ok: false, error: jsonSyntaxError(body, cause) };
  }
}
