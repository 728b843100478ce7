/**
 * Parsing a scenario (场景校验): the structure check, the schema, the notes check and the ranges check
 * run over the whole file, and every problem found is returned at once (up to `MAX_ERRORS`), each
 * with its field path.
 */
import { capErrors, MAX_ERRORS, translateIssues, type ScenarioError } from './errors';
import { readJsonText } from './jsonText';
import { checkNotes } from './notes';
import { scenarioSchema, type Scenario } from './schema';
import { checkStructure, withoutRefusedKeys } from './structure';
import { checkUncertainty } from './uncertainty';

/** The outcome of parsing: the scenario, or every error found. */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/**
 * Validates a JSON value (already parsed from text) as a scenario and reports all errors together.
 * A value nested deeper than `MAX_DEPTH` is refused before the schema sees it.
 */
export function parseScenario(json: unknown): ScenarioResult {
  const structure = checkStructure(json);
  if (structure.tooDeep) return { ok: false, errors: structure.errors };
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  const found = parsed.success ? [] : translateIssues(parsed.error.issues);
  found.push(...checkNotes(json, MAX_ERRORS + 1), ...checkUncertainty(json, MAX_ERRORS + 1));
  const errors = capErrors([...structure.errors, ...withoutRefusedKeys(structure.errors, found)]);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, scenario: parsed.data };
}

/**
 * Reads a scenario from the text of a file: JSON syntax errors with their line and column, then
 * {@link parseScenario}. A byte-order mark at the start is allowed.
 */
export function parseScenarioText(text: string): ScenarioResult {
  const read = readJsonText(text);
  return read.ok ? parseScenario(read.json) : { ok: false, errors: [read.error] };
}
