/**
 * A chart with its downloads (图表与下载): a titled figure holding one SVG chart, an optional note and
 * legend, and buttons that download the chart's data as CSV and the chart as SVG or PNG. Shared by the
 * workspaces, so every chart offers the same three files.
 */
import { el } from '../dom';
import { downloadCsv, downloadPng, downloadSvg } from './download';

/** Texts of the download buttons. */
export interface FigureTexts {
  /** Before the buttons, e.g. "Download:". */
  prefix: string;
  csv: string;
  svg: string;
  png: string;
}

/** What a figure shows and downloads. */
export interface FigureOptions {
  /** Stable id of the chart (the `data-chart` attribute and the start of file names). */
  id: string;
  title: string;
  svg: SVGSVGElement;
  /** A line under the title. */
  note?: string;
  /** An HTML legend shown above the chart. */
  legend?: HTMLElement;
  /** The CSV text of the chart's data (its SQL result). */
  csv: () => Promise<string>;
  /** File name without extension, e.g. `compare-monthly-use-1-1000`. */
  filename: string;
  texts: FigureTexts;
  /** Where a failed download is reported. */
  onError: (error: unknown) => void;
}

/** Builds the figure in `doc`. Buttons carry `data-download="csv|svg|png"`. */
export function chartFigure(doc: Document, options: FigureOptions): HTMLElement {
  const { svg, texts, filename } = options;
  const button = (kind: string, label: string, act: () => Promise<void>): HTMLButtonElement => {
    const b = el(doc, 'button', { type: 'button', 'data-download': kind }, label);
    b.addEventListener('click', () => {
      act().catch(options.onError);
    });
    return b;
  };
  return el(
    doc,
    'figure',
    { class: 'chart-figure', 'data-chart': options.id },
    el(doc, 'figcaption', {}, options.title),
    ...(options.note ? [el(doc, 'p', { class: 'note' }, options.note)] : []),
    ...(options.legend ? [options.legend] : []),
    el(doc, 'div', { class: 'chart' }, svg),
    el(
      doc,
      'div',
      { class: 'downloads' },
      el(doc, 'span', {}, texts.prefix),
      button('csv', texts.csv, async () => downloadCsv(doc, `${filename}.csv`, await options.csv())),
      button('svg', texts.svg, async () => downloadSvg(doc, `${filename}.svg`, svg)),
      button('png', texts.png, () => downloadPng(doc, `${filename}.png`, svg)),
    ),
  );
}

/** A legend of coloured swatches, one per key, with its label. */
export function swatchLegend(
  doc: Document,
  items: readonly { key: string; label: string; color: string }[],
): HTMLElement {
  return el(
    doc,
    'p',
    { class: 'legend' },
    ...items.flatMap((item) => [
      el(doc, 'span', { class: 'swatch', style: `background:${item.color}`, 'data-key': item.key }),
      el(doc, 'span', { class: 'legend-label' }, item.label),
    ]),
  );
}
