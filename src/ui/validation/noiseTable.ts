/**
 * The sampling noise as a DuckDB table (抽样噪声表, `validation_noise`): one row per checked target
 * of a section (the population's, the calibration's) with its labels, the scale and the runs, the
 * error in the section's own run, the mean and σ over the runs, the tolerance, the runs outside and
 * whether the tolerance is under 2σ — the rows of the page's noise tables' CSV downloads.
 */
import type { ColumnTable } from '../../analytics/columns';
import { quoteText } from '../../analytics/connector';
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

/** The measured noise of one section of the workspace at 1:`scaleK`, with its targets' labels. */
export interface SectionNoise {
  /** The section's id (`population`, `calibration`). */
  section: string;
  noise: readonly TargetNoise[];
  scaleK: number;
  labels: TargetLabels;
}

/** The measured noise of the sections as one column table, each in its targets' order (`ord`). */
export function noiseColumnTable(sections: readonly SectionNoise[]): ColumnTable {
  const rows = sections.flatMap((s) => s.noise.map((r, k) => ({ ...s, ord: k, r })));
  return {
    name: NOISE_TABLE,
    columns: {
      section: rows.map((x) => x.section),
      ord: Int32Array.from(rows, (x) => x.ord),
      name: rows.map((x) => x.r.name),
      label_zh: rows.map((x) => x.labels.get(x.r.name)?.zh ?? x.r.name),
      label_en: rows.map((x) => x.labels.get(x.r.name)?.en ?? x.r.name),
      scale_k: Int32Array.from(rows, (x) => x.scaleK),
      seeds: Int32Array.from(rows, (x) => x.r.seeds),
      rel_error: Float64Array.from(rows, (x) => x.r.relError),
      mean_rel_error: Float64Array.from(rows, (x) => x.r.meanRelError),
      sd_rel_error: Float64Array.from(rows, (x) => x.r.sdRelError),
      tolerance_pct: Float64Array.from(rows, (x) => x.r.tolerancePct),
      runs_outside: Int32Array.from(rows, (x) => x.r.outside),
      noisy: Uint8Array.from(rows, (x) => (x.r.noisy ? 1 : 0)),
    },
  };
}

/** The SQL of a section's noise table (its CSV download), in the targets' order. */
export function noiseSql(section: string): string {
  return `SELECT name, label_zh, label_en, scale_k, seeds, rel_error, mean_rel_error, sd_rel_error,
  tolerance_pct, runs_outside, noisy = 1 AS noisy
FROM ${NOISE_TABLE} WHERE section = ${quoteText(section)} ORDER BY ord`;
}
