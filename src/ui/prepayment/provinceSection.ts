/**
 * The chosen province's part of the Prepayment workspace (单省预付金): its key figures
 * (keyFigures.ts), the expected year's daily usage with the draws' monthly band and the warning
 * lines, its timeline of warnings and top-ups, P(red) against a fixed prepayment, and what the
 * province advances to each treatment province (advanceTable.ts).
 */
import type { PrepaymentSizing } from '../../clearing/parameters';
import type { LegendItem } from '../charts/exportImage';
import { swatchLegend } from '../charts/figure';
import { el } from '../dom';
import { dateOf, dayText, moneyUnit } from './data';
import { advanceBlock } from './advanceTable';
import { downloadButtons } from './downloads';
import { redCurve } from './model';
import { keyFigures } from './keyFigures';
import { curveChart } from './overviewCharts';
import {
  chartFrame,
  confidenceText,
  downloadContext,
  moneyText,
  provinceName,
  titled,
  type RenderContext,
  warningLegend,
} from './render';
import type { ProvinceView } from './runView';
import { COLORS, kindColor, timelineChart, usageChart } from './usageCharts';

/** The sizing rule in words (C5). */
export function sizingText(ctx: Pick<RenderContext, 't' | 'lang'>, sizing: PrepaymentSizing): string {
  return sizing.method === 'months-of-average'
    ? ctx.t('rule.months', { n: sizing.months })
    : ctx.t('rule.percentile', { n: sizing.percentile });
}

/** P(red) against a fixed prepayment for the chosen province. */
function curveBlock(ctx: RenderContext): HTMLElement[] {
  const { doc, lang, view, province } = ctx;
  const a = view.answer.provinces[province]!;
  const points = redCurve(a.criticalFen);
  const neededFen = a.needed?.fen ?? 0;
  const unit = moneyUnit(Math.max(neededFen, a.ruleOpeningFen, ...points.map((x) => x.prepaymentFen)), lang);
  const svg = curveChart(doc, points, {
    divisor: unit.divisor,
    xLabel: ctx.t('chart.curve.x', { unit: unit.label }),
    yLabel: ctx.t('chart.curve.y'),
    sizedFen: a.ruleOpeningFen,
    neededFen,
    confidence: ctx.confidence,
    labels: { sized: ctx.t('legend.sized'), needed: `${ctx.t('legend.needed')} (${confidenceText(ctx)})` },
    width: ctx.width,
  });
  const code = view.names.code[province] ?? String(province);
  const legend: LegendItem[] = [
    { key: 'p-red', label: ctx.t('legend.pRed'), color: COLORS.worst, shape: 'line' },
    { key: 'sized', label: ctx.t('legend.sized'), color: COLORS.resize, shape: 'line' },
    {
      key: 'needed',
      label: `${ctx.t('legend.needed')} (${confidenceText(ctx)})`,
      color: COLORS.needed,
      shape: 'line',
    },
    { key: 'target', label: ctx.t('legend.target'), color: COLORS.red, shape: 'dashed' },
  ];
  const frame = chartFrame(ctx, titled(ctx, provinceName(ctx, province), ctx.t('chart.curve')), {
    unit: `${unit.label}; ${ctx.t('unit.probability')}`,
    legend,
    notes: [ctx.t('chart.curve.note')],
  });
  const rows = () => ({
    names: ['province', 'prepayment_fen', 'red_probability'],
    rows: points.map((x) => ({
      province: code,
      prepayment_fen: Math.round(x.prepaymentFen),
      red_probability: x.probability,
    })),
  });
  return [
    el(doc, 'h4', {}, ctx.t('chart.curve')),
    el(doc, 'p', { class: 'note' }, ctx.t('chart.curve.note')),
    swatchLegend(doc, legend),
    el(doc, 'div', { class: 'chart', 'data-chart': 'curve' }, svg),
    downloadButtons(downloadContext(ctx), `curve-${code}`, rows, { svg, frame }),
  ];
}

/** The monthly band of the chosen province's usage under the rule, for the usage chart. */
function monthBand(ctx: RenderContext): { from: string; to: string; low: number; high: number }[] {
  const { view, province } = ctx;
  const cal = view.completed.run.clearing.calendar;
  const usage = view.answer.provinces[province]!.rule.monthUsage;
  return Array.from({ length: cal.months }, (_, m) => ({
    from: dayText(cal, cal.monthStart[m]!),
    to: dayText(cal, cal.monthStart[m + 1]!),
    low: usage.p05[m]!,
    high: usage.p95[m]!,
  }));
}

/** Renders the chosen province's section (`data` null while its rows load). */
export function provinceSection(ctx: RenderContext, data: ProvinceView | null): HTMLElement[] {
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
    keyFigures(ctx),
  ];
  if (!data || data.province !== province || data.treatment !== ctx.treatment) return out;
  const lines =
    data.treatment === null
      ? { worst: ctx.t('legend.worst'), all: ctx.t('legend.all') }
      : { worst: ctx.t('legend.reached'), all: ctx.t('legend.after') };
  const band = data.treatment === null ? monthBand(ctx) : [];
  const usage = usageChart(doc, data.usageRows, {
    yellow: w.yellow,
    red: w.red,
    yLabel: ctx.t('chart.usage.y'),
    labels: { ...lines, yellow: ctx.t('legend.yellow'), red: ctx.t('legend.red') },
    date: dateOf,
    band,
    lang,
    width: ctx.width,
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
    lang,
    width: ctx.width,
  });
  const downloads = downloadContext(ctx);
  const code = view.names.code[province]!;
  // Every row names the insured province, and the treatment province when one prepayment is shown.
  const where = {
    province: code,
    ...(data.treatment === null ? {} : { treatment_province: data.treatment }),
  };
  const whereNames = Object.keys(where);
  const usageLegend: LegendItem[] = [
    { key: 'worst', label: lines.worst, color: COLORS.worst, shape: 'line' },
    { key: 'all', label: lines.all, color: COLORS.all, shape: 'dashed' },
    ...(band.length > 0 ? [{ key: 'band', label: ctx.t('legend.band'), color: COLORS.band }] : []),
    ...warningLegend(ctx, w),
  ];
  const timelineLegend: LegendItem[] = kinds.map((k) => ({
    key: k.kind,
    label: k.label,
    color: kindColor(k.kind),
    shape: 'line',
  }));
  out.push(
    el(doc, 'h4', {}, ctx.t('chart.usage')),
    swatchLegend(doc, usageLegend),
    el(doc, 'div', { class: 'chart', 'data-chart': 'usage' }, usage),
    downloadButtons(
      downloads,
      `usage-${code}`,
      () => ({
        names: [...whereNames, 'day', 'date', 'worst_usage', 'usage', 'outstanding_fen', 'prepayment_fen'],
        rows: data.usageRows.map((r) => ({ ...where, ...r })),
      }),
      {
        svg: usage,
        frame: chartFrame(ctx, titled(ctx, heading, ctx.t('chart.usage')), {
          unit: ctx.t('unit.percent'),
          legend: usageLegend,
        }),
      },
      [
        {
          id: `usage-monthly-${code}`,
          label: ctx.t('download.monthly'),
          data: () => ({
            names: [
              ...whereNames,
              'month',
              'month_text',
              'worst_peak_usage',
              'usage_month_end',
              'outstanding_fen',
              'prepayment_fen',
              'band_usage_p05',
              'band_usage_p95',
            ],
            rows: data.monthRows.map((r, m) => ({
              ...where,
              ...r,
              band_usage_p05: band[m]?.low ?? null,
              band_usage_p95: band[m]?.high ?? null,
            })),
          }),
        },
      ],
    ),
    el(doc, 'h4', {}, ctx.t('chart.timeline')),
    ...(data.eventRows.length === 0 ? [el(doc, 'p', { class: 'note' }, ctx.t('timeline.none'))] : []),
    el(doc, 'div', { class: 'chart', 'data-chart': 'timeline' }, timeline),
    downloadButtons(
      downloads,
      `events-${code}`,
      () => ({
        names: ['province', 'date', 'day', 'month', 'treatment_province', 'kind', 'usage', 'amount_fen'],
        rows: data.eventRows.map((r) => ({ province: code, ...r })),
      }),
      {
        svg: timeline,
        frame: chartFrame(ctx, titled(ctx, heading, ctx.t('chart.timeline')), { legend: timelineLegend }),
      },
    ),
    ...curveBlock(ctx),
    ...advanceBlock(ctx),
  );
  return out;
}
