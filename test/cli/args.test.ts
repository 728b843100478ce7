import { describe, expect, test } from 'vitest';
import {
  ArgumentError,
  LIMITS,
  parseConfidence,
  parseWhole,
  parseWholeList,
  readOptions,
} from '../../src/cli/args';
import { parseSimulateArgs } from '../../src/cli/simulate';
import { parseValidateArgs } from '../../src/cli/validate';

/** The ArgumentError `run` throws (failing the test when it throws something else or nothing). */
function refusal(run: () => unknown): ArgumentError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ArgumentError);
    return e as ArgumentError;
  }
  throw new Error('accepted');
}

const base = ['--scenario', 's.json'];

describe('parseWhole', () => {
  test('parseWhole reads plain decimal digits within the range', () => {
    expect(parseWhole('0', 'n', 0, 5, 'usage')).toBe(0);
    expect(parseWhole('5', 'n', 0, 5, 'usage')).toBe(5);
    expect(parseWhole('007', 'n', 0, 9, 'usage')).toBe(7);
  });

  test('parseWhole refuses "", 0x2, signs, spaces, decimals and exponents that Number() would read', () => {
    for (const text of ['', '0x2', '+2', '-0', ' 2', '2 ', '2.0', '1e1', '0b1', 'Infinity', '２']) {
      expect(() => parseWhole(text, 'n', 0, 100, 'usage'), JSON.stringify(text)).toThrow(ArgumentError);
    }
  });

  test('parseWhole names the flag, the value and the range, in Chinese and English, then the usage', () => {
    const e = refusal(() => parseWhole('65', 'workers', 1, 64, 'usage: x'));
    expect(e.flag).toBe('workers');
    expect(e.message).toBe(
      '--workers "65": 须为 1 至 64 的整数（只用数字） / must be a whole number from 1 to 64, in digits\nusage: x',
    );
  });
});

describe('parseWholeList', () => {
  const range = { min: 0, max: 9, maxItems: 3 };

  test('parseWholeList refuses an empty item instead of reading it as 0', () => {
    expect(parseWholeList('1,0,2', 'trace', range, 'u')).toEqual([1, 0, 2]);
    expect(refusal(() => parseWholeList('1,,2', 'trace', range, 'u')).message).toMatch(
      /--trace "1,,2": 第 2 项为空 \/ item 2 is empty/,
    );
    expect(() => parseWholeList('1,', 'trace', range, 'u')).toThrow(/item 2 is empty/);
    expect(() => parseWholeList('1, 2', 'trace', range, 'u')).toThrow(ArgumentError);
  });

  test('parseWholeList refuses too many items and an item twice', () => {
    expect(() => parseWholeList('1,2,3,4', 'trace', range, 'u')).toThrow(/at most 3/);
    expect(() => parseWholeList('1,2,1', 'trace', range, 'u')).toThrow(/1 appears twice/);
  });
});

describe('readOptions', () => {
  const options = { out: { type: 'string' }, json: { type: 'boolean' } } as const;

  test('readOptions refuses a repeated option, naming it, instead of keeping the last', () => {
    const e = refusal(() => readOptions(['--out', 'a', '--out', 'b'], options, 'usage: x'));
    expect(e.flag).toBe('out');
    expect(e.message).toBe('--out 只能给一次 / is given more than once\nusage: x');
    expect(() => readOptions(['--json', '--json'], options, 'u')).toThrow(/--json .*more than once/);
  });

  test('readOptions refuses an empty value', () => {
    expect(refusal(() => readOptions(['--out='], options, 'u')).message).toMatch(/--out .*empty value/);
    expect(() => readOptions(['--out', ''], options, 'u')).toThrow(/empty value/);
  });

  test('readOptions turns unknown options and positionals into ArgumentErrors with the usage', () => {
    for (const argv of [['--speed', '1'], ['x'], ['--json=1'], ['--out'], ['--__proto__', '1']]) {
      expect(refusal(() => readOptions(argv, options, 'usage: x')).message).toMatch(/usage: x$/);
    }
  });
});

describe('parseConfidence', () => {
  test('parseConfidence reads 0.95 and 95% and refuses spaces, exponents and the ends', () => {
    expect(parseConfidence('0.95', 'confidence', 'u')).toBe(0.95);
    expect(parseConfidence('95%', 'confidence', 'u')).toBe(0.95);
    for (const text of [' 0.95', '9.5e-1', '0', '1', '100%', '.95', '0x1']) {
      expect(() => parseConfidence(text, 'confidence', 'u'), text).toThrow(ArgumentError);
    }
  });
});

describe('parseSimulateArgs (issue 25)', () => {
  test('--replications "" is refused, not read as 0', () => {
    expect(() => parseSimulateArgs([...base, '--replications', ''])).toThrow(/--replications/);
    expect(() => parseSimulateArgs([...base, '--replications='])).toThrow(/--replications/);
  });

  test('--replications 0x2 is refused, not read as 2', () => {
    expect(() => parseSimulateArgs([...base, '--replications', '0x2'])).toThrow(
      /--replications "0x2".*from 0 to 1000/,
    );
  });

  test('--trace 1,,2 is refused, not read as [1, 0, 2]', () => {
    expect(() => parseSimulateArgs([...base, '--trace', '1,,2'])).toThrow(/item 2 is empty/);
    expect(parseSimulateArgs([...base, '--trace', '1,0,2']).trace).toEqual([1, 0, 2]);
  });

  test('a repeated flag is refused, naming it', () => {
    expect(() => parseSimulateArgs([...base, '--workers', '1', '--workers', '2'])).toThrow(
      /--workers .*more than once/,
    );
    expect(() => parseSimulateArgs(['--scenario', 'a.json', '--scenario', 'b.json'])).toThrow(/--scenario/);
  });

  test('--workers and --replications have upper bounds, named with the value in the error', () => {
    expect(parseSimulateArgs([...base, '--workers', String(LIMITS.workers)]).workers).toBe(64);
    expect(() => parseSimulateArgs([...base, '--workers', '65'])).toThrow(
      '--workers "65": 须为 1 至 64 的整数（只用数字） / must be a whole number from 1 to 64, in digits',
    );
    expect(() => parseSimulateArgs([...base, '--workers', '0'])).toThrow(/from 1 to 64/);
    expect(parseSimulateArgs([...base, '--replications', '1000']).replications).toBe(1000);
    expect(() => parseSimulateArgs([...base, '--replications', '1001'])).toThrow(
      /--replications "1001".*from 0 to 1000/,
    );
    expect(() => parseSimulateArgs([...base, '--trace', '1000000000'])).toThrow(/from 0 to 999999999/);
    const many = Array.from({ length: 101 }, (_, i) => i).join(',');
    expect(() => parseSimulateArgs([...base, '--trace', many])).toThrow(/at most 100/);
  });

  test('the default workers stay within the bound', () => {
    const { workers } = parseSimulateArgs(base);
    expect(workers).toBeGreaterThanOrEqual(1);
    expect(workers).toBeLessThanOrEqual(LIMITS.workers);
  });
});

describe('parseValidateArgs', () => {
  test('parseValidateArgs reads scenario, scale and json', () => {
    expect(parseValidateArgs([...base, '--scale', '1:200', '--json'])).toEqual({
      scenario: 's.json',
      scaleK: 200,
      seeds: 1,
      json: true,
    });
    expect(parseValidateArgs(base).scaleK).toBe(1000);
  });

  test('parseValidateArgs refuses a repeated flag, an empty value and a missing scenario', () => {
    expect(() => parseValidateArgs([...base, '--scale', '1:10', '--scale', '1:20'])).toThrow(
      /--scale .*more than once/,
    );
    expect(() => parseValidateArgs(['--scenario', ''])).toThrow(/empty value/);
    expect(() => parseValidateArgs(['--json'])).toThrow(/--scenario .*is required/);
    expect(() => parseValidateArgs([...base, '--scale', '1:0x10'])).toThrow(/must look like 1:1000/);
  });
});
