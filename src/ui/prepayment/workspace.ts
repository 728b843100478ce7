/**
 * The Prepayment workspace (预付金工作区) for finance officials: runs a scenario with replications on
 * the page's run service and shows, per insured-place province, the prepayment needed for a chosen
 * confidence with its interval and its split among treatment provinces, how the scenario's own
 * rule fares (how often it warns, its usage in the expected year with the draws' band), then every
 * province in a sortable table and gross versus netted cash. Every figure is for the whole insured
 * population and says which sources of spread it includes. The view's state (scenario, scale,
 * replications, confidence, province) lives in the address.
 */
import './prepayment.css';
import { placeNames } from '../../analytics/exportTables';
import { toClearingParameters } from '../../scenario';
import { BASELINE_ID, bundledScenarios } from '../scenarioFiles';
import { chartWidth } from '../charts/width';
import { el } from '../dom';
import { formatPercent } from '../../text/format';
import { I18n } from '../../text/i18n';
import { RunController } from '../runController';
import { openedRunLabel } from '../runFiles';
import { openedRunsRow } from './openedRuns';
import type { CompletedRun, RunRequest } from '../runs';
import type { WorkspaceContext, WorkspaceView } from '../view';
import { prepaymentPath, readPrepaymentState, type PrepaymentState } from './address';
import { ALL_TREATMENTS, createProvinceChoice } from './choices';
import { buildControls } from './controls';
import { prepaymentMessages, type PrepaymentMessageKey } from './messages';
import { overviewSection } from './overviewSection';
import { provinceSection } from './provinceSection';
import { renderContext, translator, type RenderContext } from './render';
import { ruleParts, sourcesText, staleNote, summaryText, unresolvedNote } from './runSummary';
import { loadProvinceView, loadRunView, provinceNames, type ProvinceView, type RunView } from './runView';
import type { TableSort } from './table';

/** Mounts the Prepayment workspace into its panel (a {@link WorkspaceFactory}). */
export function mountPrepayment(ctx: WorkspaceContext): WorkspaceView {
  const { panel, services, win } = ctx;
  const doc = panel.ownerDocument;
  const i18n = new I18n(prepaymentMessages, ctx.i18n.lang);
  const t = translator((key: PrepaymentMessageKey) => i18n.t(key));
  const { scenarios, broken } = bundledScenarios();
  const controls = buildControls(doc, scenarios);
  const codes = provinceNames(services.runs.dataset()).code;
  const places = placeNames(services.runs.dataset());
  const address = readPrepaymentState(
    win.location.search,
    scenarios.map((s) => s.id),
    codes,
    scenarios.some((s) => s.id === BASELINE_ID) ? BASELINE_ID : (scenarios[0]?.id ?? BASELINE_ID),
  );
  let view: RunView | null = null;
  let provinceData: ProvinceView | null = null;
  let province = address.state.province === null ? -1 : codes.indexOf(address.state.province);
  let treatment: number | null = null;
  let sort: TableSort = { key: 'needed_fen', descending: true };
  let provinceTicket = 0;
  const runs = new RunController(services.runs);
  let started = false;
  let failure = '';
  let progressKey: PrepaymentMessageKey | null = null;

  const title = el(doc, 'h2');
  const intro = el(doc, 'p', { class: 'audience' });
  const rule = el(doc, 'p', { class: 'not-public', 'data-rule': 'C5' });
  const summary = el(doc, 'p', { class: 'summary' });
  const origin = el(doc, 'p', { class: 'origin', hidden: true });
  const openedRow = el(doc, 'div', { class: 'opened-runs' });
  const sources = el(doc, 'p', { class: 'sources' });
  const notice = el(doc, 'div', { class: 'notices' });
  const results = el(doc, 'div', { class: 'results' });
  const choice = createProvinceChoice(doc, {
    onProvince: (p) => selectProvince(p),
    onTreatment: (j) => selectProvince(province, j),
  });
  panel.classList.add('prepayment');
  panel.replaceChildren(
    title,
    intro,
    rule,
    controls.element,
    openedRow,
    controls.progress,
    summary,
    origin,
    sources,
    notice,
    results,
  );

  const confidence = (): number => Number(controls.confidence.value);
  /** The view's state as the address keeps it. */
  const state = (): PrepaymentState => ({
    scenario: controls.scenario.value,
    scaleK: Number(controls.scale.value),
    replications: Number(controls.replications.value),
    confidence: confidence(),
    province: province >= 0 ? (codes[province] ?? null) : null,
  });
  const writeAddress = (): void => {
    win.history.replaceState(win.history.state, '', prepaymentPath(win.location.href, state()));
  };

  const setState = (s: 'idle' | 'waiting' | 'running' | 'done' | 'failed' | 'cancelled'): void => {
    panel.dataset.state = s;
    const busy = s === 'running' || s === 'waiting';
    controls.bar.hidden = s !== 'running';
    controls.cancel.hidden = !busy;
    controls.run.disabled = busy;
    if (!busy) progressKey = null;
  };

  const context = (v: RunView): RenderContext =>
    renderContext(v, {
      doc,
      lang: i18n.lang,
      t,
      province,
      treatment,
      select: (p) => selectProvince(p),
      places,
      width: chartWidth(results, win),
    });

  const renderSummary = (v: RunView): void => {
    const c = { t, lang: i18n.lang, view: v };
    summary.textContent = summaryText(c);
    origin.textContent = v.completed.source ? openedRunLabel(v.completed, i18n.lang) : '';
    origin.hidden = !v.completed.source;
    sources.textContent = sourcesText(c);
  };

  /** The stale note (controls changed since the run shown) and the unresolved confidence, when they apply. */
  const renderNotices = (): void => {
    const c = { doc, t, lang: i18n.lang };
    const stale = view ? staleNote(c, view.completed.request, controls.request()) : null;
    const unresolved = view?.answer.unresolved
      ? unresolvedNote(context(view), (min) => {
          controls.replications.value = String(min);
          start(controls.request());
        })
      : null;
    notice.replaceChildren(...[stale, unresolved].filter((x) => x !== null));
  };

  const renderRule = (): void => {
    const scenario = view?.completed.request.scenario ?? controls.chosenScenario();
    const params = view?.params ?? (scenario ? toClearingParameters(scenario) : null);
    rule.replaceChildren(...(params ? ruleParts({ doc, t, lang: i18n.lang }, params) : []));
  };

  const renderResults = (): void => {
    renderRule();
    renderNotices();
    const problems = [
      ...(failure ? [el(doc, 'p', { class: 'failed' }, t('failed'), failure)] : []),
      ...broken.map((b) => el(doc, 'p', { class: 'failed' }, b)),
      ...address.ignored.map((x) => el(doc, 'p', { class: 'failed' }, `${x}?`)),
    ];
    renderOpened();
    if (!view) {
      summary.textContent = '';
      sources.textContent = '';
      results.replaceChildren(...problems, el(doc, 'p', { class: 'note' }, t('empty')));
      return;
    }
    renderSummary(view);
    const c = context(view);
    results.replaceChildren(
      ...problems,
      choice.offer(c),
      el(doc, 'section', { class: 'province' }, ...provinceSection(c, provinceData)),
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

  /** The runs opened from files (in Compare), each shown here on a click. */
  const renderOpened = (): void => {
    openedRow.replaceChildren(
      ...openedRunsRow(doc, services.runs.opened(), i18n.lang, view?.completed.key ?? null, (completed) => {
        started = true;
        runs.cancel();
        show(completed).catch(fail);
      }),
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
    writeAddress();
    const v = view;
    const ticket = ++provinceTicket;
    renderResults();
    services
      .database()
      .then((conn) => loadProvinceView(conn, v, p, j))
      .then((data) => {
        if (ticket !== provinceTicket || view !== v) return;
        provinceData = data;
        panel.dataset.province = codes[p] ?? String(p);
        panel.dataset.treatment = j === null ? ALL_TREATMENTS : (codes[j] ?? String(j));
        renderResults();
      })
      .catch(fail);
  };

  /** Shows a finished run at the chosen confidence, keeping the chosen province when it has one. */
  const show = async (completed: CompletedRun): Promise<void> => {
    const conn = await services.database();
    const v = await loadRunView(conn, completed, services.runs.dataset(), confidence());
    view = v;
    provinceData = null;
    failure = '';
    controls.match(completed.request);
    panel.dataset.replications = String(completed.request.replications ?? 0);
    panel.dataset.scale = String(completed.request.scaleK);
    panel.dataset.scenario = completed.request.scenario.id;
    panel.dataset.source = completed.source?.kind ?? 'page';
    panel.dataset.runDigest = completed.digest;
    panel.dataset.confidence = String(v.answer.confidence);
    setState('done');
    const keep = province >= 0 && province < v.answer.provinces.length;
    selectProvince(keep ? province : (v.ranked[0] ?? 0), keep ? treatment : null);
  };

  /** Sizes the shown run at the chosen confidence (from its samples: no new simulation). */
  const reconfide = (): void => {
    const shown = view?.completed;
    writeAddress();
    if (!shown) return;
    controls.barText.textContent = t((progressKey = 'computing'));
    // Let the message paint before the model runs on this thread.
    win.setTimeout(() => {
      show(shown)
        .then(() => (controls.barText.textContent = ''))
        .catch(fail);
    }, 0);
  };

  const run = async (request: RunRequest): Promise<void> => {
    const task = runs.begin();
    failure = '';
    writeAddress();
    renderNotices();
    const R = request.replications ?? 0;
    controls.bar.max = 1;
    controls.bar.value = 0;
    try {
      const completed = await task.run(request, {
        onQueued: () => {
          if (!task.current) return;
          setState('waiting');
          controls.barText.textContent = t((progressKey = 'waiting'));
        },
        onStarted: () => {
          if (task.current) setState('running');
        },
        onProgress: (r, p) => {
          if (!task.current) return;
          const part = p.familiesTotal > 0 ? p.familiesDone / p.familiesTotal : 0;
          controls.bar.value = (r + part) / (R + 1);
          progressKey = r === R && part >= 1 ? 'clearing' : null;
          controls.barText.textContent = progressKey
            ? t(progressKey)
            : t('simulating', { run: r + 1, runs: R + 1, pct: formatPercent(100 * part, i18n.lang, 0) });
        },
      });
      if (!task.current) return;
      controls.barText.textContent = '';
      await show(completed);
    } catch (error) {
      if (!task.current) return;
      fail(error);
    }
  };

  const start = (req: RunRequest | null): void => {
    started = true;
    if (req) run(req).catch(fail);
  };

  controls.run.addEventListener('click', () => start(controls.request()));
  controls.cancel.addEventListener('click', () => {
    runs.cancel();
    setState('cancelled');
    controls.barText.textContent = t('cancelled');
  });
  controls.confidence.addEventListener('change', reconfide);
  for (const c of [controls.scenario, controls.scale, controls.replications]) {
    c.addEventListener('change', () => {
      writeAddress();
      renderResults();
    });
  }

  const s0 = address.state;
  controls.scenario.value = s0.scenario;
  controls.scale.value = String(s0.scaleK);
  controls.replications.value = String(s0.replications);
  controls.confidence.value = String(s0.confidence);
  services.runs.onOpened(() => renderOpened());
  setState('idle');
  renderTexts();
  return {
    relabel(lang) {
      i18n.setLang(lang);
      renderTexts();
    },
    shown() {
      if (started || view) return;
      // A run opened from files in this tab is shown rather than a run of the address's choice.
      const opened = services.runs.opened().at(-1);
      if (opened) {
        started = true;
        show(opened).catch(fail);
        return;
      }
      // The view the address (or the defaults) names: shown at once when already run, else run.
      start(controls.request());
    },
  };
}
