/**
 * Compare's sharded-run files (比较中的分片运行文件): a picker for the Parquet files of a sharded
 * run (files, or a folder), and the drop of such files or folders on the workspace; the runs opened
 * are listed, each ticked to join the comparison and labelled with its scenario, "opened from
 * files", its scale, seed and shard count. A refusal names the shard and changes nothing else.
 */
import { el } from '../dom';
import { ShardRefusal } from '../../runtime/shardFormat';
import { defineMessages, I18n, type Lang, type Message } from '../../text/i18n';
import { openedRunId, openedRunLabel, openRunFiles, refusalText } from '../runFiles';
import type { RunFile } from '../runFilesRead';
import type { CompletedRun, RunService } from '../runs';
import { forgetStoredRun, keepRunFiles, storedRuns } from '../runFilesStore';

const messages = defineMessages({
  open: { zh: '打开分片运行文件', en: 'Open a sharded run’s files' },
  folder: { zh: '选择分片目录', en: 'Choose a shards folder' },
  hint: {
    zh: '选择一次运行的全部分片（shard-IIII-of-NNNN 目录中的 .parquet 文件），或合并结果中的 shard-0001-of-0001；也可拖放到此处。',
    en: 'Choose every shard of a run (the .parquet files of its shard-IIII-of-NNNN folders), or the shard-0001-of-0001 of a merged run; or drop them here.',
  },
  reading: { zh: '正在读取分片并清算…', en: 'Reading the shards and clearing…' },
  waiting: { zh: '等待其他运行结束…', en: 'Waiting for another run to finish…' },
  opened: {
    zh: '已打开：{label}，摘要 {digest}',
    en: 'Opened: {label}, digest {digest}',
  },
  ignored: { zh: '（略过 {n} 个非分片文件）', en: ' ({n} file(s) that are not shards passed over)' },
  refused: { zh: '未打开：', en: 'Not opened: ' },
  failed: { zh: '打开失败：', en: 'Could not open: ' },
  include: { zh: '参与比较', en: 'In the comparison' },
  remove: { zh: '移除', en: 'Remove' },
  reload: {
    zh: '由文件打开的运行 {label} 的文件太大，未保存在本标签页中：重新载入页面后请再次打开这些文件。',
    en: 'The files of the run {label} opened from files are too large to keep in this tab: after a reload, open them again.',
  },
});

/** What Compare needs from its run-files panel. */
export interface RunFilesPanel {
  element: HTMLElement;
  relabel(lang: Lang): void;
  /** The opened runs ticked to join the comparison, with their names in it. */
  ticked(): { id: string; run: CompletedRun }[];
  /**
   * Opens the files of a drop when it carries Parquet files or folders (and returns true); else
   * returns false and leaves the drop to the scenario files. Call it inside the drop event.
   */
  drop(transfer: DataTransfer): boolean;
}

/** Options of {@link createRunFilesPanel}. */
export interface RunFilesOptions {
  lang: Lang;
  runs: RunService;
  win: Window;
  /** A run was opened (or reopened after a reload): Compare shows it. */
  onOpened(run: CompletedRun): void;
  /** The ticked runs changed. */
  onChange(): void;
}

/** The bytes of picked files, with their paths within the pick. */
async function readFiles(files: readonly File[]): Promise<RunFile[]> {
  return Promise.all(
    files.map(async (f) => ({ path: f.webkitRelativePath || f.name, bytes: await f.arrayBuffer() })),
  );
}

/** Every file under a dropped entry, with its path. */
async function entryFiles(entry: FileSystemEntry): Promise<RunFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ path: entry.fullPath.replace(/^\//, ''), bytes: await file.arrayBuffer() }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(entryFiles))).flat();
}

/** Builds the panel. */
export function createRunFilesPanel(doc: Document, options: RunFilesOptions): RunFilesPanel {
  const { runs, win } = options;
  const i18n = new I18n(messages, options.lang);
  const filesInput = el(doc, 'input', {
    id: 'compare-open-run-files',
    type: 'file',
    accept: '.parquet',
    multiple: true,
    hidden: true,
  });
  const folderInput = el(doc, 'input', { id: 'compare-open-run-folder', type: 'file', hidden: true });
  folderInput.webkitdirectory = true;
  const openButton = el(doc, 'button', { type: 'button', class: 'open-run-files' });
  const folderButton = el(doc, 'button', { type: 'button', class: 'open-run-folder' });
  const hint = el(doc, 'span', { class: 'drop-hint' });
  const status = el(doc, 'p', { class: 'run-files-status', role: 'alert', hidden: true });
  const list = el(doc, 'ul', { class: 'opened-runs' });
  const element = el(
    doc,
    'div',
    { class: 'run-files' },
    el(doc, 'div', { class: 'file-row' }, openButton, folderButton, filesInput, folderInput, hint),
    status,
    list,
  );
  element.dataset.files = 'idle';
  const ticked = new Set<string>();
  let report:
    | { kind: 'reading' | 'waiting' }
    | { kind: 'opened'; run: CompletedRun }
    | { kind: 'refused'; error: ShardRefusal }
    | { kind: 'failed'; error: unknown }
    | null = null;
  /** Runs whose files were too large to keep for the tab, by label. */
  const tooLarge: Message[] = [];

  const renderStatus = (): void => {
    const t = (k: keyof typeof messages) => i18n.t(k);
    const lang = i18n.lang;
    const lines: string[] = tooLarge.map((label) => t('reload').replace('{label}', label[lang]));
    if (report?.kind === 'reading' || report?.kind === 'waiting') lines.unshift(t(report.kind));
    if (report?.kind === 'opened') {
      const ignored = report.run.source?.ignored.length ?? 0;
      lines.unshift(
        t('opened')
          .replace('{label}', openedRunLabel(report.run, lang))
          .replace('{digest}', report.run.digest.slice(0, 16)) +
          (ignored > 0 ? t('ignored').replace('{n}', String(ignored)) : ''),
      );
    }
    if (report?.kind === 'refused') lines.unshift(t('refused') + refusalText(report.error, lang));
    if (report?.kind === 'failed') {
      lines.unshift(
        t('failed') + (report.error instanceof Error ? report.error.message : String(report.error)),
      );
    }
    status.replaceChildren(...lines.map((line) => el(doc, 'span', { class: 'line' }, line)));
    status.hidden = lines.length === 0;
    status.dataset.outcome = report?.kind ?? '';
    status.classList.toggle('failed', report?.kind === 'refused' || report?.kind === 'failed');
  };

  const renderList = (): void => {
    list.replaceChildren(
      ...runs.opened().map((run) => {
        const box = el(doc, 'input', { type: 'checkbox', checked: ticked.has(run.key) });
        box.addEventListener('change', () => {
          if (box.checked) ticked.add(run.key);
          else ticked.delete(run.key);
          options.onChange();
        });
        const remove = el(doc, 'button', { type: 'button', class: 'remove' }, i18n.t('remove'));
        remove.addEventListener('click', () => {
          ticked.delete(run.key);
          runs.forget(run.key);
          forgetStoredRun(win, run.key);
          renderList();
          options.onChange();
        });
        return el(
          doc,
          'li',
          {
            class: 'opened-run',
            'data-key': run.key,
            'data-run-digest': run.digest,
            'data-id': openedRunId(run),
          },
          el(doc, 'label', { title: i18n.t('include') }, box, ' ', openedRunLabel(run, i18n.lang)),
          ' ',
          remove,
        );
      }),
    );
    list.hidden = list.children.length === 0;
  };

  const renderTexts = (): void => {
    openButton.textContent = i18n.t('open');
    folderButton.textContent = i18n.t('folder');
    hint.textContent = i18n.t('hint');
    renderStatus();
    renderList();
  };

  /** Opens one run's files; `keep` stores them for the tab when small enough. */
  const open = async (files: readonly RunFile[], keep: boolean): Promise<void> => {
    if (files.length === 0) return;
    element.dataset.files = 'reading';
    report = { kind: 'reading' };
    renderStatus();
    try {
      const run = await openRunFiles(runs, files, {
        onQueued: () => {
          report = { kind: 'waiting' };
          renderStatus();
        },
      });
      const label = { zh: openedRunLabel(run, 'zh'), en: openedRunLabel(run, 'en') };
      if (keep && !keepRunFiles(win, run.key, label, files)) tooLarge.push(label);
      ticked.add(run.key);
      report = { kind: 'opened', run };
      renderList();
      renderStatus();
      element.dataset.files = 'opened';
      options.onOpened(run);
    } catch (error) {
      report = error instanceof ShardRefusal ? { kind: 'refused', error } : { kind: 'failed', error };
      if (!(error instanceof ShardRefusal)) console.warn(error);
      renderStatus();
      element.dataset.files = 'refused';
    }
  };

  /** Says that picked or dropped files could not be read at all. */
  const failed = (error: unknown): void => {
    report = { kind: 'failed', error };
    renderStatus();
    element.dataset.files = 'refused';
  };

  const pick = (input: HTMLInputElement): void => {
    const files = [...(input.files ?? [])];
    // Cleared, so that picking the same files again (after adding a missing shard) opens them again.
    input.value = '';
    if (files.length > 0) element.dataset.files = 'reading';
    readFiles(files)
      .then((read) => open(read, true))
      .catch(failed);
  };
  openButton.addEventListener('click', () => filesInput.click());
  folderButton.addEventListener('click', () => folderInput.click());
  filesInput.addEventListener('change', () => pick(filesInput));
  folderInput.addEventListener('change', () => pick(folderInput));

  // Runs opened in this tab before a reload come back from their kept files.
  for (const kept of storedRuns(win)) {
    if (kept.files === null) tooLarge.push(kept.label);
    else void open(kept.files, false);
  }
  renderTexts();
  return {
    element,
    relabel(lang) {
      i18n.setLang(lang);
      renderTexts();
    },
    ticked: () =>
      runs
        .opened()
        .filter((run) => ticked.has(run.key))
        .map((run) => ({ id: openedRunId(run), run })),
    drop(transfer) {
      // Entries must be taken inside the drop event; folders only come as entries.
      const entries = [...transfer.items]
        .map((item) => item.webkitGetAsEntry?.() ?? null)
        .filter((e): e is FileSystemEntry => e !== null);
      const files = [...transfer.files];
      const ours =
        entries.some((e) => e.isDirectory || e.name.endsWith('.parquet')) ||
        files.some((f) => f.name.endsWith('.parquet'));
      if (!ours) return false;
      element.dataset.files = 'reading';
      const read =
        entries.length > 0
          ? Promise.all(entries.map(entryFiles)).then((found) => found.flat())
          : readFiles(files);
      read.then((found) => open(found, true)).catch(failed);
      return true;
    },
  };
}
