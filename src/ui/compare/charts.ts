/**
 * The comparison charts (比较图表), drawn with Observable Plot from the rows of their SQL queries:
 * monthly lines faceted by use or geography with one colour per scenario, grouped bars of the largest
 * corridors and of the amount by use. Amounts are drawn in 亿元 (Chinese) or billion yuan (English);
 * months are named in the language (1月 / Jan). Every chart fits the width it is given: the monthly
 * panels wrap into rows on a narrow page, and axes carry fewer ticks.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import { formatMonthShort } from '../../text/dates';
import { labelWidth } from '../charts/labels';
import { SCENARIO_COLORS } from '../charts/palette';
import type { Lang } from '../../text/i18n';

/** Below this width (px) a chart is drawn for a phone: fewer ticks, smaller margins. */
export const NARROW = 560;

/** The widest a monthly panel gets before the panels sit side by side. */
const PANEL_MIN = 250;

/** Fen in one unit of the charts' amount axis: 亿元 in Chinese, billion yuan in English. */
export function chartUnitFen(lang: Lang): number {
  return lang === 'zh' ? 10_000_000_000 : 100_000_000_000;
}

/** The colour scale of the scenarios (domain in comparison order). */
function scenarioScale(scenarios: readonly string[]): Plot.ScaleOptions {
  return { type: 'ordinal', domain: [...scenarios], range: SCENARIO_COLORS };
}

const num = (r: Row, key: string): number => Number(r[key] ?? 0);

/** Options of {@link monthlyChart}. */
export interface MonthlyChartOptions {
  lang: Lang;
  /** The column of the facets (`use` or `geography`) and its values in facet order. */
  facet: string;
  facets: readonly string[];
  facetLabel: (key: string) => string;
  scenarios: readonly string[];
  width?: number;
}

/** How many panels of at least {@link PANEL_MIN} px fit side by side in `width` (at least one). */
export function panelColumns(width: number, panels: number): number {
  return Math.max(1, Math.min(panels, Math.floor(width / PANEL_MIN)));
}

/**
 * Monthly amounts (column `amount_fen`) as lines, one panel per use or geography, side by side as
 * far as the width allows and wrapped into rows below it, one colour per scenario. Each panel has
 * its own amount axis, so a small use (pharmacy) is as readable as a large one; the panels are
 * nested in one SVG, which downloads whole.
 */
export function monthlyChart(
  doc: Document,
  rows: readonly Row[],
  options: MonthlyChartOptions,
): SVGSVGElement {
  const { lang, facet, facets, scenarios, width = 1100 } = options;
  const unit = chartUnitFen(lang);
  const height = 220;
  const data = rows.map((r) => ({
    scenario: String(r.scenario),
    month: String(r.month),
    key: String(r[facet]),
    amount: num(r, 'amount_fen') / unit,
  }));
  const columns = panelColumns(width, facets.length);
  const panelWidth = Math.floor(width / columns);
  const rowsOfPanels = Math.ceil(facets.length / columns);
  const outer = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const outerWidth = panelWidth * columns;
  const outerHeight = height * rowsOfPanels;
  outer.setAttribute('width', String(outerWidth));
  outer.setAttribute('height', String(outerHeight));
  outer.setAttribute('viewBox', `0 0 ${outerWidth} ${outerHeight}`);
  outer.setAttribute('class', 'panels');
  facets.forEach((key, k) => {
    const mine = data.filter((d) => d.key === key);
    const panel = Plot.plot({
      document: doc,
      width: panelWidth,
      height,
      marginTop: 30,
      marginLeft: 46,
      marginRight: 12,
      style: { fontSize: '11px', background: 'white' },
      x: {
        type: 'point',
        label: null,
        tickFormat: (m: string) => (Number(m.slice(5)) % 3 === 1 ? formatMonthShort(m, lang) : ''),
      },
      // The unit is in the figure's caption; each panel's title takes the axis label's place.
      y: { label: null, grid: true, nice: true, zero: true, ticks: 5 },
      color: scenarioScale(scenarios),
      marks: [
        Plot.frame({ stroke: '#dde3ea' }),
        Plot.text([options.facetLabel(key)], {
          frameAnchor: 'top',
          dy: -18,
          fontSize: 12,
          fontWeight: 'bold',
          fill: '#1d2430',
        }),
        Plot.lineY(mine, { x: 'month', y: 'amount', stroke: 'scenario', strokeWidth: 1.8 }),
        Plot.dot(mine, {
          x: 'month',
          y: 'amount',
          fill: 'scenario',
          r: 2,
          title: (d: (typeof data)[number]) => `${d.scenario} ${d.month}: ${d.amount.toFixed(3)}`,
        }),
      ],
    }) as SVGSVGElement;
    panel.setAttribute('x', String((k % columns) * panelWidth));
    panel.setAttribute('y', String(Math.floor(k / columns) * height));
    panel.setAttribute('data-facet', key);
    outer.append(panel);
  });
  return outer;
}

/** Options of {@link groupedBars}. */
export interface GroupedBarsOptions {
  lang: Lang;
  /** Group labels in order (one band per group), and for each row its group. */
  groups: readonly string[];
  groupOf: (r: Row) => string;
  scenarios: readonly string[];
  xLabel: string;
  width?: number;
}

/** Horizontal bars of `amount_fen`, one band per group, one bar per scenario inside it. */
export function groupedBars(doc: Document, rows: readonly Row[], options: GroupedBarsOptions): SVGSVGElement {
  const { lang, groups, scenarios, width = 1100 } = options;
  const unit = chartUnitFen(lang);
  const data = rows.map((r) => ({
    group: options.groupOf(r),
    scenario: String(r.scenario),
    amount: num(r, 'amount_fen') / unit,
  }));
  const bar = 11;
  const narrow = width < NARROW;
  return Plot.plot({
    document: doc,
    width,
    height: groups.length * (scenarios.length * bar + 8) + 40,
    marginLeft: Math.min(narrow ? width * 0.4 : 360, 16 + Math.max(0, ...groups.map(labelWidth))),
    marginRight: narrow ? 40 : 60,
    style: { fontSize: '11px', background: 'white' },
    fy: { domain: [...groups], label: null, padding: 0.15 },
    y: { domain: [...scenarios], axis: null },
    x: { label: options.xLabel, grid: true, nice: true, ticks: narrow ? 3 : undefined },
    color: scenarioScale(scenarios),
    marks: [
      Plot.barX(data, { fy: 'group', y: 'scenario', x: 'amount', fill: 'scenario' }),
      Plot.text(data, {
        fy: 'group',
        y: 'scenario',
        x: 'amount',
        text: (d: (typeof data)[number]) => d.amount.toFixed(2),
        textAnchor: 'start',
        dx: 3,
        fontSize: 9,
        fill: '#4f5b6b',
      }),
      Plot.ruleX([0], { stroke: '#4f5b6b' }),
    ],
  }) as SVGSVGElement;
}
