/**
 * Reading training story files in Node (读取培训故事文件): the file, its JSON and its story are
 * checked, and every error carries the file name. The scenario a story names is looked up in the
 * scenario files of a folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioError, type ScenarioError } from './errors';
import { readJsonText } from './jsonText';
import { loadScenarioFile } from './node';
import type { Scenario } from './schema';
import { parseStory, type ScenarioLookup, type StoryResult } from './storyParse';

/**
 * Reads every valid scenario file (`*.json`, but not the JSON Schema `schema.json`) of a folder and
 * finds them by id; invalid ones are left out.
 */
export async function scenarioLookupFromDir(dir: string): Promise<ScenarioLookup> {
  const byId = new Map<string, Scenario>();
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  for (const name of names.sort()) {
    const r = await loadScenarioFile(join(dir, name));
    if (r.ok) byId.set(r.scenario.id, r.scenario);
  }
  return (id) => byId.get(id);
}

/** The JSON of a file, or the error that says why it could not be read or parsed. */
async function readJson(
  path: string,
): Promise<{ ok: true; json: unknown } | { ok: false; error: ScenarioError }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: scenarioError('', 'file', {
        en: `cannot read the file: ${message}`,
        zh: `无法读取文件：${message}`,
      }),
    };
  }
  return readJsonText(text);
}

/** Reads and validates a story file; every error names the file. */
export async function loadStoryFile(path: string, scenarios: ScenarioLookup): Promise<StoryResult> {
  const read = await readJson(path);
  if (!read.ok) return { ok: false, errors: [{ ...read.error, file: path }] };
  const result = parseStory(read.json, scenarios);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => ({ ...e, file: path })) };
}
