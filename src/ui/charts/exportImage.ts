/**
 * A chart that stands alone (独立成图的导出): the downloaded SVG or PNG is not the bare chart but a
 * composition — a header with the title and the unit, a legend naming every colour, the chart, then
 * notes and a footer with the scenarios, scale and seed — so a figure pasted into a report still
 * says what it shows. The composition is one SVG document; the PNG is that document drawn on a
 * canvas, so both carry the same text.
 */
import { labelWidth } from './labels';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How a legend entry is drawn: a line, a dashed line, a filled box or a dot. */
export type SwatchShape = 'line' | 'dashed' | 'box' | 'dot';

/** One entry of a legend: what a colour (and shape) means. */
export interface LegendItem {
  label: string;
  color: string;
  shape?: SwatchShape;
  /** A stable key for tests and styling (`data-key`). */
  key?: string;
}

/** What surrounds the chart in an export. */
export interface ExportFrame {
  title: string;
  /** The unit of the chart's values, as a whole line (e.g. “单位：亿元/月”). */
  unit?: string;
  /** Every colour of the chart with its name. */
  legend?: readonly LegendItem[];
  /** A continuous colour legend (a ramp), drawn under the entries. */
  ramp?: () => Element;
  /** Lines under the chart: what a reader needs to read it. */
  notes?: readonly string[];
  /** Lines at the foot: scenarios, scale, seed, replications. */
  footer?: readonly string[];
}

/** The fonts of the exported text, Chinese faces included. */
export const EXPORT_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans', sans-serif";

/** Width in pixels of `text` at `size` px (the 11px estimate of the chart labels, scaled). */
function textWidth(text: string, size: number): number {
  return (labelWidth(text) * size) / 11;
}

/**
 * `text` broken into lines no wider than `width` at `size` px: between words in English, between
 * any two characters in Chinese; a word longer than a line stays whole.
 */
export function wrapText(text: string, width: number, size: number): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line.trim() !== '' && textWidth(next.trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line = next;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The pixel size of an SVG chart: its width and height attributes, else its view box. */
export function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '');
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Number.isFinite(attr('width')) ? attr('width') : (box[2] ?? 0);
  const height = Number.isFinite(attr('height')) ? attr('height') : (box[3] ?? 0);
  return { width: width || 600, height: height || 300 };
}

/** An SVG element of `doc` with attributes. */
function node(doc: Document, name: string, attrs: Record<string, string | number>): SVGElement {
  const e = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A text line at (x, y). */
function line(
  doc: Document,
  text: string,
  x: number,
  y: number,
  size: number,
  extra: Record<string, string | number> = {},
): SVGElement {
  const t = node(doc, 'text', { x, y, 'font-size': size, fill: '#1d2430', ...extra });
  t.textContent = text;
  return t;
}

/** The swatch of a legend entry, 18 × 10 px with its top left at (x, y). */
function swatch(doc: Document, item: LegendItem, x: number, y: number): SVGElement {
  const shape = item.shape ?? 'box';
  if (shape === 'dot') return node(doc, 'circle', { cx: x + 9, cy: y + 5, r: 4, fill: item.color });
  if (shape === 'box') return node(doc, 'rect', { x, y, width: 18, height: 10, fill: item.color });
  return node(doc, 'line', {
    x1: x,
    x2: x + 18,
    y1: y + 5,
    y2: y + 5,
    stroke: item.color,
    'stroke-width': 2.5,
    ...(shape === 'dashed' ? { 'stroke-dasharray': '5,3' } : {}),
  });
}

const PAD = 16;
const TITLE = 16;
const SMALL = 12;
const FOOT = 11;

/** A line of text placed in an export: where, how large, which colour, and which part it belongs to. */
export interface PlacedText {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  fill: string;
  bold?: boolean;
  part: 'title' | 'unit' | 'note' | 'footer';
}

/** Where everything of an export goes, in pixels from the top left. */
export interface ExportLayout {
  width: number;
  height: number;
  texts: PlacedText[];
  /** Each legend entry with the top left of its 18 × 10 swatch; its label starts 24 px to the right. */
  legend: { item: LegendItem; x: number; y: number }[];
  /** The top left of the ramp, when there is one. */
  ramp?: { x: number; y: number };
  chart: { x: number; y: number; width: number; height: number };
}

/**
 * The layout of an export of a chart of `size` in `frame` (a ramp of `rampHeight` px when the frame
 * has one): at least 480 px wide, the chart centred; from the top the title in bold, the unit, the
 * legend entries (wrapped into rows), the ramp, the chart, the notes and the footer.
 */
export function exportLayout(
  size: { width: number; height: number },
  frame: Omit<ExportFrame, 'ramp'>,
  rampHeight?: number,
): ExportLayout {
  const width = Math.ceil(Math.max(480, size.width + 2 * PAD));
  const inner = width - 2 * PAD;
  const texts: PlacedText[] = [];
  const legend: ExportLayout['legend'] = [];
  let y = PAD;
  for (const text of wrapText(frame.title, inner, TITLE)) {
    y += TITLE + 4;
    texts.push({ text, x: PAD, y, size: TITLE, fill: '#1d2430', bold: true, part: 'title' });
  }
  for (const text of frame.unit ? wrapText(frame.unit, inner, SMALL) : []) {
    y += SMALL + 5;
    texts.push({ text, x: PAD, y, size: SMALL, fill: '#4f5b6b', part: 'unit' });
  }
  const items = frame.legend ?? [];
  if (items.length > 0) {
    y += 10;
    let x = PAD;
    for (const item of items) {
      const w = 24 + textWidth(item.label, SMALL) + 16;
      if (x > PAD && x + w > PAD + inner) {
        x = PAD;
        y += SMALL + 8;
      }
      legend.push({ item, x, y: y + 2 });
      x += w;
    }
    y += SMALL + 4;
  }
  let ramp: ExportLayout['ramp'];
  if (rampHeight !== undefined) {
    ramp = { x: PAD, y: y + 6 };
    y += rampHeight + 6;
  }
  y += 10;
  const chart = { x: Math.round((width - size.width) / 2), y, width: size.width, height: size.height };
  y += size.height + 6;
  for (const [lines, fill, part] of [
    [frame.notes ?? [], '#4f5b6b', 'note'],
    [frame.footer ?? [], '#6b7685', 'footer'],
  ] as const) {
    for (const text of lines.flatMap((l) => wrapText(l, inner, FOOT))) {
      y += FOOT + 5;
      texts.push({ text, x: PAD, y, size: FOOT, fill, part });
    }
  }
  return { width, height: Math.ceil(y + PAD), texts, legend, ramp, chart };
}

/**
 * The export of `chart` in `frame`: a new standalone SVG document (the chart is copied, not moved)
 * laid out by {@link exportLayout}, with the title and unit (`data-part="title"`), the legend
 * (`data-part="legend"`, one `data-legend` group per entry), the chart (`data-part="chart"`), and the
 * notes and footer (`data-part="footer"`).
 */
export function composeExport(doc: Document, chart: SVGSVGElement, frame: ExportFrame): SVGSVGElement {
  const ramp = frame.ramp?.();
  const rampSvg = ramp && ramp.tagName.toLowerCase() === 'svg' ? (ramp as SVGSVGElement) : undefined;
  const layout = exportLayout(chartSize(chart), frame, rampSvg ? chartSize(rampSvg).height : undefined);
  const { width, height } = layout;
  const root = node(doc, 'svg', { xmlns: SVG_NS, 'font-family': EXPORT_FONT }) as SVGSVGElement;
  const group = (part: string) => node(doc, 'g', { 'data-part': part });
  const text = (t: PlacedText) =>
    line(doc, t.text, t.x, t.y, t.size, {
      fill: t.fill,
      ...(t.bold ? { 'font-weight': 'bold' } : {}),
      ...(t.part === 'unit' ? { 'data-part': 'unit' } : {}),
    });
  const header = group('title');
  header.append(...layout.texts.filter((t) => t.part === 'title' || t.part === 'unit').map(text));
  const legend = group('legend');
  for (const { item, x, y } of layout.legend) {
    const g = node(doc, 'g', { 'data-legend': item.key ?? item.label });
    g.append(swatch(doc, item, x, y), line(doc, item.label, x + 24, y + SMALL - 3, SMALL));
    legend.append(g);
  }
  if (rampSvg && layout.ramp) {
    const copy = rampSvg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(layout.ramp.x));
    copy.setAttribute('y', String(layout.ramp.y));
    legend.append(copy);
  }
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', String(layout.chart.x));
  copy.setAttribute('y', String(layout.chart.y));
  copy.setAttribute('width', String(layout.chart.width));
  copy.setAttribute('height', String(layout.chart.height));
  copy.removeAttribute('style');
  copy.setAttribute('data-part', 'chart');
  const foot = group('footer');
  foot.append(...layout.texts.filter((t) => t.part === 'note' || t.part === 'footer').map(text));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.append(node(doc, 'rect', { width, height, fill: '#ffffff' }), header, legend, copy, foot);
  return root;
}
