/**
 * Parameter sweeps (参数扫描): a sweep file names one or two parameters of a base scenario and the
 * values each takes; every combination is a scenario of its own (the base with those values set),
 * run at the base's seed so that the points pair up as differences do. The file is checked like a
 * scenario: every error names its field path (`parameters[0].values[3]`), and a combination the
 * scenario schema refuses is named by the value that makes it so.
 *
 *   { "id": "quota-share", "title": { "zh": "…", "en": "…" }, "scenario": "../baseline-2026.json",
 *     "parameters": [ { "path": "behaviour.quota.shareOfSpendable", "values": [0.1, 0.3, 0.5] } ] }
 *
 * `scenario` is the base scenario's file, relative to the sweep file (the command line reads it; the
 * workbench sweeps the scenario chosen on the page).
 */
import { z } from 'zod';
import { capErrors, scenarioError, translateIssues, type ScenarioError } from './errors';
import { formatPath } from './fields';
import { FORMATS } from './formats';
import { readJsonText } from './jsonText';
import { isParameterPath, notAParameter, withParameters } from './parameters';
import { fieldHelp, type Scenario } from './schema';
import { checkStructure, withoutRefusedKeys } from './structure';

/** At most this many parameters are swept at once (a curve, or a grid of curves). */
export const MAX_SWEEP_PARAMETERS = 2;
/** At most this many values of one parameter. */
export const MAX_SWEEP_VALUES = 20;
/** At most this many combinations (each is a whole run, with its replications). */
export const MAX_SWEEP_POINTS = 100;

const help = <S extends z.ZodType>(schema: S, en: string, zh: string): S => {
  fieldHelp.add(schema, { en, zh });
  return schema;
};
const nonEmpty = (en: string, zh: string) =>
  help(z.string().refine(FORMATS.nonEmpty.check, { params: { format: 'nonEmpty' } }), en, zh);

const sweepValue = help(
  z.union([
    z.number(),
    z.string(),
    z.boolean(),
    z.null(),
    z.array(z.unknown()),
    z.record(z.string(), z.unknown()),
  ]),
  'a value the parameter accepts',
  '该参数可取的值',
);

/** The schema of a sweep file. */
export const sweepSchema = z.strictObject({
  $schema: z.string().optional(),
  id: help(
    z.string().refine(FORMATS.kebab.check, { params: { format: 'kebab' } }),
    FORMATS.kebab.en,
    FORMATS.kebab.zh,
  ),
  title: z.strictObject({
    zh: nonEmpty('the title in Chinese', '中文标题'),
    en: nonEmpty('the title in English', '英文标题'),
  }),
  scenario: nonEmpty(
    'the base scenario file, relative to this sweep file, e.g. "../baseline-2026.json"',
    '基准方案文件，相对于本扫描文件的路径，例如 "../baseline-2026.json"',
  ),
  parameters: help(
    z
      .array(
        z.strictObject({
          path: nonEmpty(
            'a parameter path, e.g. "behaviour.quota.shareOfSpendable"',
            '参数路径，例如 "behaviour.quota.shareOfSpendable"',
          ),
          values: help(
            z.array(sweepValue).min(2).max(MAX_SWEEP_VALUES),
            `2 to ${MAX_SWEEP_VALUES} values`,
            `2 至 ${MAX_SWEEP_VALUES} 个取值`,
          ),
        }),
      )
      .min(1)
      .max(MAX_SWEEP_PARAMETERS),
    `one or ${MAX_SWEEP_PARAMETERS} parameters with their values`,
    `1 至 ${MAX_SWEEP_PARAMETERS} 个参数及其取值`,
  ),
});

/** A checked sweep file. */
export type Sweep = z.infer<typeof sweepSchema>;

/** One swept parameter: its path and values. */
export type SweptParameter = Sweep['parameters'][number];

/** The outcome of reading a sweep: the sweep, or every error found. */
export type SweepResult = { ok: true; sweep: Sweep } | { ok: false; errors: ScenarioError[] };

/** Checks that go beyond the schema: parameters by name, each once, values each once, not too many points. */
function crossCheck(sweep: Sweep): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const seen = new Set<string>();
  sweep.parameters.forEach((p, i) => {
    if (!isParameterPath(p.path)) errors.push(notAParameter(p.path, formatPath(['parameters', i, 'path'])));
    if (seen.has(p.path)) {
      errors.push(
        scenarioError(['parameters', i, 'path'], 'inconsistent', {
          en: `${p.path} is swept twice: give each parameter once`,
          zh: `${p.path} 出现了两次：每个参数只能扫描一次`,
        }),
      );
    }
    seen.add(p.path);
    const values = new Set<string>();
    p.values.forEach((v, j) => {
      const key = JSON.stringify(v);
      if (values.has(key)) {
        errors.push(
          scenarioError(['parameters', i, 'values', j], 'inconsistent', {
            en: `the value ${key} comes twice: give each value once`,
            zh: `取值 ${key} 出现了两次：每个取值只能给一次`,
          }),
        );
      }
      values.add(key);
    });
  });
  const points = sweep.parameters.reduce((n, p) => n * p.values.length, 1);
  if (points > MAX_SWEEP_POINTS) {
    errors.push(
      scenarioError('parameters', 'out-of-range', {
        en: `${points} combinations: a sweep runs at most ${MAX_SWEEP_POINTS}`,
        zh: `共 ${points} 种组合：一次扫描最多 ${MAX_SWEEP_POINTS} 种`,
      }),
    );
  }
  return errors;
}

/** Validates a JSON value as a sweep file and reports all errors together. */
export function parseSweep(json: unknown): SweepResult {
  const structure = checkStructure(json);
  if (structure.tooDeep) return { ok: false, errors: structure.errors };
  const parsed = sweepSchema.safeParse(json, { reportInput: true });
  if (!parsed.success || structure.errors.length > 0) {
    const found = parsed.success ? [] : translateIssues(parsed.error.issues, [], sweepSchema);
    return {
      ok: false,
      errors: capErrors([...structure.errors, ...withoutRefusedKeys(structure.errors, found)]),
    };
  }
  const errors = capErrors(crossCheck(parsed.data));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sweep: parsed.data };
}

/** Reads a sweep from the text of a file: JSON syntax errors with line and column, then {@link parseSweep}. */
export function parseSweepText(text: string): SweepResult {
  const read = readJsonText(text);
  return read.ok ? parseSweep(read.json) : { ok: false, errors: [read.error] };
}

/** One combination of a sweep: the values by path, and the scenario that runs them. */
export interface SweepPoint {
  /** 0, 1, … in the order of the combinations (the last parameter changes fastest). */
  index: number;
  values: Record<string, unknown>;
  scenario: Scenario;
}

/** A text of a swept value for titles: numbers and texts as they are, anything else as JSON. */
export function sweptValueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The base without ranges for the swept paths (and the notes on them): a swept parameter takes the
 * sweep's values, so its replications must not draw it.
 */
function withoutRanges(base: Scenario, paths: readonly string[]): Scenario {
  const copy = structuredClone(base);
  for (const path of paths) {
    delete copy.uncertainty[path];
    delete copy.notes[`uncertainty.${path}`];
  }
  return copy;
}

/**
 * Every combination of the sweep's values as a scenario: the base with those values set, id
 * `<sweep id>-<n>` (n from 1), the base's seed, the title naming the values; a range the base gives
 * for a swept parameter is dropped (the sweep sets it). A combination the
 * scenario schema refuses is an error at the value that makes it so (the first parameter's when
 * only the two together are refused), naming the scenario field and what it expects.
 */
export function sweepPoints(
  base: Scenario,
  sweep: Sweep,
): { ok: true; points: SweepPoint[] } | { ok: false; errors: ScenarioError[] } {
  const combos: { values: Record<string, unknown>; at: number[] }[] = [{ values: {}, at: [] }];
  for (const p of sweep.parameters) {
    const next: typeof combos = [];
    for (const c of combos)
      p.values.forEach((v, j) => next.push({ values: { ...c.values, [p.path]: v }, at: [...c.at, j] }));
    combos.splice(0, combos.length, ...next);
  }
  const fixed = withoutRanges(
    base,
    sweep.parameters.map((p) => p.path),
  );
  const points: SweepPoint[] = [];
  const errors: ScenarioError[] = [];
  const reported = new Set<string>();
  combos.forEach((c, index) => {
    const label = Object.entries(c.values)
      .map(([path, v]) => `${path} = ${sweptValueText(v)}`)
      .join(', ');
    const { result } = withParameters(fixed, c.values, {
      id: `${sweep.id}-${index + 1}`,
      title: { zh: `${base.title.zh}（${label}）`, en: `${base.title.en} (${label})` },
    });
    if (result.ok) {
      points.push({ index, values: c.values, scenario: result.scenario });
      return;
    }
    for (const e of result.errors) {
      // The value that makes it so: the parameter whose path the error lies under, else the first.
      const i = Math.max(
        0,
        sweep.parameters.findIndex(
          (p) => e.path === p.path || e.path.startsWith(`${p.path}.`) || e.path.startsWith(`${p.path}[`),
        ),
      );
      const at = formatPath(['parameters', i, 'values', c.at[i]!]);
      const key = `${at}|${e.path}|${e.en}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push({
        ...e,
        path: at,
        en: `${e.path || 'scenario'}: ${e.en}`,
        zh: `${e.path || '方案'}：${e.zh}`,
      });
    }
  });
  return errors.length > 0 ? { ok: false, errors: capErrors(errors) } : { ok: true, points };
}
