/**
 * Merging shards (分片合并), the same in Node and in the page: check that a set of shards is one run
 * and all of it — every shard 1 to n exactly once, of one scenario, seed, scale, window,
 * replications and engine, each covering its own part of the families — then rebuild each sample by
 * adding the shards' rows and run the scenario over those samples as if it had simulated them:
 * clearing, claims and the prepayment model run exactly as in a single run, so the result, its
 * digest and its tables are the single run's.
 */
import { windowMonths } from '../engine/input';
import type { RangeResult } from '../engine/result';
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { sampleSize } from '../population/generate';
import { formatScenarioErrors } from '../scenario/errors';
import { parseScenario } from '../scenario/parse';
import { runScenario, type ScenarioRun, type ScenarioRunOptions } from './scenarioRun';
import {
  resultFromRows,
  RUN_FIELDS,
  runDifference,
  ShardRefusal,
  sha256Hex,
  shardFolderName,
  type SampleRows,
  type ShardIdentity,
} from './shardFormat';
import { shardRange } from './shardRun';

/** A shard found on disk (or picked in the page): its label for messages and its identity. */
export interface FoundShard {
  /** Where it is, as messages name it (its folder). */
  label: string;
  identity: ShardIdentity;
}

/** A run-wide field's name in messages. */
const FIELD_NAMES: Record<string, string> = {
  scenarioDigest: 'scenario digest',
  seed: 'seed',
  scaleK: 'scale 1:k, k',
  window: 'window',
  replications: 'replications',
  families: 'families',
  shards: 'shard count n',
  engineVersion: 'engine version',
};

/**
 * Checks that `found` is one whole run and returns its shards in order 1…n. Refuses, with a
 * {@link ShardRefusal} naming the shard: none at all; a shard of another run (the run is the one
 * most shards agree on; the first field that differs is named); a shard given twice; a shard whose
 * range of families is not its part; a missing shard (`halfWritten` lists temporary folders, named
 * in the message when one is of the missing shard).
 */
export function checkShardSet(
  found: readonly FoundShard[],
  halfWritten: readonly string[] = [],
): FoundShard[] {
  if (found.length === 0) throw new ShardRefusal('(no shard)', 'no shard folder was found');
  const key = (s: FoundShard) => JSON.stringify(RUN_FIELDS.map((f) => s.identity[f]));
  const groups = new Map<string, FoundShard[]>();
  for (const s of found) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  const run = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
  const reference = run[0]!.identity;
  for (const s of found) {
    const d = runDifference(reference, s.identity);
    if (d) {
      throw new ShardRefusal(
        s.label,
        `belongs to another run: its ${FIELD_NAMES[d.field]} is ${d.b}, but ${d.a} in the other ${run.length} shard(s) (e.g. ${run[0]!.label})`,
      );
    }
  }
  const n = reference.shards;
  const byIndex = new Map<number, FoundShard>();
  for (const s of found) {
    const twin = byIndex.get(s.identity.shard);
    if (twin) {
      throw new ShardRefusal(
        s.label,
        `shard ${s.identity.shard} of ${n} is there twice: ${twin.label} and ${s.label}`,
      );
    }
    byIndex.set(s.identity.shard, s);
    const part = shardRange(reference.families, s.identity.shard, n);
    if (part.from !== s.identity.from || part.to !== s.identity.to) {
      throw new ShardRefusal(
        s.label,
        `holds families ${s.identity.from}..${s.identity.to}, but shard ${s.identity.shard} of ${n} is ${part.from}..${part.to}`,
      );
    }
  }
  const ordered: FoundShard[] = [];
  for (let i = 1; i <= n; i++) {
    const s = byIndex.get(i);
    if (!s) {
      const name = shardFolderName(i, n);
      const partial = halfWritten.filter((h) => h.split('/').pop()!.startsWith(`${name}.`));
      throw new ShardRefusal(
        `shard ${i} of ${n}`,
        `is missing: no folder ${name} beside ${run[0]!.label}` +
          (partial.length > 0
            ? ` (only a half-written copy: ${partial.join(', ')}; run the shard again)`
            : ''),
      );
    }
    ordered.push(s);
  }
  return ordered;
}

/** Reads the rows of one sample from all shards (summed or not: {@link resultFromRows} adds them). */
export type ReadSample = (sample: number) => Promise<{ rows: SampleRows; seeds: readonly string[] }>;

/**
 * Runs the scenario of a checked shard set over its merged samples: the scenario is read back from
 * the shards (and its digest checked), each sample rebuilt from `readSample` when the run asks for
 * it (so one sample is held at a time), and clearing and the prepayment model run as in
 * {@link runScenario}.
 */
export async function runMergedScenario(
  identity: ShardIdentity,
  population: { dataset: Dataset; model: PopulationModel },
  readSample: ReadSample,
  options: Omit<ScenarioRunOptions, 'scaleK' | 'replications' | 'onProgress'>,
): Promise<ScenarioRun> {
  const label = `shards of ${identity.scenarioDigest.slice(0, 12)}`;
  if ((await sha256Hex(identity.scenario)) !== identity.scenarioDigest) {
    throw new ShardRefusal(label, 'the scenario in the shards does not match its digest');
  }
  const parsed = parseScenario(JSON.parse(identity.scenario));
  if (!parsed.ok) {
    throw new ShardRefusal(
      label,
      `the scenario in the shards is not valid in this copy:\n${formatScenarioErrors(parsed.errors)}`,
    );
  }
  const families = sampleSize(population.model, identity.scaleK);
  if (families !== identity.families) {
    throw new ShardRefusal(
      label,
      `the shards have ${identity.families} families at 1:${identity.scaleK}, but this copy's population has ${families}: its data or family model differ`,
    );
  }
  let next = 0;
  return runScenario(
    parsed.scenario,
    population,
    async (input): Promise<RangeResult> => {
      const sample = next++;
      const { rows, seeds } = await readSample(sample);
      const wrong = seeds.find((s) => s !== input.seed);
      if (seeds.length === 0 || wrong !== undefined) {
        throw new ShardRefusal(
          label,
          `sample ${sample} was simulated at seed ${wrong ?? '(none)'}, not ${input.seed}`,
        );
      }
      return resultFromRows(rows, {
        months: windowMonths(input.window).length,
        areas: input.areaCount,
        scaleK: input.scaleK,
      });
    },
    { ...options, scaleK: identity.scaleK, replications: identity.replications },
  );
}
