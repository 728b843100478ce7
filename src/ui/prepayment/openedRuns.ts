/**
 * Runs opened from files, in Prepayment (预付金中的文件运行): a row naming each run opened from a
 * sharded run's files (in Compare), with a button that shows it here like a run the page made.
 */
import { el } from '../dom';
import { defineMessages, type Lang } from '../../text/i18n';
import { openedRunLabel } from '../runFiles';
import type { CompletedRun } from '../runs';

const TEXTS = defineMessages({
  heading: { zh: '由文件打开的运行：', en: 'Runs opened from files:' },
  show: { zh: '在此显示', en: 'Show here' },
  shown: { zh: '（正在显示）', en: ' (shown)' },
});

/**
 * The row's elements for `runs` (none when there are none); `shownKey` marks the run on view, and
 * `onShow` is called with the run whose button is clicked.
 */
export function openedRunsRow(
  doc: Document,
  runs: readonly CompletedRun[],
  lang: Lang,
  shownKey: string | null,
  onShow: (run: CompletedRun) => void,
): HTMLElement[] {
  if (runs.length === 0) return [];
  return [
    el(doc, 'span', { class: 'heading' }, TEXTS.heading[lang]),
    ...runs.map((run) => {
      const button = el(
        doc,
        'button',
        { type: 'button', class: 'show-opened', 'data-key': run.key, 'data-run-digest': run.digest },
        TEXTS.show[lang],
      );
      button.addEventListener('click', () => onShow(run));
      return el(
        doc,
        'span',
        { class: 'opened-run' },
        openedRunLabel(run, lang),
        run.key === shownKey ? TEXTS.shown[lang] : '',
        ' ',
        button,
      );
    }),
  ];
}
