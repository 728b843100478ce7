/**
 * The province charts of the Prepayment workspace (预付金使用率图): day-by-day usage of one
 * province's prepayments with the yellow and red lines, and the timeline of its re-sizings,
 * warnings and top-ups on the same time axis. Drawn with Observable Plot from the rows of the
 * workspace's SQL; the document is passed in.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import { formatDay, isoDay, timeTickFormat } from '../../text/dates';
import type { Lang } from '../../text/i18n';
import { labelWidth } from '../charts/labels';
import { PREPAYMENT_COLORS } from '../charts/palette';

/** Below this width (px) a chart is drawn for a phone: fewer ticks, smaller margins. */
export const NARROW = 600;

/** Colours shared by the charts, the legends and the table: the page's palette (one meaning each). */
export const COLORS = PREPAYMENT_COLORS;

/** Usage above this (in percent) is drawn at the top edge: a prepayment with claims and none advanced shows ∞. */
export const USAGE_CAP_PCT = 200;

/** Options of {@link usageChart}. */
export interface UsageChartOptions {
  /** Warning lines as rates (0.7, 0.9). */
  yellow: number;
  red: number;
  yLabel: string;
  /** Labels of the two lines and the two warning lines. */
  labels: { worst: string; all: string; yellow: string; red: string };
  /** `YYYY-MM-DD` → Date. */
  date: (text: string) => Date;
  /** A band per run month (its first and last day, `YYYY-MM-DD`): low and high usage, as rates. */
  band?: readonly { from: string; to: string; low: number; high: number }[];
  /** The time axis is written in it (2026年1月, 3月 / Jan 2026, Mar). */
  lang: Lang;
  width?: number;
}

/** Usage rate as percent points, capped at {@link USAGE_CAP_PCT}. */
function pct(value: unknown): number {
  return Math.min(USAGE_CAP_PCT, 100 * Number(value));
}

/**
 * The usage chart of `rows` (columns day, date, worst_usage, usage): a line for the highest-usage
 * prepayment of each day, a dashed one for all prepayments together, the two warning lines, and,
 * when given, a shaded band per month behind them.
 */
export function usageChart(doc: Document, rows: readonly Row[], options: UsageChartOptions): SVGSVGElement {
  const { yellow, red, labels, lang, width = 1040 } = options;
  const narrow = width < NARROW;
  const data = rows.map((r) => ({
    date: options.date(String(r.date)),
    worst: pct(r.worst_usage),
    all: pct(r.usage),
  }));
  const band = (options.band ?? []).map((b) => ({
    from: options.date(b.from),
    to: options.date(b.to),
    low: pct(b.low),
    high: pct(b.high),
  }));
  const top = Math.max(100, ...data.map((d) => Math.max(d.worst, d.all)), ...band.map((b) => b.high));
  return Plot.plot({
    document: doc,
    width,
    height: 300,
    marginLeft: 50,
    marginRight: 90,
    style: { fontSize: '11px', background: 'white' },
    x: { type: 'utc', label: null, tickFormat: timeTickFormat(lang), ticks: narrow ? 3 : undefined },
    y: { domain: [0, Math.ceil(top / 10) * 10 + 5], label: options.yLabel, grid: true },
    marks: [
      Plot.rectY(band, { x1: 'from', x2: 'to', y1: 'low', y2: 'high', fill: COLORS.band, fillOpacity: 0.7 }),
      Plot.ruleY([0]),
      Plot.ruleY([100 * yellow], { stroke: COLORS.yellow, strokeWidth: 1.5, strokeDasharray: '6,3' }),
      Plot.ruleY([100 * red], { stroke: COLORS.red, strokeWidth: 1.5, strokeDasharray: '6,3' }),
      Plot.text([100 * yellow], {
        y: (v: number) => v,
        frameAnchor: 'right',
        dx: 86,
        textAnchor: 'end',
        text: () => `${labels.yellow} ${Math.round(100 * yellow)}%`,
        fill: COLORS.yellow,
      }),
      Plot.text([100 * red], {
        y: (v: number) => v,
        frameAnchor: 'right',
        dx: 86,
        textAnchor: 'end',
        text: () => `${labels.red} ${Math.round(100 * red)}%`,
        fill: COLORS.red,
      }),
      Plot.lineY(data, { x: 'date', y: 'all', stroke: COLORS.all, strokeWidth: 1.5, strokeDasharray: '4,2' }),
      Plot.lineY(data, { x: 'date', y: 'worst', stroke: COLORS.worst, strokeWidth: 1.6 }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: 'date',
          y: 'worst',
          title: (d: (typeof data)[number]) =>
            `${formatDay(isoDay(d.date), lang)}\n${labels.worst}: ${d.worst.toFixed(1)}%\n${labels.all}: ${d.all.toFixed(1)}%`,
        }),
      ),
    ],
  }) as SVGSVGElement;
}

/** Options of {@link timelineChart}. */
export interface TimelineOptions {
  /** The x domain, the same as the usage chart's. */
  domain: [Date, Date];
  /** Label of each event kind, in drawing order top to bottom. */
  kinds: readonly { kind: string; label: string }[];
  /** The treatment province's name for a tooltip. */
  provinceName: (index: number) => string;
  /** Money text for a tooltip. */
  money: (fen: number) => string;
  date: (text: string) => Date;
  /** The time axis is written in it. */
  lang: Lang;
  width?: number;
}

/** Colour of an event kind. */
export function kindColor(kind: string): string {
  return kind === 'yellow'
    ? COLORS.yellow
    : kind === 'red'
      ? COLORS.red
      : kind === 'top-up'
        ? COLORS.topUp
        : COLORS.resize;
}

/**
 * The timeline of `rows` (columns date, kind, treatment_province, usage, amount_fen): one row of
 * ticks per event kind, with the count of events in its label.
 */
export function timelineChart(doc: Document, rows: readonly Row[], options: TimelineOptions): SVGSVGElement {
  const { kinds, lang, width = 1040 } = options;
  const narrow = width < NARROW;
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(String(r.kind), (counts.get(String(r.kind)) ?? 0) + 1);
  const label = new Map(kinds.map((k) => [k.kind, `${k.label} (${counts.get(k.kind) ?? 0})`]));
  const data = rows.map((r) => ({
    date: options.date(String(r.date)),
    kind: String(r.kind),
    title: `${formatDay(String(r.date), lang)} ${label.get(String(r.kind)) ?? ''}\n→ ${options.provinceName(Number(r.treatment_province))}: ${(100 * Number(r.usage)).toFixed(1)}%${Number(r.amount_fen) !== 0 ? `\n${options.money(Number(r.amount_fen))}` : ''}`,
  }));
  return Plot.plot({
    document: doc,
    width,
    height: kinds.length * 26 + 40,
    marginLeft: 16 + Math.max(60, ...[...label.values()].map(labelWidth)),
    marginRight: narrow ? 20 : 90,
    style: { fontSize: '11px', background: 'white' },
    x: {
      type: 'utc',
      domain: options.domain,
      label: null,
      grid: true,
      tickFormat: timeTickFormat(lang),
      ticks: narrow ? 3 : undefined,
    },
    y: { domain: kinds.map((k) => k.kind), tickFormat: (k: string) => label.get(k) ?? k, label: null },
    marks: [
      Plot.tickX(data, {
        x: 'date',
        y: 'kind',
        stroke: (d: (typeof data)[number]) => kindColor(d.kind),
        strokeWidth: 2,
        strokeOpacity: 0.7,
        title: 'title',
      }),
    ],
  }) as SVGSVGElement;
}
