/**
 * Helpers the browser tests share for reading a workspace's panel (面板读取工具): waiting for its
 * runs to settle, reading its run digests, downloading its files, and reading the amounts and counts
 * it shows as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The states a panel's runs end in: finished, failed or cancelled. */
export const SETTLED = /^(done|failed|cancelled)$/;

/** How long and for what {@link settled} waits. */
export interface SettledOptions {
  /** How long to wait, in ms: 90 s by default. */
  timeout?: number;
  /** The states that end the wait: {@link SETTLED} by default. */
  states?: RegExp;
}

/**
 * Waits until `panel`'s `data-state` is one of the settled states (done, failed or cancelled unless
 * `states` says otherwise), polling every 250 ms, and returns the state.
 */
export async function settled(panel: Locator, options: SettledOptions = {}): Promise<string | null> {
  const { timeout = 90_000, states = SETTLED } = options;
  await expect.poll(() => panel.getAttribute('data-state'), { timeout, interval: 250 }).toMatch(states);
  return panel.getAttribute('data-state');
}

/** The run digests of `panel` (every `[data-digest]` in it), in the order of the page. */
export const digests = (panel: Locator): Promise<(string | null)[]> =>
  panel.locator('[data-digest]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-digest')));

/** A file downloaded by {@link download}. */
export interface Downloaded {
  /** The name the page suggested for the file. */
  name: string;
  /** Where the file is on disk. */
  path: string;
  /** The file's bytes, as written. */
  bytes: Buffer;
  /** The file's text as UTF-8, without a leading byte-order mark unless `keepBom` was asked. */
  text: string;
}

/** Where {@link download} keeps a file and how it reads it. */
export interface DownloadOptions {
  /**
   * A folder to save the file in under its suggested name, so it outlives the page (a command can run
   * it, a file input can open it); by default it stays in the browser's downloads, named by a UUID.
   */
  saveIn?: string;
  /** Keeps a leading byte-order mark in `text`, for a check that there is none. */
  keepBom?: boolean;
}

/** Clicks a download button on `page`, waits for the file it downloads and reads it. */
export async function download(
  page: Page,
  button: Locator,
  options: DownloadOptions = {},
): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = file.suggestedFilename();
  let path: string;
  if (options.saveIn === undefined) {
    path = await file.path();
  } else {
    path = join(options.saveIn, name);
    await file.saveAs(path);
  }
  const bytes = readFileSync(path);
  const utf8 = bytes.toString('utf8');
  return { name, path, bytes, text: options.keepBom ? utf8 : utf8.replace(/^\uFEFF/, '') };
}

/** The amount in 亿元 of a Chinese money text such as "539.28亿元" (or in 万元, or in 元). */
export const yi = (text: string): number => {
  const n = Number(text.replace(/[^\d.-]/g, ''));
  return text.includes('亿元') ? n : text.includes('万元') ? n / 10_000 : n / 100_000_000;
};

/**
 * The amount in yuan of a money text in billions: "52.42 billion yuan" → 52.42e9, "524.20亿元" →
 * 524.20e8. Throws on any other text.
 */
export const parseYuan = (text: string): number => {
  const n = Number(text.replace(/[^\d.-]/g, ''));
  if (text.includes('billion')) return n * 1e9;
  if (text.includes('亿')) return n * 1e8;
  throw new Error(`not an amount in billions: ${text}`);
};

/** The number in a count text, with its separators dropped: "1,409,778,724" → 1409778724. */
export const parseCount = (text: string): number => Number(text.replace(/[^\d.-]/g, ''));
