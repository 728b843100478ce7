/**
 * The comparison in the address (方案比较地址): which scenarios, the scale and the seed sit in the query
 * (`?run=baseline-2026,netting-2026&scale=1000&seed=s1#compare`) beside the shell's `lang=`, so a shared
 * link reproduces the exact runs. An edited copy of a scenario is the token `edited` in the run list,
 * with its base (`edit=baseline-2026`) and each changed parameter as `set=<path>:<JSON value>`.
 * Pure functions only.
 */
import { DEFAULT_SCALE, SCALES } from '../../runtime/scales';

/** The query parameter listing the scenarios to run, comma-separated. */
export const RUN_PARAM = 'run';
/** The query parameter with k of the scale 1:k. */
export const SCALE_PARAM = 'scale';
/** The query parameter with the seed that replaces every scenario's own seed. */
export const SEED_PARAM = 'seed';
/** The query parameter naming the scenario the edited copy starts from. */
export const EDIT_PARAM = 'edit';
/** The query parameter holding one changed parameter of the edited copy (repeated). */
export const SET_PARAM = 'set';
/** The token that stands for the edited copy in the run list. */
export const EDITED_TOKEN = 'edited';

/** The edited copy: its base scenario and its changed parameters by field path. */
export interface EditState {
  base: string;
  values: Record<string, unknown>;
}

/** What the address says about the comparison. */
export interface CompareState {
  /** Scenario ids (or {@link EDITED_TOKEN}) in the order they run and show. */
  runs: string[];
  scaleK: number;
  /** A seed for every run, or null for each scenario's own. */
  seed: string | null;
  edit: EditState | null;
}

/**
 * Reads the comparison from a query string, keeping only ids in `knownIds` (and `edited` when its
 * base is known), an offered scale (else the default) and a non-empty seed. Returns null when the
 * address names no run at all, so the caller knows this is a first visit.
 */
export function readCompareState(search: string, knownIds: readonly string[]): CompareState | null {
  const q = new URLSearchParams(search);
  const list = q.get(RUN_PARAM);
  if (list === null) return null;
  const base = q.get(EDIT_PARAM);
  const edit: EditState | null =
    base !== null && knownIds.includes(base) ? { base, values: readValues(q.getAll(SET_PARAM)) } : null;
  const runs: string[] = [];
  for (const id of list.split(',').map((s) => s.trim())) {
    const known = knownIds.includes(id) || (id === EDITED_TOKEN && edit !== null);
    if (known && !runs.includes(id)) runs.push(id);
  }
  const scale = Number(q.get(SCALE_PARAM));
  const seed = q.get(SEED_PARAM)?.trim() ?? '';
  return {
    runs,
    scaleK: (SCALES as readonly number[]).includes(scale) ? scale : DEFAULT_SCALE,
    seed: seed === '' ? null : seed,
    edit,
  };
}

/** `path:JSON` entries as values by path; entries without a path or with bad JSON are skipped. */
function readValues(entries: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const entry of entries) {
    const at = entry.indexOf(':');
    if (at <= 0) continue;
    try {
      values[entry.slice(0, at)] = JSON.parse(entry.slice(at + 1)) as unknown;
    } catch {
      // A hand-edited address with a broken value: the field keeps its base value.
    }
  }
  return values;
}

/** The address `href` with the comparison set, keeping the path, other parameters and the hash. */
export function comparePath(href: string, state: CompareState): string {
  const url = new URL(href);
  const q = url.searchParams;
  for (const name of [RUN_PARAM, SCALE_PARAM, SEED_PARAM, EDIT_PARAM, SET_PARAM]) q.delete(name);
  q.set(RUN_PARAM, state.runs.join(','));
  q.set(SCALE_PARAM, String(state.scaleK));
  if (state.seed !== null) q.set(SEED_PARAM, state.seed);
  if (state.edit) {
    q.set(EDIT_PARAM, state.edit.base);
    for (const [path, value] of Object.entries(state.edit.values))
      q.append(SET_PARAM, `${path}:${JSON.stringify(value)}`);
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
