/**
 * Reading a scenario file in Node (读取场景文件). The only scenario module that touches the file
 * system: the rest is safe to bundle for the browser.
 */
import { readFile } from 'node:fs/promises';
import { scenarioError } from './errors';
import { parseScenarioText, type ScenarioResult } from './parse';

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
  const result = parseScenarioText(text);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => ({ ...e, file: path })) };
}
