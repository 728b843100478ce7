/**
 * Command-line parts the Node commands share (命令行参数): options parsed with Node's own
 * `util.parseArgs` (unknown options refused), the scale `1:k`, and a scenario file loaded and
 * validated before any work starts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_SCALE } from '../population/generate';
import { formatScenarioErrors } from '../scenario/errors';
import { loadScenarioFile } from '../scenario/node';
import type { Scenario } from '../scenario/schema';

/** Parses `argv` by `options`; a wrong option throws a message that ends with the usage line. */
export function readOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
  usage: string,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'] {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${usage}`, { cause: e });
  }
}

/** k of a scale written `1:k`, k a whole number from 1 to MAX_SCALE. */
export function parseScale(text: string, usage: string): number {
  const m = /^1:(\d+)$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_SCALE)) {
    throw new Error(`--scale "${text}" must look like 1:1000, with k from 1 to ${MAX_SCALE}\n${usage}`);
  }
  return k;
}

/** A whole number ≥ `min` given as option `name`. */
export function parseWhole(text: string, name: string, min: number, usage: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} "${text}" must be a whole number ≥ ${min}\n${usage}`);
  return n;
}

/** Loads and validates a scenario file; an invalid file stops here with every bad field listed. */
export async function loadValidScenario(path: string): Promise<Scenario> {
  const result = await loadScenarioFile(path);
  if (!result.ok) throw new Error(`the scenario is not valid:\n${formatScenarioErrors(result.errors)}`);
  return result.scenario;
}

/** A confidence in (0, 1) given as option `name`, written as a fraction (0.95) or a percentage (95%). */
export function parseConfidence(text: string, name: string, usage: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const c = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(c > 0 && c < 1)) {
    throw new Error(
      `--${name} "${text}" must be a number between 0 and 1 (e.g. 0.95) or a percentage (e.g. 95%)\n${usage}`,
    );
  }
  return c;
}
