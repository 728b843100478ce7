/**
 * The Validation workspace (校验工作区): runs the population validation in a worker at the chosen
 * scale, puts the rows into the page's DuckDB (table `validation`), and shows per section a chart of relative
 * errors and the target table, both drawn from SQL on that table, each with its downloads.
 */
import './validation.css';
import baseline from '../../../scenarios/baseline-2026.json';
import type { Connector } from '../../analytics/connector';
import { queryCsv } from '../../analytics/csv';
import { loadTable } from '../../analytics/load';
import { queryRows, type Row } from '../../analytics/query';
import type { PopulationValidationResult } from '../../runtime/populationValidation';
import { el } from '../dom';
import { formatCount } from '../format';
import { I18n, type Lang } from '../i18n';
import type { WorkspaceContext, WorkspaceView } from '../view';
import { COLORS, relErrorChart } from './chart';
import { downloadCsv, downloadPng, downloadSvg } from '../charts/download';
import { type ValidationMessageKey, validationMessages } from './messages';
import { PopulationClient, RunCancelled } from './populationClient';
import {
  chartSql,
  type SectionRows,
  sectionRows,
  tableSql,
  VALIDATION_SECTIONS,
  validationTable,
} from './sections';
import { targetTable } from './table';

/** Scales offered (k of 1:k), from the quickest sample to the largest. */
export const SCALES = [10_000, 1_000, 100] as const;

/** The scale a first run uses. */
export const DEFAULT_SCALE = 1_000;

/** The seed of the baseline scenario, so the page matches `npm run validate -- --scenario scenarios/baseline-2026.json`. */
const SEED: string = baseline.seed;

/** A section's rows as queried back from DuckDB. */
interface SectionView {
  section: SectionRows;
  chartRows: Row[];
  tableRows: Row[];
}

/** Fills `{name}` placeholders. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

/** Mounts the Validation workspace into its panel (a {@link WorkspaceFactory}). */
export function mountValidation(ctx: WorkspaceContext): WorkspaceView {
  const { panel } = ctx;
  const doc = panel.ownerDocument;
  const i18n = new I18n(validationMessages, ctx.i18n.lang);
  const t = (key: ValidationMessageKey): string => i18n.t(key);
  const client = new PopulationClient();
  let db: Promise<Connector> | null = null;
  let scale: number = DEFAULT_SCALE;
  let token = 0;
  let started = false;
  let result: PopulationValidationResult | null = null;
  let views: SectionView[] = [];
  let progressText: ValidationMessageKey | null = null;
  let failure = '';

  const title = el(doc, 'h2');
  const intro = el(doc, 'p', { class: 'audience' });
  const scaleLabel = el(doc, 'span');
  const select = el(
    doc,
    'select',
    { id: 'validation-scale' },
    ...SCALES.map((k) => el(doc, 'option', { value: String(k), selected: k === scale }, `1:${k}`)),
  );
  const runButton = el(doc, 'button', { type: 'button', class: 'run' });
  const cancelButton = el(doc, 'button', { type: 'button', class: 'cancel', hidden: true });
  const bar = el(doc, 'progress', { max: '1', value: '0', hidden: true });
  const barText = el(doc, 'span', { class: 'progress-text' });
  const results = el(doc, 'div', { class: 'results' });
  const progressRow = el(
    doc,
    'div',
    { class: 'progress', role: 'status', 'aria-live': 'polite' },
    bar,
    barText,
  );
  panel.classList.add('validation');
  panel.replaceChildren(
    title,
    intro,
    el(
      doc,
      'div',
      { class: 'controls' },
      el(doc, 'label', {}, scaleLabel, ' ', select),
      runButton,
      cancelButton,
    ),
    progressRow,
    results,
  );

  const setState = (state: 'running' | 'done' | 'failed' | 'cancelled'): void => {
    panel.dataset.state = state;
    const running = state === 'running';
    bar.hidden = !running;
    progressRow.hidden = state === 'done';
    cancelButton.hidden = !running;
    runButton.disabled = running;
    if (!running) progressText = null;
  };

  const showProgress = (done: number, total: number): void => {
    bar.max = Math.max(1, total);
    bar.value = done;
    barText.textContent = `${t('generating')} ${formatCount(done, i18n.lang)} / ${formatCount(total, i18n.lang)}`;
  };

  const sectionBlock = (view: SectionView, lang: Lang): HTMLElement => {
    const { section, chartRows, tableRows } = view;
    const svg = relErrorChart(doc, chartRows, { lang, xLabel: t('chart.x') });
    const table = targetTable(doc, tableRows, lang, {
      headers: [
        t('col.target'),
        t('col.published'),
        t('col.generated'),
        t('col.relError'),
        t('col.tolerance'),
        t('col.within'),
      ],
      within: t('within'),
      outside: t('outside'),
      lowerBound: t('lowerBound'),
    });
    const base = `validation-${section.id}-1-${scale}`;
    const button = (
      label: ValidationMessageKey,
      kind: string,
      act: () => Promise<void>,
    ): HTMLButtonElement => {
      const b = el(doc, 'button', { type: 'button', 'data-download': kind }, t(label));
      b.addEventListener('click', () => {
        act().catch((error: unknown) => console.error(error));
      });
      return b;
    };
    const csvOf = async (sql: string, name: string): Promise<void> => {
      downloadCsv(doc, name, await queryCsv(await (db ?? Promise.reject(new Error('no database'))), sql));
    };
    return el(
      doc,
      'section',
      { class: 'section', 'data-section': section.id },
      el(doc, 'h3', {}, t(section.title)),
      el(doc, 'p', { class: 'audience' }, t(section.note)),
      el(doc, 'h4', {}, t('chart.title')),
      el(doc, 'div', { class: 'chart' }, svg),
      el(
        doc,
        'p',
        { class: 'legend' },
        el(doc, 'span', { class: 'swatch dot', style: `background:${COLORS.within}` }),
        t('within'),
        el(doc, 'span', { class: 'swatch dot', style: `background:${COLORS.outside}` }),
        t('outside'),
        el(doc, 'span', { class: 'swatch', style: `background:${COLORS.band}` }),
        t('chart.band'),
      ),
      el(
        doc,
        'div',
        { class: 'downloads' },
        button('download.csv', 'chart-csv', () => csvOf(chartSql(section.id), `${base}-chart.csv`)),
        button('download.svg', 'chart-svg', async () => downloadSvg(doc, `${base}-chart.svg`, svg)),
        button('download.png', 'chart-png', () => downloadPng(doc, `${base}-chart.png`, svg)),
      ),
      el(doc, 'h4', {}, t('table.title')),
      el(doc, 'div', { class: 'table-wrap' }, table),
      el(
        doc,
        'div',
        { class: 'downloads' },
        button('download.csv', 'table-csv', () => csvOf(tableSql(section.id), `${base}-table.csv`)),
      ),
    );
  };

  const renderResults = (): void => {
    const lang = i18n.lang;
    if (failure) {
      results.replaceChildren(el(doc, 'p', { class: 'failed' }, t('failed'), failure));
      return;
    }
    if (!result) {
      results.replaceChildren();
      return;
    }
    const records = views.flatMap((v) => v.section.records);
    const summary = fill(t('summary'), {
      seed: result.seed,
      k: String(result.scaleK),
      families: formatCount(result.families, lang),
      n: String(records.length),
      out: String(records.filter((r) => !r.within).length),
      ms: formatCount(result.ms, lang),
    });
    const blocks = views.map((v) => sectionBlock(v, lang));
    const skipped =
      result.skipped.length > 0
        ? [el(doc, 'p', { class: 'skipped' }, t('skipped'), result.skipped.join(', '))]
        : [];
    results.replaceChildren(el(doc, 'p', { class: 'summary' }, summary), ...blocks, ...skipped);
  };

  const renderTexts = (): void => {
    title.textContent = t('title');
    intro.textContent = t('intro');
    scaleLabel.textContent = t('scale');
    runButton.textContent = t('run');
    cancelButton.textContent = t('cancel');
    if (progressText) barText.textContent = t(progressText);
    if (panel.dataset.state === 'cancelled') barText.textContent = t('cancelled');
    renderResults();
  };

  const openDb = (): Promise<Connector> => {
    if (!db) {
      const start = performance.now();
      db = ctx.services.database().then((conn) => {
        panel.dataset.duckdbMs = String(Math.round(performance.now() - start));
        return conn;
      });
      db.catch(() => {
        db = null;
      });
    }
    return db;
  };

  const run = async (): Promise<void> => {
    const mine = ++token;
    started = true;
    failure = '';
    const start = performance.now();
    setState('running');
    showProgress(0, 1);
    const conn = openDb();
    try {
      const population = await client.validate(SEED, scale, (done, total) => {
        if (mine === token) showProgress(done, total);
      });
      if (mine !== token) return;
      progressText = 'loadingDb';
      barText.textContent = t('loadingDb');
      const sections = sectionRows(VALIDATION_SECTIONS, { population: population.records });
      const c = await conn;
      await loadTable(c, validationTable(sections));
      const next: SectionView[] = [];
      for (const section of sections) {
        const chartRows = (await queryRows(c, chartSql(section.id))).rows;
        const tableRows = (await queryRows(c, tableSql(section.id))).rows;
        next.push({ section, chartRows, tableRows });
      }
      if (mine !== token) return;
      result = population;
      views = next;
      panel.dataset.runMs = String(Math.round(performance.now() - start));
      panel.dataset.scale = String(scale);
      setState('done');
      barText.textContent = '';
      renderResults();
    } catch (error) {
      if (mine !== token) return;
      if (error instanceof RunCancelled) {
        setState('cancelled');
        barText.textContent = t('cancelled');
        return;
      }
      failure = error instanceof Error ? error.message : String(error);
      setState('failed');
      barText.textContent = '';
      renderResults();
    }
  };

  const start = (): void => {
    run().catch((error: unknown) => console.error(error));
  };
  select.addEventListener('change', () => {
    scale = Number(select.value);
    if (panel.dataset.state === 'running') client.cancel();
    start();
  });
  runButton.addEventListener('click', start);
  cancelButton.addEventListener('click', () => {
    token++;
    client.cancel();
    setState('cancelled');
    barText.textContent = t('cancelled');
  });

  renderTexts();
  return {
    relabel(lang) {
      i18n.setLang(lang);
      renderTexts();
    },
    shown() {
      if (!started) start();
    },
  };
}
