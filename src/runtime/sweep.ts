/**
 * Running a sweep (运行参数扫描): every combination of src/scenario/sweep.ts is run at the base's
 * seed with the same replications, one after another on the same simulator, and each is read as
 * every figure of src/runtime/figures.ts and, by province of the sharer, the fen paid from quotas in
 * all and across provinces. Each point keeps its main run's digest, so that a point can be checked
 * against a single run of its scenario.
 *
 * Every level is an estimate for the whole population with an interval at `coverage`, built as the
 * differences are (src/runtime/differences.ts) against zero: sampling noise of the 1:k sample
 * removed, the population's own year-to-year randomness and the estimate's error included, and,
 * when the base gives ranges, the drawn parameters included. Without replications there is no
 * interval. Points at the same seed share their random numbers, so a curve's steps are paired.
 */
import type { RangeResult } from '../engine';
import type { PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import type { SweepPoint } from '../scenario/sweep';
import { difference } from './differences';
import { resultDigest } from './digest';
import { FIGURES, readFigures } from './figures';
import type { RunProgress } from './progress';
import { forEachSample, type Simulate } from './samples';
import { areaProvinces } from './scenarioRun';

/** The default coverage of a sweep's intervals. */
export const SWEEP_COVERAGE = 0.9;

/**
 * What is read by province (the sharer's insured province): the fen paid from the quotas its
 * sharers set, and of it the fen paid in another province (where a bill was paid, or a
 * contribution's home area) — what the national clearing moves out of that province's funds. The
 * latter differs from the `crossProvinceFen` figure, which counts relationships whose two members are
 * insured in different provinces, wherever the money was paid.
 */
export const PROVINCE_MEASURES = ['sharedFen', 'paidInOtherProvincesFen'] as const;

/** A measure read by province. */
export type ProvinceMeasure = (typeof PROVINCE_MEASURES)[number];

/** A level with its interval (null without replications). */
export interface Level {
  value: number;
  interval: [number, number] | null;
}

/** One point of a sweep, read. */
export interface SweepPointResult {
  index: number;
  /** The swept values by path. */
  values: Record<string, unknown>;
  scenarioId: string;
  /** The digest of the point's main run (src/runtime/digest.ts). */
  digest: string;
  /** Every figure by key. */
  figures: Record<string, Level>;
  /** By province index, each measure. */
  provinces: Record<ProvinceMeasure, Level>[];
}

/** A sweep's results and what their intervals hold. */
export interface SweepRunResult {
  scale: string;
  replications: number;
  coverage: number;
  /** Which sources of spread the intervals hold. */
  sources: {
    sampling: 'removed' | 'kept' | 'no interval without replications';
    population: 'included';
    parameters: 'included' | 'no ranges';
    estimate: 'included';
  };
  points: SweepPointResult[];
}

/** Progress of a sweep: the point and sample being simulated, and how far it is. */
export interface SweepProgress {
  point: number;
  points: number;
  sample: number;
  samples: number;
  run: RunProgress;
  /** Share of the whole sweep done, 0…1. */
  done: number;
}

/** Options of {@link runSweep}. */
export interface SweepRunOptions {
  scaleK: number;
  replications: number;
  coverage?: number;
  onProgress?(p: SweepProgress): void;
  signal?: AbortSignal;
}

/** Fen paid from quotas by the sharer's province: in all, and paid in another province. */
export function provinceFen(
  result: RangeResult,
  areaProvince: Int32Array,
  provinces: number,
): { sharedFen: Float64Array; paidInOtherProvincesFen: Float64Array } {
  const sharedFen = new Float64Array(provinces);
  const paidInOtherProvincesFen = new Float64Array(provinces);
  result.flows.forEachCell((_month, sharerArea, treatmentArea, _use, amountFen) => {
    const p = areaProvince[sharerArea]!;
    sharedFen[p] = sharedFen[p]! + amountFen;
    if (areaProvince[treatmentArea] !== p)
      paidInOtherProvincesFen[p] = paidInOtherProvincesFen[p]! + amountFen;
  });
  return { sharedFen, paidInOtherProvincesFen };
}

/** The level of a figure over its samples, with the interval {@link difference} gives against zero. */
function level(
  samples: readonly number[],
  options: { scaleK: number; coverage: number; parameters: number[][] },
): Level {
  const d = difference(
    samples,
    samples.map(() => 0),
    options,
  );
  return { value: d.value, interval: d.interval };
}

/** Runs every point of a sweep with `simulate` and reads it. */
export async function runSweep(
  points: readonly SweepPoint[],
  population: { dataset: Dataset; model: PopulationModel },
  simulate: Simulate,
  options: SweepRunOptions,
): Promise<SweepRunResult> {
  const coverage = options.coverage ?? SWEEP_COVERAGE;
  const areaProvince = areaProvinces(population.dataset);
  const provinces = population.dataset.provinces.length;
  const samples = options.replications + 1;
  const out: SweepPointResult[] = [];
  let ranged = false;
  let kept = false;
  for (const [i, point] of points.entries()) {
    const figures: Record<string, number>[] = [];
    const byProvince: { sharedFen: Float64Array; paidInOtherProvincesFen: Float64Array }[] = [];
    const parameters: Record<string, number>[] = [];
    let digest = '';
    await forEachSample(
      point.scenario,
      population,
      simulate,
      {
        scaleK: options.scaleK,
        replications: options.replications,
        signal: options.signal,
        onProgress: (sample, run) =>
          options.onProgress?.({
            point: i,
            points: points.length,
            sample,
            samples,
            run,
            done:
              (i * samples + sample + run.familiesDone / Math.max(1, run.familiesTotal)) /
              (points.length * samples),
          }),
      },
      async (sample) => {
        if (sample.index === 0) digest = await resultDigest(sample.result);
        figures.push(readFigures(sample.result));
        byProvince.push(provinceFen(sample.result, areaProvince, provinces));
        parameters.push(sample.parameters);
      },
    );
    // Replications draw parameters (the main run keeps the scenario's own): those rows explain spread.
    const paths = Object.keys(point.scenario.uncertainty).sort();
    const pointRanged = paths.length > 0 && options.replications > 0;
    ranged ||= pointRanged;
    const rows = pointRanged ? parameters.map((s) => paths.map((p) => s[p]!)) : [];
    const at = { scaleK: options.scaleK, coverage, parameters: rows };
    if (pointRanged && samples < paths.length + 3) kept = true;
    out.push({
      index: point.index,
      values: point.values,
      scenarioId: point.scenario.id,
      digest,
      figures: Object.fromEntries(
        FIGURES.map((f) => [
          f.key,
          level(
            figures.map((x) => x[f.key]!),
            at,
          ),
        ]),
      ),
      provinces: Array.from({ length: provinces }, (_, p) => ({
        sharedFen: level(
          byProvince.map((x) => x.sharedFen[p]!),
          at,
        ),
        paidInOtherProvincesFen: level(
          byProvince.map((x) => x.paidInOtherProvincesFen[p]!),
          at,
        ),
      })),
    });
  }
  return {
    scale: `1:${options.scaleK}`,
    replications: options.replications,
    coverage,
    sources: {
      sampling: options.replications < 1 ? 'no interval without replications' : kept ? 'kept' : 'removed',
      population: 'included',
      parameters: ranged ? 'included' : 'no ranges',
      estimate: 'included',
    },
    points: out,
  };
}
