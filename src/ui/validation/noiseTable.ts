/**
 * The calibration's sampling noise as a DuckDB table (抽样噪声表, `validation_noise`): one row per
 * calibration target with its labels, the scale and the runs, the error in the calibration's own
 * run, the mean and σ over the runs, the tolerance, the runs outside and whether the tolerance is
 * under 2σ — the rows of the page's noise table and of its CSV download.
 */
import type { ColumnTable } from '../../analytics/columns';
import type { TargetNoise } from '../../engine/calibrationSpread';

/** Name of the DuckDB table of the measured noise. */
export const NOISE_TABLE = 'validation_noise';

/** A target's labels in both languages, by its key. */
export type TargetLabels = ReadonlyMap<string, { zh: string; en: string }>;

/** The labels of `records` (rows with a key and labels in both languages), by key. */
export function targetLabels(
  records: readonly { name: string; labelZh: string; labelEn: string }[],
): TargetLabels {
  return new Map(records.map((r) => [r.name, { zh: r.labelZh, en: r.labelEn }]));
}

/** The measured noise at 1:`scaleK` as a column table, in the targets' order (`ord`). */
export function noiseColumnTable(
  noise: readonly TargetNoise[],
  scaleK: number,
  labels: TargetLabels,
): ColumnTable {
  return {
    name: NOISE_TABLE,
    columns: {
      ord: Int32Array.from(noise, (_, k) => k),
      name: noise.map((r) => r.name),
      label_zh: noise.map((r) => labels.get(r.name)?.zh ?? r.name),
      label_en: noise.map((r) => labels.get(r.name)?.en ?? r.name),
      scale_k: Int32Array.from(noise, () => scaleK),
      seeds: Int32Array.from(noise, (r) => r.seeds),
      rel_error: Float64Array.from(noise, (r) => r.relError),
      mean_rel_error: Float64Array.from(noise, (r) => r.meanRelError),
      sd_rel_error: Float64Array.from(noise, (r) => r.sdRelError),
      tolerance_pct: Float64Array.from(noise, (r) => r.tolerancePct),
      runs_outside: Int32Array.from(noise, (r) => r.outside),
      noisy: Uint8Array.from(noise, (r) => (r.noisy ? 1 : 0)),
    },
  };
}

/** The SQL of the noise table's CSV download, in the targets' order. */
export const NOISE_SQL = `SELECT name, label_zh, label_en, scale_k, seeds, rel_error, mean_rel_error, sd_rel_error,
  tolerance_pct, runs_outside, noisy = 1 AS noisy
FROM ${NOISE_TABLE} ORDER BY ord`;
