import { expect, test } from 'vitest';
import { BENCH_HOOK, type BenchHook } from '../../src/ui/benchHook';
import { saveScreenshot, useApp } from './harness';
import { digests, download, settled, yi } from './panels';

const app = useApp({ resetStorage: 'once' });

test('Compare opens by itself with the 2026 baseline at 1:1000, then compares scenarios, downloads, switches language', async () => {
  // Record the main thread's long tasks, to see how long the page stops answering during a run.
  // And the run timings the page records for the benchmark when its hook is in place.
  await app.context.addInitScript((name) => {
    (window as unknown as Record<string, unknown>)[name] = { runs: [] };
  }, BENCH_HOOK);
  await app.context.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const started = Date.now();
  const { page } = await app.open('?lang=zh');
  const panel = page.locator('#panel-compare');
  expect(await page.getByRole('tab', { selected: true }).getAttribute('id')).toBe('tab-compare');
  expect(await settled(panel)).toBe('done');
  const firstMs = Date.now() - started;
  const record = await page.evaluate(
    (name) => (window as unknown as Record<string, BenchHook>)[name]!.runs.at(-1)!,
    BENCH_HOOK,
  );
  console.log(
    `compare: baseline-2026 at 1:1000 done ${firstMs} ms after opening (run ${Math.round(record.runMs)} ms)`,
  );
  expect(await panel.getAttribute('data-runs')).toBe('baseline-2026');
  expect(await panel.getAttribute('data-scale')).toBe('1000');
  // What the benchmark reads: person-months of the 1:1000 sample (about 1.4 billion insured × 12 ÷ 1000).
  expect(record.personMonths).toBeGreaterThan(10_000_000);
  expect(record.simulateMs).toBeGreaterThan(0);
  // The DOM itself carries no timings.
  expect(await panel.getAttribute('data-run-ms')).toBeNull();
  // The slow scales say so; 1:1000 stays the default.
  expect(await page.locator('#compare-scale option').allTextContents()).toEqual([
    '1:10000',
    '1:1000',
    '1:100',
    '1:10（较慢：双核约 1–2 分钟）',
    '1:1 全国（很慢：双核约 12 分钟）',
  ]);
  expect(await page.locator('#compare-scale').inputValue()).toBe('1000');
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(
    `compare: ${longTasks.length} main-thread tasks over 50 ms, longest ${Math.round(Math.max(0, ...longTasks))} ms`,
  );

  // Totals: a plausible 2026 amount, money conserved, a digest.
  const amount = await panel.locator('tr[data-total="amount"] td').first().textContent();
  expect(yi(amount!)).toBeGreaterThan(300);
  expect(yi(amount!)).toBeLessThan(900);
  expect(await panel.locator('tr[data-total="residual"] td').first().textContent()).toBe('0.00元');
  expect(await panel.locator('[data-digest]').first().getAttribute('data-digest')).toMatch(/^[0-9a-f]{64}$/);
  // Relatives insured thanks to sharing (R2): in the totals, and by age band and province.
  const enrolled = await panel.locator('tr[data-total="enrolled"] td').first().textContent();
  expect(Number(enrolled!.replace(/[^0-9]/g, ''))).toBeGreaterThan(100_000);
  const enrolledByAge = panel.locator('table.enrolments-by-age tr[data-enrolment="total"] td').first();
  expect(await enrolledByAge.textContent()).toBe(enrolled);
  expect(await panel.locator('table.enrolments-by-province tbody tr').count()).toBeGreaterThan(20);

  // Every chart is drawn; the tile map has the 31 provinces.
  for (const chart of [
    'monthly-use',
    'monthly-geography',
    'map',
    'corridors',
    'benefits-by-use',
    'benefits-by-age',
  ]) {
    expect(await panel.locator(`[data-chart="${chart}"] .chart > svg`).count(), chart).toBe(1);
  }
  expect(await panel.locator('[data-chart="map"] g[aria-label="cell"] rect').count()).toBe(31);
  expect(await panel.locator('[data-chart="corridors"] g[aria-label="bar"] rect').count()).toBe(15);
  // Who benefits by age and scheme: stacked bars, and residents aged 60+ take a visible share.
  const byAge = panel.locator('[data-chart="benefits-by-age"]');
  expect(await byAge.locator('g[aria-label="bar"] rect').count()).toBeGreaterThan(5);
  const oldShare = await panel.locator('table.benefits tbody tr').nth(3).locator('td').first().textContent();
  console.log(`compare: baseline-2026 shared money for beneficiaries aged 60+: ${oldShare}`);
  expect(oldShare).toMatch(/\(\d+\.\d%\)$/);
  await saveScreenshot(page, 'compare');
  await byAge.screenshot({ path: 'test-artifacts/compare-benefits-by-age.png' });
  await panel.locator('[data-chart="map"]').screenshot({ path: 'test-artifacts/compare-map.png' });
  await panel.locator('input[name="compare-measure"][value="perInsured"]').check();
  expect(await panel.locator('[data-chart="map"] figcaption').textContent()).toBe('人均共济金额');
  expect(await panel.locator('[data-chart="map"] g[aria-label="cell"] rect').count()).toBe(31);
  await panel
    .locator('[data-chart="map"]')
    .screenshot({ path: 'test-artifacts/compare-map-per-insured.png' });

  // An invalid value in the editor is explained where it is typed.
  await panel.locator('details.editor summary').click();
  await panel.locator('#edit-rules-quotaLimits-maxChangesPerDay').fill('0');
  const field = panel.locator('.field[data-path="rules.quotaLimits.maxChangesPerDay"]');
  expect(await field.locator('.error').textContent()).toContain('不小于 1');
  await panel.locator('details.editor').screenshot({ path: 'test-artifacts/compare-editor.png' });
  await panel.locator('#edit-rules-quotaLimits-maxChangesPerDay').fill('');
  expect(await field.locator('.error').textContent()).toBe('');
  await panel.locator('details.editor summary').click();
  await panel.locator('label[data-scenario="edited"] input').uncheck();

  // Add the netting scenario at 1:10000: the diff table lists the settlement.
  await panel.locator('label[data-scenario="netting-2026"] input').check();
  await page.locator('#compare-scale').selectOption('10000');
  await panel.locator('button.run').click();
  expect(await settled(panel)).toBe('done');
  expect(await panel.getAttribute('data-runs')).toBe('baseline-2026,netting-2026');
  expect(new URL(page.url()).search).toContain('run=baseline-2026%2Cnetting-2026&scale=10000');
  const settlement = panel.locator('tr[data-path="clearing.settlement"]');
  // Codes are shown by their names (the path and codes stay in the file for the editor).
  expect(await settlement.locator('td').allTextContents()).toEqual(['双边全额结算', '多边轧差']);
  expect(await panel.locator('table.diff tbody tr').count()).toBe(1);

  // A chart's CSV holds the rows of its query: 2 scenarios × 4 uses × 12 months.
  const csv = await download(page, panel.locator('[data-chart="monthly-use"] [data-download="csv"]'));
  expect(csv.name).toBe('compare-monthly-use-1-10000.csv');
  const lines = csv.text.trimEnd().split('\n');
  expect(lines[0]).toBe('scenario,month,use,amount_fen,person_times');
  expect(lines).toHaveLength(1 + 2 * 4 * 12);
  expect(lines[1]).toMatch(/^baseline-2026,2026-01,ltc-contribution,\d+,\d+$/);
  // The age-and-scheme chart's CSV: 2 scenarios × 5 age bands × 4 schemes, and its SVG.
  const ages = await download(page, panel.locator('[data-chart="benefits-by-age"] [data-download="csv"]'));
  expect(ages.name).toBe('compare-benefits-by-age-1-10000.csv');
  const ageLines = ages.text.trimEnd().split('\n');
  expect(ageLines[0]).toBe('scenario,age_band,scheme,amount_fen,person_times');
  expect(ageLines).toHaveLength(1 + 2 * 5 * 4);
  expect([...new Set(ageLines.slice(1).map((l) => l.split(',')[1]))]).toEqual([
    '0-14',
    '15-44',
    '45-59',
    '60-74',
    '75+',
  ]);
  const ageSvg = await download(page, panel.locator('[data-chart="benefits-by-age"] [data-download="svg"]'));
  expect(ageSvg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(ageSvg.text).toContain('60–74岁');
  const svg = await download(page, panel.locator('[data-chart="map"] [data-download="svg"]'));
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const png = await download(page, panel.locator('[data-chart="monthly-use"] [data-download="png"]'));
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  const parquet = await download(
    page,
    panel.locator('[data-scenario="netting-2026"] [data-parquet="flows"]'),
  );
  expect(parquet.name).toBe('netting-2026-1-10000-flows.parquet');
  expect(parquet.text.startsWith('PAR1')).toBe(true);

  // English: texts and numbers redrawn.
  await page.locator('button[data-lang="en"]').click();
  expect(await panel.locator('h2').textContent()).toBe('Compare');
  expect(await page.locator('#compare-scale option').last().textContent()).toBe(
    '1:1 national (very slow: about 12 min on 2 cores)',
  );
  expect(await panel.locator('tr[data-total="amount"] td').first().textContent()).toMatch(/billion yuan$/);
  expect(await panel.locator('[data-chart="monthly-use"] figcaption').textContent()).toBe(
    'By use (billion yuan a month)',
  );
  expect(await settlement.locator('th').textContent()).toContain('Settlement');
  await saveScreenshot(page, 'compare-en');
  await panel
    .locator('[data-chart="benefits-by-age"]')
    .screenshot({ path: 'test-artifacts/compare-benefits-by-age-en.png' });
});

test('a shared address reproduces its runs; a cancelled run leaves the workspace usable; an edited copy runs and its address reproduces it', async () => {
  const { page } = await app.open(
    '?lang=en&run=baseline-2026,monthly-cap-2026&scale=10000&seed=shared-seed#compare',
  );
  const panel = page.locator('#panel-compare');
  expect(await settled(panel)).toBe('done');
  expect(await panel.getAttribute('data-runs')).toBe('baseline-2026,monthly-cap-2026');
  expect(await panel.getAttribute('data-scale')).toBe('10000');
  expect(await page.locator('#compare-seed').inputValue()).toBe('shared-seed');
  expect(
    await panel
      .locator('table.totals')
      .first()
      .locator('thead th[data-scenario]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-scenario'))),
  ).toEqual(['baseline-2026', 'monthly-cap-2026']);
  expect(
    await panel.locator('tr[data-path="rules.quotaLimits.monthlyUseCapFen"] td').allTextContents(),
  ).toEqual(['none (no limit)', '500.00 yuan']);
  expect(await panel.locator('[data-chart="map"] g[aria-label="cell"] rect').count()).toBe(62);
  const [, capDigest] = await digests(panel);

  // Start a longer run, cancel it, then run again.
  await page.locator('#compare-scale').selectOption('100');
  await panel.locator('button.run').click();
  await expect.poll(() => panel.getAttribute('data-state')).toBe('running');
  await panel.locator('button.cancel').click();
  expect(await settled(panel)).toBe('cancelled');
  expect(await panel.locator('.notice').textContent()).toBe('Cancelled.');
  expect(await panel.locator('button.run').isEnabled()).toBe(true);

  // The same cap typed into an edited copy of the baseline: the copy runs, and gives the cap scenario's results.
  await page.locator('#compare-scale').selectOption('10000');
  await panel.locator('label[data-scenario="monthly-cap-2026"] input').uncheck();
  await panel.locator('details.editor summary').click();
  await panel.locator('#edit-rules-quotaLimits-monthlyUseCapFen').fill('50000');
  expect(await panel.locator('.editor-status').textContent()).toBe(
    'The copy is valid: tick “Edited copy” to run it.',
  );
  expect(await panel.locator('label[data-scenario="edited"] input').isChecked()).toBe(true);
  await panel.locator('button.run').click();
  expect(await settled(panel)).toBe('done');
  expect(await panel.locator('.notice').textContent()).toBe('');
  expect(await panel.getAttribute('data-runs')).toBe('baseline-2026,baseline-2026-edited');
  expect(
    await panel
      .locator('table.diff tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path'))),
  ).toEqual(['rules.quotaLimits.monthlyUseCapFen']);
  const address = new URL(page.url());
  expect(address.searchParams.get('edit')).toBe('baseline-2026');
  expect(address.searchParams.getAll('set')).toEqual(['rules.quotaLimits.monthlyUseCapFen:50000']);
  expect(address.searchParams.get('seed')).toBe('shared-seed');
  const first = await digests(panel);
  expect(first[1]).toBe(capDigest);

  const again = await app.open(`${address.search}${address.hash}`);
  const panel2 = again.page.locator('#panel-compare');
  expect(await settled(panel2)).toBe('done');
  expect(await panel2.getAttribute('data-runs')).toBe('baseline-2026,baseline-2026-edited');
  expect(await digests(panel2)).toEqual(first);
});
