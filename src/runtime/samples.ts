/**
 * The samples of a scenario (方案样本): the main run at the scenario's seed and its own values, then
 * each replication r at seed `deriveSeed(seed, r)` and, when the scenario gives ranges, with the
 * parameters drawn for r (src/scenario/uncertainty.ts). Each sample is simulated, checked for exact
 * sums (src/runtime/exactness.ts) and handed to the caller one at a time, so that no more than one
 * simulated result is held at once. Scenario runs, differences and sweeps read their samples here, so
 * two scenarios at the same seed pair up sample by sample.
 */
import { deriveSeed } from '../clearing/replications';
import type { RangeResult } from '../engine';
import { engineInput, type EngineInput } from '../engine/input';
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { toEngineParameters } from '../scenario/convert';
import type { Scenario } from '../scenario/schema';
import { drawParameters } from '../scenario/uncertainty';
import { checkExactness, preflightExactness } from './exactness';
import type { RunProgress } from './progress';

/** Simulates every family of an input's 1:k sample (on a pool, or in this thread). */
export type Simulate = (
  input: EngineInput,
  options: { onProgress?: (p: RunProgress) => void; signal?: AbortSignal },
) => Promise<RangeResult>;

/** One simulated sample of a scenario. */
export interface Sample {
  /** 0: the main run; r + 1: replication r. */
  index: number;
  seed: string;
  /** The scenario as simulated (with the drawn parameters set, for a replication of a ranged scenario). */
  scenario: Scenario;
  input: EngineInput;
  result: RangeResult;
  /** The values at the paths the scenario gives ranges for (the main run: its own; empty without ranges). */
  parameters: Record<string, number>;
}

/** Options of {@link forEachSample}. */
export interface SampleOptions {
  /** k of scale 1:k. */
  scaleK: number;
  /** Replications after the main run (0: none). */
  replications?: number;
  /** Progress of each simulation: `sample` 0 is the main run, 1… the replications. */
  onProgress?(sample: number, progress: RunProgress): void;
  signal?: AbortSignal;
}

/** The scenario's own values at the paths it gives ranges for. */
export function ownParameters(scenario: Scenario): Record<string, number> {
  const out: Record<string, number> = {};
  for (const path of Object.keys(scenario.uncertainty)) {
    let node: unknown = scenario;
    for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
    if (typeof node === 'number') out[path] = node;
  }
  return out;
}

/**
 * Simulates the main run and every replication of `scenario` in order and calls `visit` with each,
 * waiting for it before the next starts. A sample whose sums could not all be exact is refused
 * (before it starts when a pilot says so, else right after its simulation).
 */
export async function forEachSample(
  scenario: Scenario,
  population: { dataset: Dataset; model: PopulationModel },
  simulate: Simulate,
  options: SampleOptions,
  visit: (sample: Sample) => void | Promise<void>,
): Promise<void> {
  const { dataset, model } = population;
  for (let index = 0; index <= (options.replications ?? 0); index++) {
    const seed = index === 0 ? scenario.seed : deriveSeed(scenario.seed, index - 1);
    const drawn =
      index === 0 ? { scenario, values: ownParameters(scenario) } : drawParameters(scenario, index - 1);
    const params = { ...toEngineParameters(drawn.scenario), seed };
    const input = engineInput(params, model, dataset, options.scaleK);
    preflightExactness(input, model);
    const result = await simulate(input, {
      onProgress: (p) => options.onProgress?.(index, p),
      signal: options.signal,
    });
    checkExactness(result, input);
    await visit({ index, seed, scenario: drawn.scenario, input, result, parameters: drawn.values });
  }
}
