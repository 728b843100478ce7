/**
 * What changed between two scenarios (方案差异), leaf by leaf, for researchers who compare them.
 * Objects (records included) are walked key by key; lists and plain values are compared whole.
 */
import { formatPath, type PathSegment } from './fields';
import type { Scenario } from './schema';

/** One leaf that differs; a side that lacks the field has `undefined`. */
export interface ScenarioDifference {
  /** Field path, e.g. `rules.relativeScope` or `rules.geography.rollout.byProvince.44`. */
  path: string;
  a: unknown;
  b: unknown;
}

/** Options of `diffScenarios`. */
export interface DiffOptions {
  /** Compare the `notes` too (default false: notes explain values, they are not parameters). */
  notes?: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep equality of JSON values. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => same(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}

function walk(a: unknown, b: unknown, path: PathSegment[], out: ScenarioDifference[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const k of keys) walk(a[k], b[k], [...path, k], out);
  } else if (!same(a, b)) {
    out.push({ path: formatPath(path), a, b });
  }
}

/**
 * Every leaf in which scenario `b` differs from scenario `a`, in the order of `a`'s fields. `$schema`
 * is never compared: it points editors at the JSON Schema and changes nothing in a run.
 */
export function diffScenarios(a: Scenario, b: Scenario, options: DiffOptions = {}): ScenarioDifference[] {
  const out: ScenarioDifference[] = [];
  const strip = (s: Scenario): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...s };
    delete rest.$schema;
    if (!options.notes) delete rest.notes;
    return rest;
  };
  walk(strip(a), strip(b), [], out);
  return out;
}
