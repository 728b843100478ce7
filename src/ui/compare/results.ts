/**
 * The comparison results (比较结果): the rows of every chart queried from the runs' DuckDB tables
 * once, then drawn — and redrawn in the other language — as sections: totals, monthly flows, the
 * province tile map, the largest corridors, who benefits, what differs, and the run tables as Parquet.
 */
import type { Connector } from '../../analytics/connector';
import { queryCsv } from '../../analytics/csv';
import { tableParquet } from '../../analytics/parquet';
import { queryRows, type Row } from '../../analytics/query';
import type { Dataset } from '../../population/dataset';
import { GEOGRAPHIES } from '../../runtime/summary';
import { PERMITTED_USES } from '../../rules/types';
import type { Scenario } from '../../scenario';
import { downloadBlob } from '../charts/download';
import { chartFigure, swatchLegend } from '../charts/figure';
import { el } from '../dom';
import { formatCount, formatFen } from '../format';
import type { Lang } from '../i18n';
import { AGE_BANDS } from '../../engine/result';
import { SCHEMES } from '../../population/columns';
import { beneficiaryChart, SCHEME_COLORS } from './beneficiaryChart';
import { groupedBars, monthlyChart, SCENARIO_COLORS } from './charts';
import { corridorRows, rankCorridors } from './corridors';
import { type CompareMessageKey, fill } from './messages';
import * as Q from './queries';
import { diffTable, type ShownRun, totalsTable } from './tables';
import { type TileMeasure, tileLegend, tileMapChart } from './tileMapChart';

/** The queries of a comparison. */
type ChartKey = 'byUse' | 'byGeography' | 'provinces' | 'corridors' | 'benefits' | 'byAge' | 'useTotals';

/** Everything the sections draw, queried once per comparison. */
export interface ComparisonData {
  runs: ShownRun[];
  scenarios: Scenario[];
  refs: Q.RunRef[];
  sql: Record<ChartKey, string>;
  rows: Record<ChartKey, Row[]>;
  scaleK: number;
}

/**
 * The provinces with their insured persons, estimated as residents (2020 census) times the national
 * insured share (employee + resident insured over the resident population, from the dataset's targets).
 */
export function provinceRefs(dataset: Dataset): Q.ProvinceRef[] {
  const target = (name: string): number => dataset.targets.find((t) => t.name === name)?.value ?? 0;
  const residents = target('population/total') || dataset.provinces.reduce((s, p) => s + p.population, 0);
  const insured = target('employee-insured') + target('resident-insured');
  const share = insured > 0 ? insured / residents : 1;
  return dataset.provinces.map((p, index) => ({
    index,
    code: p.code2,
    nameZh: p.nameZhShort,
    nameEn: p.nameEn,
    insured: Math.round(p.population * share),
  }));
}

/** Queries every chart's rows for `runs`. */
export async function loadComparison(
  db: Connector,
  runs: ShownRun[],
  dataset: Dataset,
  scaleK: number,
): Promise<ComparisonData> {
  const refs = runs.map((r) => ({ id: r.id, tablePrefix: r.run.tablePrefix }));
  const sql = {
    byUse: Q.monthlyByUseSql(refs),
    byGeography: Q.monthlyByGeographySql(refs),
    provinces: Q.provinceSql(refs, provinceRefs(dataset)),
    corridors: Q.corridorSql(refs),
    benefits: Q.beneficiariesSql(refs),
    byAge: Q.beneficiariesByAgeSql(refs),
    useTotals: Q.byUseSql(refs),
  };
  const rows = {} as ComparisonData['rows'];
  for (const [key, text] of Object.entries(sql) as [keyof typeof sql, string][]) {
    rows[key] = (await queryRows(db, text)).rows;
  }
  return { runs, scenarios: runs.map((r) => r.run.request.scenario), refs, sql, rows, scaleK };
}

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

/** Draws every section of a comparison. */
export function comparisonSections(data: ComparisonData, ctx: SectionContext): HTMLElement[] {
  const { doc, lang, t } = ctx;
  const ids = data.runs.map((r) => r.id);
  const unit = t('unit.yi');
  const base = (chart: string) => `compare-${chart}-1-${data.scaleK}`;
  const texts = {
    prefix: t('download.label'),
    csv: t('download.csv'),
    svg: t('download.svg'),
    png: t('download.png'),
  };
  const csvOf = (sql: string) => async () => queryCsv(await ctx.db(), sql);
  const legend = () =>
    swatchLegend(
      doc,
      ids.map((id, i) => ({ key: id, label: id, color: SCENARIO_COLORS[i % SCENARIO_COLORS.length]! })),
    );
  const figure = (
    id: string,
    title: string,
    svg: SVGSVGElement,
    sql: string,
    extra: { note?: string; legend?: HTMLElement } = {},
  ) =>
    chartFigure(doc, {
      id,
      title,
      svg,
      ...extra,
      csv: csvOf(sql),
      filename: base(id),
      texts,
      onError: ctx.onError,
    });
  const section = (key: string, title: CompareMessageKey, ...children: Node[]) =>
    el(
      doc,
      'section',
      { class: 'compare-section', 'data-section': key },
      el(doc, 'h3', {}, t(title)),
      ...children,
    );

  const useLabel = (u: string) => t(`use.${u}` as CompareMessageKey);
  const geoLabel = (g: string) => t(`geo.${g}` as CompareMessageKey);
  const schemeLabel = (s: string) => t(`scheme.${s}` as CompareMessageKey);
  const monthly = section(
    'monthly',
    'section.monthly',
    figure(
      'monthly-use',
      fill(t('chart.byUse'), { unit }),
      monthlyChart(doc, data.rows.byUse, {
        lang,
        facet: 'use',
        facets: PERMITTED_USES,
        facetLabel: useLabel,
        scenarios: ids,
      }),
      data.sql.byUse,
      { legend: legend() },
    ),
    figure(
      'monthly-geography',
      fill(t('chart.byGeography'), { unit }),
      monthlyChart(doc, data.rows.byGeography, {
        lang,
        facet: 'geography',
        facets: GEOGRAPHIES,
        facetLabel: geoLabel,
        scenarios: ids,
      }),
      data.sql.byGeography,
      { legend: legend() },
    ),
  );

  const toggle = el(
    doc,
    'div',
    { class: 'measure', role: 'radiogroup' },
    ...(['net', 'perInsured'] as const).map((m) => {
      const input = el(doc, 'input', {
        type: 'radio',
        name: 'compare-measure',
        value: m,
        checked: ctx.measure === m,
      });
      input.addEventListener('change', () => ctx.onMeasure(m));
      return el(doc, 'label', {}, input, ' ', t(m === 'net' ? 'chart.map.net' : 'chart.map.perInsured'));
    }),
  );
  const mapTitle = t(ctx.measure === 'net' ? 'chart.map.net' : 'chart.map.perInsured');
  const mapNote = fill(t(ctx.measure === 'net' ? 'map.netNote' : 'map.perInsuredNote'), { unit });
  const map = section(
    'map',
    'section.map',
    toggle,
    figure(
      'map',
      mapTitle,
      tileMapChart(doc, data.rows.provinces, { lang, measure: ctx.measure, scenarios: ids }),
      data.sql.provinces,
      {
        note: `${mapNote} ${t('map.tileNote')}`,
        legend: el(
          doc,
          'div',
          { class: 'color-legend' },
          tileLegend(doc, data.rows.provinces, { lang, measure: ctx.measure, label: mapTitle }),
        ),
      },
    ),
  );

  const names = new Map(
    ctx.dataset.provinces.map((p) => [p.code2, lang === 'zh' ? p.nameZhShort : p.nameEn]),
  );
  const ranking = rankCorridors(corridorRows(data.rows.corridors), ids, 15);
  const pairLabel = (from: string, to: string) => `${names.get(from) ?? from} → ${names.get(to) ?? to}`;
  const corridorData = ranking.rows.map((r) => ({
    scenario: r.scenario,
    pair: pairLabel(r.from, r.to),
    amount_fen: r.amountFen,
  }));
  const corridors = section(
    'corridors',
    'section.corridors',
    figure(
      'corridors',
      fill(t('chart.corridors'), { unit }),
      groupedBars(doc, corridorData, {
        lang,
        groups: ranking.pairs.map((p) => pairLabel(p.from, p.to)),
        groupOf: (r) => String(r.pair),
        scenarios: ids,
        xLabel: unit,
      }),
      data.sql.corridors,
      { legend: legend() },
    ),
  );

  const benefitRows = new Map(data.rows.benefits.map((r) => [String(r.scenario), r]));
  const benefitLine = (label: CompareMessageKey, value: (r: Row) => string) =>
    el(
      doc,
      'tr',
      {},
      el(doc, 'th', { scope: 'row' }, t(label)),
      ...ids.map((id) => {
        const r = benefitRows.get(id);
        return el(doc, 'td', {}, r ? value(r) : '—');
      }),
    );
  const benefits = section(
    'benefits',
    'section.benefits',
    el(
      doc,
      'table',
      { class: 'totals benefits' },
      el(
        doc,
        'thead',
        {},
        el(doc, 'tr', {}, el(doc, 'th', {}), ...ids.map((id) => el(doc, 'th', { scope: 'col' }, id))),
      ),
      el(
        doc,
        'tbody',
        {},
        benefitLine('benefit.beneficiaries', (r) => formatCount(Number(r.beneficiaries), lang)),
        benefitLine('benefit.sharers', (r) => formatCount(Number(r.sharers), lang)),
        benefitLine('benefit.shared', (r) => formatFen(Math.round(Number(r.shared_fen)), lang)),
        benefitLine('benefit.old', (r) => {
          const mine = data.rows.byAge.filter((a) => a.scenario === r.scenario);
          const fen = (rows: Row[]) => rows.reduce((s, a) => s + Number(a.amount_fen), 0);
          const old = fen(mine.filter((a) => a.age_band === '60-74' || a.age_band === '75+'));
          const all = fen(mine);
          return `${formatFen(old, lang)} (${all > 0 ? ((100 * old) / all).toFixed(1) : '0.0'}%)`;
        }),
      ),
    ),
    figure(
      'benefits-by-age',
      fill(t('chart.benefitsByAge'), { unit }),
      beneficiaryChart(doc, data.rows.byAge, {
        lang,
        scenarios: ids,
        bands: AGE_BANDS,
        bandLabel: (b) => t(`age.${b}` as CompareMessageKey),
        schemes: SCHEMES,
        schemeLabel: schemeLabel,
        yLabel: unit,
      }),
      data.sql.byAge,
      {
        note: t('benefitsByAge.note'),
        legend: swatchLegend(
          doc,
          SCHEMES.map((s) => ({ key: s, label: schemeLabel(s), color: SCHEME_COLORS[s]! })),
        ),
      },
    ),
    figure(
      'benefits-by-use',
      fill(t('chart.benefits'), { unit }),
      groupedBars(doc, data.rows.useTotals, {
        lang,
        groups: PERMITTED_USES.map(useLabel),
        groupOf: (r) => useLabel(String(r.use)),
        scenarios: ids,
        xLabel: unit,
      }),
      data.sql.useTotals,
      { legend: legend() },
    ),
  );

  const diff = section(
    'diff',
    'section.diff',
    el(doc, 'div', { class: 'table-wrap' }, diffTable(doc, data.scenarios, ids, lang, t)),
  );
  const tables = section(
    'data',
    'section.data',
    el(doc, 'p', { class: 'note' }, t('data.note')),
    ...data.runs.map((r) =>
      el(
        doc,
        'div',
        { class: 'downloads', 'data-scenario': r.id },
        el(doc, 'span', { class: 'run-id' }, `${r.id}:`),
        ...r.run.tables.map((name) => {
          const b = el(doc, 'button', { type: 'button', 'data-parquet': name }, name);
          b.addEventListener('click', () => {
            void (async () => {
              const bytes = await tableParquet(await ctx.db(), `${r.run.tablePrefix}_${name}`);
              downloadBlob(
                doc,
                `${r.id}-1-${data.scaleK}-${name}.parquet`,
                new Blob([bytes as BlobPart], { type: 'application/vnd.apache.parquet' }),
              );
            })().catch(ctx.onError);
          });
          return b;
        }),
      ),
    ),
  );

  const totals = section(
    'totals',
    'section.totals',
    el(doc, 'div', { class: 'table-wrap' }, totalsTable(doc, data.runs, lang, t)),
  );
  return [totals, monthly, map, corridors, benefits, diff, tables];
}
