/**
 * A scenario with some parameters set (改动参数后的方案): the raw copy with values put at parameter
 * paths, and parseScenario's verdict on it. Only parameter paths (`PARAMETER_PATHS`) may be set; any
 * other path is refused by name and never followed, so no path reaches a prototype.
 */
import { scenarioError, type ScenarioError } from './errors';
import { PARAMETER_PATHS } from './fields';
import { parseScenario, type ScenarioResult } from './parse';
import type { Scenario } from './schema';
import { clip } from '../text/quote';

const PARAMETERS: ReadonlySet<string> = new Set(PARAMETER_PATHS);

/** Whether `path` names a parameter of a scenario (a leaf under rules, clearing or behaviour). */
export function isParameterPath(path: string): boolean {
  return PARAMETERS.has(path);
}

/** Sets an own property, whatever its name: never a setter, never a prototype. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Sets the value at the dotted `path` of `root` in place, making missing objects. Walks only own
 * properties and defines rather than assigns, so even a path such as `__proto__.x` would stay inside
 * `root`; callers pass parameter paths only.
 */
function setValue(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = root;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(at, key) ? at[key] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) define(at, key, {});
    at = at[key] as Record<string, unknown>;
  }
  define(at, keys[keys.length - 1]!, value);
}

/** The error for a change to a field that is not a parameter of a scenario. */
export function notAParameter(path: string, at: string = ''): ScenarioError {
  return scenarioError(at, 'unknown-key', {
    en: `"${clip(path)}" is not a parameter of a scenario: the change was refused`,
    zh: `"${clip(path, 'zh')}" 不是方案参数：已拒绝此修改`,
  });
}

/**
 * The raw copy of `base` with its id and title replaced and `values` set by parameter path, and
 * parseScenario's verdict on it (a path that is not a parameter is an error for the whole copy).
 */
export function withParameters(
  base: Scenario,
  values: Readonly<Record<string, unknown>>,
  naming: { id: string; title: { zh: string; en: string } },
): { raw: unknown; result: ScenarioResult } {
  const raw: Record<string, unknown> = { ...structuredClone(base), id: naming.id, title: naming.title };
  const refused: ScenarioError[] = [];
  for (const [path, value] of Object.entries(values)) {
    if (isParameterPath(path)) setValue(raw, path, structuredClone(value));
    else refused.push(notAParameter(path));
  }
  const result = parseScenario(raw);
  if (refused.length === 0) return { raw, result };
  return { raw, result: { ok: false, errors: [...refused, ...(result.ok ? [] : result.errors)] } };
}
