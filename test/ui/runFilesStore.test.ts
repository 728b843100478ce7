import { describe, expect, test } from 'vitest';
import {
  forgetStoredRun,
  KEEP_LIMIT_BYTES,
  keepRunFiles,
  RUN_FILES_KEY,
  storedRuns,
} from '../../src/ui/runFilesStore';

/** A window whose sessionStorage holds at most `quota` characters (as a browser's does). */
function tab(quota = 5_000_000): Window {
  const items = new Map<string, string>();
  const sessionStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
  };
  return { sessionStorage } as unknown as Window;
}

const LABEL = { zh: '基准（文件）', en: 'baseline (files)' };

/** A file of `n` bytes that differ (so base64 is not trivially short). */
function file(path: string, n: number) {
  return { path, bytes: Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 256).buffer };
}

describe('runs opened from files, kept for the tab', () => {
  test('small files are kept and come back byte for byte, in order; a forgotten run is gone', () => {
    const win = tab();
    expect(keepRunFiles(win, 'a', LABEL, [file('s/shard-0001-of-0001/counts.parquet', 1000)])).toBe(true);
    expect(keepRunFiles(win, 'b', LABEL, [file('x.parquet', 10)])).toBe(true);
    const kept = storedRuns(win);
    expect(kept.map((k) => k.key)).toEqual(['a', 'b']);
    expect(kept[0]!.files![0]!.path).toBe('s/shard-0001-of-0001/counts.parquet');
    expect(new Uint8Array(kept[0]!.files![0]!.bytes)).toEqual(new Uint8Array(file('', 1000).bytes));
    forgetStoredRun(win, 'a');
    expect(storedRuns(win).map((k) => k.key)).toEqual(['b']);
  });

  test('files over the limit, or more than storage holds, are kept by label only', () => {
    const win = tab(10_000);
    expect(keepRunFiles(win, 'big', LABEL, [file('f.parquet', KEEP_LIMIT_BYTES + 1)])).toBe(false);
    expect(keepRunFiles(win, 'full', LABEL, [file('g.parquet', 20_000)])).toBe(false);
    expect(storedRuns(win)).toEqual([
      { key: 'big', label: LABEL, files: null },
      { key: 'full', label: LABEL, files: null },
    ]);
  });

  test('what storage holds that is not a kept run is passed over', () => {
    const win = tab();
    win.sessionStorage.setItem(RUN_FILES_KEY, '{"not": "a list"}');
    expect(storedRuns(win)).toEqual([]);
    win.sessionStorage.setItem(
      RUN_FILES_KEY,
      '[{"key": 3}, {"key": "x", "label": {"zh": "a", "en": "b"}, "files": [{"path": "p", "base64": "@@"}]}]',
    );
    expect(storedRuns(win)).toEqual([]);
  });
});
