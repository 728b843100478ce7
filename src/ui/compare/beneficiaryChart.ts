/**
 * Who benefits by age and scheme (被共济人年龄段与险种): the money shared from quotas over the window,
 * one panel per scenario (side by side, or one under another on a narrow page), one stacked bar per
 * age band of the beneficiaries, one shade of grey per scheme (the scenarios own the page's hues).
 * Drawn with Observable Plot from the rows of `beneficiariesByAgeSql`.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import type { Lang } from '../../text/i18n';
import { SCHEME_COLORS } from '../charts/palette';
import { chartUnitFen, NARROW } from './charts';

/** The narrowest a scenario's panel gets before the panels are stacked. */
const PANEL_MIN = 280;

/** Options of {@link beneficiaryChart}. */
export interface BeneficiaryChartOptions {
  lang: Lang;
  /** Scenario ids in comparison order (one panel each). */
  scenarios: readonly string[];
  /** Age bands in order, and the label of each. */
  bands: readonly string[];
  bandLabel: (band: string) => string;
  /** Schemes in stacking order, and the label of each. */
  schemes: readonly string[];
  schemeLabel: (scheme: string) => string;
  /** Label of the amount axis (the unit). */
  yLabel: string;
  width?: number;
}

/**
 * Stacked bars of `amount_fen` by age band (x) and scheme (colour), one panel per scenario side by
 * side, each bar's total written above it; a bar's tooltip gives scenario, band, scheme and amount.
 */
export function beneficiaryChart(
  doc: Document,
  rows: readonly Row[],
  options: BeneficiaryChartOptions,
): SVGSVGElement {
  const { lang, scenarios, bands, schemes, width = 1100 } = options;
  const unit = chartUnitFen(lang);
  const data = rows.map((r) => ({
    scenario: String(r.scenario),
    band: options.bandLabel(String(r.age_band)),
    scheme: options.schemeLabel(String(r.scheme)),
    amount: Number(r.amount_fen ?? 0) / unit,
  }));
  const totals = scenarios.flatMap((scenario) =>
    bands.map((b) => {
      const band = options.bandLabel(b);
      const amount = data
        .filter((d) => d.scenario === scenario && d.band === band)
        .reduce((s, d) => s + d.amount, 0);
      return { scenario, band, amount };
    }),
  );
  // Side by side while each panel keeps PANEL_MIN px, else one under another.
  const stacked = scenarios.length > 1 && width / scenarios.length < PANEL_MIN;
  const facet = stacked ? 'fy' : 'fx';
  const narrow = width < NARROW;
  return Plot.plot({
    document: doc,
    width,
    height: stacked ? 230 * scenarios.length + 40 : 300,
    marginTop: 34,
    marginLeft: narrow ? 44 : 56,
    marginRight: stacked ? 90 : 20,
    marginBottom: 36,
    style: { fontSize: '11px', background: 'white' },
    [facet]: { domain: [...scenarios], label: null, padding: 0.08 },
    x: { domain: bands.map(options.bandLabel), label: null, padding: 0.2 },
    y: { label: options.yLabel, grid: true, nice: true, zero: true, ticks: narrow ? 4 : undefined },
    color: {
      type: 'ordinal',
      domain: schemes.map(options.schemeLabel),
      range: schemes.map((s) => SCHEME_COLORS[s as keyof typeof SCHEME_COLORS] ?? '#5d6d7e'),
    },
    marks: [
      Plot.frame({ stroke: '#dde3ea' }),
      Plot.barY(
        data,
        Plot.stackY({
          [facet]: 'scenario',
          x: 'band',
          y: 'amount',
          fill: 'scheme',
          order: schemes.map(options.schemeLabel),
          title: (d: (typeof data)[number]) => `${d.scenario} ${d.band} ${d.scheme}: ${d.amount.toFixed(2)}`,
        }),
      ),
      Plot.text(totals, {
        [facet]: 'scenario',
        x: 'band',
        y: 'amount',
        text: (d: (typeof totals)[number]) => d.amount.toFixed(1),
        dy: -6,
        fontSize: 9,
        fill: '#4f5b6b',
      }),
      Plot.ruleY([0], { stroke: '#4f5b6b' }),
    ],
  }) as SVGSVGElement;
}
