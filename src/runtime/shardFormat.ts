/**
 * The shard format (分片格式), `gongji-shard/1`: what one part of a sharded run leaves on disk, so
 * that the parts, added up, rebuild the run exactly — in Node (`npm run merge`, read with DuckDB) or
 * in the page (read with any Parquet reader).
 *
 * A shard is the folder `shard-IIII-of-NNNN` (1-based i of n, four digits at least), written under
 * a temporary name and renamed into place when complete. It holds three Parquet files, each a part
 * of every sample the run simulates (sample 0 the main run, r + 1 replication r):
 *
 * - `counts.parquet`: one row per sample — `sample` INT32, `seed` STRING, `families`,
 *   `person_months`, `moved_fen` INT64 (weighted by k, as the engine gives them).
 * - `flows.parquet`: the non-empty flow cube cells — `sample`, `month` (0-based in the window),
 *   `sharer_area`, `treatment_area` (indices into the pooling-area table), `use` (index into the
 *   permitted uses) INT32; `amount_fen`, `count`, `squares_yuan2` INT64.
 * - `arrays.parquet`: every other array of the result — `sample` INT32, `array` STRING (one of
 *   {@link SHARD_ARRAYS}), `row` INT32 (the month for the monthly arrays, the pooling area for
 *   `enrolments`), `field` INT32 (the index within the row, as in src/engine/result.ts), `value`
 *   INT64; only non-zero values are written.
 *
 * Every file carries the run's identity in its key-value metadata ({@link identityMetadata}): the
 * format, the scenario (its JSON) and its SHA-256, seed, scale, window, replications, the
 * families at 1:k and this shard's range of them, i/n, the engine version, and the file's table.
 * Parts add up by integer addition (sums of squares stop at 2^53, as the cube does), so the rows of
 * all n shards summed by (sample, key) give the single run's result bit for bit, whatever n.
 */
import { FlowCube, SQUARES_CAP } from '../clearing/flows';
import {
  AGE_BANDS,
  CLASSES,
  emptyResult,
  PROFILE_FIELDS,
  SUMMARY_FIELDS,
  type RangeResult,
} from '../engine/result';
import { SHARING_RULES } from '../rules/ids';
import { PERMITTED_USES } from '../rules/types';
import type { Scenario } from '../scenario/schema';

/** The format's name and version, in every file's metadata under `gongji.format`. */
export const SHARD_FORMAT = 'gongji-shard/1';

/** The tables of a shard, each written as `<name>.parquet`. */
export const SHARD_TABLES = ['counts', 'flows', 'arrays'] as const;

/** A table of a shard. */
export type ShardTable = (typeof SHARD_TABLES)[number];

/**
 * The arrays of a result, by their name in `arrays.parquet`: the result's field and the values per
 * row (a month, or for `enrolments` a pooling area).
 */
export const SHARD_ARRAYS = {
  summary: { of: 'summary', width: SUMMARY_FIELDS },
  refusals: { of: 'refusals', width: SHARING_RULES.length },
  ledger: { of: 'ledger', width: CLASSES.length },
  residual: { of: 'residual', width: 1 },
  beneficiary_profile: { of: 'beneficiaryProfile', width: PROFILE_FIELDS },
  enrolments: { of: 'enrolments', width: AGE_BANDS.length },
} as const satisfies Record<string, { of: keyof RangeResult; width: number }>;

/** An array's name in `arrays.parquet`. */
export type ShardArray = keyof typeof SHARD_ARRAYS;

/** The identity of a shard: which run it is a part of, and which part. */
export interface ShardIdentity {
  /** The validated scenario as JSON (keys in its own order), so a merge needs no scenario file. */
  scenario: string;
  /** Hex SHA-256 of {@link scenario}. */
  scenarioDigest: string;
  seed: string;
  /** k of scale 1:k. */
  scaleK: number;
  /** The scenario's window, `YYYY-MM..YYYY-MM`. */
  window: string;
  /** Replications after the main run. */
  replications: number;
  /** Families in the 1:k sample (all shards). */
  families: number;
  /** 1-based index of this shard. */
  shard: number;
  /** Number of shards of the run. */
  shards: number;
  /** This shard's sample positions [from, to). */
  from: number;
  to: number;
  /** What built the results (package version and a hash of the sources that decide them). */
  engineVersion: string;
}

/** A shard that a merge refuses, named by its folder (or by `shard i of n` when it is missing). */
export class ShardRefusal extends Error {
  constructor(
    /** The shard's folder, or `shard i of n`. */
    readonly shard: string,
    message: string,
  ) {
    super(`${shard}: ${message}`);
    this.name = 'ShardRefusal';
  }
}

/** The folder name of shard i of n: `shard-0003-of-0008`. */
export function shardFolderName(shard: number, shards: number): string {
  const pad = (x: number) => String(x).padStart(4, '0');
  return `shard-${pad(shard)}-of-${pad(shards)}`;
}

/** i and n of a shard folder name, or null when `name` is not one (e.g. a temporary folder). */
export function parseShardFolderName(name: string): { shard: number; shards: number } | null {
  const m = /^shard-(\d{4,})-of-(\d{4,})$/.exec(name);
  if (!m) return null;
  const shard = Number(m[1]);
  const shards = Number(m[2]);
  return shard >= 1 && shard <= shards ? { shard, shards } : null;
}

/** Hex SHA-256 of a text (Web Crypto, in Node and in browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The scenario part of an identity: its JSON and digest, seed and window. */
export async function scenarioIdentity(
  scenario: Scenario,
): Promise<Pick<ShardIdentity, 'scenario' | 'scenarioDigest' | 'seed' | 'window'>> {
  // Keys stay in the validated scenario's order: the order of its uncertainty paths is the order
  // in which replications draw their parameters, so sorting them would change the run.
  const json = JSON.stringify(scenario);
  return {
    scenario: json,
    scenarioDigest: await sha256Hex(json),
    seed: scenario.seed,
    window: `${scenario.window.start}..${scenario.window.end}`,
  };
}

/** Metadata keys of the identity's fields. */
const KEYS = {
  scenario: 'gongji.scenario',
  scenarioDigest: 'gongji.scenario_digest',
  seed: 'gongji.seed',
  scaleK: 'gongji.scale',
  window: 'gongji.window',
  replications: 'gongji.replications',
  families: 'gongji.families',
  shard: 'gongji.shard',
  from: 'gongji.shard_families',
  engineVersion: 'gongji.engine_version',
} as const;

/** The key-value metadata of table `table` of a shard. */
export function identityMetadata(id: ShardIdentity, table: ShardTable): { key: string; value: string }[] {
  return [
    { key: 'gongji.format', value: SHARD_FORMAT },
    { key: 'gongji.table', value: table },
    { key: KEYS.scenario, value: id.scenario },
    { key: KEYS.scenarioDigest, value: id.scenarioDigest },
    { key: KEYS.seed, value: id.seed },
    { key: KEYS.scaleK, value: `1:${id.scaleK}` },
    { key: KEYS.window, value: id.window },
    { key: KEYS.replications, value: String(id.replications) },
    { key: KEYS.families, value: String(id.families) },
    { key: KEYS.shard, value: `${id.shard}/${id.shards}` },
    { key: KEYS.from, value: `${id.from}..${id.to}` },
    { key: KEYS.engineVersion, value: id.engineVersion },
  ];
}

/**
 * The identity in a file's metadata, and the table it says the file holds. Throws a
 * {@link ShardRefusal} naming `shard` and the file when a key is missing or malformed.
 */
export function readIdentity(
  meta: ReadonlyMap<string, string>,
  shard: string,
  file: string,
): { identity: ShardIdentity; table: string } {
  const get = (key: string): string => {
    const v = meta.get(key);
    if (v === undefined)
      throw new ShardRefusal(shard, `${file} has no ${key} in its metadata: not a ${SHARD_FORMAT} file`);
    return v;
  };
  const format = get('gongji.format');
  if (format !== SHARD_FORMAT) {
    throw new ShardRefusal(shard, `${file} is in format ${format}; this version reads ${SHARD_FORMAT}`);
  }
  const whole = (key: string, text: string): number => {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n))
      throw new ShardRefusal(shard, `${file}: ${key} "${text}" is not a whole number`);
    return n;
  };
  const pair = (key: string, re: RegExp): [number, number] => {
    const text = get(key);
    const m = re.exec(text);
    if (!m) throw new ShardRefusal(shard, `${file}: ${key} "${text}" is malformed`);
    return [whole(key, m[1]!), whole(key, m[2]!)];
  };
  const [i, n] = pair(KEYS.shard, /^(\d+)\/(\d+)$/);
  const [from, to] = pair(KEYS.from, /^(\d+)\.\.(\d+)$/);
  const scale = /^1:(\d+)$/.exec(get(KEYS.scaleK));
  if (!scale) throw new ShardRefusal(shard, `${file}: ${KEYS.scaleK} "${get(KEYS.scaleK)}" is malformed`);
  return {
    table: get('gongji.table'),
    identity: {
      scenario: get(KEYS.scenario),
      scenarioDigest: get(KEYS.scenarioDigest),
      seed: get(KEYS.seed),
      scaleK: whole(KEYS.scaleK, scale[1]!),
      window: get(KEYS.window),
      replications: whole(KEYS.replications, get(KEYS.replications)),
      families: whole(KEYS.families, get(KEYS.families)),
      shard: i,
      shards: n,
      from,
      to,
      engineVersion: get(KEYS.engineVersion),
    },
  };
}

/** The run-wide fields of an identity, in the order a mismatch is reported. */
export const RUN_FIELDS = [
  'scenarioDigest',
  'seed',
  'scaleK',
  'window',
  'replications',
  'families',
  'shards',
  'engineVersion',
] as const satisfies readonly (keyof ShardIdentity)[];

/** The first run-wide field in which two identities differ, with both values; null when they are of one run. */
export function runDifference(
  a: ShardIdentity,
  b: ShardIdentity,
): { field: (typeof RUN_FIELDS)[number]; a: string; b: string } | null {
  for (const field of RUN_FIELDS) {
    if (a[field] !== b[field]) return { field, a: String(a[field]), b: String(b[field]) };
  }
  return null;
}

/** Column arrays of a shard's tables, ready for a Parquet writer (INT32, INT64 and STRING columns). */
export type ShardColumns = Record<string, Int32Array | BigInt64Array | string[]>;

/** One simulated sample of a shard: its index (0 the main run), seed and result over the shard's families. */
export interface ShardSample {
  index: number;
  seed: string;
  result: RangeResult;
}

/** A whole number as INT64, refused (naming `what`) unless it is a safe integer. */
function int64(x: number, what: string): bigint {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be a whole number below 2^53, got ${x}`);
  return BigInt(x);
}

/** The three tables of a shard's samples, as columns. */
export function shardColumns(samples: readonly ShardSample[]): Record<ShardTable, ShardColumns> {
  const counts = {
    sample: Int32Array.from(samples, (s) => s.index),
    seed: samples.map((s) => s.seed),
    families: BigInt64Array.from(samples, (s) => int64(s.result.families, 'families')),
    person_months: BigInt64Array.from(samples, (s) => int64(s.result.personMonths, 'person_months')),
    moved_fen: BigInt64Array.from(samples, (s) => int64(s.result.movedFen, 'moved_fen')),
  };
  const cells = samples.map((s) => s.result.flows.columns());
  const cellCount = cells.reduce((n, c) => n + c.month.length, 0);
  const flows = {
    sample: new Int32Array(cellCount),
    month: new Int32Array(cellCount),
    sharer_area: new Int32Array(cellCount),
    treatment_area: new Int32Array(cellCount),
    use: new Int32Array(cellCount),
    amount_fen: new BigInt64Array(cellCount),
    count: new BigInt64Array(cellCount),
    squares_yuan2: new BigInt64Array(cellCount),
  };
  let at = 0;
  cells.forEach((c, s) => {
    const n = c.month.length;
    flows.sample.fill(samples[s]!.index, at, at + n);
    flows.month.set(c.month, at);
    flows.sharer_area.set(c.sharerArea, at);
    flows.treatment_area.set(c.treatmentArea, at);
    flows.use.set(c.use, at);
    for (let i = 0; i < n; i++) {
      flows.amount_fen[at + i] = int64(c.amountFen[i]!, 'amount_fen');
      flows.count[at + i] = int64(c.count[i]!, 'count');
      flows.squares_yuan2[at + i] = int64(c.squaresYuan2[i]!, 'squares_yuan2');
    }
    at += n;
  });
  const rows: { sample: number; array: ShardArray; row: number; field: number; value: bigint }[] = [];
  for (const s of samples) {
    for (const array of Object.keys(SHARD_ARRAYS) as ShardArray[]) {
      const { of, width } = SHARD_ARRAYS[array];
      s.result[of].forEach((v, i) => {
        if (v !== 0) {
          const row = Math.floor(i / width);
          rows.push({ sample: s.index, array, row, field: i - row * width, value: int64(v, array) });
        }
      });
    }
  }
  const arrays = {
    sample: Int32Array.from(rows, (r) => r.sample),
    array: rows.map((r) => r.array),
    row: Int32Array.from(rows, (r) => r.row),
    field: Int32Array.from(rows, (r) => r.field),
    value: BigInt64Array.from(rows, (r) => r.value),
  };
  return { counts, flows, arrays };
}

/** The rows of one sample read back from shards, as plain numbers (one or many shards' rows, summed or not). */
export interface SampleRows {
  counts: { families: number[]; personMonths: number[]; movedFen: number[] };
  flows: {
    month: ArrayLike<number>;
    sharerArea: ArrayLike<number>;
    treatmentArea: ArrayLike<number>;
    use: ArrayLike<number>;
    amountFen: ArrayLike<number>;
    count: ArrayLike<number>;
    squaresYuan2: ArrayLike<number>;
  };
  arrays: {
    array: readonly string[];
    row: ArrayLike<number>;
    field: ArrayLike<number>;
    value: ArrayLike<number>;
  };
}

/**
 * Rebuilds a sample's result from its rows: every row is added in (so the rows of several shards
 * may be given unsummed, or summed by a database first), checking that each lies inside the window,
 * the area table and its array, and that every sum is a whole number below 2^53.
 */
export function resultFromRows(
  rows: SampleRows,
  shape: { months: number; areas: number; scaleK: number },
): RangeResult {
  const { months, areas } = shape;
  const result = emptyResult(months, areas, shape.scaleK);
  const whole = (x: number, what: string): number => {
    if (!Number.isSafeInteger(x)) throw new RangeError(`${what}: ${x} is not a whole number below 2^53`);
    return x;
  };
  const add = (a: number, b: number, what: string) => whole(a + whole(b, what), what);
  rows.counts.families.forEach((x) => (result.families = add(result.families, x, 'families')));
  rows.counts.personMonths.forEach(
    (x) => (result.personMonths = add(result.personMonths, x, 'person_months')),
  );
  rows.counts.movedFen.forEach((x) => (result.movedFen = add(result.movedFen, x, 'moved_fen')));

  const f = rows.flows;
  const n = f.month.length;
  const uses = PERMITTED_USES.length;
  const key = new Int32Array(n);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = f.month[i]!;
    const s = f.sharerArea[i]!;
    const t = f.treatmentArea[i]!;
    const u = f.use[i]!;
    if (!(m >= 0 && m < months && s >= 0 && s < areas && t >= 0 && t < areas && u >= 0 && u < uses)) {
      throw new RangeError(`flow cell out of range: month ${m}, areas ${s}→${t}, use ${u}`);
    }
    key[i] = ((m * areas + s) * areas + t) * uses + u;
    squares[i] = Math.min(f.squaresYuan2[i]!, SQUARES_CAP);
  }
  result.flows = new FlowCube(months, areas, n).addPackedCells({
    key,
    amountFen: Float64Array.from(f.amountFen),
    count: Float64Array.from(f.count),
    squaresYuan2: squares,
  });

  const a = rows.arrays;
  for (let i = 0; i < a.row.length; i++) {
    const name = a.array[i]!;
    if (!Object.hasOwn(SHARD_ARRAYS, name)) throw new RangeError(`arrays: no array "${name}"`);
    const { of, width } = SHARD_ARRAYS[name as ShardArray];
    const target = result[of];
    const row = a.row[i]!;
    const field = a.field[i]!;
    if (!(row >= 0 && field >= 0 && field < width && (row + 1) * width <= target.length)) {
      throw new RangeError(`arrays ${name}: row ${row}, field ${field} is outside the array`);
    }
    const at = row * width + field;
    target[at] = add(target[at]!, a.value[i]!, `arrays ${name}`);
  }
  return result;
}
