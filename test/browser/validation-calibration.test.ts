import { expect, test } from 'vitest';
import { saveScreenshot, useApp } from './harness';
import { download, parseCount, parseYuan } from './panels';

const app = useApp();

test('at 1:10000 (from ?vscale=) the calibration section shows the 2024 targets beside a calibration-2024 run', async () => {
  const { page } = await app.open('?lang=en&vscale=10000#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  expect(await panel.getAttribute('data-scale')).toBe('10000');
  expect(await page.locator('#validation-scale').inputValue()).toBe('10000');
  expect(new URL(page.url()).searchParams.get('vscale')).toBe('10000');

  const section = panel.locator('[data-section="calibration"]');
  expect(await section.locator('h3').textContent()).toBe('2024 sharing within provinces (calibration)');
  expect(await section.locator('.audience').textContent()).toMatch(/calibration targets.*projection/);
  expect(await section.locator('.run-detail').textContent()).toMatch(
    /^Scenario calibration-2024, seed calibration-2024, scale 1:10000, [\d,]+ families simulated/,
  );

  const simulated = (await section.locator('.run-detail').textContent())!.match(/([\d,]+) families/)![1]!;
  // The sample at 1:10000, not the weighted national count.
  expect(parseCount(simulated)).toBeGreaterThan(10_000);
  expect(parseCount(simulated)).toBeLessThan(100_000);

  const names = await section
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  expect(names).toEqual(expect.arrayContaining(['year/times', 'year/amount', 'use/medical', 'use/pharmacy']));
  expect(await section.locator('.chart svg circle').count()).toBe(names.length);

  const times = await section.locator('tr[data-name="year/times"] td').allTextContents();
  expect(parseCount(times[0]!)).toBe(371_000_000);
  expect(parseCount(times[1]!)).toBeGreaterThan(2.5e8);
  expect(parseCount(times[1]!)).toBeLessThan(5e8);
  expect(times[3]).toBe('±10%');

  const amount = await section.locator('tr[data-name="year/amount"] td').allTextContents();
  expect(amount[0]).toBe('51.15 billion yuan');
  const model = parseYuan(amount[1]!);
  expect(model).toBeGreaterThan(400e8);
  expect(model).toBeLessThan(650e8);
  // The relative error shown is the model's against 511.54亿元, to the shown two decimals.
  const shownError = Number(amount[2]!.replace('%', ''));
  expect(Math.abs(shownError - 100 * (model / 511.54e8 - 1))).toBeLessThan(0.02);
  expect(await section.locator('tr[data-name="use/medical"] td').nth(3).textContent()).toBe('±15%');

  // The section's CSV comes from the same `validation` table.
  const csv = await download(page, section.locator('[data-download="table-csv"]'));
  expect(csv.name).toBe('validation-calibration-1-10000-table.csv');
  expect(csv.text).toMatch(
    /^name,label_zh,label_en,unit,published,generated,rel_error,tolerance_pct,within,status,reason_zh,reason_en,lower_bound\n/,
  );
  expect(csv.text).toMatch(
    /\nyear\/amount,全年共济金额,amount in the year,yuan,51154000000,[\d.e+]+,-?[\d.e-]+,10,(true,within|false,outside),,,false\n/,
  );

  // The one known miss, the amount across pooling areas, is outside and says why under the table.
  const across = section.locator('tr[data-name="geo/same-province/amount"]');
  expect(await across.getAttribute('class')).toBe('outside');
  const note = section.locator('.status-notes li[data-name="geo/same-province/amount"]');
  expect(await note.getAttribute('class')).toBe('outside');
  expect(await note.textContent()).toMatch(
    /^Jan–Oct, other pooling area of the province, amount \(outside\): Known miss: the model pays \d+ yuan a person-time within a pooling area and \d+ across pooling areas; the published figures give 125 and 199\./,
  );
  expect(await across.locator('td.mark').getAttribute('title')).toMatch(/^Known miss/);
  expect(csv.text).toMatch(
    /\ngeo\/same-province\/amount,[^\n]*,false,outside,已知偏差：[^\n]*,"?Known miss:/,
  );

  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'validation-calibration-en');

  // In Chinese: 亿元, the Chinese title, without a new run.
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => section.locator('h3').textContent()).toBe('2024年省内共济（校准）');
  const zh = await section.locator('tr[data-name="year/amount"] td').allTextContents();
  expect(zh[0]).toBe('511.54亿元');
  expect(Math.abs(parseYuan(zh[1]!) - model)).toBeLessThanOrEqual(1e7); // shown to 0.01 billion
  expect(await section.locator('h4').allTextContents()).toContain('参考值、未建模目标与已知偏差的说明');
  expect(await note.textContent()).toMatch(
    /^1–10月 省内跨统筹地区 金额（超出）：已知偏差：模型中统筹地区内每人次 \d+ 元/,
  );
  await section.screenshot({ path: 'test-artifacts/validation-calibration.png' });
});

test('the calibration shows its progress, can be cancelled while simulating, and runs again after', async () => {
  const { page } = await app.open('?lang=en&vscale=10000#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  await page.locator('#validation-scale').selectOption('1000');
  await expect
    .poll(() => panel.locator('.progress-text').textContent(), { timeout: 60_000, interval: 20 })
    .toMatch(/^Simulating 2024 sharing \d+%$/);
  expect(new URL(page.url()).searchParams.get('vscale')).toBe('1000');
  // The population at the new scale shows while the engine simulates.
  expect(await panel.locator('.summary').textContent()).toContain('1:1000');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await panel.getAttribute('data-state')).toBe('cancelled');
  expect(await panel.locator('.progress-text').textContent()).toBe('Cancelled.');
  expect(await panel.locator('[data-section="calibration"]').count()).toBe(0);

  // The page's runs are free again: the next run finishes with both sections.
  await panel.getByRole('button', { name: 'Run again' }).click();
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  expect(await panel.getAttribute('data-scale')).toBe('1000');
  expect(await panel.locator('[data-section="calibration"] tr[data-name="year/amount"]').count()).toBe(1);
  expect(await panel.locator('[data-section="calibration"] .run-detail').textContent()).toContain('1:1000');
});

test('the calibration’s sampling noise: four more seeds, each target’s mean, σ and runs outside, in both languages', async () => {
  const { page } = await app.open('?lang=en&vscale=10000#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  const section = panel.locator('[data-section="calibration"]');
  const noise = section.locator('.noise');
  expect(await noise.getAttribute('data-noise')).toBe('not-measured');
  expect(await noise.locator('p.noise-note').textContent()).toMatch(
    /at 1:10000 .* 4 more seeds .* over 5 runs/,
  );
  const measure = noise.getByRole('button', { name: 'Measure the sampling noise (4 more runs)' });
  await measure.click();
  await expect
    .poll(() => panel.locator('.progress-text').textContent(), { timeout: 60_000, interval: 20 })
    .toMatch(/^Measuring the sampling noise: run [1-4] of 4 \d+%$/);
  // Cancelled, the section stays and the button is free again; pressed again, the runs go through.
  await panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await panel.getAttribute('data-state')).toBe('cancelled');
  expect(await section.locator('.noise').getAttribute('data-noise')).toBe('not-measured');
  expect(await measure.isEnabled()).toBe(true);
  await measure.click();
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  const measured = section.locator('.noise[data-noise="measured"]');
  expect(await measured.count()).toBe(1);

  // One row per calibration target, in the table's order; this run's error is the table's, to 0.1%.
  const targets = await section
    .locator('table.targets tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  const names = await measured
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  expect(names).toEqual(targets);
  expect(await measured.locator('thead th').allTextContents()).toEqual([
    'Target',
    'This run',
    'Mean of 5',
    'σ',
    'Tolerance',
    'Runs outside',
  ]);
  for (const name of names) {
    const cells = await measured.locator(`tr[data-name="${name}"] td`).allTextContents();
    const shown = await section.locator(`table.targets tr[data-name="${name}"] td.err`).textContent();
    expect(
      Math.abs(Number(cells[0]!.replace('%', '')) - Number(shown!.replace('%', ''))),
    ).toBeLessThanOrEqual(0.051);
    const sd = Number(cells[2]!.replace('%', ''));
    expect(sd, name!).toBeGreaterThanOrEqual(0);
    expect(sd, name!).toBeLessThan(15);
    expect(cells[4]).toMatch(/^[0-5] \/ 5$/);
  }
  // Five runs differ: not every σ is zero.
  const sds = await measured.locator('td.sd').allTextContents();
  expect(sds.some((x) => Number(x.replace('%', '')) > 0)).toBe(true);
  expect(await measured.locator('.noise-verdict').textContent()).toMatch(
    /^(Every tolerance is more than twice its σ|These targets’ tolerance is under twice their σ)/,
  );

  // The measured noise downloads as CSV from the validation_noise table, one line per target.
  const file = await download(page, measured.locator('[data-download="noise-csv"]'));
  expect(file.name).toBe('validation-noise-calibration-1-10000.csv');
  const lines = file.text.trim().split('\n');
  expect(lines[0]).toBe(
    'name,label_zh,label_en,scale_k,seeds,rel_error,mean_rel_error,sd_rel_error,tolerance_pct,runs_outside,noisy',
  );
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(names);
  expect(lines[1]).toMatch(
    /^year\/times,全年共济人次,person-times in the year,10000,5,[\d.e-]+,[\d.e-]+,[\d.e-]+,10,[0-5],(true|false)$/,
  );

  // In Chinese, without running again.
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => measured.locator('h4').textContent()).toBe('抽样噪声');
  expect(await measured.locator('thead th').nth(2).textContent()).toBe('5 次均值');
  expect(await measured.locator('.noise-verdict').textContent()).toMatch(
    /^(每个目标的容差都大于 2σ|以下目标的容差小于 2σ)/,
  );
  await measured.screenshot({ path: 'test-artifacts/validation-noise.png' });
});
