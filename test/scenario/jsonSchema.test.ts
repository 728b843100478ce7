import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CHECKS,
  diffScenarios,
  FORMATS,
  FORMAT_KEYWORDS,
  type FormatName,
  helpAt,
  PARAMETER_PATHS,
  parseScenario,
  SCHEMA_REFERENCE,
} from '../../src/scenario';
import { JSON_SCHEMA_DRAFT, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/jsonSchema';
import { rawScenario, SCENARIO_DIR, scenarioFiles, SCHEMA_FILE } from './helpers';
import { schemaProblems } from './jsonSchemaCheck';

/** A regular expression matching `text` literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NAMES = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
const schema = scenarioJsonSchema();

/** The JSON Schema of the field at a dotted parameter path (through `properties` only). */
function schemaOfField(path: string): Record<string, unknown> {
  let at: Record<string, unknown> = schema;
  for (const key of path.split('.')) at = (at.properties as Record<string, Record<string, unknown>>)[key]!;
  return at;
}

describe('scenarioJsonSchema', () => {
  test('scenarios/schema.json is exactly what `npm run schema` writes now (run it after changing the schema)', () => {
    expect(readFileSync(`${SCENARIO_DIR}${SCHEMA_FILE}`, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  test('is draft-07 with a bilingual title, and its generation gives the same text every time', () => {
    expect(schema.$schema).toBe(JSON_SCHEMA_DRAFT);
    expect(schema.title).toBe('Gongji scenario file / 共济场景文件');
    expect(scenarioJsonSchemaText()).toBe(scenarioJsonSchemaText());
  });

  test.each(NAMES)(
    'every scenario file names the schema: scenarios/%s.json has "$schema": "./schema.json"',
    (name) => {
      const raw = rawScenario(name);
      expect(Object.keys(raw)[0]).toBe('$schema');
      expect(raw.$schema).toBe(SCHEMA_REFERENCE);
    },
  );

  test.each(NAMES)('accepts scenarios/%s.json, as the zod schema does', (name) => {
    expect(schemaProblems(schema, rawScenario(name))).toEqual([]);
  });

  test('refuses an unknown key, a bad month, a value out of range, a wrong sizing and a missing note, as the zod schema does', () => {
    const cases: [string, (s: ReturnType<typeof rawScenario>) => void, string][] = [
      ['unknown key', (s) => (s.rules.quotaLimits.maxChangeYuan = 1), 'additionalProperties maxChangeYuan'],
      ['bad month', (s) => (s.window.start = '2026-13'), 'pattern'],
      ['out of range', (s) => (s.clearing.warnings.red = 1.5), 'maximum'],
      ['wrong sizing', (s) => (s.clearing.prepayment.sizing = { method: 'months-of-average' }), 'oneOf'],
      ['missing note', (s) => delete s.notes['rules.relativeScope'], 'required rules.relativeScope'],
      [
        'bad province',
        (s) => (s.rules.geography.rollout.byProvince = { '99': '2026-01' }),
        'propertyNames 99',
      ],
      ['bad range', (s) => (s.uncertainty = { 'rules.relativeScope': { low: 0, high: 1 } }), 'propertyNames'],
      ['$schema not text', (s) => (s.$schema = 5), 'type'],
    ];
    for (const [what, breakIt, problem] of cases) {
      const raw = rawScenario('baseline-2026');
      breakIt(raw);
      expect(parseScenario(raw).ok, what).toBe(false);
      expect(schemaProblems(schema, raw).join('\n'), what).toContain(problem);
    }
  });

  test("every parameter's help text is its field's description, in English then Chinese", () => {
    for (const path of PARAMETER_PATHS) {
      const help = helpAt(path.split('.'));
      if (!help) continue;
      expect(schemaOfField(path).description, path).toMatch(
        new RegExp(`^${literal(`${help.en} / ${help.zh}`)}`),
      );
    }
    expect(
      PARAMETER_PATHS.filter((p) => typeof schemaOfField(p).description === 'string').length,
    ).toBeGreaterThan(PARAMETER_PATHS.length - 3);
  });

  test('the cross-field checks JSON Schema cannot state are written into the descriptions of the objects they check', () => {
    expect(schemaOfField('window').description).toContain(CHECKS['window-order'].en);
    expect(schemaOfField('window').description).toContain(CHECKS['window-order'].zh);
    expect(schemaOfField('clearing.warnings').description).toContain(CHECKS['yellow-below-red'].en);
    expect(schemaOfField('clearing.prepayment').description).toContain(CHECKS['payment-after-resize'].en);
    expect(schemaOfField('rules.permittedUses').description).toContain(CHECKS['unique-uses'].en);
  });
});

describe('FORMAT_KEYWORDS', () => {
  const samples = [
    ...['2026-01', '2099-12', '2000-01', '2026-13', '1999-12', '2026-1', ' 2026-01', '2026-01\n'],
    ...['00:00', '23:59', '24:00', '7:00', '07:60'],
    ...['baseline-2026', 'a', 'Baseline', 'a--b', '-a', 'a-'],
    ...['44', '11', '65', '99', '4', '440100', '990100', '44010', '4401000'],
    ...['x', ' ', '\t\n', '', ' x ', '\u00a0', '\u3000'],
  ];
  test.each(Object.keys(FORMATS) as FormatName[])(
    '%s accepts in JSON Schema exactly the texts its check accepts',
    (name) => {
      for (const text of samples) {
        const problems = schemaProblems({ type: 'string', ...FORMAT_KEYWORDS[name] }, text);
        expect(problems.length === 0, `${name} ${JSON.stringify(text)}`).toBe(FORMATS[name].check(text));
      }
    },
  );
});

describe('$schema in a scenario', () => {
  test('is optional, must be a text, and is no parameter: it changes no difference between scenarios', () => {
    const raw = rawScenario('baseline-2026');
    delete raw.$schema;
    const without = parseScenario(raw);
    const withIt = parseScenario(rawScenario('baseline-2026'));
    if (!without.ok || !withIt.ok) throw new Error('baseline-2026 must parse with and without $schema');
    expect(diffScenarios(without.scenario, withIt.scenario, { notes: true })).toEqual([]);
    raw.$schema = 5;
    const wrong = parseScenario(raw);
    expect(wrong.ok ? [] : wrong.errors.map((e) => [e.path, e.code])).toEqual([['$schema', 'wrong-type']]);
  });
});
