/**
 * The Compare workspace (方案比较工作区), the workbench's landing page: choose scenarios (bundled,
 * opened from scenario files by picker or drop, or an edited copy of one), a scale, a seed, a baseline
 * and replications; run them one after the other on the page's run service with progress and cancel,
 * all at one seed (the Seed field's, else the baseline's) so that they pair up; then see totals, every
 * figure's change against the baseline (with intervals when replicated), monthly flows, the province
 * tile map, corridors, who benefits and what differs, side by side. Any
 * scenario downloads as a file the CLI runs. The choice lives in the address, so a link reproduces
 * the runs (an opened file only in the tab that opened it).
 */
import './compare.css';
import './workflow.css';
import type { Scenario } from '../../scenario';
import { chartWidth } from '../charts/width';
import { downloadBlob } from '../charts/download';
import { el } from '../dom';
import { I18n } from '../../text/i18n';
import { recordRun } from '../benchHook';
import { isCancelled, RunController } from '../runController';
import type { WorkspaceContext, WorkspaceView } from '../view';
import { baselineOf, type CompareState, comparePath, EDITED_TOKEN, startingState } from './address';
import { createEditor } from './editor';
import { type CompareMessageKey, compareMessages } from './messages';
import { createNotices, type Refusal } from './notices';
import { loadComparison } from './results';
import { createResultsView } from './resultsView';
import { OpenedScenarios } from './openedScenarios';
import { scenarioFileName, scenarioFileText } from './scenarioFile';
import { createRunControls } from './runControls';
import { planRuns } from './runPlan';
import { runInTurn } from './runsInTurn';
import { createRunsProgressBar } from './runsProgress';
import { createRunFilesPanel } from './runFiles';
import { createScenarioFilePicker } from './scenarioFilePicker';
import { createScenarioList, scenarioChoices } from './scenarioList';
import { createSweepPanel } from './sweepPanel';
import { allBundledScenarios, BASELINE_ID, bundledScenario } from '../scenarioFiles';

/** Mounts the Compare workspace into its panel (a {@link WorkspaceFactory}). */
export function mountCompare(ctx: WorkspaceContext): WorkspaceView {
  const { panel, win, services } = ctx;
  const doc = panel.ownerDocument;
  const i18n = new I18n(compareMessages, ctx.i18n.lang);
  const t = (key: CompareMessageKey): string => i18n.t(key);
  const bundled = allBundledScenarios();
  const opened = new OpenedScenarios(
    win,
    bundled.map((s) => s.id),
  );
  /** Every scenario that can be chosen: the bundled ones, then the files opened in this tab. */
  const scenarios = (): Scenario[] => [...bundled, ...opened.all().map((o) => o.scenario)];
  const starting = startingState(
    win.location.search,
    scenarios().map((s) => s.id),
    BASELINE_ID,
  );
  let state: CompareState = starting.state;
  const runs = new RunController(services.runs);
  let started = false;

  const title = el(doc, 'h2');
  const intro = el(doc, 'p', { class: 'audience' });
  const list = createScenarioList(doc, {
    lang: i18n.lang,
    checked: state.runs,
    onDownload: (id) => downloadScenario(id),
    onRemove: (id) => {
      opened.remove(id);
      offerScenarios();
    },
  });
  const controls = createRunControls(doc, state);
  const notices = createNotices(doc, i18n, () => editor.problems(), {
    ignored: state.ignored ?? [],
    refused: state.edit?.refused ?? [],
    fellBackTo: starting.fellBackTo,
  });
  const progress = createRunsProgressBar(doc, t, () => i18n.lang);
  const results = createResultsView(doc, i18n, services, (error) => reportError(error));
  const sweep = createSweepPanel(doc, {
    lang: i18n.lang,
    scenarios,
    runs: new RunController(services.runs),
    db: () => services.database(),
    dataset: () => services.runs.dataset(),
    width: () => chartWidth(panel, doc.defaultView ?? { innerWidth: 1100 }),
  });
  const editor = createEditor(doc, {
    scenarios: scenarios(),
    initial: state.edit ?? { base: BASELINE_ID, values: {} },
    lang: i18n.lang,
    onChange: () => {
      list.editedBox.checked = true;
      offerBaselines();
    },
  });
  const runFiles = createRunFilesPanel(doc, {
    lang: i18n.lang,
    runs: services.runs,
    win,
    onOpened: (completed) => {
      // The comparison takes the opened run's scale, seed and replications, and runs at once.
      controls.match(completed.request);
      offerBaselines();
      controls.run.click();
    },
    onChange: () => offerBaselines(),
  });
  const files = createScenarioFilePicker(doc, {
    panel,
    win,
    i18n,
    opened,
    runFiles,
    onOpened: (reports) => {
      offerScenarios();
      for (const r of reports) if (r.outcome === 'opened') list.check(r.id);
      offerBaselines();
    },
    onError: (error) => reportError(error),
  });
  list.set(scenarioChoices(bundled, opened.all()));
  list.element.addEventListener('change', () => offerBaselines());

  panel.classList.add('compare');
  panel.dataset.state = 'idle';
  panel.replaceChildren(
    title,
    intro,
    el(
      doc,
      'div',
      { class: 'controls' },
      list.element,
      files.row,
      files.status,
      runFiles.element,
      controls.row,
      controls.seedNote,
      notices.refusal,
    ),
    notices.address,
    editor.element,
    progress.element,
    notices.run,
    results.element,
    sweep.element,
  );

  const setState = (next: 'running' | 'done' | 'failed' | 'cancelled'): void => {
    panel.dataset.state = next;
    const running = next === 'running';
    progress.running(running);
    controls.cancel.hidden = !running;
    controls.run.disabled = running;
  };

  /** Says at the Run button why a click could not go ahead; for the edited copy, shows its first error. */
  const refuse = (why: Refusal): void => {
    notices.refuse(why);
    if (why !== 'noneChosen') editor.showProblem({ focus: true });
  };

  /**
   * Offers the ticked scenarios (then the edited copy) as the baseline, keeping `wanted` while it is
   * ticked, else baseline-2026 when ticked, else the first.
   */
  const offerBaselines = (wanted: string | null = controls.baseline.value || null): void => {
    const ticked = [
      ...list.checked(),
      ...(list.editedBox.checked ? [EDITED_TOKEN] : []),
      ...runFiles.ticked().map((r) => r.id),
    ];
    controls.offerBaselines(ticked, baselineOf({ runs: ticked, baseline: wanted }, BASELINE_ID), t);
  };

  /** Offers the bundled scenarios and the opened files again, in the list and as the editor's bases. */
  const offerScenarios = (): void => {
    list.set(scenarioChoices(bundled, opened.all()));
    editor.setScenarios(scenarios());
    offerBaselines();
  };

  /** The scenario with `id` as the list shows it: bundled, opened, or the edited copy when valid. */
  const scenarioOf = (id: string): Scenario | undefined =>
    id === EDITED_TOKEN
      ? (editor.scenario() ?? undefined)
      : (bundledScenario(id) ?? opened.get(id)?.scenario);

  /** Downloads a scenario as a file `npm run simulate -- --scenario <file>` runs; an invalid copy is refused. */
  const downloadScenario = (id: string): void => {
    const scenario = scenarioOf(id);
    if (!scenario) {
      refuse('refuse.download');
      return;
    }
    const blob = new Blob([scenarioFileText(scenario)], { type: 'application/json' });
    downloadBlob(doc, scenarioFileName(scenario), blob);
  };

  const reportError = (error: unknown): void => {
    console.warn(error);
    notices.fail(error);
  };

  const renderTexts = (): void => {
    const lang = i18n.lang;
    title.textContent = t('title');
    intro.textContent = t('intro');
    list.relabel(lang);
    runFiles.relabel(lang);
    files.relabel();
    controls.relabel(t);
    offerBaselines();
    editor.relabel(lang);
    sweep.relabel(lang);
    progress.render();
    notices.relabel();
    results.render();
  };

  /** The choice in the controls, or why it cannot run. */
  const readControls = (): CompareState | 'noneChosen' | 'refuse.run' => {
    const runs = list.checked();
    if (list.editedBox.checked) {
      if (!editor.scenario()) return 'refuse.run';
      runs.push(EDITED_TOKEN);
    }
    if (runs.length === 0 && runFiles.ticked().length === 0) return 'noneChosen';
    return controls.choice(runs, list.editedBox.checked ? editor.state() : null);
  };

  const run = async (): Promise<void> => {
    const task = runs.begin();
    started = true;
    notices.say(null);
    notices.refuse(null);
    const start = performance.now();
    const found = state.runs
      .map((token) => ({ token, scenario: scenarioOf(token) }))
      .filter((c): c is { token: string; scenario: Scenario } => c.scenario !== undefined);
    if (found.length < state.runs.length) {
      // An address whose edited copy is invalid: say which fields, show the first, and run the rest.
      notices.refuse('refuse.run');
      editor.showProblem();
    }
    const openedRuns = runFiles.ticked();
    const plan = planRuns(state, found, openedRuns);
    if (typeof plan === 'string') {
      notices.say({ key: plan });
      return;
    }
    state = plan.state;
    if (plan.fellBack) {
      notices.fellBackTo(BASELINE_ID);
    }
    const { scaleK, replications } = state;
    setState('running');
    try {
      const ran = await runInTurn(task, plan.chosen, state, {
        waiting: () => progress.waiting(),
        progress: (p) => progress.show(p),
      });
      if (!ran) return;
      const done = [...ran.done, ...openedRuns];
      const loaded = await loadComparison(
        await services.database(),
        done,
        services.runs.population().dataset,
        scaleK,
        { baseline: plan.baseline, replications },
      );
      if (!task.current) return;
      results.set(loaded);
      recordRun(win, {
        workspace: 'compare',
        scaleK,
        runMs: performance.now() - start,
        simulateMs: ran.simulateMs,
        personMonths: ran.personMonths,
      });
      panel.dataset.scale = String(scaleK);
      panel.dataset.runs = done.map((d) => d.id).join(',');
      panel.dataset.baseline = plan.baseline;
      panel.dataset.replications = String(replications);
      setState('done');
      progress.render();
      results.render();
    } catch (error) {
      if (!task.current) return;
      setState(isCancelled(error) ? 'cancelled' : 'failed');
      progress.render();
      if (isCancelled(error)) notices.say({ key: 'cancelled' });
      else notices.fail(error);
    }
  };

  const start = (): void => {
    run().catch(reportError);
  };
  controls.run.addEventListener('click', () => {
    const next = readControls();
    if (typeof next === 'string') {
      refuse(next);
      return;
    }
    state = next;
    // A run opened from files is not in the address: a link cannot carry its files.
    const address = runFiles.ticked().some((o) => o.id === state.baseline)
      ? { ...state, baseline: null }
      : state;
    win.history.replaceState(win.history.state, '', comparePath(win.location.href, address));
    notices.forgetAddress();
    start();
  });
  controls.cancel.addEventListener('click', () => {
    runs.cancel();
    setState('cancelled');
    progress.render();
    notices.say({ key: 'cancelled' });
  });

  offerBaselines(state.baseline);
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
