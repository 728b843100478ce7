/**
 * The edited copy of a scenario (方案副本): a bundled scenario with some parameters changed, checked by
 * parseScenario, with each error placed at the editor field it belongs to. Pure functions only.
 */
import { z } from 'zod';
import type { parseScenario } from '../../scenario';
import { PARAMETER_PATHS, schemaAt, type Scenario, type ScenarioError, withParameters } from '../../scenario';

/** How the editor lets a person type a field. */
export type FieldKind =
  | { kind: 'boolean' }
  | { kind: 'choice'; options: string[] }
  | { kind: 'number'; nullable: boolean }
  | { kind: 'json' };

/** The editor kind of the parameter at `path`, read off the scenario schema. */
export function fieldKind(path: string): FieldKind {
  let s = schemaAt(path.split('.'));
  let nullable = false;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) {
    nullable = true;
    s = s.unwrap() as z.ZodType;
  }
  if (s instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (s instanceof z.ZodEnum) return { kind: 'choice', options: s.options.map(String) };
  if (s instanceof z.ZodNumber) return { kind: 'number', nullable };
  return { kind: 'json' };
}

/** The value at a dotted path of a JSON value, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let v = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * The edited copy once the scenarios it may start from are `ids` (after files were opened or
 * removed): the same base and changes while its base is still offered, else the first offered
 * scenario with nothing changed, since changes made to one scenario mean nothing on another.
 */
export function rebaseEdit(
  state: { base: string; values: Readonly<Record<string, unknown>> },
  ids: readonly string[],
): { base: string; values: Record<string, unknown> } {
  if (ids.includes(state.base)) return { base: state.base, values: { ...state.values } };
  return { base: ids[0]!, values: {} };
}

/** The id of the edited copy of `base`. */
export function editedId(base: string): string {
  return `${base}-edited`;
}

/**
 * The raw edited copy of `base` (id `<base>-edited`, titles marked as edited) with `values` set by
 * path, and parseScenario's verdict on it. Only parameter paths (`PARAMETER_PATHS`) may be set: any
 * other path is refused with an error for the whole copy and never followed.
 */
export function editScenario(
  base: Scenario,
  values: Readonly<Record<string, unknown>>,
): { raw: unknown; result: ReturnType<typeof parseScenario> } {
  return withParameters(base, values, {
    id: editedId(base.id),
    title: { zh: `${base.title.zh}（修改）`, en: `${base.title.en} (edited)` },
  });
}

/** True when `path` is `parent` or lies inside it (`a.b` in `a`, `a[1]` in `a`). */
function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/**
 * Errors grouped by the editor field they belong to: the parameter path equal to the error's path or
 * the longest one it lies under (`rules.permittedUses[1]` → `rules.permittedUses`). A cross-field error
 * on an object (`clearing.warnings`: yellow below red) goes to every field inside it; errors outside
 * every parameter go under ''.
 */
export function errorsByField(
  errors: readonly ScenarioError[],
  paths: readonly string[] = PARAMETER_PATHS,
): Map<string, ScenarioError[]> {
  const out = new Map<string, ScenarioError[]>();
  const add = (field: string, error: ScenarioError) => out.set(field, [...(out.get(field) ?? []), error]);
  for (const error of errors) {
    let field = '';
    for (const p of paths) if (within(error.path, p) && p.length > field.length) field = p;
    const inside = field === '' && error.path !== '' ? paths.filter((p) => within(p, error.path)) : [];
    if (inside.length > 0) for (const p of inside) add(p, error);
    else add(field, error);
  }
  return out;
}

/** What a person typed into a field, as the JSON value the scenario gets (or a local parse error). */
export function readTyped(
  kind: FieldKind,
  text: string,
  checked = false,
): { value: unknown } | { error: 'json' } {
  switch (kind.kind) {
    case 'boolean':
      return { value: checked };
    case 'choice':
      return { value: text };
    case 'number': {
      const t = text.trim();
      if (t === '') return { value: kind.nullable ? null : t };
      const n = Number(t);
      return { value: Number.isFinite(n) ? n : t };
    }
    case 'json':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { error: 'json' };
      }
  }
}
