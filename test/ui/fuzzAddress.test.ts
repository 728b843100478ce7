import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
  PARAMETER_PATHS,
  parseScenario,
  PROVINCE_CODES,
  QUOTE_LENGTH,
  type Scenario,
} from '../../src/scenario';
import { comparePath, readCompareState } from '../../src/ui/compare/address';
import { editScenario } from '../../src/ui/compare/edit';
import { resolveLang, workspaceFromHash } from '../../src/ui/location';
import { readPrepaymentState } from '../../src/ui/prepayment/address';
import { readFamily, readPlace, readStep } from '../../src/ui/trainer/address';
import { readValidationScale } from '../../src/ui/validation/address';
import {
  CaseClock,
  expectPrototypesUnchanged,
  expectSoundErrors,
  fuzzParameters,
  hostileKey,
  hostileValue,
  prototypeSnapshot,
} from '../scenario/fuzzKit';
import { rawScenario, scenarioFiles } from '../scenario/helpers';

const SCENARIOS = new Map<string, Scenario>(
  scenarioFiles().map((f) => {
    const r = parseScenario(rawScenario(f.replace(/\.json$/, '')));
    if (!r.ok) throw new Error(`${f} must parse`);
    return [r.scenario.id, r.scenario];
  }),
);
const IDS = [...SCENARIOS.keys()];
const PARAMETERS = new Set(PARAMETER_PATHS);
const clock = new CaseClock();
afterAll(() => clock.report('fuzzAddress'));

/** The longest text of one parameter: an address is at most 2 MB in Chromium, and shorter in practice. */
const LONGEST = 20_000;
const short = (text: string) => text.slice(0, LONGEST);
/** A text as an address carries it: lone surrogates (which no URL can encode) become U+FFFD. */
const encode = (text: string) =>
  encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/** JSON text of a hostile value (cut to LONGEST), or brackets nested deep when JSON cannot write it. */
const valueText: fc.Arbitrary<string> = fc.oneof(
  hostileValue.map((v) => {
    try {
      return short(JSON.stringify(v) ?? 'undefined');
    } catch {
      return '['.repeat(5000);
    }
  }),
  fc.constantFrom(
    '"yes"',
    '{"toString":1}',
    '[{"toString":1}]',
    '1e400',
    'NaN',
    '',
    '{bad',
    '[[[[[[',
    'null',
  ),
  fc.string({ maxLength: 30 }),
);

/** Paths a `set=` may name: parameters, prototype paths, long and random ones. */
const setPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PARAMETER_PATHS),
  fc.constantFrom(
    '__proto__.polluted',
    '__proto__',
    'constructor.prototype.polluted',
    '__proto__.toString',
    'prototype',
    'rules.__proto__.x',
    'rules',
    'notes.x',
  ),
  hostileKey.map(short),
  fc.array(hostileKey, { minLength: 1, maxLength: 4 }).map((keys) => short(keys.join('.'))),
);

/** One `name=value` of a query, URL-encoded or raw. */
const parameter: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(setPath, valueText).map(([p, v]) => `set=${encode(`${p}:${v}`)}`),
  fc.tuple(setPath, valueText).map(([p, v]) => `set=${p}:${v}`),
  fc.constantFrom(...IDS, 'edited', 'nope', '__proto__').map((id) => `edit=${id}`),
  fc
    .array(fc.constantFrom(...IDS, 'edited', '', '__proto__', 'constructor'), { maxLength: 5 })
    .map((ids) => `run=${ids.join(',')}`),
  fc
    .tuple(
      fc.constantFrom(
        'scale',
        'seed',
        'lang',
        'pscenario',
        'pscale',
        'preps',
        'pconf',
        'pprovince',
        'story',
        'step',
        'family',
        'vscale',
        '__proto__',
        'constructor',
      ),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('1000', '1', '-1', '1e400', 'NaN', '0.95', '44', 'en', 'zh', '99999999999999999999'),
        hostileKey,
      ),
    )
    .map(([n, v]) => `${n}=${encode(v)}`),
  fc.string({ maxLength: 20 }),
);

/** A query string of hostile parameters. */
const query: fc.Arbitrary<string> = fc.array(parameter, { maxLength: 8 }).map((ps) => `?${ps.join('&')}`);

describe('hostile addresses', () => {
  test('every workspace reads any query without an exception, and set= only ever reaches parameters', () => {
    fc.assert(
      fc.property(query, fc.string({ maxLength: 20 }), (search, hash) => {
        const before = prototypeSnapshot();
        clock.time(() => {
          const state = readCompareState(search, IDS);
          readPrepaymentState(search, IDS, [...PROVINCE_CODES], 'baseline-2026');
          readStep(search);
          readFamily(search);
          readPlace(search, ['a', 'b'], () => 3);
          readValidationScale(search);
          resolveLang(search, null);
          workspaceFromHash(hash);
          for (const x of state?.ignored ?? []) expect(x.value.length).toBeLessThanOrEqual(QUOTE_LENGTH + 25);
          if (!state?.edit) return;
          const { values, refused = [] } = state.edit;
          expect(Object.keys(values).filter((p) => !PARAMETERS.has(p))).toEqual([]);
          expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
          for (const r of refused) expect(r.path.length).toBeLessThanOrEqual(QUOTE_LENGTH + 25);
          const { result } = editScenario(SCENARIOS.get(state.edit.base)!, values);
          if (!result.ok) expectSoundErrors(result.errors);
          // What the workspace writes back reads the same, with nothing refused.
          const again = readCompareState(new URL(comparePath('http://h/', state), 'http://h/').search, IDS);
          expect(JSON.stringify(again?.edit?.values)).toBe(JSON.stringify(values));
          expect(again?.edit?.refused).toEqual([]);
        });
        expectPrototypesUnchanged(before);
      }),
      fuzzParameters(1400),
    );
  });
});
