/**
 * A sweep's results as tables (参数扫描结果表), one column per swept parameter (its path in
 * snake_case) so that any outcome can be plotted against it:
 * - `sweep`: one row per point and figure — the parameters, point, scenario, digest (of the point's
 *   main run), figure, unit, value and, with replications, low and high of its interval;
 * - `sweep_provinces`: one row per point, province (of the sharer) and measure — the parameters,
 *   point, province, measure, value_fen and, with replications, low_fen and high_fen.
 * Money is whole fen and counts are whole (rounded half away from zero); a province is its index here, which
 * the exports turn into its GB code and names (src/analytics/exportTables.ts).
 */
import type { Column, ColumnTable } from './columns';
import { FIGURES } from '../runtime/figures';
import { PROVINCE_MEASURES, type SweepRunResult } from '../runtime/sweep';
import { type SweptParameter, sweptValueText } from '../scenario/sweep';

/**
 * The column of a swept parameter: its path in snake_case, as every table column is
 * (`behaviour.quota.shareOfSpendable` → `behaviour_quota_share_of_spendable`).
 */
export function parameterColumnName(path: string): string {
  return path
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** A whole number of fen, rounded half away from zero. */
const whole = (fen: number) => Math.sign(fen) * Math.round(Math.abs(fen));

/** A parameter's column over `rows` points: numbers as numbers, anything else as its text. */
function parameterColumn(parameter: SweptParameter, values: readonly unknown[]): Column {
  if (parameter.values.every((v) => typeof v === 'number')) return Float64Array.from(values as number[]);
  return values.map(sweptValueText);
}

/** The `sweep` and `sweep_provinces` tables of a sweep's results. */
export function sweepTables(
  parameters: readonly SweptParameter[],
  result: SweepRunResult,
  provinces: number,
): ColumnTable[] {
  const withIntervals = result.replications > 0;
  const figureRows = result.points.flatMap((point) =>
    FIGURES.map((f) => {
      const level = point.figures[f.key]!;
      return {
        point,
        figure: f.key,
        unit: f.unit,
        // Whole fen, whole person-times and relationships: estimates of whole numbers.
        value: whole(level.value),
        low: level.interval ? whole(level.interval[0]) : NaN,
        high: level.interval ? whole(level.interval[1]) : NaN,
      };
    }),
  );
  const provinceRows = result.points.flatMap((point) =>
    point.provinces.slice(0, provinces).flatMap((byMeasure, province) =>
      PROVINCE_MEASURES.map((measure) => {
        const level = byMeasure[measure];
        return {
          point,
          province,
          measure,
          value: whole(level.value),
          low: level.interval ? whole(level.interval[0]) : NaN,
          high: level.interval ? whole(level.interval[1]) : NaN,
        };
      }),
    ),
  );
  const parameterColumns = (rows: readonly { point: { values: Record<string, unknown> } }[]) =>
    Object.fromEntries(
      parameters.map((p) => [
        parameterColumnName(p.path),
        parameterColumn(
          p,
          rows.map((r) => r.point.values[p.path]),
        ),
      ]),
    );
  const sweep: Record<string, Column> = {
    ...parameterColumns(figureRows),
    point: Int32Array.from(figureRows, (r) => r.point.index + 1),
    scenario: figureRows.map((r) => r.point.scenarioId),
    digest: figureRows.map((r) => r.point.digest),
    figure: figureRows.map((r) => r.figure),
    unit: figureRows.map((r) => r.unit),
    value: Float64Array.from(figureRows, (r) => r.value),
  };
  const byProvince: Record<string, Column> = {
    ...parameterColumns(provinceRows),
    point: Int32Array.from(provinceRows, (r) => r.point.index + 1),
    province: Int32Array.from(provinceRows, (r) => r.province),
    measure: provinceRows.map((r) => r.measure),
    value_fen: Float64Array.from(provinceRows, (r) => r.value),
  };
  if (withIntervals) {
    sweep.low = Float64Array.from(figureRows, (r) => r.low);
    sweep.high = Float64Array.from(figureRows, (r) => r.high);
    byProvince.low_fen = Float64Array.from(provinceRows, (r) => r.low);
    byProvince.high_fen = Float64Array.from(provinceRows, (r) => r.high);
  }
  return [
    { name: 'sweep', columns: sweep },
    { name: 'sweep_provinces', columns: byProvince },
  ];
}
