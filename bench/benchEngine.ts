/**
 * The engine section of `npm run bench` (引擎基准): simulated person-months per second on one core
 * for the baseline 2026 scenario, with and without the time spent generating the families, next to
 * a raw reference loop measured in the same run (one xoshiro128** draw and one typed-array update
 * per person-month, over the same number of person-months). It also splits a family's time into
 * generating it, loading it (members, candidate pairs, care rates) and its month loop, beside the
 * time a family may take at the target speed, and says what a family holds and does on average
 * (members, candidate pairs, account holders, relationships set up, bills met with shared money), so
 * that a time per family can be read against the work in it.
 */
import { readFileSync } from 'node:fs';
import { engineInput, simulateRange } from '../src/engine';
import { loadFamily } from '../src/engine/family';
import { prepare } from '../src/engine/prepare';
import { CHUNK_FAMILIES } from '../src/engine/range';
import { SUMMARY, SUMMARY_FIELDS } from '../src/engine/result';
import { FamilyState } from '../src/engine/state';
import type { PopulationModel } from '../src/population/calibration';
import type { Dataset } from '../src/population/dataset';
import { chunkSource, type ChunkSource, sampleSize } from '../src/population/generate';
import { streamKey } from '../src/population/random';
import { formatScenarioErrors, parseScenarioText, toEngineParameters } from '../src/scenario';

/** One measured figure, as bench.ts prints it. */
export interface EngineFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** The raw reference: one xoshiro128** draw and one typed-array add per person-month; returns a checksum so it is not optimised away. */
export function referenceLoop(personMonths: number, state: Int32Array, out: Float64Array): number {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const mask = out.length - 1;
  for (let k = 0; k < personMonths; k++) {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[k & mask] = out[k & mask]! + (r >>> 24);
  }
  state.set([s0, s1, s2, s3]);
  return out[0]!;
}

/** Raw-loop person-months per second on this core, best of `repeats` over `personMonths` after a warm-up. */
export function referenceRate(personMonths: number, repeats: number): number {
  const out = new Float64Array(1024);
  const state = Int32Array.from([1, 2, 3, 4]);
  let best = Infinity;
  for (let r = 0; r <= repeats; r++) {
    const t0 = performance.now();
    referenceLoop(personMonths, state, out);
    if (r > 0) best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return personMonths / best;
}

/** What the engine does for a family on average, beside the time it takes (see {@link engineFigures}). */
interface FamilyWork {
  members: number;
  pairs: number;
  holders: number;
  relationships: number;
  bills: number;
}

/**
 * Counts, over the whole sample, the members, candidate pairs and account holders the engine loads
 * (an untimed pass), and takes the relationships set up and the bills met from the run's summary.
 */
function workPerFamily(
  chunks: ChunkSource,
  family: FamilyState,
  families: number,
  summary: ArrayLike<number>,
  scaleK: number,
): FamilyWork {
  let members = 0;
  let pairs = 0;
  let holders = 0;
  for (let first = 0; first < families; first += CHUNK_FAMILIES) {
    const chunk = chunks(first, Math.min(CHUNK_FAMILIES, families - first));
    for (let j = 0; j < chunk.familyCount; j++) {
      loadFamily(family, chunk, j);
      members += family.members.count;
      pairs += family.pairs.count;
      holders += family.accounts.holderCount;
    }
  }
  const total = (field: number) => {
    let sum = 0;
    for (let i = field; i < summary.length; i += SUMMARY_FIELDS) sum += summary[i]!;
    return sum / scaleK / families;
  };
  return {
    members: members / families,
    pairs: pairs / families,
    holders: holders / families,
    relationships: total(SUMMARY.setUp) + total(SUMMARY.setUpStock),
    bills: total(SUMMARY.bills),
  };
}

/** Measures the engine on the baseline scenario at 1:k over the whole sample, `repeats` times after a warm-up. */
export function engineFigures(
  model: PopulationModel,
  dataset: Dataset,
  scaleK: number,
  repeats: number,
): EngineFigure[] {
  const file = new URL('../scenarios/baseline-2026.json', import.meta.url);
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(formatScenarioErrors(parsed.errors));
  const input = engineInput(toEngineParameters(parsed.scenario), model, dataset, scaleK);
  const families = sampleSize(model, scaleK);
  const key = streamKey(input.seed);
  const best = (f: () => number) => {
    let t = Infinity;
    for (let r = 0; r <= repeats; r++) {
      const t0 = performance.now();
      f();
      if (r > 0) t = Math.min(t, (performance.now() - t0) / 1000);
    }
    return t;
  };
  let personMonths = 0;
  let summary: ArrayLike<number> = [];
  const whole = best(() => {
    const result = simulateRange(input, 0, families);
    personMonths = result.personMonths / scaleK;
    summary = result.summary;
    return personMonths;
  });
  // Generation alone, then generation and loading, over the same chunk buffers the engine uses.
  const chunks = chunkSource(model, key, scaleK, CHUNK_FAMILIES);
  const family = new FamilyState(prepare(input));
  const generateAndLoad = (load: boolean) => () => {
    let n = 0;
    for (let first = 0; first < families; first += CHUNK_FAMILIES) {
      const chunk = chunks(first, Math.min(CHUNK_FAMILIES, families - first));
      if (load) for (let j = 0; j < chunk.familyCount; j++) loadFamily(family, chunk, j);
      n += chunk.personCount;
    }
    return n;
  };
  const generation = best(generateAndLoad(false));
  const loading = Math.max(0, best(generateAndLoad(true)) - generation);
  const work = workPerFamily(chunks, family, families, summary, input.scaleK);
  const out = new Float64Array(1024);
  const state = Int32Array.from([1, 2, 3, 4]);
  const reference = best(() => referenceLoop(personMonths, state, out));
  const rate = personMonths / whole;
  const engineOnly = personMonths / Math.max(1e-9, whole - generation);
  const f = (k: string, label: string, value: number, unit = ''): EngineFigure => ({
    key: k,
    label,
    value,
    unit,
  });
  const micros = (seconds: number) => (seconds / families) * 1e6;
  return [
    f('scaleK', '规模 scale 1:k, k =', scaleK),
    f('families', '家庭 families', families),
    f('personMonths', '人月 person-months (baseline-2026)', personMonths),
    f('personMonthsPerSecond', '引擎含生成 engine with generation (best)', rate, 'person-months/s'),
    f('engineOnlyPerSecond', '引擎不含生成 engine alone (best)', engineOnly, 'person-months/s'),
    f('referencePerSecond', '参考循环 raw loop (best)', personMonths / reference, 'person-months/s'),
    f('ratioToReference', '引擎/参考 engine with generation ÷ raw loop', rate / (personMonths / reference)),
    f('generationPerFamily', '每户生成 generating a family', micros(generation), 'µs'),
    f('loadingPerFamily', '每户载入 loading a family', micros(loading), 'µs'),
    f(
      'monthLoopPerFamily',
      "每户逐月模拟 a family's month loop",
      micros(Math.max(0, whole - generation - loading)),
      'µs',
    ),
    f('membersPerFamily', '每户成员 members of a family', work.members),
    f('pairsPerFamily', '每户候选对 candidate sharer-relative pairs', work.pairs),
    f('holdersPerFamily', '每户账户持有人 account holders', work.holders),
    f('relationshipsPerFamily', '每户建立关系 relationships set up', work.relationships),
    f('billsPerFamily', '每户共济支付 bills met with shared money', work.bills),
  ];
}
