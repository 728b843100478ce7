/**
 * One scenario, run end to end (方案运行): scenario → engine input → simulated flows (on whatever
 * runs ranges: a worker pool or this thread) → clearing, and the prepayment model over the run's
 * samples. With replications, replication r reruns the scenario with seed `deriveSeed(seed, r)` and,
 * when the scenario gives ranges, with parameters drawn from them. The CLI, the benchmarks and the
 * workbench all use it. A run whose fen sums could not all be exact is refused (src/runtime/exactness.ts):
 * before it starts when a pilot says so, else right after its simulation.
 */
import { runCalendar } from '../clearing/calendar';
import type { ProvinceDraws } from '../clearing/claimDraws';
import { ClaimsAccumulator, type ClaimsModel } from '../clearing/claims';
import {
  expectedOwes,
  expectedSharingOwes,
  forecastOwes,
  prepaymentInput,
} from '../clearing/prepaymentInput';
import { answerFrom, checkModelInput, drawCounts, type PrepaymentAnswer } from '../clearing/prepaymentModel';
import { clearRun, type ClearingResult } from '../clearing/run';
import type { RangeResult } from '../engine';
import { windowMonths, type EngineInput } from '../engine/input';
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { toClearingParameters } from '../scenario/convert';
import type { Scenario } from '../scenario/schema';
import { drawInThread, type DrawYears } from './drawWorkers';
import { forEachSample, type Simulate } from './samples';
import { readFigures } from './figures';
import type { RunProgress } from './progress';

export type { Simulate } from './samples';

/** Options of {@link runScenario}. */
export interface ScenarioRunOptions {
  /** k of scale 1:k. */
  scaleK: number;
  /** Replications (0: none), each a further sample with its own seed and, with ranges, its own parameters. */
  replications?: number;
  /** Confidence of the needed prepayment (default 0.95). */
  confidence?: number;
  /** Progress of each simulation: `run` 0 is the main run, 1… the replications. */
  onProgress?(run: number, progress: RunProgress): void;
  signal?: AbortSignal;
  /** Where the prepayment model draws its years (default: this thread). */
  drawYears?: DrawYears;
  /**
   * Whether to answer the prepayment model at the run's confidence before returning (default true).
   * Without it `prepayment` is null and the model's tables are left out; `prepaymentAt` still
   * answers later from the same samples. Runs that show no prepayment figures (Compare) skip its
   * draws, which over a multi-year window cost more than the simulation.
   */
  prepaymentModel?: boolean;
}

/** One replication: its seed, its drawn parameters, and its cross-province fen and person-times (at 1:k). */
export interface ReplicationLine {
  seed: string;
  parameters: Record<string, number>;
  crossProvinceFen: number;
  crossProvinceTimes: number;
}

/** Everything a scenario run produces. */
export interface ScenarioRun {
  scenario: Scenario;
  input: EngineInput;
  result: RangeResult;
  /**
   * The clearing: national clearing and tiers of the main run's flows; cash (gross and netted) of
   * the whole population's expected sharing, and prepayments tracked on its expected year (sampling
   * noise removed, direct settlement included under the `direct-settlement` model).
   */
  clearing: ClearingResult;
  /** What the run's samples say about cross-province claims of the whole population. */
  claims: ClaimsModel;
  /** The prepayment model at the run's confidence; null when the run was asked without it. */
  prepayment: PrepaymentAnswer | null;
  replications: ReplicationLine[];
  /**
   * Every figure of src/runtime/figures.ts for the main run (index 0) and each replication r (index
   * r + 1), all at the scenario's seed and its derived seeds: runs of two scenarios pair up by index.
   */
  figureSamples: Record<string, number>[];
  /**
   * The parameters each of those runs had at the paths the scenario gives ranges for (the main run:
   * the scenario's own values; a replication: its draws); empty objects without ranges.
   */
  sampleParameters: Record<string, number>[];
  /** Whether the replications drew parameters from the scenario's ranges. */
  ranged: boolean;
  /**
   * The prepayment model at another confidence, from the same samples (no new simulation; years
   * already drawn are reused, so the answer is the same whichever confidences came before).
   */
  prepaymentAt(confidence: number): Promise<PrepaymentAnswer>;
}

/** The province index of every pooling area, as clearing wants it. */
export function areaProvinces(dataset: Dataset): Int32Array {
  return Int32Array.from(dataset.poolingAreas, (a) => a.province);
}

/** Runs `scenario` at scale 1:k with `simulate`, then clears it and runs the prepayment model. */
export async function runScenario(
  scenario: Scenario,
  population: { dataset: Dataset; model: PopulationModel },
  simulate: Simulate,
  options: ScenarioRunOptions,
): Promise<ScenarioRun> {
  const { dataset } = population;
  const clearingParams = toClearingParameters(scenario);
  const provinces = dataset.provinces.length;
  const areaProvince = areaProvinces(dataset);
  const months = windowMonths(scenario.window).length;
  const calendar = runCalendar(scenario.window.start, months, clearingParams.calendar);
  const claims = new ClaimsAccumulator(areaProvince, provinces, months, options.scaleK);

  const main: { result?: RangeResult; input?: EngineInput } = {};
  const figureSamples: Record<string, number>[] = [];
  const sampleParameters: Record<string, number>[] = [];
  const ranged = Object.keys(scenario.uncertainty).length > 0;
  const replications: ReplicationLine[] = [];
  const growths: number[] = [];
  await forEachSample(
    scenario,
    population,
    simulate,
    {
      scaleK: options.scaleK,
      replications: options.replications,
      onProgress: options.onProgress,
      signal: options.signal,
    },
    (sample) => {
      figureSamples.push(readFigures(sample.result));
      sampleParameters.push(sample.parameters);
      if (sample.index === 0) {
        main.result = sample.result;
        main.input = sample.input;
        claims.add(sample.result.flows, false);
        return;
      }
      claims.add(sample.result.flows, ranged);
      if (ranged) growths.push(sample.scenario.clearing.directSettlement.yearlyGrowth);
      const cross = crossProvinceTotals(sample.result, areaProvince);
      replications.push({
        seed: sample.seed,
        parameters: sample.parameters,
        crossProvinceFen: cross.fen,
        crossProvinceTimes: cross.times,
      });
    },
  );
  const { result, input } = main;
  if (!result || !input) throw new Error('the main run gave no result');
  const claimsModel = claims.model();
  const modelInput = prepaymentInput(
    claimsModel,
    dataset,
    calendar,
    clearingParams,
    claimsModel.sources.parameters ? growths : null,
    scenario.seed,
  );
  const answers = new Map<number, PrepaymentAnswer>();
  let drawn: Promise<ProvinceDraws[]> | null = null;
  let drawnCount = 0;
  const drawYears = options.drawYears ?? drawInThread;
  const prepaymentAt = async (confidence: number): Promise<PrepaymentAnswer> => {
    const known = answers.get(confidence);
    if (known) return known;
    checkModelInput(modelInput, confidence);
    const counts = drawCounts(modelInput, { confidence });
    if (!drawn || drawnCount < counts.draws) {
      drawn = drawYears(modelInput, counts);
      drawnCount = counts.draws;
    }
    // A draw's years do not depend on how many are drawn: the first `draws` of a larger set are the same.
    const years = (await drawn).map((p) => withDraws(p, counts.draws));
    const answer = { ...answerFrom(modelInput, years, { confidence }), ruleDraws: counts.ruleDraws };
    answers.set(confidence, answer);
    return answer;
  };
  const forecast = forecastOwes(modelInput);
  const clearing = clearRun(result.flows, areaProvince, provinces, clearingParams, {
    start: scenario.window.start,
    firstYear: forecast ? { rule: 'forecast', monthlyOwesFen: forecast } : { rule: 'perfect-foresight' },
    prepaymentOwesFen: expectedOwes(modelInput),
    cashOwesFen: expectedSharingOwes(modelInput),
  });
  return {
    scenario,
    input,
    result,
    clearing,
    claims: claimsModel,
    prepayment: options.prepaymentModel === false ? null : await prepaymentAt(options.confidence ?? 0.95),
    replications,
    figureSamples,
    sampleParameters,
    ranged: ranged && replications.length > 0,
    prepaymentAt,
  };
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

/** A province's drawn years cut to the first `draws` draws. */
function withDraws(p: ProvinceDraws, draws: number): ProvinceDraws {
  const cut = (peaks: Float64Array[]) => peaks.map((x) => (x.length === draws ? x : x.subarray(0, draws)));
  const bg = p.directSettlementOnly;
  return { ...p, peaks: cut(p.peaks), directSettlementOnly: bg ? { ...bg, peaks: cut(bg.peaks) } : null };
}
