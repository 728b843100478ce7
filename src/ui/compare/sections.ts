/**
 * The comparison's sections (比较结果各部分): totals, every figure's change against the baseline,
 * monthly flows (and the years side by side), the province tile map, the largest corridors, who
 * benefits (benefitsSection.ts), the relatives insured thanks to sharing and what differs — each
 * drawn by a function of its own from the comparison's data, at the width of the page, with the
 * builders of sectionDrawing.ts; the run tables and the report button come from exportSections.ts. Every chart's legend names every colour, and its exports carry title,
 * unit, legend and a footer naming scenarios, scale and seeds.
 */
import { rowsToCsv } from '../../analytics/csv';
import { type Row } from '../../analytics/query';
import { PERMITTED_USES } from '../../rules/types';
import { GEOGRAPHIES } from '../../runtime/summary';
import { GEOGRAPHY_LABELS, labelOf } from '../../text/labels';
import { downloadCsv } from '../charts/download';
import { unitLine } from '../charts/exportTexts';
import { el } from '../dom';
import { benefitsSection } from './benefitsSection';
import { changeCsvRows, changeNotes, changeTable } from './changeTable';
import { groupedBars, monthlyChart } from './charts';
import { corridorRows, rankCorridors } from './corridors';
import { dataSection, reportBar } from './exportSections';
import { type CompareMessageKey } from './messages';
import { fill } from '../placeholders';
import type { ComparisonData } from './results';
import { type Drawing, drawing, type SectionContext, useLabel } from './sectionDrawing';
import { enrolmentByAgeTable, enrolmentByProvinceTable } from './enrolmentSection';
import { diffTable, totalsTable } from './tables';
import { tileLegend, tileMapChart } from './tileMapChart';

export type { DrawnChart, SectionContext } from './sectionDrawing';

/** Totals side by side. */
function totalsSection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  return d.section(
    'totals',
    'section.totals',
    el(doc, 'div', { class: 'table-wrap' }, totalsTable(doc, d.data.runs, lang, t)),
  );
}

/**
 * Every figure's change against the baseline: the table, what its intervals hold (or that there are
 * none without replications), and its CSV.
 */
function changeSection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  const c = d.data.change;
  const children: Node[] = [];
  if (c.others.length === 0) children.push(el(doc, 'p', { class: 'note' }, t('change.one')));
  else {
    const csv = el(doc, 'button', { type: 'button', 'data-download': 'change-csv' }, t('change.csv'));
    csv.addEventListener('click', () => {
      try {
        downloadCsv(doc, `compare-change-1-${d.data.scaleK}.csv`, rowsToCsv(changeCsvRows(c)));
      } catch (error) {
        d.ctx.onError(error);
      }
    });
    children.push(
      el(doc, 'div', { class: 'table-wrap' }, changeTable(doc, c, lang, t)),
      ...changeNotes(c, t).map((line) => el(doc, 'p', { class: 'note change-note' }, line)),
      el(doc, 'div', { class: 'downloads' }, csv),
    );
  }
  return el(
    doc,
    'section',
    { class: 'compare-section', 'data-section': 'change' },
    el(doc, 'h3', {}, fill(t('section.change'), { id: c.baseline })),
    ...children,
  );
}

/** Monthly flows by use and by geography. */
function monthlySection(d: Drawing): HTMLElement {
  const { doc, lang, t, width } = d.ctx;
  const unit = unitLine(lang === 'zh' ? `${d.unit}/月` : `${d.unit} a month`, lang);
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
        facetLabel: (u) => useLabel(lang, u),
        scenarios: d.ids,
        width,
      }),
      d.data.sql.byUse,
      { legend: d.legend('line'), unit },
    ),
    d.figure(
      'monthly-geography',
      fill(t('chart.byGeography'), { unit: d.unit }),
      monthlyChart(doc, d.data.rows.byGeography, {
        lang,
        facet: 'geography',
        facets: GEOGRAPHIES,
        facetLabel: (g) => labelOf(GEOGRAPHY_LABELS, g, lang),
        scenarios: d.ids,
        width,
      }),
      d.data.sql.byGeography,
      { legend: d.legend('line'), unit },
    ),
  );
}

/**
 * The years side by side, when a run's window spans more than one calendar year (a projection):
 * all fen paid from quotas, and the cross-province part, per year and scenario.
 */
function yearsSection(d: Drawing): HTMLElement | null {
  const { doc, lang, t, width } = d.ctx;
  const rows = d.data.rows.byYear;
  const years = [...new Set(rows.map((r) => String(r.year)))].sort();
  if (years.length < 2) return null;
  const total = (geographies: readonly string[]) => {
    const sums = new Map<string, Row>();
    for (const r of rows) {
      if (!geographies.includes(String(r.geography))) continue;
      const key = `${String(r.scenario)}|${String(r.year)}`;
      const at = sums.get(key) ?? { scenario: r.scenario!, year: r.year!, amount_fen: 0 };
      at.amount_fen = Number(at.amount_fen) + Number(r.amount_fen);
      sums.set(key, at);
    }
    return [...sums.values()];
  };
  const unit = unitLine(lang === 'zh' ? `${d.unit}/年` : `${d.unit} a year`, lang);
  const yearLabel = (y: string) => (lang === 'zh' ? `${y}年` : y);
  const chart = (id: string, title: CompareMessageKey, geographies: readonly string[]) =>
    d.figure(
      id,
      fill(t(title), { unit: d.unit }),
      groupedBars(doc, total(geographies), {
        lang,
        groups: years.map(yearLabel),
        groupOf: (r) => yearLabel(String(r.year)),
        scenarios: d.ids,
        xLabel: d.unit,
        width,
      }),
      d.data.sql.byYear,
      { legend: d.legend('box'), unit },
    );
  return d.section(
    'years',
    'section.years',
    el(doc, 'p', { class: 'note' }, t('years.note')),
    chart('years-all', 'chart.yearsAll', GEOGRAPHIES),
    chart('years-cross', 'chart.yearsCross', ['cross-province']),
  );
}

/** The province tile map, net position or per insured person. */
function mapSection(d: Drawing): HTMLElement {
  const { doc, lang, t, measure, width } = d.ctx;
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
  const perPerson = lang === 'zh' ? '元/人' : 'yuan per insured person';
  return d.section(
    'map',
    'section.map',
    toggle,
    d.figure(
      'map',
      title,
      tileMapChart(doc, rows, { lang, measure, scenarios: d.ids, width }),
      d.data.sql.provinces,
      {
        note: `${note} ${t('map.tileNote')}`,
        unit: unitLine(measure === 'net' ? d.unit : perPerson, lang),
        ramp: () => tileLegend(doc, rows, { lang, measure, label: title, width: width - 20 }),
      },
    ),
  );
}

/** The 15 largest cross-province corridors. */
function corridorsSection(d: Drawing): HTMLElement {
  const { doc, lang, t, places, width } = d.ctx;
  const names = new Map(places.provinces.map((p) => [p.code, lang === 'zh' ? p.nameZh : p.nameEn]));
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
        width,
      }),
      d.data.sql.corridors,
      { legend: d.legend('box'), unit: unitLine(d.unit, lang) },
    ),
  );
}

/** Relatives insured thanks to sharing (R2, R11): by age band and by province, one column per run. */
function enrolmentSection(d: Drawing): HTMLElement {
  const { doc, lang, t } = d.ctx;
  const runs = d.data.runs;
  const any = runs.some((r) => r.run.summary.enrolments.total > 0);
  return d.section(
    'enrolments',
    'section.enrolments',
    el(doc, 'p', { class: 'note' }, t(any ? 'enrolment.note' : 'enrolment.none')),
    ...(any
      ? [
          el(doc, 'div', { class: 'table-wrap' }, enrolmentByAgeTable(doc, runs, lang, t)),
          el(doc, 'div', { class: 'table-wrap' }, enrolmentByProvinceTable(doc, runs, lang, t)),
        ]
      : []),
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

/** Draws every section of a comparison, in reading order, after the report button. */
export function comparisonSections(data: ComparisonData, ctx: SectionContext): HTMLElement[] {
  const d = drawing(data, ctx);
  const totals = totalsSection(d);
  const change = changeSection(d);
  const diff = diffSection(d);
  const years = yearsSection(d);
  const body = [
    totals,
    change,
    monthlySection(d),
    ...(years ? [years] : []),
    mapSection(d),
    corridorsSection(d),
    benefitsSection(d),
    enrolmentSection(d),
    diff,
  ];
  const tables = () => ({
    totals: totals.querySelector('table')?.outerHTML ?? '',
    change: change.querySelector('table')?.outerHTML ?? null,
    diff: diff.querySelector('table')?.outerHTML ?? null,
  });
  return [reportBar(d, tables), ...body, dataSection(d)];
}
