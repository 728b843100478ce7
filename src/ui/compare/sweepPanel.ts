/**
 * The sweep panel of Compare (参数扫描): choose a base scenario, a parameter and its values, a scale
 * and replications; every combination runs on the page's worker pool, in the page's run queue, with
 * one progress bar; the results go into DuckDB (tables `sweep<n>_sweep` and `sweep<n>_sweep_provinces`)
 * and one outcome — any figure nationally, or a province's sharing — is drawn against the parameter,
 * each point with its interval. The intervals say what they hold, as the command line does.
 */
import type { Connector } from '../../analytics/connector';
import { queryCsv } from '../../analytics/csv';
import { queryRows } from '../../analytics/query';
import { parameterColumnName } from '../../analytics/sweepTables';
import type { Dataset } from '../../population/dataset';
import { FIGURES } from '../../runtime/figures';
import { SCALES } from '../../runtime/scales';
import { PROVINCE_MEASURES, type ProvinceMeasure } from '../../runtime/sweep';
import type { Scenario } from '../../scenario';
import { formatDuration } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { runFooter, unitLine } from '../charts/exportTexts';
import { chartFigure } from '../charts/figure';
import { SWEEP_COLOR } from '../charts/palette';
import { el } from '../dom';
import { isCancelled, type RunController } from '../runController';
import type { CompletedSweep } from '../runs';
import { fieldLabel } from './fieldLabels';
import { compareMessages } from './messages';
import { fill } from '../placeholders';
import { sweepChart } from './sweepChart';
import { outcomeSql, outcomeUnit } from './sweepOutcome';
import { defaultValues, SWEEPABLE_PATHS, sweepFromForm } from './sweepForm';
import { SWEEP_MESSAGES } from './sweepMessages';

type Key = keyof typeof SWEEP_MESSAGES;

/** What the panel needs from its workspace. */
export interface SweepPanelOptions {
  lang: Lang;
  /** The scenarios that may be swept (bundled and opened), read when the panel runs. */
  scenarios: () => readonly Scenario[];
  /** The panel's own run controller (a sweep does not withdraw the comparison's runs). */
  runs: RunController;
  db: () => Promise<Connector>;
  dataset: () => Dataset;
  /** The width charts are drawn at. */
  width: () => number;
}

/** The mounted panel. */
export interface SweepPanel {
  element: HTMLElement;
  relabel(lang: Lang): void;
}

/** Builds the sweep panel. */
export function createSweepPanel(doc: Document, options: SweepPanelOptions): SweepPanel {
  let lang = options.lang;
  const t = (key: Key, values?: Record<string, string | number>): string =>
    values
      ? fill(
          SWEEP_MESSAGES[key][lang],
          Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
        )
      : SWEEP_MESSAGES[key][lang];
  const labelled = (control: HTMLElement, key: Key) => {
    const text = el(doc, 'span', { 'data-label': key });
    return { label: el(doc, 'label', {}, text, ' ', control), text, key };
  };

  const baseSelect = el(doc, 'select', { name: 'sweep-base' });
  const parameterSelect = el(doc, 'select', { name: 'sweep-parameter' });
  const valuesInput = el(doc, 'input', { name: 'sweep-values', type: 'text', spellcheck: 'false' });
  const scaleSelect = el(
    doc,
    'select',
    { name: 'sweep-scale' },
    ...SCALES.filter((k) => k >= 100).map((k) => el(doc, 'option', { value: String(k) }, `1:${k}`)),
  );
  const replicationSelect = el(
    doc,
    'select',
    { name: 'sweep-replications' },
    ...[0, 2, 5, 10, 20].map((n) => el(doc, 'option', { value: String(n) }, String(n))),
  );
  scaleSelect.value = '10000';
  replicationSelect.value = '5';
  // Classes of their own: the comparison's Run, Cancel, status and notice (`.run`, `.cancel`,
  // `.run-status`, `.notice`) are in the same panel.
  const runButton = el(doc, 'button', { type: 'button', class: 'sweep-run' });
  const cancelButton = el(doc, 'button', { type: 'button', class: 'sweep-cancel', hidden: true });
  const bar = el(doc, 'progress', { max: '1', value: '0', hidden: true });
  const status = el(doc, 'p', { class: 'sweep-status', role: 'status', 'aria-live': 'polite' });
  const notice = el(doc, 'div', { class: 'sweep-notice', role: 'alert', hidden: true });
  const outcomeSelect = el(doc, 'select', { name: 'sweep-outcome' });
  const provinceSelect = el(doc, 'select', { name: 'sweep-province' });
  const result = el(doc, 'div', { class: 'sweep-result' });
  const heading = el(doc, 'summary', {});
  const intro = el(doc, 'p', { class: 'intro' });

  const fields = [
    labelled(baseSelect, 'base'),
    labelled(parameterSelect, 'parameter'),
    labelled(valuesInput, 'values'),
    labelled(scaleSelect, 'scale'),
    labelled(replicationSelect, 'replications'),
  ];
  const outcomeFields = [labelled(outcomeSelect, 'outcome'), labelled(provinceSelect, 'province')];
  const element = el(
    doc,
    'details',
    { class: 'sweep', 'data-state': 'idle' },
    heading,
    intro,
    el(
      doc,
      'div',
      { class: 'controls sweep-controls' },
      ...fields.map((f) => f.label),
      runButton,
      cancelButton,
    ),
    el(doc, 'div', { class: 'progress' }, bar, status),
    notice,
    el(doc, 'div', { class: 'controls sweep-outcome', hidden: true }, ...outcomeFields.map((f) => f.label)),
    result,
  );
  const outcomeRow = element.querySelector('.sweep-outcome') as HTMLElement;

  let done: CompletedSweep | null = null;
  const scenarioById = (id: string) => options.scenarios().find((s) => s.id === id);

  const fillBases = (): void => {
    const keep = baseSelect.value;
    baseSelect.replaceChildren(
      ...options.scenarios().map((s) => el(doc, 'option', { value: s.id }, `${s.id} — ${s.title[lang]}`)),
    );
    if (keep && scenarioById(keep)) baseSelect.value = keep;
  };
  const fillParameters = (): void => {
    const keep = parameterSelect.value || 'behaviour.quota.shareOfSpendable';
    parameterSelect.replaceChildren(
      ...SWEEPABLE_PATHS.map((p) => el(doc, 'option', { value: p }, `${fieldLabel(p, lang)} (${p})`)),
    );
    parameterSelect.value = keep;
  };
  const fillOutcomes = (): void => {
    const keep = outcomeSelect.value || 'sharedFen';
    outcomeSelect.replaceChildren(
      ...FIGURES.map((f) => el(doc, 'option', { value: `figure:${f.key}` }, f.label[lang])),
      ...PROVINCE_MEASURES.map((m) =>
        el(doc, 'option', { value: `province:${m}` }, `${t(`measure.${m}` as Key)} …`),
      ),
    );
    outcomeSelect.value = keep.includes(':') ? keep : `figure:${keep}`;
    const provinces = options.dataset().provinces;
    const keepProvince = provinceSelect.value || '0';
    provinceSelect.replaceChildren(
      ...provinces.map((p, i) =>
        el(doc, 'option', { value: String(i) }, lang === 'zh' ? p.nameZh : p.nameEn),
      ),
    );
    provinceSelect.value = keepProvince;
  };

  const setState = (state: 'idle' | 'running' | 'done' | 'failed' | 'cancelled'): void => {
    element.dataset.state = state;
    const running = state === 'running';
    bar.hidden = !running;
    cancelButton.hidden = !running;
    runButton.disabled = running;
  };
  const say = (text: string | null): void => {
    notice.textContent = text ?? '';
    notice.hidden = text === null;
  };

  /** Draws the chosen outcome of the finished sweep from its DuckDB table. */
  const draw = async (): Promise<void> => {
    if (!done) return;
    const sweep = done;
    const [kind, key] = outcomeSelect.value.split(':') as ['figure' | 'province', string];
    provinceSelect.parentElement!.hidden = kind !== 'province';
    const parameter = sweep.request.parameters[0]!;
    const withIntervals = sweep.request.replications > 0;
    const province = Number(provinceSelect.value);
    const sql = outcomeSql(sweep, { kind, key, province });
    const conn = await options.db();
    const rows = (await queryRows(conn, sql)).rows;
    if (done !== sweep) return;
    const figure = FIGURES.find((f) => f.key === key);
    const { unit, money } = outcomeUnit({ kind, key }, lang);
    const provinceName = (() => {
      const p = options.dataset().provinces[province]!;
      return lang === 'zh' ? p.nameZh : p.nameEn;
    })();
    const outcome =
      kind === 'figure'
        ? figure!.label[lang]
        : lang === 'zh'
          ? `${provinceName}：${t(`measure.${key as ProvinceMeasure}` as Key)}`
          : `${t(`measure.${key as ProvinceMeasure}` as Key)} ${provinceName}`;
    const parameterName = fieldLabel(parameter.path, lang);
    const { result: r } = sweep;
    const sources = withIntervals
      ? t('sources', {
          coverage: Math.round(r.coverage * 100),
          parameters: r.sources.parameters === 'included' ? t('sources.parameters') : '',
          sampling: t(r.sources.sampling === 'kept' ? 'sources.kept' : 'sources.removed'),
        })
      : t('noIntervals');
    const base = sweep.request.points[0]!.scenario;
    const svg = sweepChart(doc, rows, {
      lang,
      xLabel: parameterName,
      yLabel: unit,
      money,
      width: options.width(),
    });
    result.replaceChildren(
      chartFigure(doc, {
        id: 'sweep',
        title: t('chart', { outcome, parameter: parameterName }),
        svg,
        note: sources,
        unit: unitLine(unit, lang),
        legend: [
          {
            key: 'sweep',
            label: `${baseSelect.value} · ${parameter.path}`,
            color: SWEEP_COLOR,
            shape: 'dot',
          },
        ],
        footer: runFooter(
          {
            scenarios: [{ id: baseSelect.value, title: base.title[lang], seed: base.seed }],
            scaleK: sweep.request.scaleK,
            replications: sweep.request.replications,
          },
          lang,
        ),
        csv: async () => queryCsv(await options.db(), sql),
        filename: `sweep-${parameterColumnName(parameter.path)}-1-${sweep.request.scaleK}`,
        texts: {
          prefix: compareMessages['download.label'][lang],
          csv: compareMessages['download.csv'][lang],
          svg: compareMessages['download.svg'][lang],
          png: compareMessages['download.png'][lang],
        },
        onError: (e) => say(`${t('failed')}${e instanceof Error ? e.message : String(e)}`),
      }),
    );
    element.dataset.points = String(rows.length);
  };

  const run = async (): Promise<void> => {
    say(null);
    const base = scenarioById(baseSelect.value);
    if (!base) return;
    const form = sweepFromForm(base, [{ path: parameterSelect.value, values: valuesInput.value }]);
    if (!form.ok) {
      say(`${t('refused')}${form.errors.map((e) => `${e.path}: ${e[lang]}`).join('; ')}`);
      element.dataset.state = 'refused';
      return;
    }
    const task = options.runs.begin();
    const scaleK = Number(scaleSelect.value);
    const replications = Number(replicationSelect.value);
    const samples = replications + 1;
    const total = form.points.length * samples;
    const started = performance.now();
    setState('running');
    status.textContent = '';
    try {
      const completed = await task.sweep(
        { parameters: form.parameters, points: form.points, scaleK, replications },
        {
          onQueued: () => {
            if (task.current) status.textContent = t('waiting');
          },
          onProgress: (n, p) => {
            if (!task.current) return;
            bar.value = (n + p.familiesDone / Math.max(1, p.familiesTotal)) / total;
            status.textContent = t('progress', {
              point: Math.floor(n / samples) + 1,
              points: form.points.length,
              sample: (n % samples) + 1,
              samples,
            });
          },
        },
      );
      if (!task.current) return;
      done = completed;
      setState('done');
      status.textContent = t('done', {
        n: form.points.length,
        time: formatDuration(performance.now() - started, lang),
      });
      outcomeRow.hidden = false;
      fillOutcomes();
      await draw();
    } catch (error) {
      if (!task.current) return;
      setState(isCancelled(error) ? 'cancelled' : 'failed');
      status.textContent = '';
      say(
        isCancelled(error)
          ? t('cancelled')
          : `${t('failed')}${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  runButton.addEventListener('click', () => {
    run().catch((e: unknown) => say(`${t('failed')}${e instanceof Error ? e.message : String(e)}`));
  });
  cancelButton.addEventListener('click', () => options.runs.cancel());
  parameterSelect.addEventListener('change', () => {
    valuesInput.value = defaultValues(parameterSelect.value, scenarioById(baseSelect.value));
  });
  const redraw = () => {
    draw().catch((e: unknown) => say(`${t('failed')}${e instanceof Error ? e.message : String(e)}`));
  };
  outcomeSelect.addEventListener('change', redraw);
  provinceSelect.addEventListener('change', redraw);
  element.addEventListener('toggle', fillBases);

  const relabel = (next: Lang): void => {
    lang = next;
    heading.textContent = t('title');
    intro.textContent = t('intro');
    for (const f of [...fields, ...outcomeFields]) f.text.textContent = t(f.key);
    runButton.textContent = t('run');
    cancelButton.textContent = t('cancel');
    fillBases();
    fillParameters();
    // The outcomes name provinces, read from the dataset: only once a sweep has run.
    if (done) fillOutcomes();
    redraw();
  };
  relabel(lang);
  valuesInput.value = defaultValues(parameterSelect.value, scenarioById(baseSelect.value));
  return { element, relabel };
}
