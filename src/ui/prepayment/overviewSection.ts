/**
 * The all-provinces part of the Prepayment workspace (全部省份与资金划拨): Monte Carlo bands of peak
 * usage, the sortable province table with the needed prepayment at the chosen confidence, and gross
 * versus netted cash movement per month with what netting saves.
 */
import { el } from '../dom';
import { formatCount, formatPercent } from '../format';
import { moneyUnit } from './data';
import { downloadButtons } from './downloads';
import { neededAtConfidence, warningLevel } from './model';
import { bandChart, cashChart } from './overviewCharts';
import {
  confidenceText,
  downloadTexts,
  moneyText,
  probabilityText,
  provinceName,
  usageText,
  type RenderContext,
} from './render';
import { provinceTable, type ProvinceColumn, type ProvinceRow, type TableSort } from './table';
import { COLORS } from './usageCharts';

/** The table rows: the SQL rows with the province name and, with a Monte Carlo, the needed prepayment. */
export function provinceRows(ctx: RenderContext): ProvinceRow[] {
  const { view } = ctx;
  const mc = view.completed.run.monteCarlo;
  const needed = mc ? neededAtConfidence(mc, ctx.confidence) : null;
  return view.provinceRows.map((r) => {
    const province = Number(r.province);
    const n = needed?.[province];
    const opening = Number(r.opening_prepayment_fen);
    return {
      province,
      name: provinceName(ctx, province),
      level: warningLevel(Number(r.peak_usage), view.params.warnings),
      opening_prepayment_fen: opening,
      peak_usage: Number(r.peak_usage),
      yellow_warnings: Number(r.yellow_warnings),
      red_warnings: Number(r.red_warnings),
      top_ups: Number(r.top_ups),
      top_up_fen: Number(r.top_up_fen),
      red_probability: n ? n.redProbability : NaN,
      needed_prepayment_fen: n ? n.neededFen : NaN,
      needed_ratio: n && opening > 0 ? n.neededFen / opening : NaN,
    };
  });
}

/** The Monte Carlo band chart with its downloads (nothing without replications). */
function bands(ctx: RenderContext): HTMLElement[] {
  const { doc, view } = ctx;
  const mc = view.completed.run.monteCarlo;
  if (!mc || !view.bandRows) return [];
  const q = mc.quantiles;
  const name = (x: number) => `peak_usage_q${String(Math.round(x * 100)).padStart(2, '0')}`;
  const lo = Math.min(...q);
  const hi = Math.max(...q);
  const mid = q.reduce((a, b) => (Math.abs(b - 0.5) < Math.abs(a - 0.5) ? b : a));
  const svg = bandChart(doc, view.bandRows, {
    yellow: view.params.warnings.yellow,
    red: view.params.warnings.red,
    low: name(lo),
    median: name(mid),
    high: name(hi),
    xLabel: ctx.t('chart.bands.x'),
    provinceName: (i) => provinceName(ctx, i),
    selected: ctx.province,
  });
  const rows = view.bandRows;
  return [
    el(
      doc,
      'h4',
      {},
      ctx.t('chart.bands', { lo: `${Math.round(lo * 100)}%`, hi: `${Math.round(hi * 100)}%` }),
    ),
    el(doc, 'div', { class: 'chart', 'data-chart': 'bands' }, svg),
    downloadButtons(
      doc,
      ctx.base,
      'bands',
      downloadTexts(ctx),
      () => ({ names: Object.keys(rows[0] ?? {}), rows }),
      svg,
    ),
  ];
}

/** The province table with its CSV download. */
function table(ctx: RenderContext, sort: TableSort, onSort: (s: TableSort) => void): HTMLElement[] {
  const { doc, lang } = ctx;
  const rows = provinceRows(ctx);
  const largest = Math.max(0, ...rows.map((r) => Number(r.opening_prepayment_fen)));
  const unit = moneyUnit(largest, lang);
  const digits = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const money = (v: number | string) =>
    Number.isFinite(Number(v)) ? digits.format(Number(v) / unit.divisor) : '—';
  const inUnit = (header: string) => `${header} (${unit.label})`;
  const count = (v: number | string) => formatCount(Number(v), lang);
  const mc = ctx.view.completed.run.monteCarlo !== null;
  const columns: ProvinceColumn[] = [
    { key: 'name', header: ctx.t('col.province'), format: (v) => String(v) },
    { key: 'opening_prepayment_fen', header: inUnit(ctx.t('col.opening')), format: money },
    { key: 'peak_usage', header: ctx.t('col.peak'), format: (v) => usageText(Number(v), lang) },
    { key: 'yellow_warnings', header: ctx.t('col.yellow'), format: count },
    { key: 'red_warnings', header: ctx.t('col.red'), format: count },
    { key: 'top_ups', header: ctx.t('col.topUps'), format: count },
    { key: 'top_up_fen', header: inUnit(ctx.t('col.topUpFen')), format: money },
    ...(mc
      ? [
          {
            key: 'red_probability',
            header: ctx.t('col.pRed'),
            format: (v: number | string) => probabilityText(Number(v), lang),
          },
          {
            key: 'needed_prepayment_fen',
            header: inUnit(ctx.t('col.needed', { c: confidenceText(ctx) })),
            format: money,
          },
          {
            key: 'needed_ratio',
            header: ctx.t('col.ratio'),
            format: (v: number | string) => (Number.isFinite(Number(v)) ? `${Number(v).toFixed(2)}×` : '—'),
          },
        ]
      : []),
  ];
  const t = provinceTable(doc, rows, {
    columns,
    sort,
    lang,
    selected: ctx.province,
    onSort,
    onSelect: ctx.select,
  });
  const names = ['province', 'name', ...columns.slice(1).map((c) => c.key), 'level'];
  const csvRows = () => ({
    names,
    rows: rows.map((r) =>
      Object.fromEntries(names.map((k) => [k, Number.isNaN(r[k]) ? null : (r[k] ?? null)])),
    ),
  });
  return [
    el(doc, 'h4', {}, ctx.t('table.title')),
    el(doc, 'div', { class: 'table-wrap' }, t),
    downloadButtons(doc, ctx.base, 'provinces', downloadTexts(ctx), csvRows, null),
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
  });
  const entry = (color: string, text: string) =>
    el(
      doc,
      'span',
      { class: 'entry' },
      el(doc, 'span', { class: 'box', style: `background:${color}` }),
      text,
    );
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
    el(
      doc,
      'p',
      { class: 'legend' },
      entry(COLORS.netted, ctx.t('legend.netted')),
      entry(COLORS.gross, `${ctx.t('legend.gross')} (${ctx.t('legend.saved')})`),
    ),
    el(doc, 'div', { class: 'chart', 'data-chart': 'cash' }, svg),
    downloadButtons(
      doc,
      ctx.base,
      'cash',
      downloadTexts(ctx),
      () => ({
        names: ['month', 'month_text', 'settlement', 'gross_fen', 'netted_fen', 'saved_fen', 'moved_fen'],
        rows,
      }),
      svg,
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
    ...bands(ctx),
    ...table(ctx, sort, onSort),
    ...cash(ctx),
  ];
}
