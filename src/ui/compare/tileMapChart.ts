/**
 * The province tile map chart (省级瓦片地图图): one tile grid per scenario, each province's tile
 * coloured by its net clearing position (diverging: teal for net creditors, orange for net debtors)
 * or by the sharing per insured person (white to teal) — hues no scenario of the page has — drawn
 * with Observable Plot. The tiles shrink to the width given, and the grids wrap into rows.
 */
import * as Plot from '@observablehq/plot';
import type { Row } from '../../analytics/query';
import type { Lang } from '../../text/i18n';
import { MAP_COLORS } from '../charts/palette';
import { chartUnitFen } from './charts';
import { PROVINCE_TILES, TILE_GRID } from './tileMap';

/** What the tiles are coloured by. */
export type TileMeasure = 'net' | 'perInsured';

/** Options of {@link tileMapChart}. */
export interface TileMapOptions {
  lang: Lang;
  measure: TileMeasure;
  scenarios: readonly string[];
  /** Pixels per tile. */
  tile?: number;
  /** Scenario grids per row. */
  perRow?: number;
  /** The width to fit (tiles shrink to it; default: as wide as the tiles need). */
  width?: number;
}

/** The smallest tile that still holds a two-character name and a number (at 9 px). */
const TILE_MIN = 30;

/** Tile size and grids per row for `scenarios` grids in `width` px (or the default sizes without a width). */
export function tileLayout(scenarios: number, width?: number): { tile: number; perRow: number } {
  const preferred = scenarios === 1 ? 58 : scenarios === 2 ? 50 : 38;
  if (width === undefined) return { tile: preferred, perRow: Math.max(1, Math.min(3, scenarios)) };
  const room = width - 20;
  const perRow = Math.max(
    1,
    Math.min(3, scenarios, Math.floor(room / (TILE_GRID.cols * Math.min(preferred, 44)))),
  );
  const tile = Math.max(TILE_MIN, Math.min(preferred, Math.floor(room / (perRow * TILE_GRID.cols))));
  return { tile, perRow };
}

/** One tile of one scenario, as drawn. */
interface TileDatum {
  scenario: string;
  fx: number;
  fy: number;
  col: number;
  row: number;
  name: string;
  value: number;
}

/** The value a tile shows: the net position in 亿元 / billion yuan, or yuan per insured person. */
export function tileValue(r: Row, measure: TileMeasure, lang: Lang): number {
  return measure === 'net'
    ? Number(r.net_fen ?? 0) / chartUnitFen(lang)
    : Number(r.shared_per_insured_yuan ?? 0);
}

/**
 * The colour scale of the tiles and how dark a value draws (0–1): symmetric around 0 for the net
 * position, the values' own range for the sharing per person (so differences between provinces show).
 */
function tileScale(values: readonly number[], measure: TileMeasure) {
  if (measure === 'net') {
    const reach = Math.max(1e-9, ...values.map(Math.abs));
    return {
      reach,
      color: {
        type: 'linear',
        domain: [-reach, 0, reach],
        range: [MAP_COLORS.debtor, MAP_COLORS.neutral, MAP_COLORS.creditor],
      } as Plot.ScaleOptions,
      depth: (v: number) => Math.abs(v) / reach,
    };
  }
  const lo = Math.min(...values);
  const hi = Math.max(lo + 1e-9, ...values);
  return {
    reach: hi,
    color: {
      type: 'linear',
      domain: [lo, hi],
      range: [MAP_COLORS.low, MAP_COLORS.high],
    } as Plot.ScaleOptions,
    depth: (v: number) => (v - lo) / (hi - lo),
  };
}

/** Draws the tile maps of `rows` (rows of `provinceSql`), one grid per scenario. */
export function tileMapChart(doc: Document, rows: readonly Row[], options: TileMapOptions): SVGSVGElement {
  const { lang, measure, scenarios } = options;
  const layout = tileLayout(scenarios.length, options.width);
  const tile = options.tile ?? layout.tile;
  const perRow = Math.max(1, Math.min(options.perRow ?? layout.perRow, scenarios.length));
  const byKey = new Map(rows.map((r) => [`${String(r.scenario)}|${String(r.province)}`, r]));
  const data: TileDatum[] = scenarios.flatMap((scenario, i) =>
    PROVINCE_TILES.map((t) => {
      const r = byKey.get(`${scenario}|${t.code}`);
      return {
        scenario,
        fx: i % perRow,
        fy: Math.floor(i / perRow),
        col: t.col,
        row: t.row,
        name: lang === 'zh' ? t.zh : t.abbr,
        value: r ? tileValue(r, measure, lang) : 0,
      };
    }),
  );
  const scale = tileScale(
    data.map((d) => d.value),
    measure,
  );
  const reach = scale.reach;
  const labels = scenarios.map((scenario, i) => ({ scenario, fx: i % perRow, fy: Math.floor(i / perRow) }));
  const digits = measure === 'net' ? (reach < 1 ? 2 : 1) : reach < 10 ? 1 : 0;
  // A value that rounds to zero is shown as 0, never as "-0.00".
  const shown = (v: number): string => (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toFixed(digits);
  const cols = Array.from({ length: TILE_GRID.cols }, (_, k) => k);
  const gridRows = Array.from({ length: TILE_GRID.rows }, (_, k) => k);
  return Plot.plot({
    document: doc,
    width: perRow * TILE_GRID.cols * tile + 20,
    height: Math.ceil(scenarios.length / perRow) * TILE_GRID.rows * tile + 20,
    margin: 10,
    style: { fontSize: '10px', background: 'white' },
    fx: { axis: null, padding: 0.06 },
    fy: { axis: null, padding: 0.04 },
    x: { type: 'band', domain: cols, axis: null, padding: 0 },
    y: { type: 'band', domain: gridRows, axis: null, padding: 0 },
    color: scale.color,
    marks: [
      Plot.cell(data, {
        fx: 'fx',
        fy: 'fy',
        x: 'col',
        y: 'row',
        fill: 'value',
        inset: 1,
        rx: 3,
        title: (d: TileDatum) => `${d.scenario} · ${d.name}: ${d.value.toFixed(2)}`,
      }),
      Plot.text(data, {
        fx: 'fx',
        fy: 'fy',
        x: 'col',
        y: 'row',
        text: 'name',
        dy: -6,
        fontSize: tile >= 50 ? 11 : 9,
        fill: (d: TileDatum) => (scale.depth(d.value) > 0.6 ? 'white' : '#1f2933'),
      }),
      Plot.text(data, {
        fx: 'fx',
        fy: 'fy',
        x: 'col',
        y: 'row',
        text: (d: TileDatum) => shown(d.value),
        dy: 7,
        fontSize: tile >= 50 ? 10 : 8,
        fill: (d: TileDatum) => (scale.depth(d.value) > 0.6 ? 'white' : '#4f5b6b'),
      }),
      Plot.text(labels, {
        fx: 'fx',
        fy: 'fy',
        x: () => 0,
        y: () => 0,
        text: 'scenario',
        textAnchor: 'start',
        dx: -tile / 2 + 2,
        fontSize: 12,
        fontWeight: 'bold',
        fill: '#1f2933',
      }),
    ],
  }) as SVGSVGElement;
}

/** The colour legend of a tile map (a separate element, for the page only). */
export function tileLegend(
  doc: Document,
  rows: readonly Row[],
  options: Pick<TileMapOptions, 'lang' | 'measure'> & { label: string; width?: number },
): HTMLElement | SVGSVGElement {
  const values = rows.map((r) => tileValue(r, options.measure, options.lang));
  // The legend takes the document like Plot.plot does; its types leave the option out.
  const legendOptions = {
    document: doc,
    color: tileScale(values, options.measure).color,
    label: options.label,
    width: Math.min(320, options.width ?? 320),
  } as Plot.LegendScales;
  return Plot.legend(legendOptions);
}
