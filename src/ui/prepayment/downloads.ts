/**
 * Download buttons of a Prepayment chart (预付金图表下载): the chart's data as CSV (the rows its SQL
 * or its computation gave, provinces by GB code with both names and money in whole fen), and the
 * chart itself as SVG and PNG with its title, unit, legend, notes and a footer naming the scenario,
 * scale, seed, replications and confidence.
 */
import { rowsToCsv } from '../../analytics/csv';
import { exportRows, type PlaceNames } from '../../analytics/exportTables';
import type { Rows } from '../../analytics/query';
import { downloadChart, downloadCsv } from '../charts/download';
import type { ExportFrame } from '../charts/exportImage';
import { el } from '../dom';

/** Texts of the three buttons. */
export interface DownloadTexts {
  csv: string;
  svg: string;
  png: string;
}

/** What every download of the page shares: where, how the files start, the texts and the places. */
export interface DownloadContext {
  doc: Document;
  /** Start of every file name, e.g. `prepayment-baseline-2026-1-10000-r20-c95`. */
  base: string;
  texts: DownloadTexts;
  /** Province codes and names for the CSV files. */
  places: PlaceNames;
}

/** A chart to download: its SVG as drawn and what its export adds. */
export interface DownloadChart {
  svg: SVGSVGElement;
  frame: ExportFrame;
}

/**
 * A row of download buttons for chart `id`: CSV of `data()` as `<base>-<id>.csv`, and when `chart`
 * is given, the chart composed in its frame as `<base>-<id>.svg` and `.png`; then a CSV button per
 * `extra` table, saved as `<base>-<extra id>.csv`. Buttons carry `data-download="<id>-csv"`,
 * `"<extra id>-csv"` etc. Every CSV goes through {@link exportRows}.
 */
export function downloadButtons(
  ctx: DownloadContext,
  id: string,
  data: () => Rows,
  chart: DownloadChart | null,
  extra: readonly { id: string; label: string; data: () => Rows }[] = [],
): HTMLElement {
  const { doc, base, texts, places } = ctx;
  const button = (label: string, download: string, act: () => Promise<void> | void): HTMLButtonElement => {
    const b = el(doc, 'button', { type: 'button', 'data-download': download }, label);
    b.addEventListener('click', () => {
      Promise.resolve()
        .then(act)
        .catch((error: unknown) => console.error(error));
    });
    return b;
  };
  const csv = (name: string, rows: () => Rows) => () =>
    downloadCsv(doc, name, rowsToCsv(exportRows(rows(), places)));
  const name = `${base}-${id}`;
  return el(
    doc,
    'div',
    { class: 'downloads' },
    button(texts.csv, `${id}-csv`, csv(`${name}.csv`, data)),
    ...(chart
      ? [
          button(texts.svg, `${id}-svg`, () =>
            downloadChart(doc, `${name}.svg`, chart.svg, chart.frame, 'svg'),
          ),
          button(texts.png, `${id}-png`, () =>
            downloadChart(doc, `${name}.png`, chart.svg, chart.frame, 'png'),
          ),
        ]
      : []),
    ...extra.map((x) => button(x.label, `${x.id}-csv`, csv(`${base}-${x.id}.csv`, x.data))),
  );
}
