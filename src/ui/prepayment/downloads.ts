/**
 * Download buttons of a Prepayment chart (预付金图表下载): the chart's data as CSV (the rows its SQL
 * or its computation gave), and the chart itself as SVG and PNG.
 */
import { rowsToCsv } from '../../analytics/csv';
import type { Rows } from '../../analytics/query';
import { downloadCsv, downloadPng, downloadSvg } from '../charts/download';
import { el } from '../dom';

/** Texts of the three buttons. */
export interface DownloadTexts {
  csv: string;
  svg: string;
  png: string;
}

/**
 * A row of download buttons for chart `id`: CSV of `data()` as `<base>-<id>.csv`, and when `svg` is
 * given, the chart as `<base>-<id>.svg` and `.png`; then a CSV button per `extra` table, saved as
 * `<base>-<extra id>.csv`. Buttons carry `data-download="<id>-csv"`, `"<extra id>-csv"` etc.
 */
export function downloadButtons(
  doc: Document,
  base: string,
  id: string,
  texts: DownloadTexts,
  data: () => Rows,
  svg: SVGSVGElement | null,
  extra: readonly { id: string; label: string; data: () => Rows }[] = [],
): HTMLElement {
  const button = (label: string, download: string, act: () => Promise<void> | void): HTMLButtonElement => {
    const b = el(doc, 'button', { type: 'button', 'data-download': download }, label);
    b.addEventListener('click', () => {
      Promise.resolve()
        .then(act)
        .catch((error: unknown) => console.error(error));
    });
    return b;
  };
  const name = `${base}-${id}`;
  return el(
    doc,
    'div',
    { class: 'downloads' },
    button(texts.csv, `${id}-csv`, () => downloadCsv(doc, `${name}.csv`, rowsToCsv(data()))),
    ...(svg
      ? [
          button(texts.svg, `${id}-svg`, () => downloadSvg(doc, `${name}.svg`, svg)),
          button(texts.png, `${id}-png`, () => downloadPng(doc, `${name}.png`, svg)),
        ]
      : []),
    ...extra.map((x) =>
      button(x.label, `${x.id}-csv`, () => downloadCsv(doc, `${base}-${x.id}.csv`, rowsToCsv(x.data()))),
    ),
  );
}
