/** The training story files of scenarios/stories/, read and validated for the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  formatStoryErrors,
  parseScenario,
  parseStory,
  type LoadedStory,
  type Scenario,
} from '../../src/scenario';
import { SCENARIO_DIR, scenarioFiles } from './helpers';

/** The scenarios/stories/ folder of the repository. */
export const STORY_DIR = fileURLToPath(new URL('../../scenarios/stories/', import.meta.url));

/** Every *.json file in scenarios/stories/, sorted by name. */
export function storyFiles(): string[] {
  return readdirSync(STORY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Finds a scenario file of scenarios/ by its id. */
export function scenarioById(id: string): Scenario | undefined {
  for (const file of scenarioFiles()) {
    const r = parseScenario(JSON.parse(readFileSync(`${SCENARIO_DIR}${file}`, 'utf8')));
    if (r.ok && r.scenario.id === id) return r.scenario;
  }
  return undefined;
}

/** The raw JSON of a story file (name with `.json`), a fresh copy each time. */
export function rawStory(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${STORY_DIR}${file}`, 'utf8')) as Record<string, unknown>;
}

/** A story file, validated; throws with every error when it is not valid. */
export function loadStory(file: string): LoadedStory {
  const r = parseStory(rawStory(file), scenarioById);
  if (!r.ok) throw new Error(`${file}\n${formatStoryErrors(r.errors)}`);
  return r;
}
