/**
 * What the comparison's sections are drawn with (比较结果的绘制工具): the workspace's context, and the
 * shared builders — a chart figure with its downloads, legend, unit and footer (every drawn chart
 * kept for the report), a section with its heading, and the legend of the scenarios' colours.
 */
import { type Connector } from '../../analytics/connector';
import { queryCsv } from '../../analytics/csv';
import { type PlaceNames } from '../../analytics/exportTables';
import type { Lang } from '../../text/i18n';
import { labelOf, PURPOSE_LABELS } from '../../text/labels';
import { type ExportFrame, type LegendItem } from '../charts/exportImage';
import { runFooter } from '../charts/exportTexts';
import { chartFigure, figureFrame, type FigureOptions } from '../charts/figure';
import { scenarioColor } from '../charts/palette';
import { el } from '../dom';
import { type CompareMessageKey } from './messages';
import type { ComparisonData } from './results';
import { type TileMeasure } from './tileMapChart';

/** The label of a use (R11) in the context's language. */
export const useLabel = (lang: Lang, u: string): string => labelOf(PURPOSE_LABELS, u, lang);

/** How the sections are drawn. */
export interface SectionContext {
  doc: Document;
  lang: Lang;
  t: (key: CompareMessageKey) => string;
  db: () => Promise<Connector>;
  /** Province codes and names, for the exported tables. */
  places: PlaceNames;
  measure: TileMeasure;
  /** The width the charts fit, in CSS pixels. */
  width: number;
  /** Called when the tile map's measure is switched. */
  onMeasure: (measure: TileMeasure) => void;
  onError: (error: unknown) => void;
}

/** A chart as drawn on the page: its svg and what its export adds. */
export interface DrawnChart {
  id: string;
  svg: SVGSVGElement;
  frame: ExportFrame;
}

/** What every section draws with: the context, the scenario ids, the unit and the shared builders. */
export interface Drawing {
  ctx: SectionContext;
  data: ComparisonData;
  ids: string[];
  unit: string;
  /** The export footer: scenarios with titles, scale, seeds. */
  footer: string[];
  /** Every chart drawn so far, for the report. */
  charts: DrawnChart[];
  /** A chart with its title, downloads (CSV of `sql`, SVG, PNG), legend, note and unit. */
  figure(
    id: string,
    title: string,
    svg: SVGSVGElement,
    sql: string,
    extra?: Pick<FigureOptions, 'note' | 'legend' | 'ramp' | 'unit'>,
  ): HTMLElement;
  /** A section with its heading. */
  section(key: string, title: CompareMessageKey, ...children: Node[]): HTMLElement;
  /** The legend entries of the scenarios' colours. */
  legend(shape: 'line' | 'box'): LegendItem[];
}

/** The shared builders of a comparison's sections. */
export function drawing(data: ComparisonData, ctx: SectionContext): Drawing {
  const { doc, t, lang } = ctx;
  const ids = data.runs.map((r) => r.id);
  const texts = {
    prefix: t('download.label'),
    csv: t('download.csv'),
    svg: t('download.svg'),
    png: t('download.png'),
  };
  const footer = runFooter(
    {
      scenarios: data.runs.map((r) => ({
        id: r.id,
        title: r.run.request.scenario.title[lang],
        seed: r.run.request.scenario.seed,
      })),
      scaleK: data.scaleK,
      ...(data.replications > 0 ? { replications: data.replications } : {}),
    },
    lang,
  );
  const charts: DrawnChart[] = [];
  return {
    ctx,
    data,
    ids,
    unit: t('unit.yi'),
    footer,
    charts,
    figure: (id, title, svg, sql, extra = {}) => {
      const options: FigureOptions = {
        id,
        title,
        svg,
        ...extra,
        footer,
        csv: async () => queryCsv(await ctx.db(), sql),
        filename: `compare-${id}-1-${data.scaleK}`,
        texts,
        onError: ctx.onError,
      };
      charts.push({ id, svg, frame: figureFrame(options) });
      return chartFigure(doc, options);
    },
    section: (key, title, ...children) =>
      el(
        doc,
        'section',
        { class: 'compare-section', 'data-section': key },
        el(doc, 'h3', {}, t(title)),
        ...children,
      ),
    legend: (shape) => ids.map((id, i) => ({ key: id, label: id, color: scenarioColor(i), shape })),
  };
}
