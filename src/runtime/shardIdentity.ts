/**
 * The identity of a shard (分片身份): which run a shard is a part of and which part, as carried in the
 * key-value metadata of each of its files and read back from them; the names of shard folders; and
 * the run-wide fields in which two shards must agree to be merged. The format as a whole is
 * described in `shardFormat.ts`.
 */
import type { Scenario } from '../scenario/schema';
import type { ShardTable } from './shardLayout';

/** The format's name and version, in every file's metadata under `gongji.format`. */
export const SHARD_FORMAT = 'gongji-shard/1';

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
