/**
 * A population validation run (人口校验运行): calibrates the family model once, then generates the
 * 1:k sample chunk by chunk, reporting progress, and sets every published target beside the
 * generated value. Runs in a worker in the page (workers/population.worker.ts) and in Node tests.
 */
import { calibrate, calibrationData, type PopulationModel } from '../population/calibration';
import type { Dataset } from '../population/dataset';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { populationChunks, sampleSize } from '../population/generate';
import { PopulationTally, type ValidationStatus, validationRows } from '../population/validate';

/** One target beside the model's value, with both labels, as the Validation workspace shows it. */
export interface ValidationRecord {
  /** Key of the target, e.g. `population/11`. */
  name: string;
  labelZh: string;
  labelEn: string;
  unit: 'persons' | 'yuan' | 'percent';
  published: number;
  generated: number;
  /** (generated − published) / published. */
  relError: number;
  /** Allowed |relError| in percent; 0 marks a lower bound the generated value must reach. */
  tolerancePct: number;
  /** Within tolerance (or reaching the lower bound); false for a target that is not checked. */
  within: boolean;
  /** The verdict: within or outside tolerance, a reference figure, or not modelled. */
  status: ValidationStatus;
  /** Why a reference or not-modelled target is not checked, in Chinese and English ('' when checked). */
  reasonZh: string;
  reasonEn: string;
}

/** What one run returns. */
export interface PopulationValidationResult {
  seed: string;
  scaleK: number;
  records: ValidationRecord[];
  /** Targets the population does not produce (e.g. account spending, simulated by the engine). */
  skipped: string[];
  /** Families generated and the wall time of generation and tally, in milliseconds. */
  families: number;
  ms: number;
}

/** Called after each chunk with the families done and the families of the whole sample. */
export type ProgressListener = (done: number, total: number) => void;

/** Families per chunk: small enough for a smooth progress bar, large enough to cost nothing. */
const FAMILIES_PER_CHUNK = 16_384;

/**
 * Returns a validator bound to `dataset`; the family model is calibrated on the first call and kept.
 * `now` is the clock (e.g. `performance.now`), passed in so the module reads no global state.
 */
export function createPopulationValidator(
  dataset: Dataset,
  now: () => number,
): (seed: string, scaleK: number, onProgress?: ProgressListener) => PopulationValidationResult {
  let model: PopulationModel | null = null;
  const codes = dataset.provinces.map((p) => p.code2);
  const labels = new Map(dataset.targets.map((t) => [t.name, t]));
  return (seed, scaleK, onProgress) => {
    const start = now();
    model ??= calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
    const total = sampleSize(model, scaleK);
    const tally = new PopulationTally(model.provinceCount);
    let done = 0;
    onProgress?.(0, total);
    for (const chunk of populationChunks(model, seed, scaleK, FAMILIES_PER_CHUNK, { reuseBuffers: true })) {
      tally.add(chunk);
      done += chunk.familyCount;
      onProgress?.(done, total);
    }
    const { rows, skipped } = validationRows(dataset.targets, tally, codes);
    const records = rows.map((row): ValidationRecord => {
      const target = labels.get(row.name);
      return {
        name: row.name,
        labelZh: target?.labelZh ?? row.name,
        labelEn: target?.labelEn ?? row.name,
        unit: row.unit,
        published: row.published,
        generated: row.generated,
        relError: row.relError,
        tolerancePct: row.tolerancePct,
        within: row.within,
        status: row.status,
        reasonZh: row.reason?.zh ?? '',
        reasonEn: row.reason?.en ?? '',
      };
    });
    return { seed, scaleK, records, skipped, families: done, ms: now() - start };
  };
}
