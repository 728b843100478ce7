/**
 * The tools of the hostile-input fuzz suites (模糊测试工具): fast-check settings from the environment,
 * hostile values, keys and mutations of a JSON file, text corruption, and the checks every case must
 * pass (no exception, bounded errors, bounded time, untouched prototypes).
 *
 * `FUZZ_SEED=<n>` replays a run (fast-check prints the seed and path of a failure); `FUZZ_RUNS=<k>`
 * multiplies every suite's number of cases (e.g. 10 for a long soak); `FUZZ_REPORT=1` prints each
 * suite's count and slowest case.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { lineColumn, MAX_DEPTH, MAX_ERRORS, QUOTE_LENGTH, type ScenarioError } from '../../src/scenario';

/** fast-check's parameters for a suite of `numRuns` cases, with the seed from FUZZ_SEED when set. */
export function fuzzParameters(numRuns: number): { numRuns: number; seed?: number } {
  const seed = process.env.FUZZ_SEED;
  const scale = Number(process.env.FUZZ_RUNS ?? 1) || 1;
  return { numRuns: Math.round(numRuns * scale), ...(seed ? { seed: Number(seed) } : {}) };
}

/** The longest any one case may take, in milliseconds. */
export const CASE_MS = 2000;
/** The longest English or Chinese text of one error. */
export const ERROR_TEXT = 1200;
/** The longest path of one error: every level of the deepest accepted nesting quoted and cut. */
export const ERROR_PATH = MAX_DEPTH * (QUOTE_LENGTH + 30);

/** Codes that may come with the empty path: they concern the file as a whole. */
const WHOLE_FILE = new Set(['json-syntax', 'too-many-errors', 'wrong-type', 'inconsistent', 'file']);

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

/** Every own property of the built-in prototypes, with its descriptor, to compare after a case. */
export function prototypeSnapshot(): unknown[] {
  return PROTOTYPES.map((p) =>
    Object.getOwnPropertyNames(p).map((name) => {
      const d = Object.getOwnPropertyDescriptor(p, name)!;
      return [name, d.value, d.get, d.set];
    }),
  );
}

/** Fails when a case has added, removed or replaced a property of a built-in prototype. */
export function expectPrototypesUnchanged(before: unknown[]): void {
  const after = prototypeSnapshot() as unknown[][][];
  const was = before as unknown[][][];
  // Compare identities, not deep equality: a replaced function must count as a change.
  const same = after.every(
    (props, i) =>
      props.length === was[i]!.length &&
      props.every((p, j) => p.every((x, k) => Object.is(x, was[i]![j]![k]))),
  );
  if (!same) expect(after).toEqual(was);
  expect(same).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** What is wrong with one error, as texts (none when it is sound). */
function errorFaults(e: ScenarioError): string[] {
  const faults: string[] = [];
  const at = `${e.code} at ${e.path.slice(0, 80)}: ${e.en.slice(0, 120)}`;
  if (typeof e.path !== 'string') faults.push(`path is not a text: ${at}`);
  else if (e.path === '' && !WHOLE_FILE.has(e.code)) faults.push(`no path for a field error: ${at}`);
  if (e.path.length > ERROR_PATH) faults.push(`path of ${e.path.length} characters: ${at}`);
  if (!e.en || !e.zh) faults.push(`a language is missing: ${at}`);
  if (e.en.length > ERROR_TEXT || e.zh.length > ERROR_TEXT)
    faults.push(`text of ${e.en.length}/${e.zh.length} characters: ${at}`);
  if (e.code === 'json-syntax') {
    if (!/^not valid JSON at line \d+, column \d+: /.test(e.en)) faults.push(`no line and column: ${at}`);
    if (!/^不是有效的 JSON（第 \d+ 行第 \d+ 列）：/.test(e.zh))
      faults.push(`no line and column in Chinese: ${at}`);
  }
  return faults;
}

/** Fails unless each error has a path or concerns the whole file, short texts in both languages, and a position for a syntax error. */
export function expectSoundErrors(errors: readonly ScenarioError[]): void {
  const faults = errors.flatMap(errorFaults);
  if (errors.length === 0) faults.push('a refusal without errors');
  if (errors.length > MAX_ERRORS + 1) faults.push(`${errors.length} errors`);
  expect(faults).toEqual([]);
}

/** How many cases a suite ran and how long the slowest took. */
export class CaseClock {
  count = 0;
  slowestMs = 0;
  totalMs = 0;

  /** Runs one case, fails it when it takes longer than {@link CASE_MS}, and returns its result. */
  time<T>(run: () => T): T {
    const start = performance.now();
    const result = run();
    const ms = performance.now() - start;
    this.count++;
    this.totalMs += ms;
    this.slowestMs = Math.max(this.slowestMs, ms);
    expect(ms).toBeLessThan(CASE_MS);
    return result;
  }

  /**
   * Runs one parser case and checks what every case must satisfy: no exception, within the time,
   * the built-in prototypes untouched, and a refusal's errors sound.
   */
  check<T extends { ok: true } | { ok: false; errors: readonly ScenarioError[] }>(run: () => T): T {
    const before = prototypeSnapshot();
    const result = this.time(run);
    expectPrototypesUnchanged(before);
    if (!result.ok) expectSoundErrors(result.errors);
    return result;
  }

  /** Prints the count and timings when FUZZ_REPORT is set. */
  report(suite: string): void {
    if (!process.env.FUZZ_REPORT) return;
    const mean = this.count ? this.totalMs / this.count : 0;
    console.log(
      `${suite}: ${this.count} cases, ${this.totalMs.toFixed(0)} ms in the parser, mean ${mean.toFixed(2)} ms, slowest ${this.slowestMs.toFixed(1)} ms`,
    );
  }
}

/** A list nested `depth` deep around `inner`. */
export function nestedList(depth: number, inner: unknown = 0): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** An object nested `depth` deep under the key `key`. */
export function nestedObject(depth: number, key = 'a'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
}

/** Defines an own property as JSON.parse does, even for `__proto__`. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Values no scenario field accepts, and values meant to break a parser that trusts its input. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  fc.constantFrom(Infinity, -Infinity, NaN, -0, Number.MAX_VALUE, 5e-324, 1e21, 2 ** 53 + 1),
  fc
    .tuple(
      fc.integer({ min: QUOTE_LENGTH, max: 300_000 }),
      fc.constantFrom('a', '键', '"', '\\', '\u0000', '😀', '\u2028'),
    )
    .map(([n, c]) => c.repeat(n)),
  fc.integer({ min: MAX_DEPTH - 2, max: 5000 }).map((d) => nestedList(d)),
  fc.integer({ min: MAX_DEPTH - 2, max: 2000 }).map((d) => nestedObject(d)),
  fc
    .jsonValue({ maxDepth: 2 })
    .map((v) => JSON.parse(`{"__proto__":${JSON.stringify(v) ?? 'null'}}`) as unknown),
  fc.constantFrom<unknown>(
    { constructor: { prototype: { polluted: 'yes' } } },
    { prototype: { polluted: 'yes' } },
    { toString: 1, valueOf: 1 },
    [{ toString: 1 }],
    { hasOwnProperty: 'no' },
  ),
  fc.array(fc.constantFrom<unknown>({ toString: 1 }, 'x', 0.5, null, [], {}), { maxLength: 14 }),
  fc.integer({ min: 100, max: 30_000 }).map((n) => new Array<number>(n).fill(0.5)),
  fc.integer({ min: 100, max: 30_000 }).map((n) => Array.from({ length: n }, (_, i) => `use-${i}`)),
);

/** Keys meant to reach a prototype, to be long, or to be nearly right. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', ''),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: QUOTE_LENGTH, max: 1_000_000 }).map((n) => 'k'.repeat(n)),
  fc.constantFrom('maxChangesPerDy', 'QUOTAMODEL', 'byProvinces', 'rules.relativeScop', 'behaviour.quota'),
);

/** A path into a JSON value: object keys and list indices. */
export type Path = (string | number)[];

/**
 * The paths of a value's lists and objects and their members (the root is []), down to `maxDepth`
 * levels and at most `maxCount` of them: enough to reach every field of a file, and cheap after a
 * mutation has put a list of thousands, or nested thousands deep, into it.
 */
export function pathsOf(value: unknown, maxDepth = 8, maxCount = 1000): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length > 0 && out.length < maxCount) {
    const [v, path] = stack.pop()!;
    out.push(path);
    if (path.length >= maxDepth || v === null || typeof v !== 'object') continue;
    const entries = Array.isArray(v) ? v.slice(0, 50).map((x, i) => [i, x] as const) : Object.entries(v);
    for (const [k, x] of entries) stack.push([x, [...path, k]]);
  }
  return out;
}

/** One change to a JSON value. */
export type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'wrap'; at: number };

/** Mutations of values: `at` picks a path (modulo the number of paths). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
);

/** The parent and key of a path in `root`, or null when the path no longer leads anywhere. */
function locate(
  root: unknown,
  path: Path,
): { parent: Record<string | number, unknown>; key: string | number } | null {
  let v = root;
  for (const seg of path.slice(0, -1)) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return null;
    v = (v as Record<string | number, unknown>)[seg];
  }
  if (v === null || typeof v !== 'object' || path.length === 0) return null;
  return { parent: v as Record<string | number, unknown>, key: path[path.length - 1]! };
}

/** Applies mutations in turn to a copy of `root` (paths are taken from the value as it is then). */
export function mutate(root: unknown, mutations: readonly Mutation[]): unknown {
  let value = structuredClone(root);
  for (const m of mutations) {
    const paths = pathsOf(value);
    const path = paths[m.at % paths.length]!;
    if (m.kind === 'add') {
      const target = path.length === 0 ? value : locate(value, path)?.parent[path[path.length - 1]!];
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        defineOwn(target, m.key, m.value);
      continue;
    }
    if (path.length === 0) {
      if (m.kind === 'set') value = m.value;
      else if (m.kind === 'wrap') value = [value];
      continue;
    }
    const at = locate(value, path);
    if (!at) continue;
    if (m.kind === 'set') defineOwn(at.parent, String(at.key), m.value);
    else if (m.kind === 'wrap') at.parent[at.key] = { value: at.parent[at.key] };
    else if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
    else delete at.parent[at.key];
  }
  return value;
}

/** Characters that JSON gives meaning to, and some it does not accept. */
const JSON_NOISE = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  'n',
  't',
  'u',
  'e',
  '-',
  '.',
  '0',
  '1',
  ' ',
  '\n',
  '\t',
  '\u0000',
  '\uFEFF',
  'N',
  '/',
  "'",
  '键',
  '\uD800',
];

/** One edit of a text: `at` and `length` are taken modulo the text's length. */
export type TextEdit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number };

/** Edits that corrupt JSON text. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.array(fc.constantFrom(...JSON_NOISE), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...JSON_NOISE) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
);

/** Applies text edits in turn. */
export function corrupt(text: string, edits: readonly TextEdit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else if (e.kind === 'replace') t = t.slice(0, at) + e.text + t.slice(at + 1);
    else if (e.kind === 'truncate') t = t.slice(0, at);
    else t = t.slice(0, at) + t.slice(at, at + e.length) + t.slice(at);
  }
  return t;
}

/**
 * Checks a syntax error against the engine: JSON.parse must refuse the text, and where its message
 * gives a position (Node's V8 often does), the error must name the same line and column.
 */
export function expectSyntaxErrorAgrees(text: string, error: ScenarioError): void {
  let message = '';
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    message = (cause as Error).message;
  }
  expect(message, 'JSON.parse accepted a text the scan refused').not.toBe('');
  const at = /at position (\d+)/.exec(message);
  if (!at) return;
  const { line, column } = lineColumn(text.replace(/^\uFEFF/, ''), Number(at[1]));
  expect(error.en, message).toContain(`at line ${line}, column ${column}:`);
}
