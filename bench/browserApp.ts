/**
 * The built workbench in a browser (浏览器中的工作台), shared by the browser tests and the browser
 * benchmark: build the app with Vite, serve a build with `vite preview` (which sends the COOP/COEP
 * isolation headers) on a free port of 127.0.0.1, drive Debian's Chromium through playwright-core
 * with a fresh profile, and record every console error, page error, failed request and HTTP error
 * response of a page, so that a caller can require a clean page.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, createLogger, preview, type PreviewServer } from 'vite';

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

/** Where the project lives (the folder with vite.config.ts): the current folder unless told. */
export interface ProjectRoot {
  root?: string;
}

/** A page with the problems seen on it since it was opened. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught page errors, failed requests and 4xx/5xx responses, in order. */
  problems: string[];
}

/** Attaches the problem recorders to `page`. */
export function watch(page: Page): WatchedPage {
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

/**
 * Builds the app with Vite into `outDir` (emptied first), with the project's vite.config.ts; only
 * warnings and errors are logged (to stderr), so a caller's standard output stays its own.
 */
export async function buildApp(options: ProjectRoot & { outDir: string }): Promise<void> {
  await build({
    root: options.root,
    build: { outDir: options.outDir, emptyOutDir: true },
    // The config's own logger logs at info level, to standard output; this one replaces it.
    customLogger: createLogger('warn'),
    logLevel: 'warn',
  });
}

/** A served build. */
export interface ServedApp {
  /** Base URL of the served build, ending in `/`. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the build in `outDir` (default dist/) with `vite preview` on a free port of 127.0.0.1. */
export async function serveBuild(options: ProjectRoot & { outDir?: string } = {}): Promise<ServedApp> {
  const server: PreviewServer = await preview({
    root: options.root,
    build: options.outDir === undefined ? {} : { outDir: options.outDir },
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) {
    await server.close();
    throw new Error('vite preview did not report a local URL');
  }
  return { baseUrl, close: () => server.close() };
}

/** The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** A headless Chromium with a profile of its own. */
export interface LaunchedChromium {
  context: BrowserContext;
  /** The profile folder (`--user-data-dir`), which names the browser process among the machine's. */
  profile: string;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Launches a headless Chromium with a fresh profile in the temporary folder. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = chromiumExecutable();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install Debian's package (apt-get install chromium) ` +
        'or set CHROMIUM_PATH; do not use `npx playwright install`',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'gongji-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1200, height: 800 },
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
