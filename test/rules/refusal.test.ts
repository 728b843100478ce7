import { describe, expect, test } from 'vitest';
import { isRefusal, refuse } from '../../src/rules';
import { REFUSAL_CASES } from './refusals';

describe('refusals (拒绝)', () => {
  for (const c of REFUSAL_CASES) {
    test(`${c.rule} refuses ${c.what}, saying why in Chinese and English`, () => {
      expect(c.make()).toEqual({ ok: false, rule: c.rule, code: c.code, message: { zh: c.zh, en: c.en } });
      // Each text names its rule: in full-width brackets in Chinese, in brackets in English.
      expect(c.zh).toContain(`（${c.rule}`);
      expect(c.en).toContain(`(${c.rule}`);
    });
  }

  test('refuse builds a refusal that posts nothing: ok false, the rule, the code and both texts', () => {
    expect(refuse('R5', 'duplicate-relationship', '中文', 'English')).toEqual({
      ok: false,
      rule: 'R5',
      code: 'duplicate-relationship',
      message: { zh: '中文', en: 'English' },
    });
  });

  test('isRefusal tells a refusal from an allowed outcome and from values that are not outcomes', () => {
    expect(isRefusal(refuse('R1', 'sharer-has-no-account', '中文', 'English'))).toBe(true);
    expect(isRefusal({ ok: false })).toBe(true);
    expect(isRefusal({ ok: true, postings: [] })).toBe(false);
    expect(isRefusal({})).toBe(false);
    expect(isRefusal(null)).toBe(false);
    expect(isRefusal(undefined)).toBe(false);
    expect(isRefusal(false)).toBe(false);
    expect(isRefusal('refused')).toBe(false);
    expect(isRefusal(Object.assign(() => 0, { ok: false }))).toBe(false);
  });
});
