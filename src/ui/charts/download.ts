/**
 * Downloads (下载): a file made in the page handed to the browser through a temporary link. CSV gets
 * a UTF-8 byte-order mark so that spreadsheet programs read the Chinese text right; a chart goes
 * out composed with its title, legend, unit and footer (exportImage.ts) as SVG, or that composition
 * drawn onto a canvas at twice its size as PNG.
 */
import { composeExport, type ExportFrame } from './exportImage';

/** Hands `blob` to the browser as a download named `filename`. */
export function downloadBlob(doc: Document, filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads CSV text (with a byte-order mark). */
export function downloadCsv(doc: Document, filename: string, csv: string): void {
  downloadBlob(doc, filename, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}

/** The chart as a standalone SVG document. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

/** Downloads the chart as SVG. */
export function downloadSvg(doc: Document, filename: string, svg: SVGSVGElement): void {
  downloadBlob(doc, filename, new Blob([svgText(svg)], { type: 'image/svg+xml' }));
}

/** Draws the chart on a white canvas at `scale` times its size and returns the PNG. */
export async function svgToPng(doc: Document, svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
  const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = doc.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the chart as PNG. */
export async function downloadPng(doc: Document, filename: string, svg: SVGSVGElement): Promise<void> {
  downloadBlob(doc, filename, await svgToPng(doc, svg));
}

/** Downloads `chart` composed in `frame` (title, unit, legend, notes, footer) as SVG or PNG. */
export async function downloadChart(
  doc: Document,
  filename: string,
  chart: SVGSVGElement,
  frame: ExportFrame,
  kind: 'svg' | 'png',
): Promise<void> {
  const composed = composeExport(doc, chart, frame);
  if (kind === 'svg') downloadSvg(doc, filename, composed);
  else await downloadPng(doc, filename, composed);
}
