/**
 * Opening scenario files in Compare (打开方案文件): the Open button with its hidden file input, and
 * files dropped anywhere on the workspace (a sharded run's Parquet files go to the run-files panel,
 * the rest are scenario files). Each file is checked like the CLI checks it, and what became of the
 * files opened last is said under the list until the next files come; a bad file changes nothing
 * else. While Compare is shown, a file let go beside its panel does nothing.
 */
import { el } from '../dom';
import type { I18n } from '../../text/i18n';
import type { CompareMessageKey } from './messages';
import type { FileLike, OpenedScenarios } from './openedScenarios';
import type { RunFilesPanel } from './runFiles';
import { type FileReport, fileReportText } from './scenarioFile';

/** What the picker needs from the Compare workspace. */
export interface ScenarioFilePickerOptions {
  /** The workspace's panel: files dropped on it are opened, and its `data-files` says when they are read. */
  panel: HTMLElement;
  win: Window;
  /** The workspace's dictionary, read in its current language. */
  i18n: I18n<CompareMessageKey>;
  /** The scenario files opened in this tab, which the opened files join. */
  opened: OpenedScenarios;
  /** Asked first about every drop: it takes the drops of a sharded run's files. */
  runFiles: Pick<RunFilesPanel, 'drop'>;
  /** Files were opened (before what became of them is said): the valid ones join the list ticked. */
  onOpened(reports: readonly FileReport[]): void;
  /** The files could not be opened. */
  onError(error: unknown): void;
}

/** The picker's elements, for the workspace's controls. */
export interface ScenarioFilePicker {
  /** The Open button, its hidden file input and the drop hint. */
  row: HTMLElement;
  /** What became of the files opened or dropped last. */
  status: HTMLElement;
  /** Redraws the texts in the dictionary's current language. */
  relabel(): void;
}

/** Whether a drag carries files (not text or a link dragged within the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Builds the picker and listens for files picked, or dropped on the panel. */
export function createScenarioFilePicker(
  doc: Document,
  options: ScenarioFilePickerOptions,
): ScenarioFilePicker {
  const { panel, win, i18n, opened, runFiles } = options;
  const t = (key: CompareMessageKey): string => i18n.t(key);
  const fileInput = el(doc, 'input', {
    id: 'compare-open-file',
    type: 'file',
    accept: '.json,application/json',
    multiple: true,
    hidden: true,
  });
  const openButton = el(doc, 'button', { type: 'button', class: 'open-file' });
  const dropHint = el(doc, 'span', { class: 'drop-hint' });
  const status = el(doc, 'div', { class: 'file-status', role: 'alert' });
  /** What became of the files opened or dropped last, said until the next files come. */
  let reports: FileReport[] = [];

  const renderReports = (): void => {
    status.replaceChildren(
      ...reports.map((report) => {
        const { text, errors, failed } = fileReportText(report, i18n.lang);
        const item = el(
          doc,
          'div',
          { class: `file-report${failed ? ' failed' : ''}` },
          el(doc, 'p', {}, text),
        );
        if (errors.length > 0)
          item.append(
            el(doc, 'ul', {}, ...errors.map((line) => el(doc, 'li', { class: 'field-error' }, line))),
          );
        return item;
      }),
    );
    status.hidden = reports.length === 0;
  };

  /**
   * Opens files from the picker or a drop: each is checked like the CLI checks it; the valid ones join
   * the list ticked, and what became of every file is said under the list. A bad file changes nothing
   * else, so the page stays as it was.
   */
  const openFiles = async (files: readonly FileLike[]): Promise<void> => {
    if (files.length === 0) return;
    // `data-files` says when the files are read and reported (for tests and tools, like `data-state`).
    panel.dataset.files = 'reading';
    try {
      reports = await opened.open(files);
      options.onOpened(reports);
      renderReports();
    } finally {
      panel.dataset.files = 'read';
    }
  };

  openButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    // Cleared, so that picking the same file again (after correcting it) opens it again.
    fileInput.value = '';
    openFiles(files).catch(options.onError);
  });
  const dropping = (on: boolean): void => {
    panel.classList.toggle('dropping', on);
    dropHint.textContent = t(on ? 'file.dropHere' : 'file.drop');
  };
  for (const type of ['dragenter', 'dragover'] as const)
    panel.addEventListener(type, (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
      dropping(true);
    });
  panel.addEventListener('dragleave', (event) => {
    const to = event.relatedTarget;
    if (!(to instanceof Node) || !panel.contains(to)) dropping(false);
  });
  panel.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dropping(false);
    if (event.dataTransfer && runFiles.drop(event.dataTransfer)) return;
    openFiles([...(event.dataTransfer?.files ?? [])]).catch(options.onError);
  });
  // A file let go beside the panel (on the header, say) would make the browser leave the page to show
  // it; while Compare is shown, such a drop does nothing instead.
  for (const type of ['dragover', 'drop'] as const)
    win.addEventListener(type, (event) => {
      if (panel.hidden || event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'none';
    });

  return {
    row: el(doc, 'div', { class: 'file-row' }, openButton, fileInput, dropHint),
    status,
    relabel() {
      openButton.textContent = t('file.open');
      dropHint.textContent = t(panel.classList.contains('dropping') ? 'file.dropHere' : 'file.drop');
      renderReports();
    },
  };
}
