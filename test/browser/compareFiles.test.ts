/**
 * Scenario files in Compare (方案文件): a file opened from disk (picker or drop) runs, downloads as a
 * file the CLI runs, and opened again gives the same digest; its address works in the tab that opened
 * it and says what is missing in another; a bad file is refused with its field paths, in both
 * languages, and leaves the page usable; at 390 px the controls fit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { parseScenarioText, type Scenario } from '../../src/scenario';
import { MAX_SCENARIO_FILE_BYTES } from '../../src/ui/compare/scenarioFile';
import { rawScenario } from '../scenario/helpers';
import { useApp } from './harness';
import { digests, download, settled } from './panels';

const dir = mkdtempSync(join(tmpdir(), 'gongji-compare-files-'));
// Registered before the app's hooks, so it runs after the app is closed.
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const app = useApp({ resetStorage: 'once' });

/** Waits until the files given to the panel are read and reported. */
async function filesRead(panel: Locator): Promise<void> {
  await expect.poll(() => panel.getAttribute('data-files'), { timeout: 10_000 }).toBe('read');
}

/** Drops files on the Compare panel as a person dragging them from the desktop would. */
async function drop(page: Page, panel: Locator, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((all) => {
    const dt = new DataTransfer();
    for (const f of all) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await panel.dispatchEvent('dragenter', { dataTransfer });
  await panel.dispatchEvent('dragover', { dataTransfer });
  expect(await panel.getAttribute('class')).toContain('dropping');
  await panel.dispatchEvent('drop', { dataTransfer });
  expect(await panel.getAttribute('class')).not.toContain('dropping');
  await filesRead(panel);
}

/** A valid scenario of one's own: the monthly cap's rules under another id and title. */
function ownScenarioText(): string {
  const raw = rawScenario('monthly-cap-2026');
  raw.id = 'my-cap-2026';
  raw.title = { zh: '我的每月上限方案', en: 'My monthly cap' };
  return JSON.stringify(raw, null, 2);
}

/** The parsed scenario of a file's text; fails the test with the errors when it is not valid. */
function parsed(text: string): Scenario {
  const r = parseScenarioText(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('; '));
  return r.scenario;
}

test('a scenario file opened from disk runs, downloads as a file the CLI runs, and opened again gives the same digest', async () => {
  const own = join(dir, 'my-cap.json');
  writeFileSync(own, ownScenarioText());
  const { page } = await app.open('?lang=en&run=baseline-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel)).toBe('done');

  // The picker: the file joins the list, ticked, with where it came from.
  await page.locator('#compare-open-file').setInputFiles(own);
  await filesRead(panel);
  expect(await panel.locator('.file-status').textContent()).toBe(
    'Opened my-cap.json: scenario my-cap-2026, ticked and ready to run.',
  );
  const row = panel.locator('label[data-scenario="my-cap-2026"]');
  expect(await row.textContent()).toBe(' my-cap-2026 My monthly cap · local file my-cap.json');
  expect(await row.locator('input').isChecked()).toBe(true);
  // It can be the editor's base too.
  expect(await page.locator('#compare-edit-base option').allTextContents()).toContain('my-cap-2026');

  await panel.locator('label[data-scenario="baseline-2026"] input').uncheck();
  await panel.locator('button.run').click();
  expect(await settled(panel)).toBe('done');
  expect(await panel.getAttribute('data-runs')).toBe('my-cap-2026');
  const [digest] = await digests(panel);
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  const address = new URL(page.url());
  expect(address.searchParams.get('run')).toBe('my-cap-2026');

  // The download: "$schema" first, the same scenario, and the CLI runs it as it is.
  const file = await download(page, panel.locator('[data-download-scenario="my-cap-2026"]'), {
    saveIn: dir,
    keepBom: true,
  });
  expect(file.name).toBe('my-cap-2026.json');
  expect(file.text.startsWith('{\n  "$schema": "./schema.json",\n  "id": "my-cap-2026",')).toBe(true);
  expect(parsed(file.text)).toEqual({ ...parsed(ownScenarioText()), $schema: './schema.json' });
  const cli = spawnSync(
    'npx',
    ['tsx', 'src/cli/simulate.ts', '--scenario', file.path, '--scale', '1:10000', '--json'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect((JSON.parse(cli.stdout) as { scenario: string }).scenario).toBe('my-cap-2026');

  // The download dropped on the workspace replaces the file opened before, and runs to the same digest.
  await drop(page, panel, [{ name: file.name, text: file.text }]);
  expect(await panel.locator('.file-status').textContent()).toBe(
    'Opened my-cap-2026.json: scenario my-cap-2026, ticked and ready to run. my-cap-2026.json replaces the scenario my-cap-2026 opened earlier in this session.',
  );
  expect(await panel.locator('label[data-scenario="my-cap-2026"]').count()).toBe(1);
  await panel.locator('button.run').click();
  expect(await settled(panel)).toBe('done');
  expect(await digests(panel)).toEqual([digest]);

  // A bundled scenario downloads too; opened again it takes another id, since its own is taken.
  const bundled = await download(page, panel.locator('[data-download-scenario="netting-2026"]'), {
    saveIn: dir,
    keepBom: true,
  });
  expect(bundled.name).toBe('netting-2026.json');
  expect(parsed(bundled.text)).toEqual(parsed(readFileSync('scenarios/netting-2026.json', 'utf8')));
  await page.locator('#compare-open-file').setInputFiles(bundled.path);
  await filesRead(panel);
  expect(await panel.locator('.file-status').textContent()).toContain(
    'it was opened as netting-2026-opened.',
  );
  await panel.locator('[data-remove-scenario="netting-2026-opened"]').click();
  expect(await panel.locator('label[data-scenario="netting-2026-opened"]').count()).toBe(0);

  // The same tab, reloaded, still has the opened file: the address runs it again.
  await page.reload();
  expect(await settled(panel)).toBe('done');
  expect(await panel.getAttribute('data-runs')).toBe('my-cap-2026');
  expect(await digests(panel)).toEqual([digest]);
  expect(await panel.locator('.address-refused').isHidden()).toBe(true);

  // Another tab has no such file: it says so, and runs the baseline instead of guessing.
  const other = await app.open(`${address.search}${address.hash}`);
  const panel2 = other.page.locator('#panel-compare');
  expect(await settled(panel2)).toBe('done');
  expect(await panel2.getAttribute('data-runs')).toBe('baseline-2026');
  expect(await panel2.locator('.address-refused p').allTextContents()).toEqual([
    'The address names the scenario “my-cap-2026”, which is neither bundled nor a file opened in this session: it was not run (a shared link cannot carry a local file: open the file first).',
    'No scenario of the address can run: baseline-2026 ran instead.',
  ]);
});

test('an invalid, unreadable or too large file is refused with its field paths in both languages; the page runs on', async () => {
  const { page } = await app.open('?lang=zh&run=baseline-2026&scale=10000#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel)).toBe('done');
  const before = await digests(panel);
  const choices = await panel.locator('.choices label').count();

  const raw = rawScenario('baseline-2026');
  raw.id = 'bad-2026';
  raw.rules.quotaLimits.maxChangesPerDay = 0;
  const badText = JSON.stringify(raw, null, 2);
  const bad = parseScenarioText(badText);
  if (bad.ok) throw new Error('the bad file should not be valid');
  const brokenText = '{\n  "id": "broken",\n  "seed": \n}\n';
  const broken = parseScenarioText(brokenText);
  if (broken.ok) throw new Error('the broken file should not be valid');

  await page.locator('#compare-open-file').setInputFiles([
    { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(badText) },
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(brokenText) },
    {
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(MAX_SCENARIO_FILE_BYTES + 1, 0x20),
    },
  ]);
  await filesRead(panel);
  const reports = panel.locator('.file-report');
  expect(await reports.count()).toBe(3);
  expect(await reports.nth(0).locator('p').textContent()).toBe(
    `bad.json 不是有效的方案文件，未打开（${bad.errors.length === 1 ? '1' : bad.errors.length} 处错误）：`,
  );
  // The field path and the message the CLI gives, in Chinese here.
  expect(await reports.nth(0).locator('li').allTextContents()).toEqual(
    bad.errors.map((e) => `${e.path}: ${e.zh}`),
  );
  expect(bad.errors.map((e) => e.path)).toContain('rules.quotaLimits.maxChangesPerDay');
  expect(await reports.nth(1).locator('li').allTextContents()).toEqual([
    `（整个文件）: ${broken.errors[0]!.zh}`,
  ]);
  expect(await reports.nth(2).textContent()).toBe('huge.json 有 1.0 MB，超过方案文件的上限 1.0 MB，未打开。');

  // In English, the same reports.
  await page.locator('button[data-lang="en"]').click();
  expect(await reports.nth(0).locator('li').allTextContents()).toEqual(
    bad.errors.map((e) => `${e.path}: ${e.en}`),
  );
  expect(await reports.nth(1).locator('li').allTextContents()).toEqual([
    `(whole file): ${broken.errors[0]!.en}`,
  ]);
  expect(broken.errors[0]!.en).toMatch(/^not valid JSON at line 4, column 1/);

  // Nothing joined the list, nothing else changed; a dropped bad file is refused the same way.
  expect(await panel.locator('.choices label').count()).toBe(choices);
  await drop(page, panel, [{ name: 'bad.json', text: badText }]);
  expect(await reports.count()).toBe(1);
  expect(await reports.nth(0).locator('li').first().textContent()).toContain(
    'rules.quotaLimits.maxChangesPerDay',
  );

  // A file let go beside the panel opens nothing and does not take the browser away from the page.
  const leftPage = await page.evaluate(() => {
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File(['{}'], 'beside.json', { type: 'application/json' }));
    const drop = new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true });
    return document.body.dispatchEvent(drop);
  });
  expect(leftPage).toBe(false);
  expect(await reports.count()).toBe(1);

  // An invalid edited copy cannot be downloaded: the Run button's line says which field.
  await panel.locator('details.editor summary').click();
  await panel.locator('#edit-rules-quotaLimits-maxChangesPerDay').fill('0');
  await panel.locator('[data-download-scenario="edited"]').click();
  expect(await panel.locator('p.run-status').textContent()).toMatch(
    /^The edited copy has errors and cannot be downloaded: .*\(rules\.quotaLimits\.maxChangesPerDay\)\.$/,
  );
  await panel.locator('#edit-rules-quotaLimits-maxChangesPerDay').fill('');
  await panel.locator('label[data-scenario="edited"] input').uncheck();

  // The page runs as before.
  await panel.locator('button.run').click();
  expect(await settled(panel)).toBe('done');
  expect(await digests(panel)).toEqual(before);
});

test('at 390 px Compare’s controls fit the screen, with an opened file of a long name in the list', async () => {
  const { page: narrow } = await app.open('?lang=zh#compare');
  await narrow.setViewportSize({ width: 390, height: 844 });
  const panel = narrow.locator('#panel-compare');
  // With the baseline's results drawn below the controls.
  expect(await settled(panel)).toBe('done');
  const raw = rawScenario('baseline-2026');
  raw.id = `a-${'very-long-id-'.repeat(8)}2026`;
  await narrow.locator('#compare-open-file').setInputFiles({
    name: `${'a-long-file-name-'.repeat(6)}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(raw)),
  });
  await filesRead(panel);
  expect(await panel.locator('.file-report:not(.failed)').count()).toBe(1);
  await panel.locator('details.editor summary').click();
  // Every control (the editor open) ends inside the screen; the first that does not is named.
  const outside = await narrow.evaluate(() =>
    [...document.querySelectorAll('#panel-compare :is(.controls, .file-status, details.editor) *')]
      .filter((e) => e.getBoundingClientRect().right > 390)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(outside).toEqual([]);
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
