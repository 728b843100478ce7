/**
 * Command-line parts the Node commands share (命令行参数): options parsed with Node's own
 * `util.parseArgs` (unknown options refused, and here also an option given twice or with an empty
 * value), numbers written as plain decimals within documented bounds, the scale `1:k`, and a scenario
 * file loaded and validated before any work starts. Every refusal is an {@link ArgumentError} that
 * names the flag and the value, says what is allowed in Chinese and English, and ends with the usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_SCALE } from '../population/generate';
import { formatScenarioErrors } from '../scenario/errors';
import { loadScenarioFile } from '../scenario/node';
import type { Scenario } from '../scenario/schema';

/** A command line the command refuses (命令行参数错误); `flag` is the option at fault, without dashes. */
export class ArgumentError extends Error {
  readonly flag: string | null;

  constructor(message: string, flag: string | null = null, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ArgumentError';
    this.flag = flag;
  }
}

/**
 * Upper bounds of the numeric options (数值参数上限), as README.md states them. Results do not
 * depend on the number of workers; each takes about 50 MB (16 workers took 821 MB), so 64 is far
 * beyond what helps. Each replication reruns the whole simulation; the workbench offers up to 100.
 */
export const LIMITS = {
  /** `--workers`: 1 to 64 worker threads. */
  workers: 64,
  /** `--replications`: 0 to 1,000 reruns for the prepayment model. */
  replications: 1000,
  /** `--trace`: at most 100 families, each traced by a run of its own. */
  traceFamilies: 100,
  /** `--trace`: sample positions 0 to 999,999,999 (and below the families at 1:k). */
  tracePosition: 999_999_999,
  /** Benchmark `--runs`: 1 (or the warm-up passes + 1) to 1,000. */
  runs: 1000,
  /** Benchmark `--rounds`: 1 to 100. */
  rounds: 100,
  /** `npm run bench` `--repeats`: 1 to 100 timed repeats after the warm-up. */
  repeats: 100,
} as const;

/** `message` about option `name` and its value, in Chinese then English, then the usage line. */
function refusal(name: string, text: string, zh: string, en: string, usage: string): ArgumentError {
  return new ArgumentError(`--${name} "${text}": ${zh} / ${en}\n${usage}`, name);
}

/**
 * Parses `argv` by `options`. Refuses, with a message that ends with the usage line: an unknown
 * option, a positional argument, a missing value, a value for a flag without one, an option given
 * more than once (Node's parser would keep the last silently) and an empty value (`--out ""`).
 */
export function readOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
  usage: string,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'] {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ArgumentError(`命令行参数有误 / bad arguments: ${why}\n${usage}`, null, { cause: e });
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) {
      throw new ArgumentError(`--${token.name} 只能给一次 / is given more than once\n${usage}`, token.name);
    }
    seen.add(token.name);
    if (token.value === '') {
      throw new ArgumentError(`--${token.name} 的值为空 / has an empty value\n${usage}`, token.name);
    }
  }
  return parsed.values;
}

/** k of a scale written `1:k`, k a whole number (decimal digits) from 1 to MAX_SCALE. */
export function parseScale(text: string, usage: string): number {
  const m = /^1:(\d+)$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_SCALE)) {
    throw refusal(
      'scale',
      text,
      `须形如 1:1000，k 为 1 至 ${MAX_SCALE} 的整数`,
      `must look like 1:1000, with k from 1 to ${MAX_SCALE}`,
      usage,
    );
  }
  return k;
}

/**
 * A whole number from `min` to `max` given as option `name`, written in decimal digits only: no
 * sign, spaces, decimal point, exponent or `0x` (so `""` is not 0 and `0x2` is not 2).
 */
export function parseWhole(text: string, name: string, min: number, max: number, usage: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    throw refusal(
      name,
      text,
      `须为 ${min} 至 ${max} 的整数（只用数字）`,
      `must be a whole number from ${min} to ${max}, in digits`,
      usage,
    );
  }
  return n;
}

/**
 * A comma-separated list of whole numbers from `min` to `max` given as option `name`: at most
 * `maxItems` items, none empty (`1,,2` is refused, not read as 0) and none twice.
 */
export function parseWholeList(
  text: string,
  name: string,
  range: { min: number; max: number; maxItems: number },
  usage: string,
): number[] {
  const items = text.split(',');
  if (items.length > range.maxItems) {
    throw refusal(
      name,
      text,
      `最多 ${range.maxItems} 项，实有 ${items.length} 项`,
      `has ${items.length} items; at most ${range.maxItems} are allowed`,
      usage,
    );
  }
  const out: number[] = [];
  for (const [i, item] of items.entries()) {
    if (item === '') {
      throw refusal(name, text, `第 ${i + 1} 项为空`, `item ${i + 1} is empty`, usage);
    }
    const n = parseWhole(item, name, range.min, range.max, usage);
    if (out.includes(n)) throw refusal(name, text, `${n} 出现两次`, `${n} appears twice`, usage);
    out.push(n);
  }
  return out;
}

/** Loads and validates a scenario file; an invalid file stops here with every bad field listed. */
export async function loadValidScenario(path: string): Promise<Scenario> {
  const result = await loadScenarioFile(path);
  if (!result.ok) throw new Error(`the scenario is not valid:\n${formatScenarioErrors(result.errors)}`);
  return result.scenario;
}

/**
 * A confidence strictly between 0 and 1 given as option `name`, written as a decimal fraction
 * (0.95) or a decimal percentage (95%), without spaces, sign or exponent.
 */
export function parseConfidence(text: string, name: string, usage: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text);
  const c = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(c > 0 && c < 1)) {
    throw refusal(
      name,
      text,
      '须为 0 与 1 之间的小数（如 0.95）或百分数（如 95%）',
      'must be a number between 0 and 1 (e.g. 0.95) or a percentage (e.g. 95%)',
      usage,
    );
  }
  return c;
}
