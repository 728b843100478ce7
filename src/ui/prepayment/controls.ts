/**
 * The run controls of the Prepayment workspace (预付金运行控制): scenario, scale, replications and
 * confidence, a Run and a Cancel button, and a progress bar with its text.
 */
import type { Scenario } from '../../scenario';
import { el } from '../dom';
import type { Lang } from '../../text/i18n';
import type { RunRequest } from '../runs';
import { CONFIDENCES } from './model';
import type { PrepaymentMessageKey } from './messages';

/**
 * Scales offered (k of 1:k). The prepayment figures do not depend on the scale (sampling noise is
 * taken out); a finer scale narrows their intervals and takes longer (1:10000 with 20 replications
 * in a few seconds, 1:100 in minutes).
 */
export const SCALES = [10_000, 1_000, 100] as const;

/** The scale of a first visit: an answer in seconds whose national figure is within a few per cent of 1:100's. */
export const DEFAULT_SCALE = 10_000;

/**
 * Replication counts offered: each is a further sample and, when the scenario gives ranges, a draw
 * of its uncertain parameters; 95% needs 20 of them, 99% needs 100.
 */
export const REPLICATIONS = [0, 10, 20, 50, 100] as const;

/** The replications of a first visit: enough for 90% and 95% with the baseline's parameter ranges. */
export const DEFAULT_REPLICATIONS = 20;

/** The confidence of a first visit. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The controls' elements and their values. */
export interface Controls {
  element: HTMLElement;
  progress: HTMLElement;
  scenario: HTMLSelectElement;
  scale: HTMLSelectElement;
  replications: HTMLSelectElement;
  confidence: HTMLSelectElement;
  run: HTMLButtonElement;
  cancel: HTMLButtonElement;
  bar: HTMLProgressElement;
  barText: HTMLElement;
  /** The scenario chosen, if it is one of those offered. */
  chosenScenario(): Scenario | undefined;
  /** The run the controls ask for, or null when no scenario offered is chosen. */
  request(): RunRequest | null;
  /**
   * Sets the controls to a run's request, so that they match the result shown (a run opened from
   * files may be at a scale or replications the selectors do not offer: they then offer it too).
   */
  match(request: RunRequest): void;
  /** Redraws the labels and the scenario titles. */
  relabel(lang: Lang, t: (key: PrepaymentMessageKey) => string): void;
}

/** Builds the controls for `scenarios` (the first is selected). */
export function buildControls(doc: Document, scenarios: readonly Scenario[]): Controls {
  const labels = {
    scenario: el(doc, 'span'),
    scale: el(doc, 'span'),
    replications: el(doc, 'span'),
    confidence: el(doc, 'span'),
  };
  const scenarioOptions = scenarios.map((s) => el(doc, 'option', { value: s.id }, s.id));
  const scenario = el(doc, 'select', { id: 'prepayment-scenario' }, ...scenarioOptions);
  const scale = el(
    doc,
    'select',
    { id: 'prepayment-scale' },
    ...SCALES.map((k) => el(doc, 'option', { value: String(k), selected: k === DEFAULT_SCALE }, `1:${k}`)),
  );
  const replications = el(
    doc,
    'select',
    { id: 'prepayment-replications' },
    ...REPLICATIONS.map((r) =>
      el(doc, 'option', { value: String(r), selected: r === DEFAULT_REPLICATIONS }, String(r)),
    ),
  );
  const confidence = el(
    doc,
    'select',
    { id: 'prepayment-confidence' },
    ...CONFIDENCES.map((c) =>
      el(doc, 'option', { value: String(c), selected: c === DEFAULT_CONFIDENCE }, `${Math.round(c * 100)}%`),
    ),
  );
  const run = el(doc, 'button', { type: 'button', class: 'run' });
  const cancel = el(doc, 'button', { type: 'button', class: 'cancel', hidden: true });
  const bar = el(doc, 'progress', { max: '1', value: '0', hidden: true });
  const barText = el(doc, 'span', { class: 'progress-text' });
  const field = (label: HTMLElement, control: HTMLElement) => el(doc, 'label', {}, label, ' ', control);
  const element = el(
    doc,
    'div',
    { class: 'controls' },
    field(labels.scenario, scenario),
    field(labels.scale, scale),
    field(labels.replications, replications),
    field(labels.confidence, confidence),
    run,
    cancel,
  );
  const progress = el(doc, 'div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, bar, barText);
  const scenarioById = (id: string): Scenario | undefined => scenarios.find((s) => s.id === id);
  const chosenScenario = (): Scenario | undefined => scenarioById(scenario.value);
  return {
    element,
    progress,
    scenario,
    scale,
    replications,
    confidence,
    run,
    cancel,
    bar,
    barText,
    chosenScenario,
    request() {
      const chosen = chosenScenario();
      const n = Number(replications.value);
      return chosen ? { scenario: chosen, scaleK: Number(scale.value), replications: n } : null;
    },
    match(request) {
      if (scenarioById(request.scenario.id)) scenario.value = request.scenario.id;
      for (const [select, value] of [
        [scale, request.scaleK],
        [replications, request.replications ?? 0],
      ] as const) {
        // A run opened from files may be at a scale or replications the selectors do not offer.
        if (![...select.options].some((o) => o.value === String(value))) {
          select.append(
            el(doc, 'option', { value: String(value) }, select === scale ? `1:${value}` : String(value)),
          );
        }
        select.value = String(value);
      }
    },
    relabel(lang, t) {
      labels.scenario.textContent = t('scenario');
      labels.scale.textContent = t('scale');
      labels.replications.textContent = t('replications');
      labels.confidence.textContent = t('confidence');
      run.textContent = t('run');
      cancel.textContent = t('cancel');
      scenarioOptions.forEach((o, k) => {
        const s = scenarios[k]!;
        o.textContent = `${s.title[lang]} (${s.id})`;
      });
    },
  };
}
