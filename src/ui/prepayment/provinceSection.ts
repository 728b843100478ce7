/**
 * The chosen province's part of the Prepayment workspace (单省预付金): key figures (opening
 * prepayment by the scenario's rule, peak usage, warnings, top-ups; with a Monte Carlo the prepayment
 * needed for the chosen confidence and P(red warning)), the daily usage chart with the warning
 * lines, the timeline of warnings and top-ups, and P(red) against a fixed prepayment.
 */
import type { PrepaymentSizing } from '../../clearing/parameters';
import { el } from '../dom';
import { formatCount } from '../format';
import { dateOf, moneyUnit } from './data';
import { downloadButtons } from './downloads';
import { neededAtConfidence, peakBands, redCurve } from './model';
import { curveChart } from './overviewCharts';
import {
  confidenceText,
  downloadTexts,
  moneyText,
  probabilityText,
  provinceName,
  usageText,
  type RenderContext,
} from './render';
import type { ProvinceView } from './runView';
import { COLORS, timelineChart, usageChart } from './usageCharts';

/** The sizing rule in words (C5). */
export function sizingText(ctx: Pick<RenderContext, 't' | 'lang'>, sizing: PrepaymentSizing): string {
  return sizing.method === 'months-of-average'
    ? ctx.t('rule.months', { n: sizing.months })
    : ctx.t('rule.percentile', { n: sizing.percentile });
}

/** One key figure: a label, a value and an optional note; `data-figure` names it for tests. */
function figure(
  doc: Document,
  id: string,
  label: string,
  value: string,
  note = '',
  fen?: number,
): HTMLElement {
  return el(
    doc,
    'div',
    { class: 'figure', 'data-figure': id, ...(fen === undefined ? {} : { 'data-fen': String(fen) }) },
    el(doc, 'div', { class: 'label' }, label),
    el(doc, 'div', { class: 'value' }, value),
    ...(note ? [el(doc, 'div', { class: 'note' }, note)] : []),
  );
}

/** A legend entry: a swatch (line or dashed line) and its text. */
function swatch(doc: Document, color: string, text: string, dashed = false): HTMLElement {
  return el(
    doc,
    'span',
    { class: 'entry' },
    el(doc, 'span', { class: `swatch${dashed ? ' dashed' : ''}`, style: `border-color:${color}` }),
    text,
  );
}

/** The key figures of the chosen province. */
function figures(ctx: RenderContext): HTMLElement {
  const { doc, lang, view, province } = ctx;
  const s = view.completed.run.clearing.provinceSummaries[province];
  const mc = view.completed.run.monteCarlo;
  const items: HTMLElement[] = [];
  if (s) {
    items.push(
      figure(
        doc,
        'opening',
        ctx.t('fig.opening'),
        moneyText(s.openingPrepaymentFen, lang),
        '',
        s.openingPrepaymentFen,
      ),
      figure(doc, 'peak', ctx.t('fig.peak'), usageText(s.peakUsage, lang)),
      figure(doc, 'warnings', ctx.t('fig.warnings'), `${s.yellowWarnings} / ${s.redWarnings}`),
      figure(doc, 'top-ups', ctx.t('fig.topUps'), formatCount(s.topUps, lang), moneyText(s.topUpFen, lang)),
    );
  }
  const pair = view.completed.run.clearing.prepayments.find(
    (x) => x.insured === province && x.treatment === ctx.treatment,
  );
  if (pair) {
    const count = (kind: string) => pair.events.filter((e) => e.kind === kind).length;
    items.push(
      figure(
        doc,
        'pair',
        ctx.t('fig.pair', { treatment: provinceName(ctx, pair.treatment) }),
        `${moneyText(pair.sizesFen[0] ?? 0, lang)} · ${usageText(pair.peakUsage, lang)}`,
        ctx.t('fig.pairNote', { yellow: count('yellow'), red: count('red'), topUps: count('top-up') }),
      ),
    );
  }
  const n = mc ? neededAtConfidence(mc, ctx.confidence)[province] : undefined;
  const band = mc ? peakBands(mc)[province] : undefined;
  if (mc && n && band) {
    const ratio = Number.isFinite(n.ratio) ? n.ratio.toFixed(2) : '—';
    items.push(
      figure(
        doc,
        'needed',
        ctx.t('fig.needed', { c: confidenceText(ctx) }),
        moneyText(n.neededFen, lang),
        ctx.t('fig.neededNote', { x: ratio }),
        n.neededFen,
      ),
      figure(doc, 'sized', ctx.t('fig.sized'), moneyText(n.sizedFen, lang), '', n.sizedFen),
      figure(
        doc,
        'p-red',
        ctx.t('fig.pRed'),
        probabilityText(n.redProbability, lang),
        ctx.t('fig.pRedNote', {
          a: probabilityText(n.redProbability, lang),
          b: probabilityText(n.redProbabilityAtSized, lang),
        }),
      ),
      figure(
        doc,
        'band',
        ctx.t('fig.band', { n: mc.replications }),
        `${usageText(band.low, lang)} – ${usageText(band.high, lang)}`,
        `${Math.round(band.lowQuantile * 100)}–${Math.round(band.highQuantile * 100)}%, ${usageText(band.median, lang)}`,
      ),
    );
  }
  return el(doc, 'div', { class: 'figures' }, ...items);
}

/** The P(red) curve of the chosen province, or the offer to run the Monte Carlo. */
function curveBlock(ctx: RenderContext, offer: HTMLElement): HTMLElement[] {
  const { doc, lang, view, province } = ctx;
  const mc = view.completed.run.monteCarlo;
  const p = mc?.provinceResults[province];
  const n = mc ? neededAtConfidence(mc, ctx.confidence)[province] : undefined;
  if (!mc || !p || !n) return [offer];
  const points = redCurve(p);
  const unit = moneyUnit(Math.max(n.neededFen, n.sizedFen, ...points.map((x) => x.prepaymentFen)), lang);
  const svg = curveChart(doc, points, {
    divisor: unit.divisor,
    xLabel: ctx.t('chart.curve.x', { unit: unit.label }),
    yLabel: ctx.t('chart.curve.y'),
    sizedFen: n.sizedFen,
    neededFen: n.neededFen,
    confidence: ctx.confidence,
    labels: { sized: ctx.t('legend.sized'), needed: `${ctx.t('legend.needed')} (${confidenceText(ctx)})` },
  });
  const rows = () => ({
    names: ['province', 'prepayment_fen', 'red_probability'],
    rows: points.map((x) => ({ province, prepayment_fen: x.prepaymentFen, red_probability: x.probability })),
  });
  return [
    el(doc, 'h4', {}, ctx.t('chart.curve')),
    el(doc, 'p', { class: 'note' }, ctx.t('chart.curve.note')),
    el(doc, 'div', { class: 'chart', 'data-chart': 'curve' }, svg),
    downloadButtons(doc, ctx.base, `curve-${province}`, downloadTexts(ctx), rows, svg),
  ];
}

/** Renders the chosen province's section (`data` null while its rows load). */
export function provinceSection(
  ctx: RenderContext,
  data: ProvinceView | null,
  offer: HTMLElement,
): HTMLElement[] {
  const { doc, lang, view, province } = ctx;
  const name = provinceName(ctx, province);
  const w = view.params.warnings;
  const heading =
    ctx.treatment === null
      ? ctx.t('section.province', { name })
      : ctx.t('section.pair', { name, treatment: provinceName(ctx, ctx.treatment) });
  const out: HTMLElement[] = [
    el(doc, 'h3', {}, heading),
    el(doc, 'p', { class: 'note' }, ctx.t('section.province.note')),
    figures(ctx),
  ];
  if (!data || data.province !== province || data.treatment !== ctx.treatment) return out;
  const lines =
    data.treatment === null
      ? { worst: ctx.t('legend.worst'), all: ctx.t('legend.all') }
      : { worst: ctx.t('legend.reached'), all: ctx.t('legend.after') };
  const usage = usageChart(doc, data.usageRows, {
    yellow: w.yellow,
    red: w.red,
    yLabel: ctx.t('chart.usage.y'),
    labels: { ...lines, yellow: ctx.t('legend.yellow'), red: ctx.t('legend.red') },
    date: dateOf,
  });
  const first = data.usageRows[0]?.date;
  const last = data.usageRows.at(-1)?.date;
  const domain: [Date, Date] = [dateOf(String(first ?? '2000-01-01')), dateOf(String(last ?? '2000-01-01'))];
  const kinds = (['resize', 'yellow', 'red', 'top-up'] as const).map((kind) => ({
    kind,
    label: ctx.t(`kind.${kind}`),
  }));
  const timeline = timelineChart(doc, data.eventRows, {
    domain,
    kinds,
    provinceName: (i) => provinceName(ctx, i),
    money: (fen) => moneyText(fen, lang),
    date: dateOf,
  });
  const texts = downloadTexts(ctx);
  const eventNames = ['date', 'day', 'month', 'treatment_province', 'kind', 'usage', 'amount_fen'];
  out.push(
    el(doc, 'h4', {}, ctx.t('chart.usage')),
    el(
      doc,
      'p',
      { class: 'legend' },
      swatch(doc, COLORS.worst, lines.worst),
      swatch(doc, COLORS.all, lines.all, true),
      swatch(doc, COLORS.yellow, `${ctx.t('legend.yellow')} ${Math.round(100 * w.yellow)}%`, true),
      swatch(doc, COLORS.red, `${ctx.t('legend.red')} ${Math.round(100 * w.red)}%`, true),
    ),
    el(doc, 'div', { class: 'chart', 'data-chart': 'usage' }, usage),
    downloadButtons(
      doc,
      ctx.base,
      `usage-${province}`,
      texts,
      () => ({
        names: ['day', 'date', 'worst_usage', 'usage', 'outstanding_fen', 'prepayment_fen'],
        rows: data.usageRows,
      }),
      usage,
      [
        {
          id: `usage-monthly-${province}`,
          label: ctx.t('download.monthly'),
          data: () => ({
            names: [
              'month',
              'month_text',
              'worst_peak_usage',
              'usage_month_end',
              'outstanding_fen',
              'prepayment_fen',
            ],
            rows: data.monthRows,
          }),
        },
      ],
    ),
    el(doc, 'h4', {}, ctx.t('chart.timeline')),
    ...(data.eventRows.length === 0 ? [el(doc, 'p', { class: 'note' }, ctx.t('timeline.none'))] : []),
    el(doc, 'div', { class: 'chart', 'data-chart': 'timeline' }, timeline),
    downloadButtons(
      doc,
      ctx.base,
      `events-${province}`,
      texts,
      () => ({ names: eventNames, rows: data.eventRows }),
      timeline,
    ),
    ...curveBlock(ctx, offer),
  );
  return out;
}
