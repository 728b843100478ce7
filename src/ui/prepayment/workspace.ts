/**
 * The Prepayment workspace (预付金工作区) for finance officials: runs a scenario (with a Monte Carlo
 * of prepayments when replications are asked for) on the page's run service, or shows a run another
 * workspace finished, and draws per province the usage of its prepayments with the warning lines,
 * its warnings and top-ups on a timeline, the prepayment needed for a chosen confidence beside the
 * scenario's sizing rule, then every province in a sortable table and gross versus netted cash.
 */
import './prepayment.css';
import { settlementLagDays } from '../../clearing/parameters';
import { toClearingParameters, type Scenario } from '../../scenario';
import { el } from '../dom';
import { formatPercent } from '../format';
import { I18n } from '../i18n';
import type { CompletedRun, RunRequest } from '../runs';
import type { WorkspaceContext, WorkspaceView } from '../view';
import { buildControls, DEFAULT_REPLICATIONS } from './controls';
import { prepaymentMessages, type PrepaymentMessageKey } from './messages';
import { ALL_TREATMENTS, provinceOptions, treatmentOptions } from './choices';
import { outstandingMonthsAtPeak } from './model';
import { overviewSection } from './overviewSection';
import { provinceSection, sizingText } from './provinceSection';
import { translator, type RenderContext } from './render';
import { loadProvinceView, loadRunView, type ProvinceView, type RunView } from './runView';
import { bundledScenarios, DEFAULT_SCENARIO } from './scenarios';
import type { TableSort } from './table';

/** Scale of the first run the workspace starts by itself (no Monte Carlo: a few seconds). */
const FIRST_SCALE = 10_000;

/** Milliseconds between looks at whether another workspace's run has finished. */
const WAIT_MS = 300;

/** Mounts the Prepayment workspace into its panel (a {@link WorkspaceFactory}). */
export function mountPrepayment(ctx: WorkspaceContext): WorkspaceView {
  const { panel, services, win } = ctx;
  const doc = panel.ownerDocument;
  const i18n = new I18n(prepaymentMessages, ctx.i18n.lang);
  const t = translator((key: PrepaymentMessageKey) => i18n.t(key));
  const { scenarios, broken } = bundledScenarios();
  const controls = buildControls(doc, scenarios);
  let view: RunView | null = null;
  let provinceData: ProvinceView | null = null;
  let province = -1;
  let treatment: number | null = null;
  let sort: TableSort = { key: 'peak_usage', descending: true };
  let token = 0;
  let provinceTicket = 0;
  let mine = false;
  let started = false;
  let failure = '';
  let progressKey: PrepaymentMessageKey | null = null;

  const title = el(doc, 'h2');
  const intro = el(doc, 'p', { class: 'audience' });
  const rule = el(doc, 'p', { class: 'not-public', 'data-rule': 'C5' });
  const summary = el(doc, 'p', { class: 'summary' });
  const results = el(doc, 'div', { class: 'results' });
  const provinceSelect = el(doc, 'select', { id: 'prepayment-province' });
  const provinceLabel = el(doc, 'span');
  const treatmentSelect = el(doc, 'select', { id: 'prepayment-treatment' });
  const treatmentLabel = el(doc, 'span');
  const offerButton = el(doc, 'button', { type: 'button', class: 'run-mc' });
  const offerText = el(doc, 'span');
  const offer = el(doc, 'p', { class: 'mc-offer' }, offerText, ' ', offerButton);
  panel.classList.add('prepayment');
  panel.replaceChildren(title, intro, rule, controls.element, controls.progress, summary, results);

  const scenarioById = (id: string): Scenario | undefined => scenarios.find((s) => s.id === id);
  const formScenario = (): Scenario | undefined => scenarioById(controls.scenario.value);
  const confidence = (): number => Number(controls.confidence.value);

  const setState = (state: 'idle' | 'waiting' | 'running' | 'done' | 'failed' | 'cancelled'): void => {
    panel.dataset.state = state;
    const busy = state === 'running' || state === 'waiting';
    controls.bar.hidden = state !== 'running';
    controls.cancel.hidden = !busy;
    controls.run.disabled = busy;
    offerButton.disabled = busy;
    if (!busy) progressKey = null;
  };

  const context = (v: RunView): RenderContext => {
    const req = v.completed.request;
    return {
      doc,
      lang: i18n.lang,
      t,
      view: v,
      confidence: confidence(),
      base: `prepayment-${req.scenario.id}-1-${req.scaleK}-r${req.replications ?? 0}`,
      province,
      treatment,
      select: (p) => selectProvince(p),
    };
  };

  const renderSummary = (v: RunView): void => {
    const { request, seconds } = v.completed;
    const p = v.params;
    const lag = p.calendar.resultsLagDays + p.calendar.confirmationLagDays + p.calendar.transferLagDays;
    const R = request.replications ?? 0;
    summary.textContent = t('summary', {
      scenario: request.scenario.title[i18n.lang],
      k: request.scaleK,
      reps: R > 0 ? t('reps', { n: R }) : t('noReps'),
      s: seconds.toFixed(1),
      settlement: t(`settlement.${p.settlement}`),
      yellow: formatPercent(100 * p.warnings.yellow, i18n.lang, 0),
      red: formatPercent(100 * p.warnings.red, i18n.lang, 0),
      topUp: formatPercent(100 * p.warnings.topUpFraction, i18n.lang, 0),
      lag,
      cycle:
        p.calendar.cycle === 'monthly' ? t('cycle.monthly') : t('cycle.days', { n: p.calendar.cycle.days }),
    });
  };

  const renderResults = (): void => {
    const scenario = view?.completed.request.scenario ?? formScenario();
    const params = view?.params ?? (scenario ? toClearingParameters(scenario) : null);
    const sizing = params?.prepayment.sizing;
    const peak = (): string => {
      if (!params || sizing?.method !== 'months-of-average') return '';
      const m = outstandingMonthsAtPeak(params.calendar);
      return t('rule.peak', {
        lag: settlementLagDays(params.calendar),
        m: m.toFixed(1),
        n: sizing.months,
        u: formatPercent((100 * m) / sizing.months, i18n.lang, 0),
      });
    };
    rule.replaceChildren(
      ...(sizing
        ? [
            el(doc, 'span', {}, t('notPublic', { rule: sizingText({ t, lang: i18n.lang }, sizing) })),
            ` ${t('rule.firstYear')} `,
            el(doc, 'span', { class: 'why' }, peak()),
          ]
        : []),
    );
    const problems = [
      ...(failure ? [el(doc, 'p', { class: 'failed' }, t('failed'), failure)] : []),
      ...broken.map((b) => el(doc, 'p', { class: 'failed' }, b)),
    ];
    if (!view) {
      summary.textContent = '';
      results.replaceChildren(...problems, el(doc, 'p', { class: 'note' }, t('empty')));
      return;
    }
    renderSummary(view);
    const c = context(view);
    provinceLabel.textContent = t('province');
    treatmentLabel.textContent = t('treatment');
    provinceSelect.replaceChildren(...provinceOptions(c));
    treatmentSelect.replaceChildren(...treatmentOptions(c, t('allTreatments')));
    offerText.textContent = t('mc.offer');
    const reps = Number(controls.replications.value) || DEFAULT_REPLICATIONS;
    offerButton.textContent = t('mc.run', { n: reps, k: FIRST_SCALE });
    results.replaceChildren(
      ...problems,
      el(
        doc,
        'div',
        { class: 'province-choice' },
        el(doc, 'label', {}, provinceLabel, ' ', provinceSelect),
        el(doc, 'label', {}, treatmentLabel, ' ', treatmentSelect),
      ),
      el(doc, 'section', { class: 'province' }, ...provinceSection(c, provinceData, offer)),
      el(
        doc,
        'section',
        { class: 'overview' },
        ...overviewSection(c, sort, (s) => {
          sort = s;
          renderResults();
        }),
      ),
    );
  };

  const renderTexts = (): void => {
    title.textContent = t('title');
    intro.textContent = t('intro');
    controls.relabel(i18n.lang, (key) => i18n.t(key));
    if (progressKey) controls.barText.textContent = t(progressKey);
    if (panel.dataset.state === 'cancelled') controls.barText.textContent = t('cancelled');
    renderResults();
  };

  const fail = (error: unknown): void => {
    failure = error instanceof Error ? error.message : String(error);
    setState('failed');
    controls.barText.textContent = '';
    renderResults();
  };

  /** Shows province `p` (all its prepayments, or the one held in `j`). */
  const selectProvince = (p: number, j: number | null = null): void => {
    if (!view) return;
    province = p;
    treatment = j;
    const v = view;
    const ticket = ++provinceTicket;
    renderResults();
    services
      .database()
      .then((conn) => loadProvinceView(conn, v, p, j))
      .then((data) => {
        if (ticket !== provinceTicket || view !== v) return;
        provinceData = data;
        panel.dataset.province = String(p);
        panel.dataset.treatment = j === null ? ALL_TREATMENTS : String(j);
        renderResults();
      })
      .catch(fail);
  };

  /** Shows a finished run: loads its view, then its default province. */
  const show = async (completed: CompletedRun): Promise<void> => {
    const conn = await services.database();
    const v = await loadRunView(conn, completed, services.runs.population().dataset);
    view = v;
    provinceData = null;
    failure = '';
    panel.dataset.replications = String(completed.request.replications ?? 0);
    panel.dataset.scale = String(completed.request.scaleK);
    panel.dataset.scenario = completed.request.scenario.id;
    if (scenarioById(completed.request.scenario.id)) controls.scenario.value = completed.request.scenario.id;
    setState('done');
    selectProvince(v.defaultProvince);
  };

  const waitForOthers = async (mineToken: number): Promise<boolean> => {
    while (services.runs.busy) {
      if (mineToken !== token) return false;
      setState('waiting');
      controls.barText.textContent = t((progressKey = 'waiting'));
      await new Promise((resolve) => win.setTimeout(resolve, WAIT_MS));
    }
    return mineToken === token;
  };

  const run = async (request: RunRequest): Promise<void> => {
    const mineToken = ++token;
    failure = '';
    if (!(await waitForOthers(mineToken))) return;
    const R = request.replications ?? 0;
    setState('running');
    mine = true;
    controls.bar.max = 1;
    controls.bar.value = 0;
    try {
      const completed = await services.runs.run(request, (r, p) => {
        if (mineToken !== token) return;
        const part = p.familiesTotal > 0 ? p.familiesDone / p.familiesTotal : 0;
        controls.bar.value = (r + part) / (R + 1);
        progressKey = r === R && part >= 1 ? 'clearing' : null;
        controls.barText.textContent = progressKey
          ? t(progressKey)
          : t('simulating', { run: r + 1, runs: R + 1, pct: formatPercent(100 * part, i18n.lang, 0) });
      });
      mine = false;
      if (mineToken !== token) return;
      controls.barText.textContent = '';
      await show(completed);
    } catch (error) {
      mine = false;
      if (mineToken !== token) return;
      if (error instanceof Error && error.name === 'RunCancelled') {
        setState('cancelled');
        controls.barText.textContent = t('cancelled');
        return;
      }
      fail(error);
    }
  };

  const request = (scaleK: number, replications: number): RunRequest | null => {
    const scenario = formScenario();
    return scenario ? { scenario, scaleK, replications } : null;
  };

  const start = (req: RunRequest | null): void => {
    started = true;
    if (req) run(req).catch(fail);
  };

  controls.run.addEventListener('click', () =>
    start(request(Number(controls.scale.value), Number(controls.replications.value))),
  );
  offerButton.addEventListener('click', () => {
    if (Number(controls.replications.value) === 0) controls.replications.value = String(DEFAULT_REPLICATIONS);
    controls.scale.value = String(FIRST_SCALE);
    start(request(FIRST_SCALE, Number(controls.replications.value)));
  });
  controls.cancel.addEventListener('click', () => {
    token++;
    if (mine) services.runs.cancel();
    mine = false;
    setState('cancelled');
    controls.barText.textContent = t('cancelled');
  });
  controls.confidence.addEventListener('change', () => renderResults());
  controls.scenario.addEventListener('change', () => renderResults());
  provinceSelect.addEventListener('change', () => selectProvince(Number(provinceSelect.value)));
  treatmentSelect.addEventListener('change', () =>
    selectProvince(province, treatmentSelect.value === ALL_TREATMENTS ? null : Number(treatmentSelect.value)),
  );
  services.runs.onRun((completed) => {
    if (view || mine) return;
    show(completed).catch(fail);
  });

  controls.scale.value = String(FIRST_SCALE);
  if (!scenarioById(DEFAULT_SCENARIO) && scenarios[0]) controls.scenario.value = scenarios[0].id;
  setState('idle');
  renderTexts();
  return {
    relabel(lang) {
      i18n.setLang(lang);
      renderTexts();
    },
    shown() {
      if (started || view) return;
      started = true;
      // Another workspace's runs: a Monte Carlo first, then the default scenario, then the latest.
      const done = services.runs.completed();
      const withMc = done.filter((c) => c.run.monteCarlo);
      const pool = withMc.length > 0 ? withMc : done;
      const latest = pool.filter((c) => c.request.scenario.id === DEFAULT_SCENARIO).at(-1) ?? pool.at(-1);
      if (latest) show(latest).catch(fail);
      else if (!services.runs.busy) start(request(FIRST_SCALE, 0));
    },
  };
}
