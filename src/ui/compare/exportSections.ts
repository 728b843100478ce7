/**
 * The comparison's exports (比较结果导出): every run's tables as Parquet downloads, and the report
 * button that gathers the comparison into one printable HTML page.
 */
import { quoteIdent } from '../../analytics/connector';
import { exportTable } from '../../analytics/exportTables';
import { columnTableParquet } from '../../analytics/parquet';
import { queryColumns } from '../../analytics/query';
import { downloadBlob, svgText } from '../charts/download';
import { composeExport } from '../charts/exportImage';
import { el } from '../dom';
import { changeNotes } from './changeTable';
import { comparisonReport, REPORT_TEXTS } from './report';

import type { Drawing } from './sectionDrawing';

/** Every run's tables as Parquet downloads, provinces by code and money in whole fen. */
export function dataSection(d: Drawing): HTMLElement {
  const { doc, t } = d.ctx;
  const { scaleK } = d.data;
  return d.section(
    'data',
    'section.data',
    el(doc, 'p', { class: 'note' }, t('data.note')),
    ...d.data.runs.map((r) =>
      el(
        doc,
        'div',
        { class: 'downloads', 'data-scenario': r.id },
        el(doc, 'span', { class: 'run-id' }, `${r.id}:`),
        ...r.run.tables.map((name) => {
          const b = el(doc, 'button', { type: 'button', 'data-parquet': name }, name);
          b.addEventListener('click', () => {
            void (async () => {
              const conn = await d.ctx.db();
              const table = quoteIdent(`${r.run.tablePrefix}_${name}`);
              const columns = await queryColumns(conn, `SELECT * FROM ${table}`);
              const bytes = columnTableParquet(exportTable({ name, columns }, d.ctx.places));
              downloadBlob(
                doc,
                `${r.id}-1-${scaleK}-${name}.parquet`,
                new Blob([bytes as BlobPart], { type: 'application/vnd.apache.parquet' }),
              );
            })().catch(d.ctx.onError);
          });
          return b;
        }),
      ),
    ),
  );
}

/** The report button: the whole comparison as one printable HTML page. */
export function reportBar(
  d: Drawing,
  tables: () => { totals: string; change: string | null; diff: string | null },
): HTMLElement {
  const { doc, lang } = d.ctx;
  const button = el(
    doc,
    'button',
    { type: 'button', 'data-download': 'report', class: 'report' },
    REPORT_TEXTS.button[lang],
  );
  button.addEventListener('click', () => {
    try {
      const { totals, change, diff } = tables();
      const html = comparisonReport({
        lang,
        scaleK: d.data.scaleK,
        replications: d.data.replications,
        baseline: d.data.change.baseline,
        scenarios: d.data.runs.map((r) => {
          const scenario = r.run.request.scenario;
          return {
            id: r.id,
            title: scenario.title[lang],
            seed: scenario.seed,
            description: scenario.description[lang],
            digest: r.run.digest,
          };
        }),
        totalsHtml: totals,
        change: change === null ? null : { html: change, notes: changeNotes(d.data.change, d.ctx.t) },
        diffHtml: diff,
        charts: d.charts.map((c) => ({ id: c.id, svg: svgText(composeExport(doc, c.svg, c.frame)) })),
        notes: d.charts.flatMap((c) => c.frame.notes ?? []),
        footer: d.footer,
        now: new Date(),
      });
      downloadBlob(
        doc,
        `compare-report-1-${d.data.scaleK}.html`,
        new Blob([html], { type: 'text/html;charset=utf-8' }),
      );
    } catch (error) {
      d.ctx.onError(error);
    }
  });
  return el(
    doc,
    'div',
    { class: 'downloads report-bar' },
    button,
    el(doc, 'span', { class: 'note' }, REPORT_TEXTS.hint[lang]),
  );
}
