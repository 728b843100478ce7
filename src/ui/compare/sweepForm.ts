/**
 * The sweep form (参数扫描表单), pure functions only: which parameters a person may sweep on the page
 * (numbers, choices and switches), how the typed values are read (comma-separated numbers, or the
 * names of choices), and the sweep they make on a base scenario — checked by the same functions as a
 * sweep file (src/scenario/sweep.ts), so the page refuses what the command line refuses, by path.
 */
import { PARAMETER_PATHS, type Scenario, scenarioError, type ScenarioError } from '../../scenario';
import { parseSweep, type SweepPoint, sweepPoints, type SweptParameter } from '../../scenario/sweep';
import { fieldKind } from './edit';

/** The parameters the form offers: every parameter that is a number, a choice or a switch. */
export const SWEEPABLE_PATHS: readonly string[] = PARAMETER_PATHS.filter((p) =>
  ['number', 'choice', 'boolean'].includes(fieldKind(p).kind),
);

/** The form's values for one parameter: its path and the text typed for its values. */
export interface SweepFormParameter {
  path: string;
  values: string;
}

/** What the form makes: the swept parameters and every point, or the errors, each with its path. */
export type SweepFormResult =
  { ok: true; parameters: SweptParameter[]; points: SweepPoint[] } | { ok: false; errors: ScenarioError[] };

/**
 * The values typed for the parameter at `path`: comma-separated (a Chinese comma too), numbers for
 * a number (in plain decimal notation), names for a choice, true/false for a switch. An item that is
 * not one of these is an error at `parameters[i].values[j]`.
 */
export function readValues(
  path: string,
  text: string,
  i: number,
): { values: unknown[]; errors: ScenarioError[] } {
  const kind = fieldKind(path);
  const items = text
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const values: unknown[] = [];
  const errors: ScenarioError[] = [];
  items.forEach((item, j) => {
    const at = ['parameters', i, 'values', j] as const;
    if (kind.kind === 'number') {
      if (/^-?\d+(\.\d+)?$/.test(item)) values.push(Number(item));
      else
        errors.push(
          scenarioError([...at], 'wrong-type', {
            en: `expected a number such as 0.3, got "${item}"`,
            zh: `应为数字（如 0.3），实际为 "${item}"`,
          }),
        );
    } else if (kind.kind === 'boolean') {
      if (item === 'true' || item === 'false') values.push(item === 'true');
      else
        errors.push(
          scenarioError([...at], 'wrong-type', {
            en: `expected true or false, got "${item}"`,
            zh: `应为 true 或 false，实际为 "${item}"`,
          }),
        );
    } else values.push(item);
  });
  return { values, errors };
}

/**
 * The sweep of the form's parameters on `base` (id `sweep`, at the base's seed): the values read,
 * then checked as a sweep file is, then every combination checked as a scenario.
 */
export function sweepFromForm(base: Scenario, form: readonly SweepFormParameter[]): SweepFormResult {
  const read = form.map((p, i) => ({ path: p.path, ...readValues(p.path, p.values, i) }));
  const typed = read.flatMap((r) => r.errors);
  if (typed.length > 0) return { ok: false, errors: typed };
  const sweep = parseSweep({
    id: 'sweep',
    title: { zh: `${base.title.zh}：参数扫描`, en: `${base.title.en}: parameter sweep` },
    scenario: `${base.id}.json`,
    parameters: read.map((r) => ({ path: r.path, values: r.values })),
  });
  if (!sweep.ok) return sweep;
  const points = sweepPoints(base, sweep.sweep);
  if (!points.ok) return points;
  return { ok: true, parameters: sweep.sweep.parameters, points: points.points };
}

/**
 * The values first typed for the parameter at `path`: the base scenario's own value × 0.5, 1 and 1.5
 * for a number, both for a switch, the value itself for a choice, and five shares for the quota's share.
 */
export function defaultValues(path: string, base: Scenario | undefined): string {
  if (path === 'behaviour.quota.shareOfSpendable') return '0.1, 0.3, 0.5, 0.7, 0.9';
  let v: unknown = base;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (typeof v === 'boolean') return 'true, false';
  if (typeof v === 'number') {
    const round = (x: number) => Number(x.toPrecision(3));
    return [0.5, 1, 1.5].map((f) => round(v * f)).join(', ');
  }
  return typeof v === 'string' ? v : '';
}
