/** Scenario files for the scenario tests: the folder, and raw or parsed copies of a file. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from '../../src/scenario';

/** The scenarios/ folder of the repository. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The JSON Schema beside the scenario files (`npm run schema`), which is no scenario. */
export const SCHEMA_FILE = 'schema.json';

/** Every scenario file in scenarios/ (each *.json but the JSON Schema), found by listing the folder. */
export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort();
}

// Tests break these copies field by field to build bad files, so the type is deliberately loose.
/* eslint-disable @typescript-eslint/no-explicit-any */
/** A fresh, mutable copy of a scenario file's JSON (name without `.json`). */
export function rawScenario(name: string): Record<string, any> {
  return JSON.parse(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8')) as Record<string, any>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A scenario file, validated; throws with the errors when it is not valid. */
export function scenario(name: string): Scenario {
  const r = parseScenario(rawScenario(name));
  if (!r.ok) throw new Error(`${name}: ${r.errors.map((e) => `${e.path}: ${e.en}`).join('; ')}`);
  return r.scenario;
}
