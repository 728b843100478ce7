/**
 * Who benefits by age and scheme (被共济人年龄段与险种): the money shared from quotas over the window,
 * one panel per scenario, one stacked bar per age band of the beneficiaries, one colour per scheme.
 * Drawn with Observable Plot from the rows of `beneficiariesByAgeSql`.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import type { Lang } from '../../text/i18n';
import { chartUnitFen } from './charts';

/** Colours of the schemes, in the order of the population's SCHEMES. */
export const SCHEME_COLORS: Readonly<Record<string, string>> = {
  'employee-account': '#1f5fa8',
  'employee-pooling-only': '#7fa7d6',
  resident: '#d9730d',
  uninsured: '#9e9e9e',
};

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
  return Plot.plot({
    document: doc,
    width,
    height: 300,
    marginTop: 34,
    marginLeft: 56,
    marginBottom: 36,
    style: { fontSize: '11px', background: 'white' },
    fx: { domain: [...scenarios], label: null, padding: 0.08 },
    x: { domain: bands.map(options.bandLabel), label: null, padding: 0.2 },
    y: { label: options.yLabel, grid: true, nice: true, zero: true },
    color: {
      type: 'ordinal',
      domain: schemes.map(options.schemeLabel),
      range: schemes.map((s) => SCHEME_COLORS[s] ?? '#5d6d7e'),
    },
    marks: [
      Plot.frame({ stroke: '#dde3ea' }),
      Plot.barY(
        data,
        Plot.stackY({
          fx: 'scenario',
          x: 'band',
          y: 'amount',
          fill: 'scheme',
          order: schemes.map(options.schemeLabel),
          title: (d: (typeof data)[number]) => `${d.scenario} ${d.band} ${d.scheme}: ${d.amount.toFixed(2)}`,
        }),
      ),
      Plot.text(totals, {
        fx: 'scenario',
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
