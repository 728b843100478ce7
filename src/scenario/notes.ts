/**
 * Notes on parameter sources (参数来源说明): every parameter of a scenario must say where its value
 * comes from, and every note must name a field that exists. Checked on the raw file, so these errors
 * are reported together with every other error of the file.
 */
import { closest, MAX_ERRORS, scenarioError, type ScenarioError } from './errors';
import { FIELD_PATHS, PARAMETER_PATHS, RECORD_PATHS } from './fields';

/** Whether a raw JSON value is an object (not null, not a list). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at a dotted path of a raw JSON value, or undefined. */
export function valueAt(root: unknown, dotted: string): unknown {
  let v = root;
  for (const key of dotted.split('.')) {
    if (!isPlainObject(v) || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/**
 * The paths a note may name in this file: every field of the schema, and the entries of its records
 * that the file has (e.g. `rules.geography.rollout.byProvince.44` when Guangdong has its own start).
 */
export function notePaths(raw: unknown): Set<string> {
  const paths = new Set(FIELD_PATHS);
  for (const record of RECORD_PATHS) {
    const value = valueAt(raw, record);
    if (isPlainObject(value)) for (const key of Object.keys(value)) paths.add(`${record}.${key}`);
  }
  return paths;
}

/**
 * Checks a raw scenario's `notes`: a note for every parameter leaf (`PARAMETER_PATHS`), and no note
 * on a field that does not exist. Returns no errors when `notes` is not an object (the schema says so).
 * Stops after `limit` errors (a file with a hundred thousand wrong notes is not read to the end).
 */
export function checkNotes(raw: unknown, limit = MAX_ERRORS + 1): ScenarioError[] {
  const notes = valueAt(raw, 'notes');
  if (!isPlainObject(notes)) return [];
  const errors: ScenarioError[] = [];
  for (const path of PARAMETER_PATHS) {
    if (!Object.hasOwn(notes, path)) {
      errors.push(
        scenarioError(['notes', path], 'missing-note', {
          en: `missing: every parameter needs a note on where its value comes from; add one for ${path}`,
          zh: `缺少说明：每个参数都须说明取值来源，请为 ${path} 补充说明`,
        }),
      );
    }
  }
  const allowed = notePaths(raw);
  for (const key of Object.keys(notes)) {
    if (errors.length >= limit) break;
    if (allowed.has(key)) continue;
    const guess = closest(key, [...allowed]);
    errors.push(
      scenarioError(['notes', key], 'unknown-note', {
        en: `this note names no field of the scenario${guess ? ` (did you mean "${guess}"?)` : ''}`,
        zh: `此说明对应的字段不存在${guess ? `（是否应为 "${guess}"？）` : ''}`,
      }),
    );
  }
  return errors;
}
