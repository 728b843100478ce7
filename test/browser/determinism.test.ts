import { afterAll, beforeAll, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { sampleSize } from '../../src/population/generate';
import { resultDigest } from '../../src/runtime/digest';
import { inputOf } from '../engine/helpers';
import { type App, startApp } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The digest of a scenario at 1:k computed in Node, in this process, in one range. */
async function nodeDigest(name: string, k: number): Promise<string> {
  const input = inputOf(name, k);
  return resultDigest(simulateRange(input, 0, sampleSize(input.model, k)));
}

test('a run in Chromium on its Web Worker pool is byte-identical to the same run in Node', async () => {
  const { page, problems } = await app.open('?run=baseline-2026,monthly-cap-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  await expect
    .poll(() => panel.getAttribute('data-state'), { timeout: 120_000, interval: 250 })
    .toMatch(/^(done|failed|cancelled)$/);
  expect(await panel.getAttribute('data-state')).toBe('done');
  const browser = await panel
    .locator('[data-digest]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-digest')));
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(browser).toEqual([
    await nodeDigest('baseline-2026', 10_000),
    await nodeDigest('monthly-cap-2026', 10_000),
  ]);
  console.log(
    `determinism: Chromium (${workers} workers) and Node (one range) digests agree: ${browser.join(', ')}`,
  );
  expect(problems).toEqual([]);
});
