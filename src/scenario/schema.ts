/**
 * The scenario file (场景文件) schema: one JSON object that fixes every rule parameter (R2–R12) and
 * clearing parameter (C3, C5–C7) of a run, with a note on where each value comes from. Objects are
 * strict (an unknown or misspelt key is an error). Amounts are integer fen, months `YYYY-MM`, clock
 * times `HH:MM`, provinces two-digit and pooling areas six-digit codes. Every leaf carries a
 * bilingual description of what it expects (`fieldHelp`), which error messages quote. The sections
 * are built in rulesSchema.ts, clearingSchema.ts and behaviour.ts, with the help and cross-field
 * checks of schemaHelp.ts; this file puts them together with the metadata, uncertainty and notes.
 */
import { z } from 'zod';
import { behaviourSchema } from './behaviour';
import { clearingSchema } from './clearingSchema';
import { FORMATS } from './formats';
import { rulesSchema } from './rulesSchema';
import { check, help, isNumber, text } from './schemaHelp';

export { CHECKS, type CheckName, fieldHelp, type Refinement } from './schemaHelp';

const isMonthText = (v: unknown) => typeof v === 'string' && FORMATS.month.check(v);

const bilingualText = z.strictObject({
  zh: help(text('nonEmpty'), 'a non-empty Chinese text', '非空中文文字'),
  en: help(text('nonEmpty'), 'a non-empty English text', '非空英文文字'),
});

const note = help(
  z.union([text('nonEmpty'), z.strictObject({ zh: text('nonEmpty'), en: text('nonEmpty') })]),
  'a non-empty text, or {"zh": "…", "en": "…"} with both non-empty',
  '非空文字，或 {"zh": "…", "en": "…"}（两项均非空）',
);

/** What a scenario file's `$schema` usually says: the JSON Schema beside the bundled files. */
export const SCHEMA_REFERENCE = './schema.json';

/**
 * The scenario file as JSON: metadata, rule and clearing parameters, and notes on their sources. An
 * optional `$schema` names the JSON Schema that editors check the file against; it changes nothing
 * in a run.
 */
export const scenarioSchema = z.strictObject({
  $schema: help(
    z.string().optional(),
    `the JSON Schema editors check this file against, usually "${SCHEMA_REFERENCE}" (optional; no effect on a run)`,
    `编辑器校验本文件所用的 JSON Schema，通常为 "${SCHEMA_REFERENCE}"（可省略；不影响运行）`,
  ),
  id: help(text('kebab'), FORMATS.kebab.en, FORMATS.kebab.zh),
  title: bilingualText,
  description: bilingualText,
  seed: help(
    text('nonEmpty'),
    'a non-empty text that seeds every random stream of the run',
    '非空文字，作为本次运行所有随机数流的种子',
  ),
  window: z
    .strictObject({
      start: help(
        text('month'),
        `${FORMATS.month.en}: the first simulated month`,
        `${FORMATS.month.zh}：模拟的第一个月`,
      ),
      end: help(
        text('month'),
        `${FORMATS.month.en}: the last simulated month`,
        `${FORMATS.month.zh}：模拟的最后一个月`,
      ),
    })
    .refine(
      ...check(
        'window-order',
        (w) => isMonthText(w.start) && isMonthText(w.end),
        (w: { start: string; end: string }) => w.start <= w.end,
      ),
    ),
  rules: rulesSchema,
  clearing: clearingSchema,
  behaviour: behaviourSchema(help, (sumsToOne) =>
    check('month-weights-sum', (w) => Array.isArray(w) && w.every(isNumber), sumsToOne),
  ),
  uncertainty: help(
    z.record(
      z.string(),
      z.strictObject({
        low: help(z.number(), 'the lowest value of the range (a number)', '范围的下限（数字）'),
        high: help(z.number(), 'the highest value of the range (a number)', '范围的上限（数字）'),
      }),
    ),
    'an object mapping parameter paths such as "behaviour.uptake.awarenessMonths" to a range {"low": a, "high": b} that replications draw the parameter from ({} for none)',
    '以参数路径（如 "behaviour.uptake.awarenessMonths"）为键、取值范围 {"low": a, "high": b} 为值的对象，各次重复模拟从中抽取参数（无则为 {}）',
  ),
  notes: help(
    z.record(z.string(), note),
    'an object mapping field paths such as "rules.relativeScope" to a note (a text, or {"zh": …, "en": …}) on where the value comes from',
    '以字段路径（如 "rules.relativeScope"）为键、说明取值来源的对象（文字或 {"zh": …, "en": …}）',
  ),
});

/** A validated scenario, in the JSON form of the file. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** The `rules` section of a scenario, in its JSON form. */
export type ScenarioRules = Scenario['rules'];
/** The `clearing` section of a scenario, in its JSON form. */
export type ScenarioClearing = Scenario['clearing'];
/** The `behaviour` section of a scenario, in its JSON form. */
export type ScenarioBehaviourSection = Scenario['behaviour'];
/** The `uncertainty` section: ranges of parameters that replications draw from. */
export type ScenarioUncertainty = Scenario['uncertainty'];
/** A note on a field: one text, or a Chinese and an English one. */
export type ScenarioNote = Scenario['notes'][string];
