/**
 * Opened runs kept for the tab (本标签页保存的分片运行): the files of a run opened from files are kept
 * in sessionStorage when small enough, so that a reload opens the run again; larger ones are kept
 * by label only, and the page says that a reload needs the files again. Storage may be missing or
 * full; then nothing is kept and nothing fails.
 */
import type { Message } from '../text/i18n';
import type { RunFile } from './runFilesRead';

/** The sessionStorage key of the kept runs. */
export const RUN_FILES_KEY = 'gongji.runFiles';

/** The largest run (all its files, in bytes) kept for the tab: base64 of it fits sessionStorage's quota. */
export const KEEP_LIMIT_BYTES = 1_500_000;

/** A run kept for the tab: its key, its label, and its files (null when too large to keep). */
export interface KeptRun {
  key: string;
  label: Message;
  files: RunFile[] | null;
}

interface StoredRun {
  key: string;
  label: Message;
  files: { path: string; base64: string }[] | null;
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function fromBase64(text: string): ArrayBuffer {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out.buffer;
}

function read(win: Window): StoredRun[] {
  try {
    const text = win.sessionStorage.getItem(RUN_FILES_KEY);
    const parsed: unknown = text === null ? [] : JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as StoredRun[]) : [];
  } catch {
    return [];
  }
}

function write(win: Window, stored: StoredRun[]): boolean {
  try {
    win.sessionStorage.setItem(RUN_FILES_KEY, JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps an opened run's files for the tab; returns false when they are too large (or storage is
 * full), in which case only its label is kept, so that a reload can say the files are needed again.
 */
export function keepRunFiles(win: Window, key: string, label: Message, files: readonly RunFile[]): boolean {
  const others = read(win).filter((s) => s.key !== key);
  const size = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (size <= KEEP_LIMIT_BYTES) {
    const entry = { key, label, files: files.map((f) => ({ path: f.path, base64: toBase64(f.bytes) })) };
    if (write(win, [...others, entry])) return true;
  }
  write(win, [...others, { key, label, files: null }]);
  return false;
}

/** The runs kept for this tab, in the order they were opened. */
export function storedRuns(win: Window): KeptRun[] {
  return read(win).flatMap((s) => {
    if (typeof s?.key !== 'string' || typeof s.label?.zh !== 'string') return [];
    try {
      const files =
        s.files === null ? null : s.files.map((f) => ({ path: f.path, bytes: fromBase64(f.base64) }));
      return [{ key: s.key, label: s.label, files }];
    } catch {
      return [];
    }
  });
}

/** Forgets a kept run. */
export function forgetStoredRun(win: Window, key: string): void {
  write(
    win,
    read(win).filter((s) => s.key !== key),
  );
}
