import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { type App, saveScreenshot, startApp } from './harness';

let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});
afterEach(async () => {
  expect(await app.closePages()).toEqual([]);
});

test('the Prepayment workspace runs baseline-2026 at 1:10000 with a Monte Carlo and shows usage, the needed prepayment, every province and gross against netted cash', async () => {
  const { page } = await app.open('?lang=en#prepayment');
  const panel = page.locator('#panel-prepayment');
  await expect.poll(() => panel.locator('h2').textContent()).toBe('Prepayment');
  expect(await panel.locator('.not-public').textContent()).toContain(
    'national prepayment formula is not public',
  );

  // Whatever the workspace shows first, run the Monte Carlo asked for here.
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/done|idle|failed/);
  await panel.locator('#prepayment-scenario').selectOption('baseline-2026');
  await panel.locator('#prepayment-scale').selectOption('10000');
  await panel.locator('#prepayment-replications').selectOption('5');
  const started = Date.now();
  await panel.locator('button.run').click();
  await expect.poll(() => panel.getAttribute('data-replications'), { timeout: 120_000 }).toBe('5');
  await expect.poll(() => panel.locator('[data-chart="usage"] svg').count(), { timeout: 20_000 }).toBe(1);
  console.log(`prepayment: baseline-2026 at 1:10000 with 5 replications in ${Date.now() - started} ms`);
  expect(await panel.getAttribute('data-state')).toBe('done');
  expect(await panel.getAttribute('data-scale')).toBe('10000');

  // The usage chart draws the yellow and red lines at 70% and 90%.
  const usage = panel.locator('[data-chart="usage"] svg');
  const lineTexts = await usage.locator('text').allTextContents();
  expect(lineTexts).toEqual(expect.arrayContaining(['yellow line 70%', 'red line 90%']));
  expect(await panel.locator('[data-chart="timeline"] svg').count()).toBe(1);
  expect(await panel.locator('[data-chart="curve"] svg').count()).toBe(1);
  expect(await panel.locator('[data-chart="bands"] svg').count()).toBe(1);

  // The default province is the one with the highest peak usage: first in the table sorted by it.
  const rows = panel.locator('table.provinces tbody tr');
  expect(await rows.count()).toBe(31);
  const selected = await panel.getAttribute('data-province');
  expect(await rows.first().getAttribute('data-province')).toBe(selected);
  const peaks = await rows.locator('td[data-col="peak_usage"]').allTextContents();
  const peakValues = peaks.map((p) => (p === '∞' ? Infinity : Number(p.replace(/[%,]/g, ''))));
  // At 1:10000 a small province may have no cross-province claims in a run (peak 0).
  expect(peakValues.every((v) => v >= 0)).toBe(true);
  expect(peakValues.filter((v) => v > 0).length).toBeGreaterThanOrEqual(25);
  expect([...peakValues].sort((a, b) => b - a)).toEqual(peakValues);
  const openings = await rows.locator('td[data-col="opening_prepayment_fen"]').allTextContents();
  expect(openings.every((o) => /^[\d,]+\.\d\d$/.test(o))).toBe(true);
  expect(await panel.locator('button[data-sort="opening_prepayment_fen"]').textContent()).toMatch(
    /^Opening prepayment \((million|billion) yuan\)/,
  );
  const pRed = await rows.locator('td[data-col="red_probability"]').allTextContents();
  expect(pRed.every((p) => /^\d+(\.\d)?%$/.test(p) && Number(p.replace('%', '')) <= 100)).toBe(true);

  // Sorting by the province name puts the rows in name order.
  await panel.locator('button[data-sort="name"]').click();
  const names = await rows.locator('th button.pick').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));

  // The needed prepayment at 95% is shown and not negative; at 99% it is not smaller.
  const needed = panel.locator('[data-figure="needed"]');
  expect(await needed.locator('.label').textContent()).toBe('Needed for 95% confidence');
  const needed95 = Number(await needed.getAttribute('data-fen'));
  expect(needed95).toBeGreaterThanOrEqual(0);
  await panel.locator('#prepayment-confidence').selectOption('0.99');
  expect(await needed.locator('.label').textContent()).toBe('Needed for 99% confidence');
  expect(Number(await needed.getAttribute('data-fen'))).toBeGreaterThanOrEqual(needed95);
  await panel.locator('#prepayment-confidence').selectOption('0.95');
  expect(await panel.locator('[data-figure="p-red"] .value').textContent()).toMatch(/^\d+%$/);

  // Gross against netted: netting never moves more cash.
  const note = panel.locator('.cash-note');
  const gross = Number(await note.getAttribute('data-gross'));
  const netted = Number(await note.getAttribute('data-netted'));
  expect(gross).toBeGreaterThan(0);
  expect(netted).toBeLessThanOrEqual(gross);
  expect(await panel.locator('[data-chart="cash"] svg rect').count()).toBeGreaterThanOrEqual(24);

  // The cash CSV holds one line per month with netted ≤ gross.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.locator('[data-download="cash-csv"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('prepayment-baseline-2026-1-10000-r5-cash.csv');
  const lines = readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n');
  expect(lines[0]).toBe('month,month_text,settlement,gross_fen,netted_fen,saved_fen,moved_fen');
  expect(lines).toHaveLength(13);
  for (const line of lines.slice(1)) {
    const [, month, , g, n, s] = line.split(',');
    expect(month).toMatch(/^2026-\d\d$/);
    expect(Number(n)).toBeLessThanOrEqual(Number(g));
    expect(Number(g) - Number(n)).toBe(Number(s));
  }
  const [table] = await Promise.all([
    page.waitForEvent('download'),
    panel.locator('[data-download="provinces-csv"]').click(),
  ]);
  const tableLines = readFileSync(await table.path(), 'utf8')
    .trimEnd()
    .split('\n');
  expect(tableLines).toHaveLength(32);
  expect(tableLines[0]).toContain('needed_prepayment_fen');
  const [monthly] = await Promise.all([
    page.waitForEvent('download'),
    panel.locator(`[data-download="usage-monthly-${selected}-csv"]`).click(),
  ]);
  const monthLines = readFileSync(await monthly.path(), 'utf8')
    .trimEnd()
    .split('\n');
  expect(monthLines[0]).toContain('month,month_text,worst_peak_usage,usage_month_end');
  expect(monthLines).toHaveLength(13);
  const worstPeaks = monthLines.slice(1).map((l) => Number(l.split(',')[2]));
  expect(Math.max(...worstPeaks)).toBeCloseTo(peakValues[0]! / 100, 2);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    panel.locator(`[data-download="usage-${selected}-png"]`).click(),
  ]);
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  // One prepayment of the province: the one held in the treatment province with the highest peak.
  const firstPair = await panel.locator('#prepayment-treatment option').nth(1).getAttribute('value');
  await panel.locator('#prepayment-treatment').selectOption(firstPair!);
  await expect.poll(() => panel.getAttribute('data-treatment')).toBe(firstPair);
  expect(await panel.locator('section.province h3').textContent()).toMatch(/^Prepayment of .+ held in .+$/);
  expect(await panel.locator('[data-figure="pair"] .value').textContent()).toMatch(/yuan · [\d.]+%$/);
  expect(await usage.locator('text').allTextContents()).toEqual(
    expect.arrayContaining(['yellow line 70%', 'red line 90%']),
  );
  await panel.locator('section.province').screenshot({ path: 'test-artifacts/prepayment-pair-en.png' });
  await panel.locator('#prepayment-treatment').selectOption('all');
  await expect.poll(() => panel.getAttribute('data-treatment')).toBe('all');

  await saveScreenshot(page, 'prepayment-en');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-artifacts/prepayment-top-en.png' });
  await panel.locator('section.province').screenshot({ path: 'test-artifacts/prepayment-province-en.png' });
  await panel.locator('section.overview').screenshot({ path: 'test-artifacts/prepayment-overview-en.png' });

  // Switching the language redraws texts and numbers without a new run.
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => panel.locator('h2').textContent()).toBe('预付金');
  expect(await panel.locator('.not-public').textContent()).toContain('国家预付金测算公式未公开');
  expect(await usage.count()).toBe(1);
  const zhLines = await panel.locator('[data-chart="usage"] svg text').allTextContents();
  expect(zhLines).toEqual(expect.arrayContaining(['黄色预警线 70%', '红色预警线 90%']));
  expect(await needed.locator('.label').textContent()).toBe('95% 置信度所需预付金');
  expect(await needed.locator('.value').textContent()).toMatch(/(万元|亿元)$/);
  expect(await rows.count()).toBe(31);
  await saveScreenshot(page, 'prepayment');
});

test('a Monte Carlo run shows its progress and can be cancelled; the shown run stays', async () => {
  const { page } = await app.open('?lang=en#prepayment');
  const panel = page.locator('#panel-prepayment');
  // The first visit runs the default scenario at 1:10000 without a Monte Carlo, and offers one.
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
  await expect.poll(() => panel.locator('.mc-offer').count(), { timeout: 20_000 }).toBe(1);
  expect(await panel.getAttribute('data-replications')).toBe('0');
  expect(await panel.locator('button.run-mc').textContent()).toBe(
    'Run the Monte Carlo (10 replications, 1:10000)',
  );
  await panel.locator('#prepayment-replications').selectOption('50');
  await panel.locator('button.run').click();
  await expect
    .poll(() => panel.locator('.progress-text').textContent(), { timeout: 20_000 })
    .toMatch(/^Simulating run \d+ of 51: \d+%$/);
  expect(await panel.locator('progress').isVisible()).toBe(true);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await panel.getAttribute('data-state')).toBe('cancelled');
  expect(await panel.locator('.progress-text').textContent()).toBe('Cancelled.');
  expect(await panel.locator('progress').isVisible()).toBe(false);
  expect(await panel.getAttribute('data-replications')).toBe('0');
  expect(await panel.locator('table.provinces tbody tr').count()).toBe(31);
  // The run service is free again: a new run goes through.
  await panel.locator('#prepayment-replications').selectOption('5');
  await panel.locator('button.run').click();
  await expect.poll(() => panel.getAttribute('data-replications'), { timeout: 60_000 }).toBe('5');
  expect(await panel.getAttribute('data-state')).toBe('done');
});
