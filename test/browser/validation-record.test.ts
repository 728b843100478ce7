import { expect, test } from 'vitest';
import { saveScreenshot, useApp } from './harness';
import { parseCount, parseYuan } from './panels';

const app = useApp();

test('the five-year record shows 2021–2025 beside the notice’s lower bounds and the wallet’s reach, in English and Chinese', async () => {
  const { page } = await app.open('?lang=en&vscale=10000#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 180_000 }).toBe('done');

  // The record comes after the 2024 calibration.
  const sections = await panel
    .locator('section[data-section]')
    .evaluateAll((s) => s.map((x) => x.getAttribute('data-section')));
  expect(sections).toEqual(['population', 'calibration', 'record']);
  const section = panel.locator('[data-section="record"]');
  expect(await section.locator('h3').textContent()).toBe('Five-year record 2021–2025');
  expect(await section.locator('.audience').textContent()).toMatch(/lower bound/);
  const detail = await section.locator('.run-detail').textContent();
  expect(detail).toMatch(
    /^Scenarios record-2021-2023 and record-2024-2025, scale 1:10000, .* s\. By year: 2021 /,
  );
  expect(detail).toMatch(/2025 [\d.]+ billion yuan\.$/);

  const names = await section
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  expect(names).toEqual(['record/times', 'record/amount', 'wallet/areas', 'wallet/provinces']);
  expect(await section.locator('.chart svg circle').count()).toBe(names.length);

  const times = await section.locator('tr[data-name="record/times"] td').allTextContents();
  expect(parseCount(times[0]!)).toBe(780_000_000);
  expect(parseCount(times[1]!)).toBeGreaterThan(6.63e8);
  expect(times[3]).toBe('≥ −15% (lower bound)');
  const amount = await section.locator('tr[data-name="record/amount"] td').allTextContents();
  expect(amount[0]).toBe('100.00 billion yuan');
  const model = parseYuan(amount[1]!);
  expect(model).toBeGreaterThan(850e8);
  expect(amount[4]).toMatch(/within/);
  const areas = await section.locator('tr[data-name="wallet/areas"] td').allTextContents();
  expect(areas.slice(0, 4)).toEqual(['337', '316', '-6.23%', '±15%']);
  const provinces = await section.locator('tr[data-name="wallet/provinces"] td').allTextContents();
  expect(provinces.slice(0, 2)).toEqual(['30', '30']);

  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'validation-record-en');

  // In Chinese, without a new run: the title, 亿元 and the lower bound's words.
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => section.locator('h3').textContent()).toBe('2021—2025年五年累计');
  const zh = await section.locator('tr[data-name="record/amount"] td').allTextContents();
  expect(zh[0]).toBe('1,000.00亿元');
  expect(Math.abs(parseYuan(zh[1]!) - model)).toBeLessThanOrEqual(1e7);
  expect(zh[3]).toBe('≥ −15%（下限）');
  expect(await section.locator('tr[data-name="wallet/areas"] th').textContent()).toContain('统筹地区');
});
