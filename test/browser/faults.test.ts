/**
 * Real Web Workers that fail, in Chromium (浏览器中真实线程出错): a test page built from
 * test/browser/fixtures/faults runs the worker pool over the fault worker. A worker that throws,
 * closes itself without a word, is stopped from outside, loops, never answers or sends an unreadable
 * message fails the run with its range named, in bounded time, and the next run works.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type LaunchedChromium, serveBuild, type ServedApp } from '../../bench/browserApp';

const ROOT = resolve('test/browser/fixtures/faults');
const OUT = resolve('test-artifacts/faults-dist');
let server: ServedApp;
let browser: LaunchedChromium;
let page: Page;

interface Outcome {
  ok: boolean;
  total: number | null;
  message: string;
  ms: number;
}
type FaultsApi = {
  run(fault: string): Promise<Outcome>;
  started(): number;
  killAll(): void;
  messageError(): void;
};

beforeAll(async () => {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022' },
  });
  server = await serveBuild({ root: ROOT, outDir: OUT });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(server.baseUrl);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(OUT, { recursive: true, force: true });
});

const run = (fault: string) =>
  page.evaluate((f) => (window as unknown as { faults: FaultsApi }).faults.run(f), fault);
const call = (name: 'started' | 'killAll' | 'messageError') =>
  page.evaluate((n) => (window as unknown as { faults: FaultsApi }).faults[n](), name);

async function expectRecovery(): Promise<void> {
  expect(await run('none')).toMatchObject({ ok: true, total: (999 * 1000) / 2 });
}

test('a pool of Web Workers adds every range', async () => {
  await expectRecovery();
});

test('a worker that throws fails the run with its error, naming the range', async () => {
  const outcome = await run('throw');
  expect(outcome.ok).toBe(false);
  expect(outcome.message).toMatch(
    /^range 2 \(sample positions 250–374\) failed: the fault worker failed: .*fault at family 250/,
  );
  await expectRecovery();
});

test('a worker that closes itself without a word is stopped by the watchdog', async () => {
  const outcome = await run('exit');
  expect(outcome.message).toMatch(/^range 2 .* failed: no answer within 3\.0 s, the limit for 125 families/);
  expect(outcome.ms).toBeLessThan(6000);
  await expectRecovery();
});

test('a worker that loops is stopped by the watchdog', async () => {
  const outcome = await run('loop');
  expect(outcome.message).toMatch(/^range 2 .* failed: no answer within 3\.0 s/);
  await expectRecovery();
});

test('a worker that never answers is stopped by the watchdog', async () => {
  const outcome = await run('silent');
  expect(outcome.message).toMatch(/^range 2 .* failed: no answer within 3\.0 s/);
  await expectRecovery();
});

test('workers stopped from outside fail the run by the watchdog', async () => {
  // The pool's workers are up from the run before; let this run hand them their ranges first.
  const outcome = page.evaluate(() => (window as unknown as { faults: FaultsApi }).faults.run('silent'));
  await new Promise((r) => setTimeout(r, 300));
  await call('killAll');
  const result = await outcome;
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(/failed: no answer within 3\.0 s/);
  await expectRecovery();
});

test('a worker whose message cannot be read fails the run at once', async () => {
  // The pool's workers are up from the run before; let this run hand them their ranges first.
  const outcome = page.evaluate(() => (window as unknown as { faults: FaultsApi }).faults.run('silent'));
  await new Promise((r) => setTimeout(r, 300));
  await call('messageError');
  const result = await outcome;
  expect(result.message).toMatch(/failed: the fault worker sent a message that could not be read/);
  expect(result.ms).toBeLessThan(2500);
  await expectRecovery();
});
