/**
 * The comparison in the address (方案比较地址): which scenarios, the scale, the seed, the baseline and the
 * replications sit in the query (`?run=baseline-2026,netting-2026&scale=1000&seed=s1&baseline=baseline-2026&reps=5#compare`)
 * beside the shell's `lang=`, so a shared link reproduces the exact runs (without `seed=`, every
 * scenario runs at the baseline's seed, so the baseline decides the seed and sits in the address too). An edited copy of a scenario is the token `edited` in the run list,
 * with its base (`edit=baseline-2026`) and each changed parameter as `set=<path>:<JSON value>`.
 * An address is anybody's text: a `set=` may only name a parameter of the scenario schema
 * (`PARAMETER_PATHS`), and whatever else it names (`__proto__.polluted`, `constructor`) is refused and
 * reported, never followed. Pure functions only.
 */
import { DEFAULT_SCALE, SCALES } from '../../runtime/scales';
import { checkStructure, clip, PARAMETER_PATHS } from '../../scenario';

/** The query parameter listing the scenarios to run, comma-separated. */
export const RUN_PARAM = 'run';
/** The query parameter with k of the scale 1:k. */
export const SCALE_PARAM = 'scale';
/** The query parameter with the seed that replaces every scenario's own seed. */
export const SEED_PARAM = 'seed';
/** The query parameter naming the baseline the changes are measured against (one of `run=`). */
export const BASELINE_PARAM = 'baseline';
/** The query parameter with the replications of every run. */
export const REPLICATIONS_PARAM = 'reps';
/** The replications Compare offers: 0 (no intervals), or enough for an interval of the change. */
export const COMPARE_REPLICATIONS: readonly number[] = [0, 2, 5, 10, 20];
/** The query parameter naming the scenario the edited copy starts from. */
export const EDIT_PARAM = 'edit';
/** The query parameter holding one changed parameter of the edited copy (repeated). */
export const SET_PARAM = 'set';
/** The token that stands for the edited copy in the run list. */
export const EDITED_TOKEN = 'edited';

/** A `set=` of the address that was not used, and why. */
export interface RefusedSetting {
  /** The path the entry names, cut to a few dozen characters (`clip`). */
  path: string;
  /** `unknown-path`: not a parameter of a scenario; `bad-value`: the value is not JSON, or is nested absurdly deep. */
  reason: 'unknown-path' | 'bad-value';
}

/** The edited copy: its base scenario and its changed parameters by field path. */
export interface EditState {
  base: string;
  values: Record<string, unknown>;
  /** The address's `set=` entries that were refused (only from {@link readCompareState}). */
  refused?: RefusedSetting[];
}

/**
 * A value of the address that could not be used: `run`, a scenario id that names no scenario here
 * (nor the edited copy with a known base); `scale`, not an offered k of 1:k; `edit`, a base the
 * edited copy cannot start from; `baseline`, not one of the runs; `reps`, not offered replications.
 */
export interface IgnoredValue {
  param:
    | typeof RUN_PARAM
    | typeof SCALE_PARAM
    | typeof EDIT_PARAM
    | typeof BASELINE_PARAM
    | typeof REPLICATIONS_PARAM;
  /** The value as the address gave it, cut to a few dozen characters (`clip`). */
  value: string;
}

/** What the address says about the comparison. */
export interface CompareState {
  /** Scenario ids (or {@link EDITED_TOKEN}) in the order they run and show. */
  runs: string[];
  scaleK: number;
  /** A seed for every run, or null for the baseline's. */
  seed: string | null;
  /** The baseline (one of `runs`), or null for the default: baseline-2026 when chosen, else the first. */
  baseline: string | null;
  /** Replications of every run, one of {@link COMPARE_REPLICATIONS}. */
  replications: number;
  edit: EditState | null;
  /** The address's values that were not used (only from {@link readCompareState}), so the workspace can say so. */
  ignored?: IgnoredValue[];
}

/** The k of an offered scale 1:k written in plain decimal digits, or null. */
function offeredScale(text: string): number | null {
  const k = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  return (SCALES as readonly number[]).includes(k) ? k : null;
}

/** Offered replications written in plain decimal digits, or null. */
function offeredReplications(text: string): number | null {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return COMPARE_REPLICATIONS.includes(n) ? n : null;
}

/**
 * Reads the comparison from a query string, keeping only ids in `knownIds` (and `edited` when its
 * base is known), an offered scale (else the default), a non-empty seed, a baseline among the runs
 * (else the default) and offered replications (else 0); every value it could not
 * use is listed in `ignored`. Returns null when the address names no run at all, so the caller knows
 * this is a first visit.
 */
export function readCompareState(search: string, knownIds: readonly string[]): CompareState | null {
  const q = new URLSearchParams(search);
  const list = q.get(RUN_PARAM);
  if (list === null) return null;
  const ignored: IgnoredValue[] = [];
  const seen = new Set<string>();
  const ignore = (param: IgnoredValue['param'], value: string): void => {
    const cut = clip(value);
    if (seen.has(`${param}=${cut}`)) return;
    seen.add(`${param}=${cut}`);
    ignored.push({ param, value: cut });
  };
  const base = q.get(EDIT_PARAM);
  const edit: EditState | null =
    base !== null && knownIds.includes(base) ? { base, ...readValues(q.getAll(SET_PARAM)) } : null;
  if (base !== null && edit === null) ignore(EDIT_PARAM, base);
  const runs: string[] = [];
  for (const id of list.split(',').map((s) => s.trim())) {
    if (id === '' || runs.includes(id)) continue;
    if (knownIds.includes(id) || (id === EDITED_TOKEN && edit !== null)) runs.push(id);
    else if (id !== EDITED_TOKEN || base === null) ignore(RUN_PARAM, id);
  }
  const scale = q.get(SCALE_PARAM);
  const scaleK = scale === null ? DEFAULT_SCALE : offeredScale(scale);
  if (scaleK === null) ignore(SCALE_PARAM, scale ?? '');
  const seed = q.get(SEED_PARAM)?.trim() ?? '';
  const baseline = q.get(BASELINE_PARAM);
  // A baseline that is one of `run=` but could not be used is said once, as that run.
  const listed = list.split(',').map((s) => s.trim());
  if (baseline !== null && !runs.includes(baseline) && !listed.includes(baseline))
    ignore(BASELINE_PARAM, baseline);
  const reps = q.get(REPLICATIONS_PARAM);
  const replications = reps === null ? 0 : offeredReplications(reps);
  if (replications === null) ignore(REPLICATIONS_PARAM, reps ?? '');
  return {
    runs,
    scaleK: scaleK ?? DEFAULT_SCALE,
    seed: seed === '' ? null : seed,
    baseline: baseline !== null && runs.includes(baseline) ? baseline : null,
    replications: replications ?? 0,
    edit,
    ignored,
  };
}

/**
 * The comparison a visit starts from: the address's when it names runs, with `fallback` (baseline-2026)
 * run when none of them can (`fellBackTo` then says so); else, on a first visit, `fallback` alone at
 * the default scale, with no seed, baseline, replications or edit.
 */
export function startingState(
  search: string,
  knownIds: readonly string[],
  fallback: string,
): { state: CompareState; fellBackTo: string | null } {
  const fromAddress = readCompareState(search, knownIds);
  const fellBackTo = fromAddress?.runs.length === 0 ? fallback : null;
  if (fellBackTo !== null) fromAddress?.runs.push(fellBackTo);
  const state = fromAddress ?? {
    runs: [fallback],
    scaleK: DEFAULT_SCALE,
    seed: null,
    baseline: null,
    replications: 0,
    edit: null,
  };
  return { state, fellBackTo };
}

const PARAMETERS: ReadonlySet<string> = new Set(PARAMETER_PATHS);

/** The JSON value of a text, or null when it is not JSON or is nested deeper than a scenario allows. */
function jsonValue(text: string): { value: unknown } | null {
  try {
    const value = JSON.parse(text) as unknown;
    return checkStructure(value).tooDeep ? null : { value };
  } catch {
    return null;
  }
}

/**
 * `path:JSON` entries as values by path. An entry whose path is not a parameter, or whose value is
 * not JSON or is nested deeper than a scenario allows, is refused (the field keeps its base value).
 * Values are defined as own properties, so no path can reach a prototype.
 */
function readValues(entries: readonly string[]): {
  values: Record<string, unknown>;
  refused: RefusedSetting[];
} {
  const values: Record<string, unknown> = {};
  const refused: RefusedSetting[] = [];
  for (const entry of entries) {
    const at = entry.indexOf(':');
    const path = at < 0 ? entry : entry.slice(0, at);
    const read = PARAMETERS.has(path) && at > 0 ? jsonValue(entry.slice(at + 1)) : null;
    if (!PARAMETERS.has(path)) refused.push({ path: clip(path), reason: 'unknown-path' });
    else if (!read) refused.push({ path, reason: 'bad-value' });
    else {
      const own = { value: read.value, enumerable: true, writable: true, configurable: true };
      Object.defineProperty(values, path, own);
    }
  }
  return { values, refused };
}

/** The address `href` with the comparison set, keeping the path, other parameters and the hash. */
export function comparePath(href: string, state: CompareState): string {
  const url = new URL(href);
  const q = url.searchParams;
  const names = [
    RUN_PARAM,
    SCALE_PARAM,
    SEED_PARAM,
    BASELINE_PARAM,
    REPLICATIONS_PARAM,
    EDIT_PARAM,
    SET_PARAM,
  ];
  for (const name of names) q.delete(name);
  q.set(RUN_PARAM, state.runs.join(','));
  q.set(SCALE_PARAM, String(state.scaleK));
  if (state.seed !== null) q.set(SEED_PARAM, state.seed);
  if (state.baseline !== null) q.set(BASELINE_PARAM, state.baseline);
  if (state.replications > 0) q.set(REPLICATIONS_PARAM, String(state.replications));
  if (state.edit) {
    q.set(EDIT_PARAM, state.edit.base);
    for (const [path, value] of Object.entries(state.edit.values))
      q.append(SET_PARAM, `${path}:${JSON.stringify(value)}`);
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The baseline of a comparison: its chosen baseline when that is one of its runs, else `preferred`
 * (baseline-2026) when chosen, else the first run; null without runs.
 */
export function baselineOf(state: Pick<CompareState, 'runs' | 'baseline'>, preferred: string): string | null {
  if (state.baseline !== null && state.runs.includes(state.baseline)) return state.baseline;
  if (state.runs.includes(preferred)) return preferred;
  return state.runs[0] ?? null;
}
