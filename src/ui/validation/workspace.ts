/**
 * The Validation workspace (校验工作区): runs the population validation in a worker and the engine's
 * calibration scenario (calibration-2024) and the five-year record's scenarios (record-2021-2023,
 * record-2024-2025) on the page's runs, at the chosen scale (kept in the
 * address as `?vscale=`), puts the rows into the page's DuckDB (table `validation`, one section per
 * source), and shows per section a chart of relative errors and the target table, both drawn from
 * SQL on that table, each with its downloads; on request, the calibration's sampling noise over seeds.
 */
import './validation.css';
import baseline from '../../../scenarios/baseline-2026.json';
import type { Connector } from '../../analytics/connector';
import { queryCsv } from '../../analytics/csv';
import type { ValidationStatus } from '../../population/validate';
import type { PopulationValidationResult } from '../../runtime/populationValidation';
import type { RunProgress } from '../../runtime/progress';
import type { Scenario } from '../../scenario';
import { runFooter } from '../charts/exportTexts';
import { chartWidth } from '../charts/width';
import { el } from '../dom';
import { fill } from '../placeholders';
import { formatCount } from '../../text/format';
import { I18n, type Lang } from '../../text/i18n';
import type { WorkspaceContext, WorkspaceView } from '../view';
import { readValidationScale, SCALES, validationPath } from './address';
import { recordRun } from '../benchHook';
import { runCalibration } from './calibrationRun';
import type { TargetNoise } from '../../engine/calibrationSpread';
import { noiseBlock, type NoiseView } from './noiseBlock';
import { NOISE_SEEDS, runCalibrationNoise, runPopulationNoise } from './noiseRun';
import type { CompletedRun } from '../runs';
import { recordDetailValues, runRecord } from './recordRun';
import { isCancelled, RunController } from '../runController';
import { type ValidationMessageKey, validationMessages } from './messages';
import { PopulationClient } from './populationClient';
import { sectionBlock, type SectionView } from './sectionBlock';
import { ProgressRow } from './progressRow';
import { recordStatus, type TargetRecord } from './sections';
import { noiseColumnTable, targetLabels } from './noiseTable';
import { loadTable } from '../../analytics/load';
import { loadViews } from './views';

/** The seed of the baseline scenario, so the page matches `npm run validate -- --scenario scenarios/baseline-2026.json`. */
const SEED: string = baseline.seed;

/** Mounts the Validation workspace into its panel (a {@link WorkspaceFactory}). */
export function mountValidation(ctx: WorkspaceContext): WorkspaceView {
  const { panel, win } = ctx;
  const doc = panel.ownerDocument;
  const i18n = new I18n(validationMessages, ctx.i18n.lang);
  const t = (key: ValidationMessageKey): string => i18n.t(key);
  const client = new PopulationClient();
  let db: Promise<Connector> | null = null;
  let scale: number = readValidationScale(win.location.search);
  const runs = new RunController(ctx.services.runs);
  let started = false;
  let result: PopulationValidationResult | null = null;
  let views: SectionView[] = [];
  /** The calibration run's scenario, once it ran. */
  let calibration: Scenario | null = null;
  /** The record runs' scenarios, once they ran. */
  let recordScenarios: Scenario[] = [];
  /** The calibration's finished run, and each section's noise over seeds once measured (`measureNoise`). */
  let calibrationRun: CompletedRun | null = null;
  let calibrationRecords: readonly TargetRecord[] = [];
  let noise: Partial<Record<NoiseView['section'], TargetNoise[]>> = {};
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
  const results = el(doc, 'div', { class: 'results' });
  const progress = new ProgressRow(panel, { run: runButton, cancel: cancelButton }, t, () => i18n.lang);
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
    progress.element,
    results,
  );

  const say = (text: () => string): void => progress.say(text);
  /** Shows a simulation's progress in the words of `key` (the 2024 calibration's by default). */
  const showSimulating = (
    p: RunProgress,
    key: ValidationMessageKey = 'simulating',
    values: Record<string, number> = {},
  ): void => progress.showSimulating(p, key, values);

  const csv = async (sql: string): Promise<string> =>
    queryCsv(await (db ?? Promise.reject(new Error('no database'))), sql);

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
    const count = (status: ValidationStatus): number =>
      records.filter((r) => recordStatus(r) === status).length;
    const ref = count('reference');
    const nm = count('not-modelled');
    const summary = fill(t('summary'), {
      seed: result.seed,
      k: String(result.scaleK),
      families: formatCount(result.families, lang),
      n: String(records.length),
      out: String(count('outside')),
      unchecked: ref + nm > 0 ? fill(t('summary.unchecked'), { ref: String(ref), nm: String(nm) }) : '',
      ms: formatCount(result.ms, lang),
    });
    const width = chartWidth(results, win);
    // A target the population leaves to the engine, by its name in the language (its key as a fallback).
    const targets = ctx.services.runs.dataset().targets;
    const targetLabel = (name: string): string => {
      const target = targets.find((x) => x.name === name);
      return (lang === 'zh' ? target?.labelZh : target?.labelEn) || name;
    };
    const blocks = views.map((v) => {
      const scenarios =
        v.section.id === 'calibration' && calibration
          ? [calibration]
          : v.section.id === 'record' && recordScenarios.length > 0
            ? recordScenarios
            : [{ id: baseline.id, title: baseline.title, seed: result?.seed ?? SEED }];
      const footer = runFooter(
        {
          scenarios: scenarios.map((s) => ({ id: s.id, title: s.title[lang], seed: s.seed })),
          scaleK: result?.scaleK ?? 0,
        },
        lang,
      );
      const fileBase = `validation-${v.section.id}-1-${result?.scaleK}`;
      const block = sectionBlock(doc, v, { lang, t, fileBase, csv, footer, width });
      const section = v.section.id;
      const scaleK = section === 'population' ? result?.scaleK : calibrationRun?.request.scaleK;
      if ((section === 'population' || section === 'calibration') && scaleK) {
        const labels = targetLabels(v.section.records);
        const label = (name: string): string => labels.get(name)?.[lang] ?? name;
        const busy = progress.state === 'running';
        const view: NoiseView = {
          section,
          noise: noise[section] ?? null,
          scaleK,
          seeds: NOISE_SEEDS,
          label,
          busy,
        };
        block.append(noiseBlock(doc, view, lang, t, { measure: () => measure(section), csv }));
      }
      return block;
    });
    const skipped =
      result.skipped.length > 0
        ? [
            el(
              doc,
              'p',
              { class: 'skipped' },
              t('skipped'),
              result.skipped.map(targetLabel).join(lang === 'zh' ? '、' : ', '),
            ),
          ]
        : [];
    // What the population leaves to the engine is said under the population's own section.
    const body = blocks.flatMap((b, i) => (views[i]?.section.id === 'population' ? [b, ...skipped] : [b]));
    results.replaceChildren(el(doc, 'p', { class: 'summary' }, summary), ...body);
  };

  const renderTexts = (): void => {
    title.textContent = t('title');
    intro.textContent = t('intro');
    scaleLabel.textContent = t('scale');
    runButton.textContent = t('run');
    cancelButton.textContent = t('cancel');
    progress.relabel();
    renderResults();
  };

  let duckdbMs: number | undefined;
  const openDb = (): Promise<Connector> => {
    if (!db) {
      const start = performance.now();
      db = ctx.services.database().then((conn) => {
        duckdbMs = performance.now() - start;
        return conn;
      });
      db.catch(() => {
        db = null;
      });
    }
    return db;
  };

  const run = async (): Promise<void> => {
    const task = runs.begin();
    started = true;
    failure = '';
    calibrationRun = null;
    noise = {};
    const start = performance.now();
    progress.setState('running');
    progress.showCount(0, 1);
    win.history.replaceState(win.history.state, '', validationPath(win.location.href, scale));
    const conn = openDb();
    try {
      const population = await client.validate(SEED, scale, (done, total) => {
        if (task.current) progress.showCount(done, total);
      });
      if (!task.current) return;
      say(() => t('loadingDb'));
      const c = await conn;
      const first = await loadViews(c, { population: population.records });
      if (!task.current) return;
      // The population shows while the engine simulates 2024.
      result = population;
      views = first;
      renderResults();
      const outcome = await runCalibration(task, scale, {
        waiting: () => say(() => t('waiting')),
        progress: showSimulating,
      });
      if (!task.current) return;
      say(() => t('loadingDb'));
      const { completed } = outcome;
      calibration = completed.request.scenario;
      calibrationRun = completed;
      calibrationRecords = outcome.records;
      const detail = (lang: Lang): string =>
        fill(i18n.t('calibration.run'), {
          scenario: completed.request.scenario.id,
          seed: completed.request.scenario.seed,
          k: String(completed.request.scaleK),
          families: formatCount(completed.run.result.families / completed.run.result.weight, lang),
          s: completed.seconds.toFixed(1),
        });
      const next = await loadViews(
        c,
        { population: population.records, calibration: outcome.records },
        { calibration: detail },
      );
      if (!task.current) return;
      // The 2024 targets show while the engine simulates 2021–2025.
      views = next;
      renderResults();
      const record = await runRecord(task, scale, ctx.services.runs.dataset(), {
        waiting: () => say(() => t('record.waiting')),
        progress: (p, part, parts) => showSimulating(p, 'record.simulating', { part: part + 1, parts }),
      });
      if (!task.current) return;
      say(() => t('loadingDb'));
      recordScenarios = record.runs.map((r) => r.request.scenario);
      const last = await loadViews(
        c,
        { population: population.records, calibration: outcome.records, record: record.records },
        {
          calibration: detail,
          record: (lang) => fill(i18n.t('record.run'), recordDetailValues(record, lang)),
        },
      );
      if (!task.current) return;
      views = last;
      recordRun(win, { workspace: 'validation', scaleK: scale, runMs: performance.now() - start, duckdbMs });
      panel.dataset.scale = String(scale);
      progress.end('done');
      renderResults();
    } catch (error) {
      if (!task.current) return;
      if (isCancelled(error)) {
        progress.end('cancelled');
        return;
      }
      failure = error instanceof Error ? error.message : String(error);
      progress.end('failed');
      renderResults();
    }
  };

  /**
   * Generates the population or runs the calibration again with further seeds and shows each
   * checked target's noise (`noiseRun.ts`), kept in the `validation_noise` table for its CSV.
   */
  const measureNoise = async (section: NoiseView['section']): Promise<void> => {
    const population = result;
    const first = calibrationRun;
    if (!population || (section === 'calibration' && !first)) return;
    const task = runs.begin();
    progress.setState('running');
    renderResults();
    try {
      const words = (part: number, parts: number) => () =>
        fill(t('noise.generating'), { part: String(part + 1), parts: String(parts) });
      const measured =
        section === 'population' || !first
          ? await runPopulationNoise(client, population, (done, total, part, parts) => {
              if (task.current) progress.showCount(done, total, words(part, parts));
            })
          : await runCalibrationNoise(task, first, {
              waiting: () => say(() => t('noise.waiting')),
              progress: (p, part, parts) => showSimulating(p, 'noise.simulating', { part: part + 1, parts }),
            });
      if (!task.current) return;
      noise = { ...noise, [section]: measured };
      const sections = [
        {
          section: 'population',
          noise: noise.population,
          scaleK: population.scaleK,
          records: population.records,
        },
        {
          section: 'calibration',
          noise: noise.calibration,
          scaleK: first?.request.scaleK ?? 0,
          records: calibrationRecords,
        },
      ].flatMap((x) => (x.noise ? [{ ...x, noise: x.noise, labels: targetLabels(x.records) }] : []));
      await loadTable(await openDb(), noiseColumnTable(sections));
      if (!task.current) return;
      progress.end('done');
    } catch (error) {
      if (!task.current) return;
      if (isCancelled(error)) progress.end('cancelled');
      else progress.end('failed', `${t('failed')}${error instanceof Error ? error.message : String(error)}`);
    }
    renderResults();
  };
  const measure = (section: NoiseView['section']): void => {
    measureNoise(section).catch((error: unknown) => console.error(error));
  };

  /** Stops the run going on: the population worker, and the calibration when it holds the shared runs. */
  const stop = (): void => {
    runs.cancel();
    client.cancel();
  };

  const start = (): void => {
    run().catch((error: unknown) => console.error(error));
  };
  select.addEventListener('change', () => {
    scale = Number(select.value);
    if (progress.state === 'running') stop();
    start();
  });
  runButton.addEventListener('click', start);
  cancelButton.addEventListener('click', () => {
    stop();
    progress.end('cancelled');
    renderResults();
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
