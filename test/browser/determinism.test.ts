import { expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { sampleSize } from '../../src/population/generate';
import { resultDigest } from '../../src/runtime/digest';
import { inputOf } from '../engine/helpers';
import { useApp } from './harness';
import { digests, settled } from './panels';

// The test requires its page clean itself.
const app = useApp({ checkPages: false });

/** The digest of a scenario at 1:k computed in Node, in this process, in one range. */
async function nodeDigest(name: string, k: number): Promise<string> {
  const input = inputOf(name, k);
  return resultDigest(simulateRange(input, 0, sampleSize(input.model, k)));
}

test('a run in Chromium on its Web Worker pool is byte-identical to the same run in Node', async () => {
  const { page, problems } = await app.open('?run=baseline-2026,monthly-cap-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  const browser = await digests(panel);
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
