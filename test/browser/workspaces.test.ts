import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { saveScreenshot, useApp } from './harness';

const app = useApp();

const WORKSPACE_IDS = ['compare', 'prepayment', 'trainer', 'validation'];

test('arrow keys, Home and End move between tabs, show their panel and update the hash', async () => {
  const { page } = await app.open('?lang=en#compare');
  const selectedId = () => page.getByRole('tab', { selected: true }).getAttribute('id');
  const focusedId = () => page.evaluate(() => document.activeElement?.id);

  await page.getByRole('tab', { name: 'Compare' }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await selectedId()).toBe('tab-prepayment');
  expect(await focusedId()).toBe('tab-prepayment');
  expect(await page.getByRole('tabpanel').getAttribute('id')).toBe('panel-prepayment');
  expect(new URL(page.url()).hash).toBe('#prepayment');

  await page.keyboard.press('End');
  expect(await selectedId()).toBe('tab-validation');
  await page.keyboard.press('ArrowRight');
  expect(await selectedId()).toBe('tab-compare');
  await page.keyboard.press('ArrowLeft');
  expect(await selectedId()).toBe('tab-validation');
  await page.keyboard.press('Home');
  expect(await selectedId()).toBe('tab-compare');
  expect(await focusedId()).toBe('tab-compare');

  const tabIndexes = await page
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).tabIndex));
  expect(tabIndexes).toEqual([0, -1, -1, -1]);
});

test('clicking a tab selects it; changing the hash selects the tab it names', async () => {
  const { page } = await app.open('?lang=en');
  await page.getByRole('tab', { name: 'Trainer' }).click();
  expect(new URL(page.url()).hash).toBe('#trainer');
  expect(await page.getByRole('tabpanel').locator('h2').textContent()).toBe('Trainer');

  await page.evaluate(() => {
    location.hash = '#validation';
  });
  await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Validation');
  expect(await page.getByRole('tabpanel').getAttribute('id')).toBe('panel-validation');
});

test('a screenshot of each workspace in each language is saved and is not empty', async () => {
  const digests = new Set<string>();
  for (const lang of ['zh', 'en']) {
    for (const id of WORKSPACE_IDS) {
      const { page } = await app.open(`?lang=${lang}#${id}`);
      await page.getByRole('tabpanel').locator('h2').waitFor();
      expect(await page.getByRole('tabpanel').getAttribute('id')).toBe(`panel-${id}`);
      const shot = await saveScreenshot(page, `workspace-${id}-${lang}`);
      expect(shot.bytes, shot.path).toBeGreaterThan(10_000);
      digests.add(createHash('sha256').update(readFileSync(shot.path)).digest('hex'));
    }
  }
  // Every view shows different text, so no two images may be the same (a blank page would repeat).
  expect(digests.size).toBe(8);
});
