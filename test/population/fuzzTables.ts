/**
 * Helpers of the data-table fuzz suites (数据表模糊测试): the committed tables as rows, mutations
 * described as plain objects (so fast-check prints a failing case readably), hostile cell values,
 * and one check every load must pass: it returns a sane dataset or throws the project's DataError
 * whose problems name a file (and a line and column of that file), in bounded time, without
 * touching any global prototype.
 *
 * Seeds: fast-check prints the seed and path of a failing case; FUZZ_SEED=<seed> replays it, and
 * FUZZ_RUNS=<factor> multiplies every suite's number of cases (e.g. 10 for a long run).
 */
import { csvFormatRows, csvParseRows } from 'd3';
import fc from 'fast-check';
import { expect } from 'vitest';
import { DataError, formatProblem } from '../../src/population/dataError';
import { type Dataset, DATA_FILES } from '../../src/population/dataset';
import { loadDataset, loadOdInputs } from '../../src/population/loader';
import { committed } from './helpers';

/** fast-check options: `runs` cases (times FUZZ_RUNS), the seed from FUZZ_SEED when set. */
export function fuzzOptions(runs: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: Math.round(runs * Number(process.env.FUZZ_RUNS ?? 1)),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  };
}

/** Every data file, by name. */
export const FILES: readonly string[] = Object.values(DATA_FILES);

/** The committed text of every file, read once. */
export const TEXTS: ReadonlyMap<string, string> = new Map(FILES.map((f) => [f, committed(f)]));

/** The committed rows of every file (header first), parsed once; copy before changing. */
export const ROWS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map(
  FILES.map((f) => [f, csvParseRows(TEXTS.get(f)!)]),
);

/** Numeric columns of each file (counts and numbers), where a non-finite value must be refused. */
export const NUMERIC_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [DATA_FILES.provinces]: [
    'population_2020',
    'age_0_14',
    'age_15_64',
    'age_65_plus',
    'age_60_plus',
    'inflow_2020',
    'wage_2023_yuan',
    'prefecture_count',
    'capital_lat',
    'capital_lon',
  ],
  [DATA_FILES.poolingAreas]: ['weight'],
  [DATA_FILES.od]: ROWS.get(DATA_FILES.od)![0]!.slice(1),
  [DATA_FILES.targets]: ['value'],
  [DATA_FILES.corridors]: ['value'],
  [DATA_FILES.directSettlement]: ['year', 'person_times', 'amount_yuan', 'q1_factor', 'bill_cv'],
};

/** Values that numbers in JavaScript or spreadsheets read as something other than a finite number. */
export const NON_FINITE = ['1e999', '-1e999', '1E+400', '9e9999', 'Infinity', '-Infinity', 'NaN', '1e309'];

/** Cell values known to trip parsers: non-finite and odd numbers, prototype keys, quotes, controls. */
export const HOSTILE_VALUES = [
  ...NON_FINITE,
  '0x1F',
  '0b11',
  '0o7',
  '1_000',
  '1,000',
  '',
  ' ',
  '-1',
  '-0',
  '+1',
  '0',
  '1.5',
  '.5',
  '5.',
  '1e-400',
  '9007199254740993',
  '99999999999999999999999',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'polluted',
  '{"__proto__":{"polluted":1}}',
  '"',
  '""',
  'a"b',
  ',',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '１２',
  '١٢',
  'null',
  'true',
  '=1+1',
  '11',
  '44',
  '000000',
];

/** A hostile value of modest size: known trouble, random text, numbers of every shape. */
const smallHostileCell: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 6 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 2 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000_000 }).map(String), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String), weight: 1 },
);

/** A hostile cell: known trouble, random text, numbers of every shape, or (rarely) a huge cell. */
export const hostileCell: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 6 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 2 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000_000 }).map(String), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('9', 'x', '"', ',', '\n', '1e'), fc.integer({ min: 1_000, max: 200_000 }))
      .map(([s, n]) => s.repeat(n)),
    weight: 1,
  },
);

/** A change to a table's rows; indices are taken modulo the table's size when applied. */
export type RowMutation =
  | { kind: 'cell'; row: number; col: number; value: string }
  | { kind: 'swap-cells'; row: number; other: number; col: number }
  | { kind: 'remove-row'; row: number }
  | { kind: 'duplicate-row'; row: number }
  | { kind: 'move-row'; row: number; to: number }
  | { kind: 'rename-column'; col: number; name: string }
  | { kind: 'drop-column'; col: number }
  | { kind: 'add-column'; name: string; value: string }
  | { kind: 'short-row'; row: number }
  | { kind: 'long-row'; row: number; value: string }
  | { kind: 'blank-rows'; row: number; count: number };

/** A change to the file's text after its rows are written out. */
export type TextMutation =
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'no-final-newline' }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-all'; text: string };

const index = fc.nat({ max: 10_000 });
const headerName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', '', ' code2 ', 'CODE2', 'polluted', 'origin', 'value', 'name'),
  fc.string({ maxLength: 8 }),
);

/** Any row mutation. */
export const rowMutation: fc.Arbitrary<RowMutation> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('cell'), row: index, col: index, value: hostileCell }),
    weight: 6,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('swap-cells'), row: index, other: index, col: index }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove-row'), row: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate-row'), row: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('move-row'), row: index, to: index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('rename-column'), col: index, name: headerName }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('drop-column'), col: index }), weight: 1 },
  {
    // The value goes into every row: a huge one would make a file of tens of megabytes.
    arbitrary: fc.record({ kind: fc.constant('add-column'), name: headerName, value: smallHostileCell }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('short-row'), row: index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('long-row'), row: index, value: hostileCell }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('blank-rows'),
      row: index,
      count: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 1,
  },
);

/** Any text mutation. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('bom') }),
  fc.record({ kind: fc.constant('crlf') }),
  fc.record({ kind: fc.constant('cr') }),
  fc.record({ kind: fc.constant('no-final-newline') }),
  fc.record({ kind: fc.constant('truncate'), at: index }),
  fc.record({
    kind: fc.constant('insert'),
    at: index,
    text: fc.oneof(fc.constantFrom('"', '\n', '\r', ',', '""', '\uFEFF', '"\n"'), hostileCell),
  }),
  fc.record({
    kind: fc.constant('replace-all'),
    text: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 })),
  }),
);

/** Applies `m` to `rows` in place. */
export function applyRowMutation(rows: string[][], m: RowMutation): void {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  if (n === 0) return;
  // Data rows are 1 … n − 1; row 0 is the header, which only column mutations touch.
  const data = (i: number): number => (n > 1 ? 1 + (i % (n - 1)) : 0);
  switch (m.kind) {
    case 'cell': {
      const r = rows[m.row % n]!;
      if (r.length > 0) r[m.col % r.length] = m.value;
      break;
    }
    case 'swap-cells': {
      const a = rows[data(m.row)]!;
      const b = rows[data(m.other)]!;
      const c = m.col % Math.max(1, width);
      [a[c], b[c]] = [b[c] ?? '', a[c] ?? ''];
      break;
    }
    case 'remove-row':
      rows.splice(data(m.row), 1);
      break;
    case 'duplicate-row':
      rows.push([...rows[data(m.row)]!]);
      break;
    case 'move-row': {
      const [r] = rows.splice(data(m.row), 1);
      rows.splice(data(m.to), 0, r!);
      break;
    }
    case 'rename-column':
      if (width > 0) rows[0]![m.col % width] = m.name;
      break;
    case 'drop-column':
      if (width > 0) for (const r of rows) r.splice(m.col % width, 1);
      break;
    case 'add-column':
      rows.forEach((r, i) => r.push(i === 0 ? m.name : m.value));
      break;
    case 'short-row':
      rows[data(m.row)]!.pop();
      break;
    case 'long-row':
      rows[data(m.row)]!.push(m.value);
      break;
    case 'blank-rows':
      rows.splice(data(m.row), 0, ...Array.from({ length: m.count }, () => ['']));
      break;
  }
}

/** Applies `m` to `text`. */
export function applyTextMutation(text: string, m: TextMutation): string {
  switch (m.kind) {
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'cr':
      return text.replace(/\n/g, '\r');
    case 'no-final-newline': {
      // A loop, not /[\r\n]+$/, which backtracks quadratically over a cell of many line breaks.
      let end = text.length;
      while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      return text.slice(0, end);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace-all':
      return m.text;
  }
}

/** The file's committed rows with `rows` applied, written out as CSV, then `text` applied. */
export function mutated(
  file: string,
  rows: readonly RowMutation[],
  text: readonly TextMutation[] = [],
): string {
  const copy = ROWS.get(file)!.map((r) => [...r]);
  for (const m of rows) applyRowMutation(copy, m);
  let out = `${csvFormatRows(copy)}\n`;
  for (const m of text) out = applyTextMutation(out, m);
  return out;
}

/** What one load did: the dataset or the DataError, and its time. */
export interface Outcome {
  dataset: Dataset | null;
  corridors: number | null;
  error: DataError | null;
  ms: number;
}

/** A load must finish within this many milliseconds (a clean load takes about 2 ms). */
export const LOAD_BOUND_MS = 2_000;

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const arrayPrototypeNames = Object.getOwnPropertyNames(Array.prototype).sort().join();

/**
 * Loads with `file` replaced by `text`: the dataset, and for corridors.csv and provinces.csv also the
 * matrix builder's inputs. Any exception other than a DataError fails the test.
 */
export function load(file: string, text: string): Outcome {
  const read = (name: string): string => (name === file ? text : TEXTS.get(name)!);
  const started = performance.now();
  let dataset: Dataset | null = null;
  let corridors: number | null = null;
  let error: DataError | null = null;
  try {
    if (file !== DATA_FILES.corridors) dataset = loadDataset(read);
    if (file === DATA_FILES.corridors || file === DATA_FILES.provinces)
      corridors = loadOdInputs(read).corridors.length;
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    error = e;
  }
  return { dataset, corridors, error, ms: performance.now() - started };
}

/** The trimmed names of a CSV text's header row, read up to its first line break outside quotes. */
function headerOf(text: string): ReadonlySet<string> {
  let quoted = false;
  let end = 0;
  for (; end < text.length; end++) {
    const c = text[end];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
  }
  return new Set((csvParseRows(text.slice(0, end).replace(/^\uFEFF/, ''))[0] ?? []).map((h) => h.trim()));
}

/** Line breaks as the CSV reader counts them. */
function lineCount(text: string): number {
  return (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/**
 * The checks every load must pass: a DataError whose every problem names a data file, a line of it
 * (0 for the whole file) and, for a problem on a data row, a column of its header; the error's message
 * shows the first problem; or else a dataset without a non-finite or negative number. Both within
 * {@link LOAD_BOUND_MS}, and no global prototype changed.
 */
export function expectWellFormed(outcome: Outcome, file: string, text: string): void {
  if (outcome.ms >= LOAD_BOUND_MS) expect(outcome.ms).toBeLessThan(LOAD_BOUND_MS);
  const polluted = ({} as Record<string, unknown>).polluted;
  const objectNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const arrayNames = Object.getOwnPropertyNames(Array.prototype).sort().join();
  if (polluted !== undefined || objectNames !== prototypeNames || arrayNames !== arrayPrototypeNames) {
    expect({ polluted, objectNames, arrayNames }).toEqual({
      polluted: undefined,
      objectNames: prototypeNames,
      arrayNames: arrayPrototypeNames,
    });
  }
  if (outcome.error) {
    const { problems, message } = outcome.error;
    expect(problems.length).toBeGreaterThan(0);
    expect(message).toContain(formatProblem(problems[0]!));
    const own = (name: string): string => (name === file ? text : TEXTS.get(name)!);
    const facts = new Map<string, { lines: number; header: ReadonlySet<string> }>();
    const of = (name: string): { lines: number; header: ReadonlySet<string> } => {
      let f = facts.get(name);
      if (!f) {
        f = { lines: lineCount(own(name)), header: headerOf(own(name)) };
        facts.set(name, f);
      }
      return f;
    };
    // Plain checks first, one expect for the lot: a load may report a thousand problems.
    const bad = problems.filter(
      (p) =>
        !FILES.includes(p.file) ||
        !Number.isInteger(p.line) ||
        p.line < 0 ||
        p.line > of(p.file).lines ||
        typeof p.column !== 'string' ||
        typeof p.message !== 'string' ||
        p.message.length === 0 ||
        (p.line > 1 && p.column !== '' && !of(p.file).header.has(p.column)),
    );
    expect(bad.map(formatProblem)).toEqual([]);
    return;
  }
  const ds = outcome.dataset;
  if (!ds) return;
  const finite = (x: number): boolean => Number.isFinite(x) && x >= 0;
  const insane = [
    ...ds.provinces
      .filter(
        (p) =>
          ![
            p.population,
            p.age0to14,
            p.age15to64,
            p.age65plus,
            p.inflow,
            p.wageYuan,
            p.prefectureCount,
          ].every(finite) || !(Number.isFinite(p.capitalLat) && Number.isFinite(p.capitalLon)),
      )
      .map((p) => `province ${p.code2}`),
    ...ds.poolingAreas
      .filter((a) => !(finite(a.weight) && a.weight > 0))
      .map((a) => `pooling area ${a.code}`),
    ...(ds.od.every(finite) ? [] : ['od']),
    ...ds.targets.filter((t) => !finite(t.value)).map((t) => `target ${t.name}`),
    ...ds.directSettlement
      .filter((d) => ![d.year, d.personTimes, d.amountYuan, d.q1Factor, d.billCv].every(finite))
      .map((d) => `direct settlement ${d.type}`),
  ];
  expect(insane).toEqual([]);
}
