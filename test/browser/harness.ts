/**
 * Browser test harness (浏览器测试工具): serves the production build in dist/ with `vite preview`
 * (which sends the COOP/COEP isolation headers) on a free port of 127.0.0.1, drives Debian's
 * Chromium through playwright-core, and records every console error, page error, failed request
 * and HTTP error response, so a test can require a clean page. Serving, launching and recording live
 * in bench/browserApp.ts, which the browser benchmark uses too.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  launchChromium,
  type LaunchedChromium,
  serveBuild,
  watch,
  type WatchedPage,
} from '../../bench/browserApp';

export type { WatchedPage };

/** Where screenshots go (gitignored). */
export const ARTIFACTS_DIR = resolve('test-artifacts');

/** The served app and the browser driving it. */
export interface App {
  /** Base URL of the served build, ending in `/`. */
  baseUrl: string;
  context: BrowserContext;
  /** Opens a new page on `path` (relative to the base URL), recording its problems from the start. */
  open(path?: string): Promise<WatchedPage>;
  /** Clears localStorage of the app's origin, so a test starts with nothing remembered. */
  resetStorage(): Promise<void>;
  /** Closes every page opened since the last call and returns the problems seen on them. */
  closePages(): Promise<string[]>;
  /** Closes the pages, the browser, the server, and removes the browser profile. */
  close(): Promise<void>;
}

/** Serves dist/ and launches a headless Chromium with a fresh profile. Needs `vite build` first. */
export async function startApp(): Promise<App> {
  if (!existsSync(resolve('dist/index.html'))) {
    throw new Error('dist/index.html is missing: run `npx vite build` before the browser tests');
  }
  const server = await serveBuild();
  const { baseUrl } = server;
  let browser: LaunchedChromium;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const { context } = browser;

  const watched: WatchedPage[] = [];
  const open = async (path = ''): Promise<WatchedPage> => {
    const w = watch(await context.newPage());
    watched.push(w);
    await w.page.goto(new URL(path, baseUrl).href);
    return w;
  };

  return {
    baseUrl,
    context,
    open,
    async resetStorage() {
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.evaluate(() => localStorage.clear());
      await page.close();
    },
    async closePages() {
      const pages = watched.splice(0);
      await Promise.all(pages.map((w) => w.page.close()));
      return pages.flatMap((w) => w.problems);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/<name>.png; returns its path and size in bytes. */
export async function saveScreenshot(page: Page, name: string): Promise<{ path: string; bytes: number }> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return { path, bytes: statSync(path).size };
}
