/**
 * Parameter uncertainty (参数不确定性): a scenario may give ranges for parameters nobody has measured
 * yet (in 2026, the first year, how fast families take up cross-province sharing, how quickly they
 * hear of it, how large a quota they set; how fast direct settlement grows). Replications then draw
 * each such parameter uniformly from its range, so that the spread of their answers includes what
 * the scenario does not know. The main run keeps the scenario's own values.
 *
 * Checked on the raw file beside the schema: a range names a numeric parameter that may be drawn,
 * lies within what that field accepts, contains the scenario's own value and has a note.
 */
import { z } from 'zod';
import { deriveSeed } from '../clearing/replications';
import { nextUnit, seedFamily, streamKey } from '../population/random';
import { MAX_ERRORS, scenarioError, type ScenarioError } from './errors';
import { formatPath, schemaAt } from './fields';
import { isPlainObject, valueAt } from './notes';
import type { Scenario } from './schema';

/** The numeric field at a dotted path, or null when the path names none. */
function numberField(path: string): z.ZodNumber | null {
  let s = schemaAt(path.split('.'));
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodNumber ? s : null;
}

/** Whether parameters at `path` may be drawn: numeric leaves of `behaviour` and the direct-settlement growth. */
export function mayBeUncertain(path: string): boolean {
  const drawable = path.startsWith('behaviour.') || path === 'clearing.directSettlement.yearlyGrowth';
  return drawable && numberField(path) !== null;
}

/**
 * Checks the raw file's `uncertainty` ranges (the schema has checked their shape): each names a
 * parameter that may be drawn, low ≤ high, both accepted by the parameter's own field, the
 * scenario's value inside, and a note `uncertainty.<path>` on where the range comes from. Stops
 * after `limit` errors.
 */
export function checkUncertainty(raw: unknown, limit = MAX_ERRORS + 1): ScenarioError[] {
  const ranges = valueAt(raw, 'uncertainty');
  if (!isPlainObject(ranges)) return [];
  const notes = valueAt(raw, 'notes');
  const errors: ScenarioError[] = [];
  for (const [path, range] of Object.entries(ranges)) {
    if (errors.length >= limit) break;
    const at = ['uncertainty', path];
    if (!mayBeUncertain(path)) {
      errors.push(
        scenarioError(at, 'unknown-key', {
          en: 'a range must name a numeric parameter under behaviour (or clearing.directSettlement.yearlyGrowth), e.g. "behaviour.uptake.awarenessMonths"',
          zh: '范围须对应 behaviour 下的数值参数（或 clearing.directSettlement.yearlyGrowth），例如 "behaviour.uptake.awarenessMonths"',
        }),
      );
      continue;
    }
    if (!isPlainObject(range) || typeof range.low !== 'number' || typeof range.high !== 'number') continue;
    const { low, high } = range;
    const field = numberField(path)!;
    for (const [end, v] of [
      ['low', low],
      ['high', high],
    ] as const) {
      if (!field.safeParse(v).success) {
        errors.push(
          scenarioError([...at, end], 'out-of-range', {
            en: `${v} is not a value ${path} accepts`,
            zh: `${v} 不是 ${path} 可取的值`,
          }),
        );
      }
    }
    if (low > high) {
      errors.push(
        scenarioError(at, 'inconsistent', {
          en: 'the range must not end below its start (low ≤ high)',
          zh: '范围的上限不能低于下限（low ≤ high）',
        }),
      );
    }
    const value = valueAt(raw, path);
    if (typeof value === 'number' && (value < low || value > high)) {
      errors.push(
        scenarioError(at, 'inconsistent', {
          en: `the range must contain the scenario's own value of ${path} (${value})`,
          zh: `范围须包含本方案 ${path} 的取值（${value}）`,
        }),
      );
    }
    if (!isPlainObject(notes) || !Object.hasOwn(notes, `uncertainty.${path}`)) {
      errors.push(
        scenarioError(['notes', `uncertainty.${path}`], 'missing-note', {
          en: `missing: every range needs a note on where it comes from; add one for uncertainty.${path}`,
          zh: `缺少说明：每个取值范围都须说明来源，请为 uncertainty.${path} 补充说明`,
        }),
      );
    }
  }
  return errors;
}

/** One replication's drawn parameters: the scenario with them set, and the values by path. */
export interface DrawnParameters {
  scenario: Scenario;
  values: Record<string, number>;
}

/**
 * The parameters of replication `r` (`r` ≥ 0): each range drawn uniformly, whole-number fields
 * rounded, from a stream seeded by the replication's seed, paths in sorted order. Replication r
 * draws the same values whatever the number of replications. With no ranges, the scenario itself.
 */
export function drawParameters(scenario: Scenario, r: number): DrawnParameters {
  const paths = Object.keys(scenario.uncertainty).sort();
  if (paths.length === 0) return { scenario, values: {} };
  const state = new Int32Array(4);
  seedFamily(streamKey(`${deriveSeed(scenario.seed, r)}|uncertainty`), 0, state);
  const copy = structuredClone(scenario);
  const values: Record<string, number> = {};
  for (const path of paths) {
    const { low, high } = scenario.uncertainty[path]!;
    const u = nextUnit(state);
    const raw = low + u * (high - low);
    const value = numberField(path)?.isInt ? Math.min(high, Math.max(low, Math.round(raw))) : raw;
    values[path] = value;
    const keys = path.split('.');
    let node = copy as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return { scenario: copy, values };
}

/** The paths a scenario gives ranges for, sorted, formatted for people. */
export function uncertainPaths(scenario: Scenario): string[] {
  return Object.keys(scenario.uncertainty)
    .sort()
    .map((p) => formatPath(p.split('.')));
}
