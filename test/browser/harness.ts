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
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
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

/** How {@link useApp} prepares the app for a test file. */
export interface UseAppOptions {
  /**
   * When to clear localStorage: `'once'` after starting the app, `'each'` before every test, or
   * `'never'` (the default).
   */
  resetStorage?: 'never' | 'once' | 'each';
  /**
   * Whether every test must leave no page open with a problem: after each test the pages it opened are
   * closed and their problems required to be none. True by default; a file that watches its pages
   * itself turns it off.
   */
  checkPages?: boolean;
}

/**
 * Registers the hooks that give a test file its app: `beforeAll` starts it (and clears its storage if
 * asked), `afterAll` closes it, `afterEach` closes the test's pages and requires them clean. Returns
 * the app for the tests to use; its members reach the app started by `beforeAll`, so it can be held
 * in a constant at the top of the file. Call it at the top level of a test file, after any `beforeAll`
 * that must run first.
 */
export function useApp(options: UseAppOptions = {}): App {
  const { resetStorage = 'never', checkPages = true } = options;
  let started: App | undefined;
  const app = (): App => {
    if (!started) throw new Error('the app is not started: useApp() starts it in beforeAll');
    return started;
  };

  beforeAll(async () => {
    started = await startApp();
    if (resetStorage === 'once') await started.resetStorage();
  });
  afterAll(async () => {
    await started?.close();
  });
  if (resetStorage === 'each') {
    beforeEach(async () => {
      await app().resetStorage();
    });
  }
  if (checkPages) {
    afterEach(async () => {
      expect(await app().closePages()).toEqual([]);
    });
  }

  return {
    get baseUrl() {
      return app().baseUrl;
    },
    get context() {
      return app().context;
    },
    open: (path) => app().open(path),
    resetStorage: () => app().resetStorage(),
    closePages: () => app().closePages(),
    close: () => app().close(),
  };
}

/** Saves a full-page screenshot as test-artifacts/<name>.png; returns its path and size in bytes. */
export async function saveScreenshot(page: Page, name: string): Promise<{ path: string; bytes: number }> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return { path, bytes: statSync(path).size };
}
