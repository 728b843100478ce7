import { expect, test } from 'vitest';
import { useApp } from './harness';

const app = useApp({ resetStorage: 'each' });

const ZH_TABS = ['方案比较', '预付金', '培训演示', '校验'];
const EN_TABS = ['Compare', 'Prepayment', 'Trainer', 'Validation'];

test('the shell loads in Chinese with the product name, tagline and four workspaces', async () => {
  const { page } = await app.open();
  await expect.poll(() => page.locator('h1').textContent()).toBe('共济 Gongji');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await page.locator('.tagline').textContent()).toContain('跨省共济');
  expect(await page.getByRole('tab').allTextContents()).toEqual(ZH_TABS);
  expect(await page.getByRole('tabpanel', { includeHidden: true }).count()).toBe(4);
  const selected = page.getByRole('tab', { selected: true });
  expect(await selected.textContent()).toBe('方案比较');
  const visible = page.getByRole('tabpanel');
  expect(await visible.count()).toBe(1);
  expect(await visible.locator('h2').first().textContent()).toBe('方案比较');
  expect(new URL(page.url()).hash).toBe('#compare');
});

test('the page is cross-origin isolated (SharedArrayBuffer available)', async () => {
  const { page } = await app.open();
  const isolation = await page.evaluate(() => ({
    isolated: crossOriginIsolated,
    sab: typeof SharedArrayBuffer,
  }));
  expect(isolation).toEqual({ isolated: true, sab: 'function' });
});

test('DuckDB starts with the page, in its own worker, before any run asks for it', async () => {
  // The Trainer runs nothing on the pool and queries nothing: only the start-up can have opened it.
  const { page } = await app.open('#trainer');
  await expect
    .poll(() => page.workers().some((w) => /duckdb-browser-eh\.worker/.test(w.url())), { timeout: 15_000 })
    .toBe(true);
});

test('switching language changes the labels and <html lang>, and is kept in the URL and storage', async () => {
  const { page } = await app.open();
  await page.getByRole('button', { name: 'English' }).click();
  expect(await page.getByRole('tab').allTextContents()).toEqual(EN_TABS);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.locator('.tagline').textContent()).toContain('cross-province sharing');
  expect(await page.getByRole('tabpanel').locator('h2').first().textContent()).toBe('Compare');
  expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  expect(await page.evaluate(() => localStorage.getItem('gongji.lang'))).toBe('en');

  const later = await app.open();
  expect(await later.page.getByRole('tab').allTextContents()).toEqual(EN_TABS);

  await page.getByRole('button', { name: '中文' }).click();
  expect(await page.getByRole('tab').allTextContents()).toEqual(ZH_TABS);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
});

test('a link with ?lang=en#prepayment opens in English on the Prepayment tab', async () => {
  const { page } = await app.open('?lang=en#prepayment');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Prepayment');
  const panel = page.getByRole('tabpanel');
  expect(await panel.count()).toBe(1);
  expect(await panel.getAttribute('id')).toBe('panel-prepayment');
  expect(await panel.locator('h2').textContent()).toBe('Prepayment');
  expect(await panel.locator('.not-public').textContent()).toContain(
    'national prepayment formula is not public',
  );
});

test('the URL language wins over the remembered one', async () => {
  const { page } = await app.open();
  await page.getByRole('button', { name: 'English' }).click();
  expect(await page.evaluate(() => localStorage.getItem('gongji.lang'))).toBe('en');
  const chinese = await app.open('?lang=zh#trainer');
  expect(await chinese.page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await chinese.page.getByRole('tab', { selected: true }).textContent()).toBe('培训演示');
});
