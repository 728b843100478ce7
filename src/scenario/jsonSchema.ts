/**
 * The scenario file as JSON Schema (场景文件的 JSON Schema), for editors: generated from the zod
 * schema with `z.toJSONSchema`, with every help text as the field's `description` (English / 中文),
 * the text formats as patterns, and the cross-field checks, which JSON Schema cannot state, written
 * into the description of the object they check. `npm run schema` writes it to
 * `scenarios/schema.json`, which every scenario file names in its `"$schema"`. The zod schema stays
 * the judge: a file the JSON Schema accepts can still fail a cross-field check, but no file the
 * project accepts is refused by the JSON Schema.
 */
import { z } from 'zod';
import { FIELD_PATHS, PARAMETER_PATHS, RECORD_PATHS } from './fields';
import { type Bilingual, FORMAT_KEYWORDS, type FormatName } from './formats';
import { CHECKS, type CheckName, fieldHelp, scenarioSchema } from './schema';
import { mayBeUncertain } from './uncertainty';

/** The draft the schema is written in: draft-07, which every common editor reads. */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A JSON Schema object, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/** The parameters of a schema's custom checks (`.refine`): a text format or a cross-field check. */
function customChecks(schema: z.core.$ZodType): { format?: FormatName; check?: CheckName }[] {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  return checks.map(
    (c) => (c._zod.def as { params?: { format?: FormatName; check?: CheckName } }).params ?? {},
  );
}

/** One description in both languages, as editors show it. */
const describe = (text: Bilingual): string => `${text.en} / ${text.zh}`;

/** A regular expression matching `text` literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the whole file is, at the top of the schema. */
const FILE_TITLE = 'Gongji scenario file / 共济场景文件';
const FILE_DESCRIPTION: Bilingual = {
  en: 'Every rule, clearing and behaviour parameter of a run, with a note on where each value comes from. Generated from src/scenario/schema.ts by `npm run schema`; `npm run validate -- --scenario <file>` checks a file fully, cross-field checks included',
  zh: '一次运行的全部规则、清算与行为参数，并说明每个取值的来源。由 `npm run schema` 从 src/scenario/schema.ts 生成；`npm run validate -- --scenario <文件>` 对文件做完整校验（含跨字段检查）',
};

/**
 * Keywords only the project's own checks know, added where they can be stated without refusing a
 * valid file: every parameter needs a note, a note names a field (or an entry of a record), and a
 * range names a parameter that may be drawn.
 */
function extraKeywords(path: readonly (string | number)[]): JsonSchema {
  const at = path.join('/');
  if (at === 'properties/notes') {
    const records = RECORD_PATHS.map(literal).join('|');
    return {
      required: [...PARAMETER_PATHS],
      propertyNames: { anyOf: [{ enum: [...FIELD_PATHS] }, { pattern: `^(${records})\\..+$` }] },
    };
  }
  if (at === 'properties/uncertainty') {
    return { propertyNames: { enum: PARAMETER_PATHS.filter(mayBeUncertain) } };
  }
  return {};
}

/** The JSON Schema of a scenario file, as a plain JSON object. */
export function scenarioJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema, path }) => {
      const help = fieldHelp.get(zodSchema);
      const texts: string[] = help ? [describe(help)] : [];
      for (const { format, check } of customChecks(zodSchema)) {
        if (format) Object.assign(jsonSchema, FORMAT_KEYWORDS[format]);
        if (check) texts.push(describe(CHECKS[check]));
      }
      if (texts.length > 0) jsonSchema.description = texts.join('. ');
      Object.assign(jsonSchema, extraKeywords(path));
    },
  }) as JsonSchema;
  return {
    $schema: JSON_SCHEMA_DRAFT,
    title: FILE_TITLE,
    description: describe(FILE_DESCRIPTION),
    ...schema,
  };
}

/** The text of `scenarios/schema.json`: the schema with two-space indents and a final line break. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
