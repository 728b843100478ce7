/**
 * One scenario, run end to end (方案运行): scenario → engine input → simulated flows (on whatever
 * runs ranges: a worker pool or this thread) → clearing, and, with replications, the Monte Carlo of
 * prepayments over runs with derived seeds. The CLI, the benchmarks and the workbench all use it.
 */
import { deriveSeed, MonteCarloAccumulator, type MonteCarloResult } from '../clearing/montecarlo';
import { clearRun, type ClearingResult } from '../clearing/run';
import type { RangeResult } from '../engine';
import { engineInput, type EngineInput } from '../engine/input';
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { toClearingParameters, toEngineParameters } from '../scenario/convert';
import type { Scenario } from '../scenario/schema';
import type { RunProgress } from './progress';

/** Simulates every family of an input's 1:k sample (on a pool, or in this thread). */
export type Simulate = (
  input: EngineInput,
  options: { onProgress?: (p: RunProgress) => void; signal?: AbortSignal },
) => Promise<RangeResult>;

/** Options of {@link runScenario}. */
export interface ScenarioRunOptions {
  /** k of scale 1:k. */
  scaleK: number;
  /** Monte Carlo replications (0: none). Replication r reruns the scenario with seed `deriveSeed(seed, r)`. */
  replications?: number;
  /** Confidence of the needed prepayment (default 0.95). */
  confidence?: number;
  /** Progress of each simulation: `run` 0 is the main run, 1… the replications. */
  onProgress?(run: number, progress: RunProgress): void;
  signal?: AbortSignal;
}

/** Everything a scenario run produces. */
export interface ScenarioRun {
  scenario: Scenario;
  input: EngineInput;
  result: RangeResult;
  clearing: ClearingResult;
  /** Present when replications were asked for. */
  monteCarlo: MonteCarloResult | null;
  /** Per replication: the merged result's cross-province fen and person-times (for uncertainty bands). */
  replicationTotals: { seed: string; crossProvinceFen: number; crossProvinceTimes: number }[];
}

/** The province index of every pooling area, as clearing wants it. */
export function areaProvinces(dataset: Dataset): Int32Array {
  return Int32Array.from(dataset.poolingAreas, (a) => a.province);
}

/** Runs `scenario` at scale 1:k with `simulate`, then clears it (and runs the Monte Carlo if asked). */
export async function runScenario(
  scenario: Scenario,
  population: { dataset: Dataset; model: PopulationModel },
  simulate: Simulate,
  options: ScenarioRunOptions,
): Promise<ScenarioRun> {
  const { dataset, model } = population;
  const params = toEngineParameters(scenario);
  const input = engineInput(params, model, dataset, options.scaleK);
  const clearingParams = toClearingParameters(scenario);
  const provinces = dataset.provinces.length;
  const areaProvince = areaProvinces(dataset);
  const clearOptions = { start: scenario.window.start };

  const result = await simulate(input, {
    onProgress: (p) => options.onProgress?.(0, p),
    signal: options.signal,
  });
  const clearing = clearRun(result.flows, areaProvince, provinces, clearingParams, clearOptions);

  const replications = options.replications ?? 0;
  const replicationTotals: ScenarioRun['replicationTotals'] = [];
  let mc: MonteCarloResult | null = null;
  if (replications > 0) {
    // Each replication is cleared as it arrives and only its summaries kept, so memory does not grow with R.
    const accumulator = new MonteCarloAccumulator(areaProvince, provinces, clearingParams, {
      ...clearOptions,
      confidence: options.confidence ?? 0.95,
    });
    for (let r = 0; r < replications; r++) {
      const seed = deriveSeed(scenario.seed, r);
      const replica = await simulate(engineInput({ ...params, seed }, model, dataset, options.scaleK), {
        onProgress: (p) => options.onProgress?.(r + 1, p),
        signal: options.signal,
      });
      const cross = crossProvinceTotals(replica, areaProvince);
      replicationTotals.push({ seed, crossProvinceFen: cross.fen, crossProvinceTimes: cross.times });
      accumulator.add(replica.flows);
    }
    mc = accumulator.result();
  }
  return { scenario, input, result, clearing, monteCarlo: mc, replicationTotals };
}

/** Fen and payments of a result's flows between pooling areas of different provinces. */
export function crossProvinceTotals(
  result: RangeResult,
  areaProvince: Int32Array,
): { fen: number; times: number } {
  let fen = 0;
  let times = 0;
  result.flows.forEachCell((_month, sharerArea, treatmentArea, _use, amountFen, count) => {
    if (areaProvince[sharerArea] !== areaProvince[treatmentArea]) {
      fen += amountFen;
      times += count;
    }
  });
  return { fen, times };
}
