/**
 * The overview charts of the Prepayment workspace (预付金总览图): bands of peak usage across the
 * prepayment model's draws for every province, one province's red-warning probability against a fixed prepayment, and gross
 * versus netted cash movement per month. Observable Plot, document passed in.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import { formatMonth, formatMonthShort } from '../../text/dates';
import type { Lang } from '../../text/i18n';
import { labelWidth } from '../charts/labels';
import type { RedCurvePoint } from './model';
import { COLORS, USAGE_CAP_PCT } from './usageCharts';

/** One province of the band chart: the band's low, median and high, and a dot, as usage rates. */
export interface BandRow {
  province: number;
  low: number;
  median: number;
  high: number;
  dot: number;
}

/** Options of {@link bandChart}. */
export interface BandChartOptions {
  yellow: number;
  red: number;
  xLabel: string;
  provinceName: (index: number) => string;
  /** The highlighted province. */
  selected: number;
  width?: number;
}

/**
 * The band chart of `rows`: per province a bar from the low to the high quantile of peak usage, a
 * tick at the median and a dot (the expected year's peak), sorted by the median, with the warning
 * lines.
 */
export function bandChart(doc: Document, rows: readonly BandRow[], options: BandChartOptions): SVGSVGElement {
  const { yellow, red, selected, width = 1040 } = options;
  const cap = (v: number) => Math.min(USAGE_CAP_PCT, 100 * v);
  const data = rows
    .map((r) => ({
      province: r.province,
      name: options.provinceName(r.province),
      low: cap(r.low),
      median: cap(r.median),
      high: cap(r.high),
      run: cap(r.dot),
    }))
    .sort((a, b) => b.median - a.median || a.province - b.province);
  const top = Math.max(100, ...data.map((d) => Math.max(d.high, d.run)));
  // Start the axis a little below the lowest median (at most at 60%), so the bands near
  // the warning lines keep their width; bars reaching further down are cut at the edge.
  // (Provinces whose median is 0, with no claims in most replications, do not pull it down.)
  const low = Math.min(60, ...data.filter((d) => d.median > 0).map((d) => d.median));
  const start = Math.max(0, Math.floor(low / 10) * 10 - 10);
  return Plot.plot({
    document: doc,
    width,
    height: data.length * 16 + 50,
    marginLeft: 16 + Math.max(40, ...data.map((d) => labelWidth(d.name))),
    marginRight: 20,
    style: { fontSize: '11px', background: 'white' },
    x: { domain: [start, Math.ceil(top / 10) * 10 + 5], label: options.xLabel, grid: true },
    y: { domain: data.map((d) => d.name), label: null },
    marks: [
      Plot.ruleX([100 * yellow], { stroke: COLORS.yellow, strokeDasharray: '6,3' }),
      Plot.ruleX([100 * red], { stroke: COLORS.red, strokeDasharray: '6,3' }),
      Plot.barX(data, {
        y: 'name',
        x1: 'low',
        x2: 'high',
        fill: (d: (typeof data)[number]) => (d.province === selected ? COLORS.selected : COLORS.band),
        insetTop: 2,
        insetBottom: 2,
        clip: true,
      }),
      Plot.tickX(data, { y: 'name', x: 'median', stroke: COLORS.worst, strokeWidth: 2 }),
      Plot.dot(data, {
        y: 'name',
        x: 'run',
        r: 2.5,
        fill: COLORS.run,
        clip: true,
        title: (d: (typeof data)[number]) =>
          `${d.name}: ${d.low.toFixed(1)}% – ${d.high.toFixed(1)}%, ${d.median.toFixed(1)}%; ${d.run.toFixed(1)}%`,
      }),
    ],
  }) as SVGSVGElement;
}

/** Options of {@link curveChart}. */
export interface CurveChartOptions {
  /** Fen per unit of the x axis and its label. */
  divisor: number;
  xLabel: string;
  yLabel: string;
  sizedFen: number;
  neededFen: number;
  confidence: number;
  labels: { sized: string; needed: string };
  width?: number;
}

/**
 * P(red warning) against a fixed prepayment: the step curve of `points`, vertical lines at the
 * rule's size and the needed size, and a horizontal line at 1 − confidence.
 */
export function curveChart(
  doc: Document,
  points: readonly RedCurvePoint[],
  options: CurveChartOptions,
): SVGSVGElement {
  const { divisor, sizedFen, neededFen, confidence, labels, width = 1040 } = options;
  const last = Math.max(sizedFen, neededFen, ...points.map((p) => p.prepaymentFen)) * 1.15 || 1;
  const data = [...points, { prepaymentFen: last, probability: points.at(-1)?.probability ?? 0 }].map(
    (p) => ({ x: p.prepaymentFen / divisor, y: 100 * p.probability }),
  );
  const marks = [
    { x: sizedFen / divisor, label: `${labels.sized}`, color: COLORS.resize },
    { x: neededFen / divisor, label: `${labels.needed}`, color: COLORS.needed },
  ];
  return Plot.plot({
    document: doc,
    width,
    height: 240,
    marginLeft: 50,
    marginRight: 30,
    style: { fontSize: '11px', background: 'white' },
    x: { domain: [0, last / divisor], label: options.xLabel, grid: true },
    y: { domain: [0, 100], label: options.yLabel, grid: true },
    marks: [
      Plot.ruleY([100 * (1 - confidence)], { stroke: COLORS.red, strokeDasharray: '4,3' }),
      Plot.line(data, { x: 'x', y: 'y', curve: 'step-after', stroke: COLORS.worst, strokeWidth: 2 }),
      Plot.ruleX(marks, { x: 'x', stroke: 'color', strokeWidth: 1.5 }),
      Plot.text(marks, {
        x: 'x',
        frameAnchor: 'top',
        dy: 4,
        dx: 4,
        textAnchor: 'start',
        text: 'label',
        fill: 'color',
      }),
    ],
  }) as SVGSVGElement;
}

/** Options of {@link cashChart}. */
export interface CashChartOptions {
  divisor: number;
  yLabel: string;
  labels: { gross: string; netted: string };
  /** Months are named in it (1月 / Jan). */
  lang: Lang;
  width?: number;
}

/**
 * Gross versus netted cash movement per month, from `rows` (columns month_text, gross_fen,
 * netted_fen, saved_fen): the gross bar with the netted bar drawn inside it, so the light part on
 * top is what netting saves.
 */
export function cashChart(doc: Document, rows: readonly Row[], options: CashChartOptions): SVGSVGElement {
  const { divisor, labels, lang, width = 1040 } = options;
  const data = rows.map((r) => ({
    month: String(r.month_text),
    label: formatMonth(String(r.month_text), lang),
    gross: Number(r.gross_fen) / divisor,
    netted: Number(r.netted_fen) / divisor,
    saved: Number(r.saved_fen) / divisor,
  }));
  return Plot.plot({
    document: doc,
    width,
    height: 260,
    marginLeft: 60,
    marginRight: 20,
    style: { fontSize: '11px', background: 'white' },
    x: {
      domain: data.map((d) => d.month),
      label: null,
      padding: 0.2,
      // Every month on a wide page; on a narrow one every third (the months' labels would overlap).
      tickFormat: (m: string, i: number) => (width >= 600 || i % 3 === 0 ? formatMonthShort(m, lang) : ''),
    },
    y: { label: options.yLabel, grid: true, ticks: width < 600 ? 4 : undefined },
    marks: [
      Plot.barY(data, {
        x: 'month',
        y: 'gross',
        fill: COLORS.gross,
        title: (d: (typeof data)[number]) =>
          `${d.label}\n${labels.gross}: ${d.gross.toFixed(2)}\n${labels.netted}: ${d.netted.toFixed(2)}`,
      }),
      Plot.barY(data, { x: 'month', y: 'netted', fill: COLORS.netted, inset: 6 }),
      Plot.ruleY([0]),
    ],
  }) as SVGSVGElement;
}
