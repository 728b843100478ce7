/**
 * Fuzzing the command-line parsers (issue 25): argument vectors built from the real flags, unknown
 * and prototype-named flags and hostile values, given to the parsers only (no simulation runs).
 * Every call returns arguments within the documented bounds or throws the project's ArgumentError
 * naming its flag and ending with the usage line, quickly, without touching a global prototype; each
 * numeric flag accepts exactly the plain decimal numbers in its range.
 *
 * Seeds: fast-check prints the seed and path of a failing case; FUZZ_SEED=<seed> replays it, and
 * FUZZ_RUNS=<factor> multiplies every suite's number of cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, LIMITS } from '../../src/cli/args';
import { parseSimulateArgs, type SimulateArgs } from '../../src/cli/simulate';
import { parseValidateArgs } from '../../src/cli/validate';

/** fast-check options: `runs` cases (times FUZZ_RUNS), the seed from FUZZ_SEED when set. */
function fuzzOptions(runs: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: Math.round(runs * Number(process.env.FUZZ_RUNS ?? 1)),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  };
}

/** A parse must take less than this many milliseconds (it takes microseconds). */
const PARSE_BOUND_MS = 1_000;

const SIMULATE_FLAGS = [
  'scenario',
  'scale',
  'replications',
  'confidence',
  'workers',
  'out',
  'trace',
] as const;
const ODD_FLAGS = [
  '--__proto__',
  '--constructor',
  '--toString',
  '--hasOwnProperty',
  '--polluted',
  '--Scenario',
  '---json',
  '--',
  '-',
  '-x',
  '-json',
  '--json=1',
  '--json=',
  '--workers=',
  '--no-json',
  '--speed',
];

/** Strings that look like numbers, or nearly. */
const numberish: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^\d{0,12}$/),
  fc.string({ unit: fc.constantFrom(...'0123456789.-+eExXabo_ ,:%\t'), maxLength: 10 }),
  fc.integer({ min: -10, max: 2_000_000_000 }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    ' ',
    '0x2',
    '0b1',
    '1e3',
    '2.0',
    '+2',
    '-0',
    '1,,2',
    ',',
    '1,',
    ',1',
    '1:1000',
    '1:0x10',
    '95%',
    '.95',
    '０',
    '٣',
  ),
);

/** Any value: number-like, random text, or hostile constants. */
const anyValue: fc.Arbitrary<string> = fc.oneof(
  numberish,
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '{"__proto__":{"polluted":1}}',
    '/proc/x',
    '-',
    '--',
    '\u0000',
    'a'.repeat(10_000),
  ),
);

/** One option with a value (separate or inline), a bare flag, an odd flag or a stray value. */
const token: fc.Arbitrary<string[]> = fc.oneof(
  {
    arbitrary: fc.tuple(fc.constantFrom(...SIMULATE_FLAGS), anyValue).map(([f, v]) => [`--${f}`, v]),
    weight: 6,
  },
  {
    arbitrary: fc.tuple(fc.constantFrom(...SIMULATE_FLAGS), anyValue).map(([f, v]) => [`--${f}=${v}`]),
    weight: 2,
  },
  { arbitrary: fc.constant<string[]>(['--json']), weight: 1 },
  { arbitrary: fc.constantFrom(...ODD_FLAGS).map((f) => [f]), weight: 1 },
  { arbitrary: anyValue.map((v) => [v]), weight: 1 },
);

/** An argument vector of a few tokens. */
const argv: fc.Arbitrary<string[]> = fc.array(token, { maxLength: 8 }).map((ts) => ts.flat());

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();

/**
 * Calls `parse(args)`: returns its result, or null after checking that it threw an ArgumentError
 * naming its flag and ending with `usage`; within {@link PARSE_BOUND_MS} and without a change to
 * Object.prototype. Any other exception fails the test.
 */
function parsed<T>(parse: (args: string[]) => T, args: string[], usage: string): T | null {
  const started = performance.now();
  let result: T | null = null;
  try {
    result = parse(args);
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    expect(e.message.endsWith(usage) || e.message.includes(`\n${usage}`), e.message).toBe(true);
    if (e.flag !== null) expect(e.message).toContain(`--${e.flag}`);
  }
  const ms = performance.now() - started;
  if (ms >= PARSE_BOUND_MS) expect(ms).toBeLessThan(PARSE_BOUND_MS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames) {
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeNames);
  }
  return result;
}

const SIMULATE_USAGE = 'usage: npm run simulate';

/** The documented bounds of every parsed field. */
function expectWithinBounds(a: SimulateArgs): void {
  const whole = (x: number, min: number, max: number): boolean => Number.isInteger(x) && x >= min && x <= max;
  // Exactly one of a scenario and a sweep, never empty.
  expect((a.scenario === null) !== (a.sweep === null)).toBe(true);
  expect((a.scenario ?? a.sweep ?? '').length).toBeGreaterThan(0);
  expect(whole(a.scaleK, 1, 10_000)).toBe(true);
  expect(whole(a.replications, 0, LIMITS.replications)).toBe(true);
  expect(whole(a.workers, 1, LIMITS.workers)).toBe(true);
  expect(a.confidence > 0 && a.confidence < 1).toBe(true);
  expect(a.out === null || a.out.length > 0).toBe(true);
  expect(typeof a.json).toBe('boolean');
  expect(a.trace.length).toBeLessThanOrEqual(LIMITS.traceFamilies);
  expect(new Set(a.trace).size).toBe(a.trace.length);
  expect(a.trace.every((p) => whole(p, 0, LIMITS.tracePosition))).toBe(true);
}

/** How each numeric flag is expected to read a value: the number, or null when it must refuse it. */
const ORACLES: Record<string, { read: (a: SimulateArgs) => unknown; expected: (v: string) => unknown }> = {
  replications: {
    read: (a) => a.replications,
    expected: (v) => (/^\d+$/.test(v) && Number(v) <= LIMITS.replications ? Number(v) : null),
  },
  workers: {
    read: (a) => a.workers,
    expected: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= LIMITS.workers ? Number(v) : null),
  },
  scale: {
    read: (a) => a.scaleK,
    expected: (v) => {
      const m = /^1:(\d+)$/.exec(v);
      return m && Number(m[1]) >= 1 && Number(m[1]) <= 10_000 ? Number(m[1]) : null;
    },
  },
  confidence: {
    read: (a) => a.confidence,
    expected: (v) => {
      const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
      const c = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
      return c > 0 && c < 1 ? c : null;
    },
  },
  trace: {
    read: (a) => a.trace,
    expected: (v) => {
      const items = v.split(',');
      const ok =
        items.length <= LIMITS.traceFamilies &&
        items.every((x) => /^\d+$/.test(x) && Number(x) <= LIMITS.tracePosition) &&
        new Set(items.map(Number)).size === items.length;
      return ok ? items.map(Number) : null;
    },
  },
};

describe('fuzz: command-line parsers', () => {
  it('parseSimulateArgs returns arguments within the bounds or throws an ArgumentError naming its flag', () => {
    fc.assert(
      fc.property(argv, (args) => {
        const a = parsed(parseSimulateArgs, args, SIMULATE_USAGE);
        if (a) expectWithinBounds(a);
      }),
      fuzzOptions(900),
    );
  });

  it('parseValidateArgs returns a scenario and a scale or throws an ArgumentError naming its flag', () => {
    fc.assert(
      fc.property(argv, (args) => {
        const a = parsed(parseValidateArgs, args, 'usage: npm run validate');
        if (a) {
          expect(a.scenario.length).toBeGreaterThan(0);
          expect(Number.isInteger(a.scaleK) && a.scaleK >= 1 && a.scaleK <= 10_000).toBe(true);
        }
      }),
      fuzzOptions(500),
    );
  });

  it('each numeric flag accepts exactly the plain decimal values in its range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(ORACLES)),
        fc.oneof(
          numberish,
          numberish.map((v) => v.split('').join(',')),
        ),
        fc.boolean(),
        (flag, value, inline) => {
          const args = ['--scenario', 's.json', ...(inline ? [`--${flag}=${value}`] : [`--${flag}`, value])];
          const a = parsed(parseSimulateArgs, args, SIMULATE_USAGE);
          const { read, expected } = ORACLES[flag]!;
          expect(a === null ? null : read(a)).toEqual(expected(value));
        },
      ),
      fuzzOptions(1500),
    );
  });

  it('a flag given twice is refused, naming it, whatever its values', () => {
    const valid: Record<(typeof SIMULATE_FLAGS)[number], fc.Arbitrary<string>> = {
      scenario: fc.constantFrom('s.json', 'scenarios/baseline-2026.json'),
      scale: fc.integer({ min: 1, max: 10_000 }).map((k) => `1:${k}`),
      replications: fc.integer({ min: 0, max: LIMITS.replications }).map(String),
      confidence: fc.constantFrom('0.9', '95%', '0.5'),
      workers: fc.integer({ min: 1, max: LIMITS.workers }).map(String),
      out: fc.constantFrom('out', 'out/run'),
      trace: fc.uniqueArray(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 5 }).map((t) => t.join(',')),
    };
    const options = fc.record(valid, { requiredKeys: ['scenario'] });
    fc.assert(
      fc.property(options, fc.nat(), fc.nat(), (given, pick, at) => {
        const flags = Object.keys(given) as (keyof typeof valid)[];
        const args = flags.flatMap((f) => [`--${f}`, given[f]!]);
        const twice = flags[pick % flags.length]!;
        const spot = 2 * (at % (flags.length + 1));
        args.splice(spot, 0, `--${twice}`, given[twice]!);
        let error: unknown = null;
        try {
          parseSimulateArgs(args);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ArgumentError);
        expect((error as ArgumentError).flag).toBe(twice);
        expect((error as ArgumentError).message).toMatch(`--${twice} 只能给一次 / is given more than once`);
      }),
      fuzzOptions(300),
    );
  });
});
