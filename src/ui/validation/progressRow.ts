/**
 * The Validation workspace's progress row (校验进度行): the panel's state (running, done, failed,
 * cancelled, in `data-state`), a progress bar and a line of text rebuilt on a language change —
 * families generated, a simulation's share done, waiting, loading the database, cancelled.
 */
import type { RunProgress } from '../../runtime/progress';
import { formatCount, formatPercent } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { el } from '../dom';
import { fill } from '../placeholders';
import type { ValidationMessageKey } from './messages';

/** The state of the workspace's panel. */
export type PanelState = 'running' | 'done' | 'failed' | 'cancelled';

/** The progress row of a panel, with the run and cancel buttons it switches. */
export class ProgressRow {
  /** The row's element, to place in the panel. */
  readonly element: HTMLDivElement;
  readonly #panel: HTMLElement;
  readonly #run: HTMLButtonElement;
  readonly #cancel: HTMLButtonElement;
  readonly #t: (key: ValidationMessageKey) => string;
  readonly #lang: () => Lang;
  readonly #bar: HTMLProgressElement;
  readonly #text: HTMLSpanElement;
  #textOf: (() => string) | null = null;

  constructor(
    panel: HTMLElement,
    buttons: { run: HTMLButtonElement; cancel: HTMLButtonElement },
    t: (key: ValidationMessageKey) => string,
    lang: () => Lang,
  ) {
    const doc = panel.ownerDocument;
    this.#panel = panel;
    this.#run = buttons.run;
    this.#cancel = buttons.cancel;
    this.#t = t;
    this.#lang = lang;
    this.#bar = el(doc, 'progress', { max: '1', value: '0', hidden: true });
    this.#text = el(doc, 'span', { class: 'progress-text' });
    this.element = el(
      doc,
      'div',
      { class: 'progress', role: 'status', 'aria-live': 'polite' },
      this.#bar,
      this.#text,
    );
  }

  /** The panel's state. */
  get state(): string | undefined {
    return this.#panel.dataset.state;
  }

  /** Sets the panel's state: the bar and the cancel button show only while running. */
  setState(state: PanelState): void {
    this.#panel.dataset.state = state;
    const running = state === 'running';
    this.#bar.hidden = !running;
    this.element.hidden = state === 'done';
    this.#cancel.hidden = !running;
    this.#run.disabled = running;
    if (!running) this.#textOf = null;
  }

  /** Ends a run in `state` with `text` in the row (cancelled: the word for it). */
  end(state: Exclude<PanelState, 'running'>, text = ''): void {
    this.setState(state);
    this.#text.textContent = state === 'cancelled' ? this.#t('cancelled') : text;
  }

  /** Shows `text` (rebuilt on a language change) in the row. */
  say(text: () => string): void {
    this.#textOf = text;
    this.#text.textContent = text();
  }

  /** Shows the families generated so far, after `words` (by default "Generating families"). */
  showCount(done: number, total: number, words: () => string = () => this.#t('generating')): void {
    this.#bar.max = Math.max(1, total);
    this.#bar.value = done;
    this.say(() => `${words()} ${formatCount(done, this.#lang())} / ${formatCount(total, this.#lang())}`);
  }

  /** Shows a simulation's share done in the words of `key`, filled with `values` and the percentage. */
  showSimulating(p: RunProgress, key: ValidationMessageKey, values: Record<string, number> = {}): void {
    const part = p.familiesTotal > 0 ? p.familiesDone / p.familiesTotal : 0;
    this.#bar.max = 1;
    this.#bar.value = part;
    const texts = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, String(v)]));
    this.say(() => fill(this.#t(key), { ...texts, pct: formatPercent(100 * part, this.#lang(), 0) }));
  }

  /** Rebuilds the row's text in the current language. */
  relabel(): void {
    if (this.#textOf) this.#text.textContent = this.#textOf();
    if (this.state === 'cancelled') this.#text.textContent = this.#t('cancelled');
  }
}
