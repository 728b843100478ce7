import { expect, test } from 'vitest';
import { saveScreenshot, useApp } from './harness';
import { download } from './panels';

const app = useApp();

test('at its defaults the Prepayment workspace shows the needed size with its interval, its split, every province and cash, and says how sure it is', async () => {
  const started = Date.now();
  const { page } = await app.open('?lang=en#prepayment');
  const panel = page.locator('#panel-prepayment');
  await expect.poll(() => panel.locator('h2').textContent()).toBe('Prepayment');
  expect(await panel.locator('.not-public').textContent()).toContain(
    'national prepayment formula is not public',
  );
  // The first visit runs the defaults by itself: baseline-2026 at 1:10000 with 20 replications.
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  await expect.poll(() => panel.locator('[data-chart="usage"] svg').count(), { timeout: 20_000 }).toBe(1);
  console.log(`prepayment: the defaults' answer in ${Date.now() - started} ms`);
  expect(await panel.getAttribute('data-scale')).toBe('10000');
  expect(await panel.getAttribute('data-replications')).toBe('20');
  expect(await panel.locator('#prepayment-scale').inputValue()).toBe('10000');
  expect(await panel.locator('#prepayment-replications').inputValue()).toBe('20');
  expect(await panel.locator('#prepayment-confidence').inputValue()).toBe('0.95');

  // The needed size with its interval, and the sources of spread it includes.
  const needed = panel.locator('[data-figure="needed"]');
  expect(await needed.locator('.label').textContent()).toBe('Needed for 95% confidence');
  const attribute = async (a: string) => Number(await needed.getAttribute(a));
  const fen = await attribute('data-fen');
  const low = await attribute('data-low');
  const high = await attribute('data-high');
  expect(fen).toBeGreaterThan(0);
  expect(low).toBeLessThanOrEqual(fen);
  expect(high).toBeGreaterThanOrEqual(fen);
  expect(await needed.locator('.note').textContent()).toMatch(
    /^90% interval .+ – .+; [\d.]+ × the rule’s opening size$/,
  );
  const sources = await panel.locator('.sources').textContent();
  expect(sources).toContain('sampling noise of the 1:10000 sample is taken out');
  expect(sources).toContain('parameter uncertainty is included (20 replications');
  expect(await panel.locator('.national').textContent()).toMatch(
    /^All provinces: needed at 95% confidence .+ \(.+ – .+\); the rule opens with .+\. Direct settlement alone needs .+; sharing adds .+\.$/,
  );
  expect(await panel.locator('.unresolved').count()).toBe(0);

  // The usage chart draws the warning lines and the draws' band; the curve and the timeline are there.
  const usage = panel.locator('[data-chart="usage"] svg');
  expect(await usage.locator('text').allTextContents()).toEqual(
    expect.arrayContaining(['yellow line 70%', 'red line 90%']),
  );
  expect(await panel.locator('[data-chart="timeline"] svg').count()).toBe(1);
  expect(await panel.locator('[data-chart="curve"] svg').count()).toBe(1);
  expect(await panel.locator('[data-chart="bands"] svg').count()).toBe(1);

  // The province table is a table: its header sits above its columns, one header cell per column.
  const table = panel.locator('table.provinces');
  expect(await table.evaluate((t) => getComputedStyle(t).display)).toBe('table');
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBe(31);
  const headBox = (await table.locator('thead').boundingBox())!;
  const firstRow = (await rows.first().boundingBox())!;
  expect(headBox.y + headBox.height).toBeLessThanOrEqual(firstRow.y + 1);
  const headCells = await table.locator('thead th').count();
  expect(await rows.first().locator('th, td').count()).toBe(headCells);
  const neededHead = (await table.locator('th:has(button[data-sort="needed_fen"])').boundingBox())!;
  const neededCell = (await rows.first().locator('td[data-col="needed_fen"]').boundingBox())!;
  expect(Math.abs(neededHead.x - neededCell.x)).toBeLessThan(2);
  // Sorted by the needed size; every province has one.
  const values = await rows.locator('td[data-col="needed_fen"]').allTextContents();
  expect(values.every((v) => /^[\d,]+\.\d\d$/.test(v))).toBe(true);
  const numbers = values.map((v) => Number(v.replace(/,/g, '')));
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);

  // What the province advances to each treatment province adds up to its needed size, in whole fen.
  const province = await panel.getAttribute('data-province');
  expect(province).toMatch(/^\d\d$/);
  const advance = await download(page, panel.locator(`[data-download="advance-${province}-csv"]`));
  const advanceLines = advance.text.trimEnd().split('\n');
  // Provinces by GB code followed by both names, as in every export.
  expect(advanceLines[0]).toBe(
    'insured_province,insured_province_name_zh,insured_province_name_en,' +
      'treatment_province,treatment_province_name_zh,treatment_province_name_en,share,advance_fen,rule_opening_fen',
  );
  const fens = advanceLines.slice(1).map((l) => l.split(','));
  expect(
    fens.every(
      ([i, , , j, zh, en, , a]) =>
        i === province && /^\d\d$/.test(j!) && zh !== '' && en !== '' && Number.isInteger(Number(a)),
    ),
  ).toBe(true);
  expect(fens.reduce((s, f) => s + Number(f[7]), 0)).toBe(fen);

  // The province table's CSV names provinces by code, with whole fen.
  const provinces = await download(page, panel.locator('[data-download="provinces-csv"]'));
  const tableLines = provinces.text.trimEnd().split('\n');
  expect(tableLines).toHaveLength(32);
  expect(
    tableLines[0]!.startsWith(
      'province,province_name_zh,province_name_en,confidence,needed_fen,needed_low_fen,needed_high_fen',
    ),
  ).toBe(true);
  for (const line of tableLines.slice(1)) {
    const [code, , , , n, lo, hi] = line.split(',');
    expect(code).toMatch(/^\d\d$/);
    for (const x of [n, lo, hi]) expect(Number.isInteger(Number(x))).toBe(true);
  }

  // Gross against netted: netting never moves more cash.
  const note = panel.locator('.cash-note');
  expect(Number(await note.getAttribute('data-netted'))).toBeLessThanOrEqual(
    Number(await note.getAttribute('data-gross')),
  );

  await saveScreenshot(page, 'prepayment-en');
  await panel.locator('section.province').screenshot({ path: 'test-artifacts/prepayment-province-en.png' });
  await panel.locator('section.overview').screenshot({ path: 'test-artifacts/prepayment-overview-en.png' });

  // Switching the language redraws texts and numbers without a new run.
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => panel.locator('h2').textContent()).toBe('预付金');
  expect(await needed.locator('.label').textContent()).toBe('95% 置信度所需预付金');
  expect(await needed.locator('.value').textContent()).toMatch(/(万元|亿元)$/);
  expect(await rows.count()).toBe(31);
  await saveScreenshot(page, 'prepayment');
});

test('the address restores the same view: scenario, scale, replications, confidence and province', async () => {
  const first = await app.open('?lang=en#prepayment');
  const panel = first.page.locator('#panel-prepayment');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  await expect.poll(() => panel.getAttribute('data-province'), { timeout: 20_000 }).toMatch(/^\d\d$/);
  // Choose Guangdong (44) and 90%: the address follows.
  const options = await panel
    .locator('#prepayment-province option')
    .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''] as const));
  const guangdong = options.find(([, text]) => text.startsWith('Guangdong'))![0];
  await panel.locator('#prepayment-province').selectOption(guangdong);
  await expect.poll(() => panel.getAttribute('data-province')).toBe('44');
  await panel.locator('#prepayment-confidence').selectOption('0.9');
  await expect.poll(() => panel.getAttribute('data-confidence'), { timeout: 30_000 }).toBe('0.9');
  const url = first.page.url();
  expect(url).toMatch(/pscenario=baseline-2026/);
  expect(url).toMatch(/pscale=10000/);
  expect(url).toMatch(/preps=20/);
  expect(url).toMatch(/pconf=0\.9(&|$)/);
  expect(url).toMatch(/pprovince=44/);
  const neededThere = await panel.locator('[data-figure="needed"]').getAttribute('data-fen');

  const second = await app.open(url.slice(url.indexOf('?')));
  const again = second.page.locator('#panel-prepayment');
  await expect.poll(() => again.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  await expect.poll(() => again.getAttribute('data-province'), { timeout: 20_000 }).toBe('44');
  expect(await again.getAttribute('data-confidence')).toBe('0.9');
  expect(await again.locator('#prepayment-confidence').inputValue()).toBe('0.9');
  expect(await again.locator('[data-figure="needed"] .label').textContent()).toBe(
    'Needed for 90% confidence',
  );
  // The same scenario and seed: the same figure to the fen.
  expect(await again.locator('[data-figure="needed"]').getAttribute('data-fen')).toBe(neededThere);
});

test('99% confidence with 20 replications is refused with the replications it needs; 90% and 95% are given', async () => {
  const { page } = await app.open('?lang=en&pconf=0.99#prepayment');
  const panel = page.locator('#panel-prepayment');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  const message = panel.locator('.unresolved');
  await expect.poll(() => message.count(), { timeout: 20_000 }).toBe(1);
  expect(await message.getAttribute('data-minimum')).toBe('100');
  expect(await message.textContent()).toMatch(
    /^99% confidence needs at least 100 replications that draw parameters; this run has 20\./,
  );
  expect(await panel.locator('[data-figure="needed"] .value').textContent()).toBe('—');
  expect(await panel.locator('button.run-more').textContent()).toBe('Run with 100 replications');
  await panel.locator('#prepayment-confidence').selectOption('0.95');
  await expect.poll(() => message.count(), { timeout: 30_000 }).toBe(0);
  expect(Number(await panel.locator('[data-figure="needed"]').getAttribute('data-fen'))).toBeGreaterThan(0);
});

test('a run shows its progress and can be cancelled; the shown run stays, and changed controls are marked', async () => {
  const { page } = await app.open('?lang=en#prepayment');
  const panel = page.locator('#panel-prepayment');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  await panel.locator('#prepayment-replications').selectOption('100');
  expect(await panel.locator('.stale').textContent()).toMatch(
    /^Shown below: .+ at 1:10000 with 20 replications; the controls have changed/,
  );
  await panel.locator('button.run').click();
  await expect
    .poll(() => panel.locator('.progress-text').textContent(), { timeout: 20_000 })
    .toMatch(/^Simulating run \d+ of 101: \d+%$/);
  expect(await panel.locator('progress').isVisible()).toBe(true);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await panel.getAttribute('data-state')).toBe('cancelled');
  expect(await panel.locator('.progress-text').textContent()).toBe('Cancelled.');
  expect(await panel.getAttribute('data-replications')).toBe('20');
  expect(await panel.locator('table.provinces tbody tr').count()).toBe(31);
  // The run service is free again: a new run goes through, and the controls match it.
  await panel.locator('#prepayment-replications').selectOption('10');
  await panel.locator('button.run').click();
  await expect.poll(() => panel.getAttribute('data-replications'), { timeout: 60_000 }).toBe('10');
  expect(await panel.getAttribute('data-state')).toBe('done');
  expect(await panel.locator('.stale').count()).toBe(0);
});
