/**
 * The comparison's sections (比较结果各部分): totals, monthly flows, the province tile map, the
 * largest corridors, who benefits, what differs, and the run tables as Parquet — each drawn by a
 * function of its own from the comparison's data, with the helpers they share.
 */
import type { Connector } from '../../analytics/connector';
import { queryCsv } from '../../analytics/csv';
import { tableParquet } from '../../analytics/parquet';
import type { Row } from '../../analytics/query';
import { AGE_BANDS } from '../../engine/result';
import { SCHEMES } from '../../population/columns';
import type { Dataset } from '../../population/dataset';
import { PERMITTED_USES } from '../../rules/types';
import { GEOGRAPHIES } from '../../runtime/summary';
import { downloadBlob } from '../charts/download';
import { chartFigure, swatchLegend } from '../charts/figure';
import { el } from '../dom';
import { formatCount, formatFen } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { beneficiaryChart, SCHEME_COLORS } from './beneficiaryChart';
import { groupedBars, monthlyChart, SCENARIO_COLORS } from './charts';
import { corridorRows, rankCorridors } from './corridors';
import { type CompareMessageKey, fill } from './messages';
import type { ComparisonData } from './results';
import { diffTable, totalsTable } from './tables';
import { type TileMeasure, tileLegend, tileMapChart } from './tileMapChart';

/** How the sections are drawn. */
export interface SectionContext {
  doc: Document;
  lang: Lang;
  t: (key: CompareMessageKey) => string;
  db: () => Promise<Connector>;
  dataset: Dataset;
  measure: TileMeasure;
  /** Called when the tile map's measure is switched. */
  onMeasure: (measure: TileMeasure) => void;
  onError: (error: unknown) => void;
}

/** What every section draws with: the context, the scenario ids, the unit and the shared builders. */
interface Drawing {
  ctx: SectionContext;
  data: ComparisonData;
  ids: string[];
  unit: string;
  /** A chart with its title, downloads (CSV of `sql`, SVG, PNG) and optional note and legend. */
  figure(
    id: string,
    title: string,
    svg: SVGSVGElement,
    sql: string,
    extra?: { note?: string; legend?: HTMLElement },
  ): HTMLElement;
  /** A section with its heading. */
  section(key: string, title: CompareMessageKey, ...children: Node[]): HTMLElement;
  /** The legend of the scenarios' colours. */
  legend(): HTMLElement;
}

/** The shared builders of a comparison's sections. */
function drawing(data: ComparisonData, ctx: SectionContext): Drawing {
  const { doc, t } = ctx;
  const ids = data.runs.map((r) => r.id);
  const texts = {
    prefix: t('download.label'),
    csv: t('download.csv'),
    svg: t('download.svg'),
    png: t('download.png'),
  };
  return {
    ctx,
    data,
    ids,
    unit: t('unit.yi'),
    figure: (id, title, svg, sql, extra = {}) =>
      chartFigure(doc, {
        id,
        title,
        svg,
        ...extra,
        csv: async () => queryCsv(await ctx.db(), sql),
        filename: `compare-${id}-1-${data.scaleK}`,
        texts,
        onError: ctx.onError,
      }),
    section: (key, title, ...children) =>
      el(
        doc,
        'section',
        { class: 'compare-section', 'data-section': key },
        el(doc, 'h3', {}, t(title)),
        ...children,
      ),
    legend: () =>
      swatchLegend(
        doc,
        ids.map((id, i) => ({ key: id, label: id, color: SCENARIO_COLORS[i % SCENARIO_COLORS.length]! })),
      ),
  };
}

/** The label of a use (R11) in the context's language. */
const useLabel = (t: SectionContext['t'], u: string) => t(`use.${u}` as CompareMessageKey);

/** Totals side by side. */
function totalsSection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  return d.section(
    'totals',
    'section.totals',
    el(doc, 'div', { class: 'table-wrap' }, totalsTable(doc, d.data.runs, lang, t)),
  );
}

/** Monthly flows by use and by geography. */
function monthlySection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  const geoLabel = (g: string) => t(`geo.${g}` as CompareMessageKey);
  return d.section(
    'monthly',
    'section.monthly',
    d.figure(
      'monthly-use',
      fill(t('chart.byUse'), { unit: d.unit }),
      monthlyChart(doc, d.data.rows.byUse, {
        lang,
        facet: 'use',
        facets: PERMITTED_USES,
        facetLabel: (u) => useLabel(t, u),
        scenarios: d.ids,
      }),
      d.data.sql.byUse,
      { legend: d.legend() },
    ),
    d.figure(
      'monthly-geography',
      fill(t('chart.byGeography'), { unit: d.unit }),
      monthlyChart(doc, d.data.rows.byGeography, {
        lang,
        facet: 'geography',
        facets: GEOGRAPHIES,
        facetLabel: geoLabel,
        scenarios: d.ids,
      }),
      d.data.sql.byGeography,
      { legend: d.legend() },
    ),
  );
}

/** The province tile map, net position or per insured person. */
function mapSection(d: Drawing): HTMLElement {
  const { doc, lang, t, measure } = d.ctx;
  const toggle = el(
    doc,
    'div',
    { class: 'measure', role: 'radiogroup' },
    ...(['net', 'perInsured'] as const).map((m) => {
      const input = el(doc, 'input', {
        type: 'radio',
        name: 'compare-measure',
        value: m,
        checked: measure === m,
      });
      input.addEventListener('change', () => d.ctx.onMeasure(m));
      return el(doc, 'label', {}, input, ' ', t(m === 'net' ? 'chart.map.net' : 'chart.map.perInsured'));
    }),
  );
  const title = t(measure === 'net' ? 'chart.map.net' : 'chart.map.perInsured');
  const note = fill(t(measure === 'net' ? 'map.netNote' : 'map.perInsuredNote'), { unit: d.unit });
  const rows = d.data.rows.provinces;
  return d.section(
    'map',
    'section.map',
    toggle,
    d.figure(
      'map',
      title,
      tileMapChart(doc, rows, { lang, measure, scenarios: d.ids }),
      d.data.sql.provinces,
      {
        note: `${note} ${t('map.tileNote')}`,
        legend: el(
          doc,
          'div',
          { class: 'color-legend' },
          tileLegend(doc, rows, { lang, measure, label: title }),
        ),
      },
    ),
  );
}

/** The 15 largest cross-province corridors. */
function corridorsSection(d: Drawing): HTMLElement {
  const { doc, lang, t, dataset } = d.ctx;
  const names = new Map(dataset.provinces.map((p) => [p.code2, lang === 'zh' ? p.nameZhShort : p.nameEn]));
  const ranking = rankCorridors(corridorRows(d.data.rows.corridors), d.ids, 15);
  const pairLabel = (from: string, to: string) => `${names.get(from) ?? from} → ${names.get(to) ?? to}`;
  const rows = ranking.rows.map((r) => ({
    scenario: r.scenario,
    pair: pairLabel(r.from, r.to),
    amount_fen: r.amountFen,
  }));
  return d.section(
    'corridors',
    'section.corridors',
    d.figure(
      'corridors',
      fill(t('chart.corridors'), { unit: d.unit }),
      groupedBars(doc, rows, {
        lang,
        groups: ranking.pairs.map((p) => pairLabel(p.from, p.to)),
        groupOf: (r) => String(r.pair),
        scenarios: d.ids,
        xLabel: d.unit,
      }),
      d.data.sql.corridors,
      { legend: d.legend() },
    ),
  );
}

/** Who benefits: counts, the older beneficiaries' share, and the payments by age band and by use. */
function benefitsSection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  const { rows: all, sql } = d.data;
  const schemeLabel = (s: string) => t(`scheme.${s}` as CompareMessageKey);
  const byScenario = new Map(all.benefits.map((r) => [String(r.scenario), r]));
  const line = (label: CompareMessageKey, value: (r: Row) => string) =>
    el(
      doc,
      'tr',
      {},
      el(doc, 'th', { scope: 'row' }, t(label)),
      ...d.ids.map((id) => {
        const r = byScenario.get(id);
        return el(doc, 'td', {}, r ? value(r) : '—');
      }),
    );
  const older = (r: Row) => {
    const mine = all.byAge.filter((a) => a.scenario === r.scenario);
    const fen = (rows: Row[]) => rows.reduce((s, a) => s + Number(a.amount_fen), 0);
    const old = fen(mine.filter((a) => a.age_band === '60-74' || a.age_band === '75+'));
    const total = fen(mine);
    return `${formatFen(old, lang)} (${total > 0 ? ((100 * old) / total).toFixed(1) : '0.0'}%)`;
  };
  const head = el(
    doc,
    'tr',
    {},
    el(doc, 'th', {}),
    ...d.ids.map((id) => el(doc, 'th', { scope: 'col' }, id)),
  );
  return d.section(
    'benefits',
    'section.benefits',
    el(
      doc,
      'table',
      { class: 'totals benefits' },
      el(doc, 'thead', {}, head),
      el(
        doc,
        'tbody',
        {},
        line('benefit.beneficiaries', (r) => formatCount(Number(r.beneficiaries), lang)),
        line('benefit.sharers', (r) => formatCount(Number(r.sharers), lang)),
        line('benefit.shared', (r) => formatFen(Math.round(Number(r.shared_fen)), lang)),
        line('benefit.old', older),
      ),
    ),
    d.figure(
      'benefits-by-age',
      fill(t('chart.benefitsByAge'), { unit: d.unit }),
      beneficiaryChart(doc, all.byAge, {
        lang,
        scenarios: d.ids,
        bands: AGE_BANDS,
        bandLabel: (b) => t(`age.${b}` as CompareMessageKey),
        schemes: SCHEMES,
        schemeLabel,
        yLabel: d.unit,
      }),
      sql.byAge,
      {
        note: t('benefitsByAge.note'),
        legend: swatchLegend(
          doc,
          SCHEMES.map((s) => ({ key: s, label: schemeLabel(s), color: SCHEME_COLORS[s]! })),
        ),
      },
    ),
    d.figure(
      'benefits-by-use',
      fill(t('chart.benefits'), { unit: d.unit }),
      groupedBars(doc, all.useTotals, {
        lang,
        groups: PERMITTED_USES.map((u) => useLabel(t, u)),
        groupOf: (r) => useLabel(t, String(r.use)),
        scenarios: d.ids,
        xLabel: d.unit,
      }),
      sql.useTotals,
      { legend: d.legend() },
    ),
  );
}

/** What differs between the scenarios, parameter by parameter. */
function diffSection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  return d.section(
    'diff',
    'section.diff',
    el(doc, 'div', { class: 'table-wrap' }, diffTable(doc, d.data.scenarios, d.ids, lang, t)),
  );
}

/** Every run's tables as Parquet downloads. */
function dataSection(d: Drawing): HTMLElement {
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
              const bytes = await tableParquet(await d.ctx.db(), `${r.run.tablePrefix}_${name}`);
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

/** Draws every section of a comparison, in reading order. */
export function comparisonSections(data: ComparisonData, ctx: SectionContext): HTMLElement[] {
  const d = drawing(data, ctx);
  return [
    totalsSection(d),
    monthlySection(d),
    mapSection(d),
    corridorsSection(d),
    benefitsSection(d),
    diffSection(d),
    dataSection(d),
  ];
}
