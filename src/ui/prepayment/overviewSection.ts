/**
 * The all-provinces part of the Prepayment workspace (全部省份与资金划拨): the national figures, the
 * bands of peak usage under the rule across the draws, the sortable province table with the needed
 * prepayment at the chosen confidence and its interval, and gross versus netted cash movement per
 * month with what netting saves.
 */
import type { LegendItem } from '../charts/exportImage';
import { swatchLegend } from '../charts/figure';
import { el } from '../dom';
import { formatPercent } from '../../text/format';
import { moneyUnit } from './data';
import { downloadButtons } from './downloads';
import { provinceFigures, warningLevel } from './model';
import { bandChart, cashChart } from './overviewCharts';
import {
  chartFrame,
  confidenceText,
  downloadContext,
  moneyText,
  probabilityText,
  provinceName,
  usageText,
  type RenderContext,
  warningLegend,
} from './render';
import { provinceTable, type ProvinceColumn, type ProvinceRow, type TableSort } from './table';
import { COLORS } from './usageCharts';

/** The table rows: every province's figures with its name and the level of its median peak usage. */
export function provinceRows(ctx: RenderContext): ProvinceRow[] {
  const { view } = ctx;
  const summaries = view.completed.run.clearing.provinceSummaries;
  return view.answer.provinces.map((p) => {
    const f = provinceFigures(p, summaries[p.province]);
    return {
      ...f,
      name: provinceName(ctx, p.province),
      code: view.names.code[p.province] ?? String(p.province),
      level: warningLevel(f.peak_usage_p50, view.params.warnings),
    };
  });
}

/** The national line: needed at the confidence with its interval, the rule's size, what sharing adds. */
function national(ctx: RenderContext): HTMLElement[] {
  const { doc, lang, view } = ctx;
  const n = view.answer.national;
  if (!n.needed) return [];
  const bg = n.directSettlementOnly;
  const text = ctx.t('national', {
    c: confidenceText(ctx),
    needed: moneyText(n.needed.fen, lang),
    lo: moneyText(n.needed.lowFen, lang),
    hi: moneyText(n.needed.highFen, lang),
    opening: moneyText(n.ruleOpeningFen, lang),
  });
  const extra =
    bg && bg.needed
      ? ` ${ctx.t('national.ds', { bg: moneyText(bg.needed.fen, lang), adds: moneyText(n.needed.fen - bg.needed.fen, lang) })}`
      : '';
  return [
    el(
      doc,
      'p',
      {
        class: 'national',
        'data-fen': String(n.needed.fen),
        'data-low': String(n.needed.lowFen),
        'data-high': String(n.needed.highFen),
      },
      text + extra,
    ),
  ];
}

/** The band chart of peak usage under the rule across the draws, with its downloads. */
function bands(ctx: RenderContext): HTMLElement[] {
  const { doc, view } = ctx;
  const summaries = view.completed.run.clearing.provinceSummaries;
  const rows = view.answer.provinces.map((p) => ({
    province: p.province,
    low: p.rule.peakUsage.p05,
    median: p.rule.peakUsage.p50,
    high: p.rule.peakUsage.p95,
    dot: summaries[p.province]?.peakUsage ?? 0,
  }));
  const svg = bandChart(doc, rows, {
    yellow: view.params.warnings.yellow,
    red: view.params.warnings.red,
    xLabel: ctx.t('chart.bands.x'),
    provinceName: (i) => provinceName(ctx, i),
    selected: ctx.province,
    width: ctx.width,
  });
  const w = view.params.warnings;
  const legend: LegendItem[] = [
    { key: 'band', label: ctx.t('legend.draws'), color: COLORS.band },
    {
      key: 'chosen',
      label: `${ctx.t('legend.chosen')} ${provinceName(ctx, ctx.province)}`,
      color: COLORS.selected,
    },
    { key: 'median', label: ctx.t('legend.median'), color: COLORS.worst, shape: 'line' },
    { key: 'expected', label: ctx.t('legend.expected'), color: COLORS.run, shape: 'dot' },
    ...warningLegend(ctx, w),
  ];
  const frame = chartFrame(ctx, ctx.t('chart.bands'), { unit: ctx.t('unit.percent'), legend });
  const csv = () => ({
    names: ['province', 'peak_usage_p05', 'peak_usage_p50', 'peak_usage_p95', 'expected_peak_usage'],
    rows: rows.map((r) => ({
      province: r.province,
      peak_usage_p05: r.low,
      peak_usage_p50: r.median,
      peak_usage_p95: r.high,
      expected_peak_usage: r.dot,
    })),
  });
  return [
    el(doc, 'h4', {}, ctx.t('chart.bands')),
    swatchLegend(doc, legend),
    el(doc, 'div', { class: 'chart', 'data-chart': 'bands' }, svg),
    downloadButtons(downloadContext(ctx), 'bands', csv, { svg, frame }),
  ];
}

/** The province table with its CSV download. */
function table(ctx: RenderContext, sort: TableSort, onSort: (s: TableSort) => void): HTMLElement[] {
  const { doc, lang } = ctx;
  const rows = provinceRows(ctx);
  const largest = Math.max(
    0,
    ...rows.map((r) => Math.max(Number(r.rule_opening_fen), Number(r.needed_high_fen) || 0)),
  );
  const unit = moneyUnit(largest, lang);
  const digits = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const money = (v: number | string) =>
    // Rounded first, so that a tiny negative difference reads 0.00, not −0.00.
    Number.isFinite(Number(v)) ? digits.format(Math.round((100 * Number(v)) / unit.divisor) / 100 || 0) : '—';
  const inUnit = (header: string) => `${header} (${unit.label})`;
  const probability = (v: number | string) => probabilityText(Number(v), lang);
  const ds = ctx.view.answer.model === 'direct-settlement';
  const columns: ProvinceColumn[] = [
    { key: 'name', header: ctx.t('col.province'), format: (v) => String(v) },
    {
      key: 'needed_fen',
      header: inUnit(ctx.t('col.needed', { c: confidenceText(ctx) })),
      format: money,
    },
    {
      key: 'needed_high_fen',
      header: ctx.t('col.interval'),
      format: (_v, row) =>
        Number.isFinite(Number(row.needed_low_fen))
          ? `${money(row.needed_low_fen!)} – ${money(row.needed_high_fen!)}`
          : '—',
    },
    { key: 'rule_opening_fen', header: inUnit(ctx.t('col.ruleOpening')), format: money },
    {
      key: 'times_rule',
      header: ctx.t('col.timesRule'),
      format: (v) => (Number.isFinite(Number(v)) ? `${Number(v).toFixed(2)}×` : '—'),
    },
    { key: 'red_probability', header: ctx.t('col.pRed'), format: probability },
    { key: 'yellow_probability', header: ctx.t('col.pYellow'), format: probability },
    { key: 'red_warnings_mean', header: ctx.t('col.redMean'), format: (v) => Number(v).toFixed(1) },
    { key: 'peak_usage_p50', header: ctx.t('col.peak50'), format: (v) => usageText(Number(v), lang) },
    {
      key: 'expected_peak_usage',
      header: ctx.t('col.expectedPeak'),
      format: (v) => usageText(Number(v), lang),
    },
    ...(ds ? [{ key: 'sharing_adds_fen', header: inUnit(ctx.t('col.sharingAdds')), format: money }] : []),
  ];
  const t = provinceTable(doc, rows, {
    columns,
    sort,
    lang,
    selected: ctx.province,
    onSort,
    onSelect: ctx.select,
  });
  const names = [
    'province',
    'confidence',
    'needed_fen',
    'needed_low_fen',
    'needed_high_fen',
    'rule_opening_fen',
    'times_rule',
    'red_probability',
    'yellow_probability',
    'red_warnings_mean',
    'peak_usage_p50',
    'expected_peak_usage',
    ...(ds ? ['sharing_adds_fen'] : []),
  ];
  const csvRows = () => ({
    names,
    rows: rows.map((r) =>
      Object.fromEntries(
        names.map((k) => {
          const v = k === 'province' ? r.code : k === 'confidence' ? ctx.confidence : r[k];
          return [k, typeof v === 'number' && Number.isNaN(v) ? null : (v ?? null)];
        }),
      ),
    ),
  });
  return [
    el(doc, 'h4', {}, ctx.t('table.title')),
    el(doc, 'div', { class: 'table-wrap' }, t),
    downloadButtons(downloadContext(ctx), 'provinces', csvRows, null),
  ];
}

/** Gross versus netted cash per month, the totals in words, and downloads. */
function cash(ctx: RenderContext): HTMLElement[] {
  const { doc, lang, view } = ctx;
  const rows = view.cashRows;
  const sum = (k: string) => rows.reduce((a, r) => a + Number(r[k]), 0);
  const gross = sum('gross_fen');
  const netted = sum('netted_fen');
  const saved = sum('saved_fen');
  const unit = moneyUnit(Math.max(0, ...rows.map((r) => Number(r.gross_fen))), lang);
  const svg = cashChart(doc, rows, {
    divisor: unit.divisor,
    yLabel: ctx.t('chart.cash.y', { unit: unit.label }),
    labels: { gross: ctx.t('legend.gross'), netted: ctx.t('legend.netted') },
    lang,
    width: ctx.width,
  });
  const legend: LegendItem[] = [
    { key: 'netted', label: ctx.t('legend.netted'), color: COLORS.netted },
    { key: 'gross', label: `${ctx.t('legend.gross')} (${ctx.t('legend.saved')})`, color: COLORS.gross },
  ];
  const frame = chartFrame(ctx, ctx.t('section.cash'), {
    unit: unit.label,
    legend,
    notes: [
      ctx.t('cash.note', {
        gross: moneyText(gross, lang),
        netted: moneyText(netted, lang),
        saved: moneyText(saved, lang),
        pct: gross > 0 ? formatPercent((100 * saved) / gross, lang, 1) : '—',
      }),
    ],
  });
  return [
    el(doc, 'h3', {}, ctx.t('section.cash')),
    el(
      doc,
      'p',
      { class: 'note cash-note', 'data-gross': String(gross), 'data-netted': String(netted) },
      ctx.t('cash.note', {
        gross: moneyText(gross, lang),
        netted: moneyText(netted, lang),
        saved: moneyText(saved, lang),
        pct: gross > 0 ? formatPercent((100 * saved) / gross, lang, 1) : '—',
      }),
    ),
    swatchLegend(doc, legend),
    el(doc, 'div', { class: 'chart', 'data-chart': 'cash' }, svg),
    downloadButtons(
      downloadContext(ctx),
      'cash',
      () => ({
        names: ['month', 'month_text', 'settlement', 'gross_fen', 'netted_fen', 'saved_fen', 'moved_fen'],
        rows,
      }),
      { svg, frame },
    ),
  ];
}

/** Renders the all-provinces section and the cash section. */
export function overviewSection(
  ctx: RenderContext,
  sort: TableSort,
  onSort: (s: TableSort) => void,
): HTMLElement[] {
  return [
    el(ctx.doc, 'h3', {}, ctx.t('section.all')),
    ...national(ctx),
    ...bands(ctx),
    ...table(ctx, sort, onSort),
    ...cash(ctx),
  ];
}
