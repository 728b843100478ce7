/**
 * One section of the Validation workspace on the page (校验分组视图): title, note, the relative-error
 * chart and the target table (both from the section's SQL on the `validation` table), each with its
 * downloads, and the reasons of the targets not checked (reference figures, targets not modelled);
 * the chart's SVG and PNG carry its title, unit, legend and a footer naming the scenario, scale and
 * seed.
 */
import type { Row } from '../../analytics/query';
import { downloadChart, downloadCsv } from '../charts/download';
import type { LegendItem } from '../charts/exportImage';
import { unitLine } from '../charts/exportTexts';
import { swatchLegend } from '../charts/figure';
import { el } from '../dom';
import type { Lang } from '../../text/i18n';
import { COLORS, relErrorChart, rowStatus, STATUS_COLORS } from './chart';
import type { ValidationMessageKey } from './messages';
import { chartSql, type SectionRows, tableSql } from './sections';
import { statusNotes, targetTable } from './table';

/** A section's rows as queried back from DuckDB, and an optional line about the run behind them. */
export interface SectionView {
  section: SectionRows;
  chartRows: Row[];
  tableRows: Row[];
  /** Shown under the note (e.g. the calibration run's scenario, scale and time). */
  detail?: (lang: Lang) => string;
}

/** What a section block needs besides its view. */
export interface SectionBlockOptions {
  lang: Lang;
  t: (key: ValidationMessageKey) => string;
  /** File names start with this (e.g. `validation-population-1-1000`). */
  fileBase: string;
  /** The CSV text of a query on the page's DuckDB. */
  csv: (sql: string) => Promise<string>;
  /** The exported chart's footer: scenario, scale, seed. */
  footer: readonly string[];
  /** The width the chart fits, in CSS pixels. */
  width: number;
}

/** Builds the block of one section. */
export function sectionBlock(doc: Document, view: SectionView, options: SectionBlockOptions): HTMLElement {
  const { section, chartRows, tableRows } = view;
  const { lang, t, fileBase: base, csv } = options;
  const svg = relErrorChart(doc, chartRows, { lang, xLabel: t('chart.x'), width: options.width });
  const status = {
    within: t('within'),
    outside: t('outside'),
    reference: t('reference'),
    'not-modelled': t('notModelled'),
  } as const;
  // Within and outside always; a reference or not-modelled dot only when the section has one.
  const shown = new Set(chartRows.map(rowStatus));
  const legend: LegendItem[] = [
    ...(['within', 'outside', 'reference', 'not-modelled'] as const)
      .filter((s) => s === 'within' || s === 'outside' || shown.has(s))
      .map((s): LegendItem => ({ key: s, label: status[s], color: STATUS_COLORS[s], shape: 'dot' })),
    { key: 'band', label: t('chart.band'), color: COLORS.band },
  ];
  const frame = {
    title: `${t(section.title)}${lang === 'zh' ? '：' : ': '}${t('chart.title')}`,
    unit: unitLine(lang === 'zh' ? '%（相对误差）' : '% (relative error)', lang),
    legend,
    notes: [t(section.note)],
    footer: options.footer,
  };
  const table = targetTable(doc, tableRows, lang, {
    headers: [
      t('col.target'),
      t('col.published'),
      t('col.generated'),
      t('col.relError'),
      t('col.tolerance'),
      t('col.within'),
    ],
    status,
    lowerBound: t('lowerBound'),
  });
  const notes = statusNotes(doc, tableRows, lang, { status });
  const button = (label: ValidationMessageKey, kind: string, act: () => Promise<void>): HTMLButtonElement => {
    const b = el(doc, 'button', { type: 'button', 'data-download': kind }, t(label));
    b.addEventListener('click', () => {
      act().catch((error: unknown) => console.error(error));
    });
    return b;
  };
  const csvOf = async (sql: string, name: string): Promise<void> => {
    downloadCsv(doc, name, await csv(sql));
  };
  const detail = view.detail ? [el(doc, 'p', { class: 'run-detail' }, view.detail(lang))] : [];
  return el(
    doc,
    'section',
    { class: 'section', 'data-section': section.id },
    el(doc, 'h3', {}, t(section.title)),
    el(doc, 'p', { class: 'audience' }, t(section.note)),
    ...detail,
    el(doc, 'h4', {}, t('chart.title')),
    el(doc, 'div', { class: 'chart' }, svg),
    swatchLegend(doc, legend),
    el(
      doc,
      'div',
      { class: 'downloads' },
      button('download.csv', 'chart-csv', () => csvOf(chartSql(section.id), `${base}-chart.csv`)),
      button('download.svg', 'chart-svg', () => downloadChart(doc, `${base}-chart.svg`, svg, frame, 'svg')),
      button('download.png', 'chart-png', () => downloadChart(doc, `${base}-chart.png`, svg, frame, 'png')),
    ),
    el(doc, 'h4', {}, t('table.title')),
    el(doc, 'div', { class: 'table-wrap' }, table),
    ...(notes ? [el(doc, 'h4', {}, t('notes.title')), notes] : []),
    el(
      doc,
      'div',
      { class: 'downloads' },
      button('download.csv', 'table-csv', () => csvOf(tableSql(section.id), `${base}-table.csv`)),
    ),
  );
}
