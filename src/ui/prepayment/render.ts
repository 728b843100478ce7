/**
 * What the Prepayment workspace's sections draw with (预付金渲染上下文): the document, the language
 * and its texts, the run's view, the chosen confidence, and number formats for the language.
 */
import type { PlaceNames } from '../../analytics/exportTables';
import { formatFen, formatPercent } from '../../text/format';
import type { Lang } from '../../text/i18n';
import type { ExportFrame, LegendItem } from '../charts/exportImage';
import { runFooter, unitLine } from '../charts/exportTexts';
import { PREPAYMENT_COLORS } from '../charts/palette';
import type { DownloadContext, DownloadTexts } from './downloads';
import { type PrepaymentMessageKey } from './messages';
import { fill } from '../placeholders';
import type { RunView } from './runView';

/** The context a section renders in. */
export interface RenderContext {
  doc: Document;
  lang: Lang;
  t: (key: PrepaymentMessageKey, values?: Record<string, string | number>) => string;
  view: RunView;
  /** Confidence of the needed prepayment, e.g. 0.95 (the view's answer is at it). */
  confidence: number;
  /** Start of every download's file name, e.g. `prepayment-baseline-2026-1-10000-r10`. */
  base: string;
  /** The province chosen. */
  province: number;
  /** The treatment province of the one prepayment shown, or null for all the province's prepayments. */
  treatment: number | null;
  select: (province: number) => void;
  /** Province codes and names, for the CSV files. */
  places: PlaceNames;
  /** The exported charts' footer: scenario, scale, seed, replications, confidence. */
  footer: readonly string[];
  /** The width the charts fit, in CSS pixels. */
  width: number;
}

/** A usage rate (0.9) as a percentage with one decimal ("90.0%"); ∞ for claims against no prepayment. */
export function usageText(rate: number, lang: Lang): string {
  return Number.isFinite(rate) ? formatPercent(100 * rate, lang, 1) : '∞';
}

/** A probability (0.95) as a whole percentage ("95%"), or with one decimal below 10%. */
export function probabilityText(p: number, lang: Lang): string {
  return formatPercent(100 * p, lang, p > 0 && p < 0.1 ? 1 : 0);
}

/** The model's interval coverage as a percentage text ("90%"). */
export function coverText(ctx: Pick<RenderContext, 'view' | 'lang'>): string {
  return formatPercent(100 * ctx.view.answer.interval, ctx.lang, 0);
}

/** Money in fen for the language; "—" for NaN. */
export function moneyText(fen: number, lang: Lang): string {
  return Number.isFinite(fen) ? formatFen(Math.round(fen), lang) : '—';
}

/** A province's name in the context's language. */
export function provinceName(ctx: Pick<RenderContext, 'view' | 'lang'>, index: number): string {
  return ctx.view.names[ctx.lang][index] ?? String(index);
}

/** The translator of a dictionary with placeholders. */
export function translator(
  get: (key: PrepaymentMessageKey) => string,
): (key: PrepaymentMessageKey, values?: Record<string, string | number>) => string {
  return (key, values) => (values ? fill(get(key), values) : get(key));
}

/** The three download texts in the context's language. */
export function downloadTexts(ctx: Pick<RenderContext, 't'>): DownloadTexts {
  return { csv: ctx.t('download.csv'), svg: ctx.t('download.svg'), png: ctx.t('download.png') };
}

/** The confidence as a percentage text ("95%"). */
export function confidenceText(ctx: Pick<RenderContext, 'confidence' | 'lang'>): string {
  return formatPercent(100 * ctx.confidence, ctx.lang, 0);
}

/** What the page's download buttons share. */
export function downloadContext(ctx: RenderContext): DownloadContext {
  return { doc: ctx.doc, base: ctx.base, texts: downloadTexts(ctx), places: ctx.places };
}

/** The export frame of a chart of the page: its title, unit, legend and notes, and the run's footer. */
export function chartFrame(
  ctx: Pick<RenderContext, 'lang' | 'footer'>,
  title: string,
  options: { unit?: string; legend?: readonly LegendItem[]; notes?: readonly string[] } = {},
): ExportFrame {
  return {
    title,
    unit: options.unit === undefined ? undefined : unitLine(options.unit, ctx.lang),
    legend: options.legend,
    notes: options.notes,
    footer: ctx.footer,
  };
}

/** A chart's title after what it is about: "北京：…" / "Beijing: …". */
export function titled(ctx: Pick<RenderContext, 'lang'>, about: string, title: string): string {
  return ctx.lang === 'zh' ? `${about}：${title}` : `${about}: ${title}`;
}

/** The legend items of the yellow and red warning lines, each with its usage rate ("yellow line 70%"). */
export function warningLegend(
  ctx: Pick<RenderContext, 't'>,
  warnings: { yellow: number; red: number },
): LegendItem[] {
  return [
    {
      key: 'yellow',
      label: `${ctx.t('legend.yellow')} ${Math.round(100 * warnings.yellow)}%`,
      color: PREPAYMENT_COLORS.yellow,
      shape: 'dashed',
    },
    {
      key: 'red',
      label: `${ctx.t('legend.red')} ${Math.round(100 * warnings.red)}%`,
      color: PREPAYMENT_COLORS.red,
      shape: 'dashed',
    },
  ];
}

/** What a run view's context takes from the workspace: all but the view and what follows from it. */
export type ContextOptions = Omit<RenderContext, 'view' | 'confidence' | 'base' | 'footer'>;

/**
 * The context the sections of run view `v` render in: at the view's confidence, with the downloads'
 * file names and the exported charts' footer naming its scenario, scale, replications and confidence.
 */
export function renderContext(v: RunView, options: ContextOptions): RenderContext {
  const req = v.completed.request;
  const { lang } = options;
  return {
    ...options,
    view: v,
    confidence: v.answer.confidence,
    base: `prepayment-${req.scenario.id}-1-${req.scaleK}-r${req.replications ?? 0}-c${Math.round(v.answer.confidence * 100)}`,
    footer: runFooter(
      {
        scenarios: [{ id: req.scenario.id, title: req.scenario.title[lang], seed: req.scenario.seed }],
        scaleK: req.scaleK,
        replications: req.replications ?? 0,
        confidence: v.answer.confidence,
      },
      lang,
    ),
  };
}
