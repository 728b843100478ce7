/**
 * The sweep chart (参数扫描图): one outcome of a sweep against the swept parameter, a dot per value
 * with its interval as a vertical rule, joined by a line when the parameter is a number. Amounts in
 * 亿元 (Chinese) or billion yuan (English); counts as they are. Drawn with Observable Plot from the
 * rows of the sweep's DuckDB table.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import type { Lang } from '../../text/i18n';
import { SWEEP_COLOR } from '../charts/palette';
import { chartUnitFen, NARROW } from './charts';

/** Options of {@link sweepChart}. */
export interface SweepChartOptions {
  lang: Lang;
  /** The label of the x axis (the swept parameter). */
  xLabel: string;
  /** The label of the y axis, with its unit. */
  yLabel: string;
  /** Whether the values are fen (drawn in the chart unit) or counts. */
  money: boolean;
  width: number;
}

/**
 * Rows with `x` (the parameter's value: a number or a text), `value` and, with replications, `low`
 * and `high`, as dots with interval rules, in the order given.
 */
export function sweepChart(doc: Document, rows: readonly Row[], options: SweepChartOptions): SVGSVGElement {
  const { lang, width, money } = options;
  const unit = money ? chartUnitFen(lang) : 1;
  const numeric = rows.every((r) => typeof r.x === 'number');
  const data = rows.map((r) => ({
    x: numeric ? Number(r.x) : String(r.x),
    y: Number(r.value) / unit,
    low: r.low === undefined || r.low === null ? null : Number(r.low) / unit,
    high: r.high === undefined || r.high === null ? null : Number(r.high) / unit,
  }));
  const intervals = data.filter((d) => d.low !== null && d.high !== null);
  const narrow = width < NARROW;
  return Plot.plot({
    document: doc,
    width,
    height: narrow ? 260 : 320,
    marginLeft: narrow ? 48 : 64,
    x: numeric
      ? { label: options.xLabel, ticks: narrow ? 4 : 8, nice: true }
      : { label: options.xLabel, type: 'point', padding: 0.5, domain: data.map((d) => d.x) },
    y: { label: options.yLabel, grid: true, zero: true, ticks: narrow ? 4 : 8 },
    marks: [
      ...(numeric ? [Plot.line(data, { x: 'x', y: 'y', stroke: SWEEP_COLOR, strokeOpacity: 0.5 })] : []),
      Plot.ruleX(intervals, { x: 'x', y1: 'low', y2: 'high', stroke: SWEEP_COLOR, strokeWidth: 2 }),
      Plot.dot(data, { x: 'x', y: 'y', fill: SWEEP_COLOR, r: 4, tip: true }),
    ],
  }) as SVGSVGElement;
}
