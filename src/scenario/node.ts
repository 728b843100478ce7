/**
 * Reading a scenario file in Node (读取场景文件). The only scenario module that touches the file
 * system: the rest is safe to bundle for the browser.
 */
import { readFile } from 'node:fs/promises';
import { scenarioError, type ScenarioError } from './errors';
import { parseScenario, type ScenarioResult } from './parse';

/** Line and column (1-based) of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The error for text that is not JSON, with the line and column when the parser gives a position. */
export function jsonSyntaxError(text: string, cause: unknown): ScenarioError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const at = /position (\d+)/.exec(message);
  const where = at ? lineColumn(text, Number(at[1])) : null;
  const pos = where ? ` at line ${where.line}, column ${where.column}` : '';
  const posZh = where ? `第 ${where.line} 行第 ${where.column} 列` : '';
  return scenarioError('', 'json-syntax', {
    en: `not valid JSON${pos}: ${message}`,
    zh: `不是有效的 JSON${posZh ? `（${posZh}）` : ''}：${message}`,
  });
}

/**
 * Reads and validates a scenario file. Every error carries the file name: a file that cannot be
 * read, text that is not JSON (with line and column), or the scenario's own errors with their paths.
 */
export async function loadScenarioFile(path: string): Promise<ScenarioResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const error = scenarioError('', 'file', {
      en: `cannot read the file: ${message}`,
      zh: `无法读取文件：${message}`,
    });
    return { ok: false, errors: [{ ...error, file: path }] };
  }
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    return { ok: false, errors: [{ ...jsonSyntaxError(body, cause), file: path }] };
  }
  const result = parseScenario(json);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => ({ ...e, file: path })) };
}
