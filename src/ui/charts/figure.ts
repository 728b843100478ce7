/**
 * A chart with its downloads (图表与下载): a titled figure holding one SVG chart, an optional note,
 * a legend naming every colour, and buttons that download the chart's data as CSV and the chart as
 * SVG or PNG. The page's legend and the exported one are built from the same entries, and the
 * exported image carries the title, unit, legend, note and footer (exportImage.ts). Shared by the
 * workspaces, so every chart offers the same three files.
 */
import './charts.css';
import { el } from '../dom';
import { downloadChart, downloadCsv } from './download';
import type { ExportFrame, LegendItem } from './exportImage';

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
  /** A line under the title (also under the exported chart). */
  note?: string;
  /** The unit line of the export (the page's title already names the unit). */
  unit?: string;
  /** The colours of the chart and their names, shown above it and in the export. */
  legend?: readonly LegendItem[];
  /** A continuous colour legend, made afresh for the page and for each export. */
  ramp?: () => Element;
  /** The export's footer: scenarios, scale, seed. */
  footer?: readonly string[];
  /** The CSV text of the chart's data (its SQL result). */
  csv: () => Promise<string>;
  /** File name without extension, e.g. `compare-monthly-use-1-1000`. */
  filename: string;
  texts: FigureTexts;
  /** Where a failed download is reported. */
  onError: (error: unknown) => void;
}

/** The export frame of a figure's options. */
export function figureFrame(options: Omit<FigureOptions, 'svg' | 'csv' | 'texts' | 'onError'>): ExportFrame {
  return {
    title: options.title,
    unit: options.unit,
    legend: options.legend,
    ramp: options.ramp,
    notes: options.note ? [options.note] : [],
    footer: options.footer,
  };
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
  const frame = figureFrame(options);
  const legends: HTMLElement[] = [];
  if (options.legend && options.legend.length > 0) legends.push(swatchLegend(doc, options.legend));
  if (options.ramp) legends.push(el(doc, 'div', { class: 'color-legend' }, options.ramp()));
  return el(
    doc,
    'figure',
    { class: 'chart-figure', 'data-chart': options.id },
    el(doc, 'figcaption', {}, options.title),
    ...(options.note ? [el(doc, 'p', { class: 'note' }, options.note)] : []),
    ...legends,
    el(doc, 'div', { class: 'chart' }, svg),
    el(
      doc,
      'div',
      { class: 'downloads' },
      el(doc, 'span', {}, texts.prefix),
      button('csv', texts.csv, async () => downloadCsv(doc, `${filename}.csv`, await options.csv())),
      button('svg', texts.svg, () => downloadChart(doc, `${filename}.svg`, svg, frame, 'svg')),
      button('png', texts.png, () => downloadChart(doc, `${filename}.png`, svg, frame, 'png')),
    ),
  );
}

/** A legend of coloured swatches (boxes, lines, dashed lines or dots), one per entry, with its label. */
export function swatchLegend(doc: Document, items: readonly LegendItem[]): HTMLElement {
  return el(
    doc,
    'p',
    { class: 'legend' },
    ...items.map((item) => {
      const shape = item.shape ?? 'box';
      const style =
        shape === 'line' || shape === 'dashed' ? `border-color:${item.color}` : `background:${item.color}`;
      return el(
        doc,
        'span',
        { class: 'entry' },
        el(doc, 'span', { class: `swatch ${shape}`, style, 'data-key': item.key ?? item.label }),
        el(doc, 'span', { class: 'legend-label' }, item.label),
      );
    }),
  );
}
