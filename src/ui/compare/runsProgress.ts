/**
 * The progress of a comparison's runs (比较运行进度): which scenario of how many is running, which
 * sample of how many, how many families are done and about how long is left, said in words beside a
 * progress bar that shows only while the runs go on.
 */
import type { RunProgress } from '../../runtime/progress';
import { formatCount, formatDuration } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { el } from '../dom';
import { type CompareMessageKey } from './messages';
import { fill } from '../placeholders';

/** Where a comparison's runs are. */
export interface RunsProgress {
  /** The scenario running (from 1), of how many, and its name. */
  i: number;
  n: number;
  id: string;
  /** The simulation going on (0: the main run, 1… the replications) and how many there are. */
  sample: number;
  samples: number;
  /** The simulation's progress; null while the population and the workers are being prepared. */
  p: RunProgress | null;
}

/** The runs' progress in words, for the text beside the progress bar. */
export function progressText(
  progress: RunsProgress,
  t: (key: CompareMessageKey) => string,
  lang: Lang,
): string {
  const { i, n, p } = progress;
  const id =
    progress.samples > 1
      ? `${progress.id}${fill(t('progress.sample'), { s: String(progress.sample + 1), n: String(progress.samples) })}`
      : progress.id;
  if (p && p.familiesDone >= p.familiesTotal) return `${i}/${n} ${id}: ${t('loading')}`;
  if (!p) return `${i}/${n} ${id}: ${t('preparing')}`;
  const eta = p.etaMs === null ? t('etaUnknown') : formatDuration(p.etaMs, lang);
  return fill(t('progress'), {
    i: String(i),
    n: String(n),
    id,
    done: formatCount(p.familiesDone, lang),
    total: formatCount(p.familiesTotal, lang),
    eta,
  });
}

/** The progress bar of a comparison's runs, with its text. */
export interface RunsProgressBar {
  element: HTMLElement;
  /** Shows the bar while the runs go on; once they stop, forgets their progress. */
  running(on: boolean): void;
  /** Shows where the runs are. */
  show(progress: RunsProgress): void;
  /** Says a run waits for another workspace's run to finish. */
  waiting(): void;
  /** Says again where the runs are, in the current language (nothing once they stopped). */
  render(): void;
}

/** Builds the progress bar; `t` and `lang` are read each time it speaks. */
export function createRunsProgressBar(
  doc: Document,
  t: (key: CompareMessageKey) => string,
  lang: () => Lang,
): RunsProgressBar {
  const bar = el(doc, 'progress', { max: '1', value: '0', hidden: true });
  const text = el(doc, 'span', { class: 'progress-text' });
  let progress: RunsProgress | null = null;
  const render = (): void => {
    if (progress) {
      bar.max = Math.max(1, progress.p?.familiesTotal ?? 1);
      bar.value = progress.p?.familiesDone ?? 0;
    }
    text.textContent = progress ? progressText(progress, t, lang()) : '';
  };
  return {
    element: el(doc, 'div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, bar, text),
    running(on) {
      bar.hidden = !on;
      if (!on) progress = null;
    },
    show(next) {
      progress = next;
      render();
    },
    waiting() {
      text.textContent = t('waiting');
    },
    render,
  };
}
