/**
 * Compare's run controls (比较运行设置): the scale, the seed, the baseline and the replications every
 * run of a comparison shares, the Run and Cancel buttons, and the note on why the runs share one seed.
 * A run opened from files brings its own scale and replications, which the selectors then offer too.
 */
import { el } from '../dom';
import type { RunRequest } from '../runs';
import { SCALES } from '../../runtime/scales';
import { BASELINE_ID } from '../scenarioFiles';
import { baselineOf, COMPARE_REPLICATIONS, type CompareState, EDITED_TOKEN, type EditState } from './address';
import type { CompareMessageKey } from './messages';

/** The selector's text of the slow scales, which say how long they take; the others read `1:k`. */
const SLOW_SCALE_TEXT: Readonly<Partial<Record<number, CompareMessageKey>>> = {
  10: 'scale.10',
  1: 'scale.1',
};

/** Selects `value` in `select`, adding an option for it when it has none (a run opened from files). */
function chooseOption(select: HTMLSelectElement, value: number, text: string): void {
  const doc = select.ownerDocument;
  if (![...select.options].some((o) => o.value === String(value))) {
    select.append(el(doc, 'option', { value: String(value) }, text));
  }
  select.value = String(value);
}

/** The run controls' elements, and what sets them. */
export interface RunControls {
  /** The row of selectors and buttons. */
  row: HTMLElement;
  /** The note under the row: why every run shares one seed. */
  seedNote: HTMLElement;
  scale: HTMLSelectElement;
  seed: HTMLInputElement;
  baseline: HTMLSelectElement;
  replications: HTMLSelectElement;
  run: HTMLButtonElement;
  cancel: HTMLButtonElement;
  /**
   * The comparison of `runs` (and the edited copy `edit`) at the scale, seed and replications chosen,
   * against the baseline chosen when it is one of `runs`, else baseline-2026 when chosen, else the first.
   */
  choice(runs: string[], edit: EditState | null): CompareState;
  /** Sets the scale, seed and replications to a run's (one opened from files), adding options it needs. */
  match(request: RunRequest): void;
  /** Offers `ticked` as the baseline with `chosen` selected; none ticked disables the selector. */
  offerBaselines(
    ticked: readonly string[],
    chosen: string | null,
    t: (key: CompareMessageKey) => string,
  ): void;
  /** Redraws the labels, the slow scales' texts, the seed's placeholder, the note and the buttons. */
  relabel(t: (key: CompareMessageKey) => string): void;
}

/** Builds the run controls, set to `state`'s scale, seed and replications. */
export function createRunControls(
  doc: Document,
  state: Pick<CompareState, 'scaleK' | 'seed' | 'replications'>,
): RunControls {
  const scaleLabel = el(doc, 'span');
  const scaleOptions = SCALES.map((k) =>
    el(doc, 'option', { value: String(k), selected: k === state.scaleK }, `1:${k}`),
  );
  const scale = el(doc, 'select', { id: 'compare-scale' }, ...scaleOptions);
  const seedLabel = el(doc, 'span');
  const seed = el(doc, 'input', {
    id: 'compare-seed',
    type: 'text',
    value: state.seed ?? '',
    spellcheck: 'false',
  });
  const baselineLabel = el(doc, 'span');
  const baseline = el(doc, 'select', { id: 'compare-baseline' });
  const replicationsLabel = el(doc, 'span');
  const replicationOptions = COMPARE_REPLICATIONS.map((n) =>
    el(doc, 'option', { value: String(n), selected: n === state.replications }, String(n)),
  );
  const replications = el(doc, 'select', { id: 'compare-replications' }, ...replicationOptions);
  const seedNote = el(doc, 'p', { class: 'note seed-note' });
  const run = el(doc, 'button', { type: 'button', class: 'run' });
  const cancel = el(doc, 'button', { type: 'button', class: 'cancel', hidden: true });
  const row = el(
    doc,
    'div',
    { class: 'run-row' },
    el(doc, 'label', {}, scaleLabel, ' ', scale),
    el(doc, 'label', {}, seedLabel, ' ', seed),
    el(doc, 'label', {}, baselineLabel, ' ', baseline),
    el(doc, 'label', {}, replicationsLabel, ' ', replications),
    run,
    cancel,
  );
  return {
    row,
    seedNote,
    scale,
    seed,
    baseline,
    replications,
    run,
    cancel,
    choice(runs, edit) {
      const text = seed.value.trim();
      return {
        runs,
        scaleK: Number(scale.value),
        seed: text === '' ? null : text,
        baseline: baselineOf({ runs, baseline: baseline.value || null }, BASELINE_ID),
        replications: Number(replications.value),
        edit,
      };
    },
    match(request) {
      chooseOption(scale, request.scaleK, `1:${request.scaleK}`);
      const n = request.replications ?? 0;
      chooseOption(replications, n, String(n));
      seed.value = request.scenario.seed;
    },
    offerBaselines(ticked, chosen, t) {
      baseline.replaceChildren(
        ...ticked.map((id) =>
          el(
            doc,
            'option',
            { value: id, selected: id === chosen },
            id === EDITED_TOKEN ? t('editedCopy') : id,
          ),
        ),
      );
      baseline.value = chosen ?? '';
      baseline.disabled = ticked.length === 0;
    },
    relabel(t) {
      scaleLabel.textContent = t('scale');
      for (const [n, option] of scaleOptions.entries()) {
        const k = SCALES[n]!;
        const slow = SLOW_SCALE_TEXT[k];
        option.textContent = slow ? t(slow) : `1:${k}`;
      }
      seedLabel.textContent = t('seed');
      seed.placeholder = t('seedPlaceholder');
      baselineLabel.textContent = t('baseline');
      replicationsLabel.textContent = t('replications');
      replicationOptions[0]!.textContent = t('replications.none');
      seedNote.textContent = t('seed.note');
      run.textContent = t('run');
      cancel.textContent = t('cancel');
    },
  };
}
