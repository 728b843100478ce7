/**
 * Browser test harness (浏览器测试工具): serves the production build in dist/ with `vite preview`
 * (which sends the COOP/COEP isolation headers) on a free port of 127.0.0.1, drives Debian's
 * Chromium through playwright-core, and records every console error, page error, failed request
 * and HTTP error response, so a test can require a clean page.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Where screenshots go (gitignored). */
export const ARTIFACTS_DIR = resolve('test-artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A page with the problems seen on it since it was opened. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught page errors, failed requests and 4xx/5xx responses, in order. */
  problems: string[];
}

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

/** Attaches the problem recorders to `page`. */
function watch(page: Page): WatchedPage {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

/** Serves dist/ and launches a headless Chromium with a fresh profile. Needs `vite build` first. */
export async function startApp(): Promise<App> {
  if (!existsSync(resolve('dist/index.html'))) {
    throw new Error('dist/index.html is missing: run `npx vite build` before the browser tests');
  }
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) {
    await server.close();
    throw new Error('vite preview did not report a local URL');
  }
  const profile = mkdtempSync(join(tmpdir(), 'gongji-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1200, height: 800 },
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

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
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
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
