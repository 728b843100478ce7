import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { PERMITTED_USES } from '../../src/rules/types';
import { BOOKKEEPING_IDS, CLEARING_RULES, SHARING_RULES } from '../../src/rules/ids';
import { POSTING_RULES } from '../../src/engine/postingRules';
import { SCHEMES } from '../../src/population/columns';
import { RELATION_KINDS } from '../../src/rules/types';
import { GEOGRAPHIES } from '../../src/runtime/summary';
import { scenarioSchema } from '../../src/scenario/schema';
import { storySchema } from '../../src/scenario/storySchema';
import {
  anyCodeLabel,
  CODE_TABLES,
  GEOGRAPHY_LABELS,
  labelOf,
  PURPOSE_LABELS,
  REFUSAL_LABELS,
  RELATION_LABELS,
  ruleIdText,
  SCHEME_LABELS,
} from '../../src/text/labels';

/** Every string an `enum` (and, with `consts`, a `const`) of a JSON Schema allows. */
function enumValues(schema: unknown, consts: boolean, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const x of schema) enumValues(x, consts, out);
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'enum' && Array.isArray(value)) {
        for (const v of value) if (typeof v === 'string') out.add(v);
      } else if (consts && key === 'const' && typeof value === 'string') out.add(value);
      else enumValues(value, consts, out);
    }
  }
  return out;
}

const CJK = /[\u4e00-\u9fff]/;
/** A rule's own id (R1–R12, C1–C7), which the interface shows as it is in both languages. */
const RULE = /^[RC]\d+$/;
/** A province's two-digit code (a key of the rollout by province), shown beside its name. */
const PROVINCE = /^\d{2}$/;

describe('the label tables', () => {
  test('every code of every table has a Chinese label with Chinese characters and an English label, neither the code itself in Chinese', () => {
    for (const [table, labels] of Object.entries(CODE_TABLES)) {
      for (const [code, label] of Object.entries(labels)) {
        expect(label.zh, `${table}.${code}`).toMatch(CJK);
        expect(label.zh, `${table}.${code}`).not.toContain(code);
        expect(label.en.trim(), `${table}.${code}`).not.toBe('');
      }
    }
  });

  test('a code in several tables has the same labels in each', () => {
    const seen = new Map<string, { zh: string; en: string }>();
    for (const labels of Object.values(CODE_TABLES)) {
      for (const [code, label] of Object.entries(labels)) {
        const before = seen.get(code);
        if (before) expect(label, code).toEqual(before);
        seen.set(code, label);
      }
    }
  });

  test('every value a scenario file may choose from is named in both languages', () => {
    const values = enumValues(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }), true);
    expect(values).toContain('gross-bilateral');
    expect(values).toContain('virtual-quota');
    const unnamed = [...values].filter((v) => !PROVINCE.test(v) && anyCodeLabel(v, 'zh') === undefined);
    expect(unnamed).toEqual([]);
  });

  test('every value a story file may choose from (schemes, relations, purposes, rule ids, refusal codes) is named', () => {
    const values = enumValues(z.toJSONSchema(storySchema, { io: 'input', unrepresentable: 'any' }), false);
    expect(values).toContain('not-near-relative');
    expect(values).toContain('CREDIT');
    const unnamed = [...values].filter(
      (v) => !PROVINCE.test(v) && !RULE.test(v) && anyCodeLabel(v, 'zh') === undefined,
    );
    expect(unnamed).toEqual([]);
  });

  test('every refusal code the rules can return has a label', () => {
    const dir = join(import.meta.dirname, '../../src/rules');
    const codes = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/refuse\(\s*'[A-Z]\d+',\s*'([a-z-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((c) => !Object.hasOwn(REFUSAL_LABELS, c))).toEqual([]);
  });

  test('the runtime lists of uses, schemes, relations and geographies are named in full', () => {
    for (const u of PERMITTED_USES) expect(labelOf(PURPOSE_LABELS, u, 'zh')).toMatch(CJK);
    for (const s of SCHEMES) expect(labelOf(SCHEME_LABELS, s, 'zh')).toMatch(CJK);
    for (const r of RELATION_KINDS) expect(labelOf(RELATION_LABELS, r, 'zh')).toMatch(CJK);
    for (const g of GEOGRAPHIES) expect(labelOf(GEOGRAPHY_LABELS, g, 'zh')).toMatch(CJK);
  });

  test('ruleIdText names OPEN and CREDIT in the language and keeps R1–R12 and C1–C7 as they are', () => {
    expect(ruleIdText('CREDIT', 'zh')).toBe('每月划入');
    expect(ruleIdText('OPEN', 'en')).toBe('Opening balance');
    for (const id of [...SHARING_RULES, ...CLEARING_RULES]) expect(ruleIdText(id, 'zh')).toBe(id);
    for (const id of [...BOOKKEEPING_IDS, ...POSTING_RULES]) {
      expect(RULE.test(id) || CJK.test(ruleIdText(id, 'zh')), id).toBe(true);
    }
  });

  test('labelOf gives the code back when the table does not name it, and is not fooled by inherited keys', () => {
    expect(labelOf(SCHEME_LABELS, 'resident', 'zh')).toBe('城乡居民医保');
    expect(labelOf(SCHEME_LABELS, 'martian', 'zh')).toBe('martian');
    expect(labelOf(SCHEME_LABELS, 'toString', 'en')).toBe('toString');
    expect(anyCodeLabel('constructor', 'zh')).toBeUndefined();
  });
});
