/**
 * A sharded run's files in the page (分片运行文件): shards written by the CLI (baseline-2026 at
 * 1:10000 as 2 shards, each its own process) open through Compare's picker — as a folder, or the
 * merged run's one shard as files — and the run shows in Compare beside the page's own baseline and
 * in Prepayment, with the digest `npm run merge` printed; a missing shard is refused by name in
 * both languages and the page stays usable, and the shards' files dropped on it then open the run;
 * a reload opens the kept run again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useApp } from './harness';
import { settled } from './panels';

const dir = mkdtempSync(join(tmpdir(), 'gongji-run-files-'));
const SHARDS = join(dir, 'shards');
const MERGED = join(dir, 'merged');
let mergedDigest = '';

/** Runs a command of the CLI and returns its standard output. */
function cli(args: string[]): string {
  const r = spawnSync('npx', ['tsx', ...args], { encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  for (const i of [1, 2]) {
    cli([
      'src/cli/simulate.ts',
      '--scenario',
      'scenarios/baseline-2026.json',
      '--scale',
      '1:10000',
      '--workers',
      '1',
      '--shard',
      `${i}/2`,
      '--out',
      SHARDS,
    ]);
  }
  const report = JSON.parse(
    cli(['src/cli/merge.ts', '--in', SHARDS, '--out', MERGED, '--workers', '1', '--json']),
  ) as { digest: string };
  mergedDigest = report.digest;
}, 600_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
// Registered after the shards are written, so the app starts once they are, and closes before they go.
const app = useApp({ resetStorage: 'once' });

/** Waits until the run files given to Compare are opened or refused, and returns which. */
async function runFilesDone(panel: Locator): Promise<string | null> {
  const box = panel.locator('.run-files');
  await expect
    .poll(() => box.getAttribute('data-files'), { timeout: 120_000, interval: 250 })
    .toMatch(/^(opened|refused)$/);
  return box.getAttribute('data-files');
}

test('the shards of a run, opened as a folder, show in Compare and Prepayment with the merge’s digest', async () => {
  const { page } = await app.open('?lang=en&run=baseline-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  await page.locator('#compare-open-run-folder').setInputFiles(SHARDS);
  expect(await runFilesDone(panel)).toBe('opened');
  const opened = panel.locator('.opened-run');
  await expect.poll(() => opened.count()).toBe(1);
  expect(await opened.getAttribute('data-run-digest')).toBe(mergedDigest);
  const label = await opened.textContent();
  expect(label).toContain('opened from files');
  expect(label).toMatch(/scale 1:10000 · seed \S+ · 2 shard\(s\)/);
  expect(await panel.locator('.run-files-status').textContent()).toContain(mergedDigest.slice(0, 16));

  // Compare runs the ticked baseline at the opened run's scale and seed, and shows both.
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  const id = (await opened.getAttribute('data-id'))!;
  expect(await panel.getAttribute('data-runs')).toBe(`baseline-2026,${id}`);
  const digests = await panel
    .locator('table [data-digest]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-digest')));
  // The page's own run of the same scenario, scale and seed is the same run.
  expect(digests).toEqual([mergedDigest, mergedDigest]);
  expect(await panel.locator(`th[data-scenario="${id}"]`).count()).toBeGreaterThan(0);

  // In Prepayment, the opened run is offered and shown like a run of the page.
  await page.locator('#tab-prepayment').click();
  const prepayment = page.locator('#panel-prepayment');
  expect(await settled(prepayment, { timeout: 120_000 })).toBe('done');
  expect(await prepayment.getAttribute('data-source')).toBe('files');
  expect(await prepayment.getAttribute('data-run-digest')).toBe(mergedDigest);
  expect(await prepayment.getAttribute('data-scale')).toBe('10000');
  expect(await prepayment.locator('.origin').textContent()).toContain('opened from files');
  expect(await prepayment.locator('table').count()).toBeGreaterThan(0);

  // A reload opens the kept run again from the tab's storage.
  await page.reload();
  await page.locator('#tab-compare').click();
  expect(await runFilesDone(page.locator('#panel-compare'))).toBe('opened');
  expect(await page.locator('#panel-compare .opened-run').getAttribute('data-run-digest')).toBe(mergedDigest);
}, 600_000);

test('a merged run’s one shard, picked as files, opens as a 1-of-1 run with the same digest', async () => {
  const { page } = await app.open('?lang=zh&run=baseline-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  const one = join(MERGED, 'shard-0001-of-0001');
  await page.locator('#compare-open-run-files').setInputFiles(readdirSync(one).map((f) => join(one, f)));
  expect(await runFilesDone(panel)).toBe('opened');
  const opened = panel.locator('.opened-run');
  expect(await opened.getAttribute('data-run-digest')).toBe(mergedDigest);
  expect(await opened.textContent()).toMatch(/由文件打开 · 比例 1:10000 · 种子 \S+ · 1 个分片/);
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
}, 600_000);

test('a missing shard is refused by name, in both languages, and the page stays usable', async () => {
  const { page } = await app.open('?lang=zh&run=baseline-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  const first = join(SHARDS, 'shard-0001-of-0002');
  await page.locator('#compare-open-run-files').setInputFiles(readdirSync(first).map((f) => join(first, f)));
  expect(await runFilesDone(panel)).toBe('refused');
  const status = panel.locator('.run-files-status');
  expect(await status.textContent()).toContain('缺少分片 shard-0002-of-0002');
  await page.locator('.lang-switch button[data-lang="en"]').click();
  expect(await status.textContent()).toMatch(/shard 2 of 2: is missing: no folder shard-0002-of-0002/);
  expect(await panel.locator('.opened-run').count()).toBe(0);
  // Still usable: the comparison runs again.
  await panel.locator('button.run').click();
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');

  // Both shards' files dropped on the workspace open the run.
  const files = ['shard-0001-of-0002', 'shard-0002-of-0002'].flatMap((shard) =>
    readdirSync(join(SHARDS, shard)).map((name) => ({
      name,
      bytes: [...readFileSync(join(SHARDS, shard, name))],
    })),
  );
  const dataTransfer = await page.evaluateHandle((all) => {
    const dt = new DataTransfer();
    for (const f of all) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files);
  await panel.dispatchEvent('dragenter', { dataTransfer });
  await panel.dispatchEvent('drop', { dataTransfer });
  expect(await runFilesDone(panel)).toBe('opened');
  expect(await panel.locator('.opened-run').getAttribute('data-run-digest')).toBe(mergedDigest);
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
}, 300_000);
