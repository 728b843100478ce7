/**
 * The relative-error chart (相对误差图): one line per target, its relative error as a dot (green
 * within tolerance, red outside, blue for a reference figure, grey for a target not modelled) over
 * its tolerance band (none for a target not checked), drawn with Observable Plot from the rows of
 * the chart's SQL query.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import type { ValidationStatus } from '../../population/validate';
import { labelWidth } from '../charts/labels';
import { VALIDATION_COLORS } from '../charts/palette';
import type { Lang } from '../../text/i18n';

/** Colours of the chart, shared with the table: the page's palette. */
export const COLORS = VALIDATION_COLORS;

/** The dot colour of each status. */
export const STATUS_COLORS: Readonly<Record<ValidationStatus, string>> = {
  within: COLORS.within,
  outside: COLORS.outside,
  reference: COLORS.reference,
  'not-modelled': COLORS.notModelled,
};

/** The status of a chart or table row: its `status` column, or within / outside by `within`. */
export function rowStatus(r: Row): ValidationStatus {
  const s = r.status;
  return s === 'within' || s === 'outside' || s === 'reference' || s === 'not-modelled'
    ? s
    : r.within === true
      ? 'within'
      : 'outside';
}

/** Whether a row is checked against a tolerance (a reference or not-modelled target is not). */
export function isChecked(r: Row): boolean {
  const s = rowStatus(r);
  return s === 'within' || s === 'outside';
}

/** Options of {@link relErrorChart}. */
export interface RelErrorChartOptions {
  lang: Lang;
  /** Label of the x axis. */
  xLabel: string;
  width?: number;
}

/** Pixels per target line. */
const LINE = 14;

/** Rough width in pixels of a label (shared with the other charts). */

/**
 * Draws the chart of `rows` (columns name, label_zh, label_en, rel_error_pct, tolerance_pct, within,
 * status, lower_bound) into a new SVG element of `doc`. A tolerance of 0 marks a lower bound: the
 * band then runs from 0 up; a lower bound with a tolerance (`lower_bound`) runs from −tolerance up.
 * Rows not checked get no band.
 */
export function relErrorChart(
  doc: Document,
  rows: readonly Row[],
  options: RelErrorChartOptions,
): SVGSVGElement {
  const { lang, xLabel, width = 1040 } = options;
  const num = (r: Row, key: string): number => Number(r[key] ?? 0);
  const reach = Math.max(
    1,
    ...rows.map((r) => Math.max(Math.abs(num(r, 'rel_error_pct')), num(r, 'tolerance_pct'))),
  );
  const edge = Math.ceil(reach * 1.15);
  const labels = new Map(
    rows.map((r) => [String(r.name), String(r[lang === 'zh' ? 'label_zh' : 'label_en'])]),
  );
  const band = rows.filter(isChecked).map((r) => {
    const tol = num(r, 'tolerance_pct');
    const lower = tol === 0 || r.lower_bound === true;
    return { name: r.name, x1: -tol, x2: lower ? edge : tol };
  });
  const chart = Plot.plot({
    document: doc,
    width,
    height: rows.length * LINE + 50,
    marginLeft: Math.min(
      420,
      Math.round(width * 0.45),
      16 + Math.max(0, ...[...labels.values()].map(labelWidth)),
    ),
    marginRight: 20,
    style: { fontSize: '11px', background: 'white' },
    x: {
      domain: [-edge, edge],
      label: xLabel,
      grid: true,
      labelAnchor: 'center',
      ticks: width < 600 ? 4 : undefined,
    },
    y: {
      domain: rows.map((r) => String(r.name)),
      tickFormat: (name: string) => labels.get(name) ?? name,
      label: null,
    },
    marks: [
      Plot.barX(band, { y: 'name', x1: 'x1', x2: 'x2', fill: COLORS.band, insetTop: 1, insetBottom: 1 }),
      Plot.ruleX([0], { stroke: COLORS.zero }),
      Plot.dot(rows, {
        y: 'name',
        x: 'rel_error_pct',
        r: 3.5,
        fill: (r: Row) => STATUS_COLORS[rowStatus(r)],
        title: (r: Row) => `${labels.get(String(r.name))}: ${num(r, 'rel_error_pct').toFixed(2)}%`,
      }),
    ],
  });
  return chart as SVGSVGElement;
}
