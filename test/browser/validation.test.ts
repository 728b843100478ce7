import { expect, test } from 'vitest';
import { BENCH_HOOK, type BenchHook } from '../../src/ui/benchHook';
import { saveScreenshot, useApp } from './harness';
import { download, parseCount } from './panels';

const app = useApp();

test('the Validation workspace runs at 1:1000 in a worker, shows targets, chart and downloads, in both languages', async () => {
  await app.context.addInitScript((name) => {
    (window as unknown as Record<string, unknown>)[name] = { runs: [] };
  }, BENCH_HOOK);
  const { page } = await app.open('?lang=en#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
  const timing = await page.evaluate(
    (name) => (window as unknown as Record<string, BenchHook>)[name]!.runs.at(-1)!,
    BENCH_HOOK,
  );
  console.log(
    `validation at 1:1000: DuckDB open ${Math.round(timing.duckdbMs ?? NaN)} ms, run ${Math.round(timing.runMs)} ms (click to table)`,
  );
  expect(timing.scaleK).toBe(1000);
  expect(await panel.getAttribute('data-scale')).toBe('1000');
  expect(await page.locator('#validation-scale').inputValue()).toBe('1000');

  // The national population total is within 2% of the census, and is marked within tolerance.
  const total = panel.locator('tr[data-name="population/total"]');
  const cells = await total.locator('td').allTextContents();
  expect(parseCount(cells[0]!)).toBe(1_409_778_724);
  expect(Math.abs(parseCount(cells[1]!) / 1_409_778_724 - 1)).toBeLessThan(0.02);
  expect(await total.getAttribute('class')).toBe('within');
  const population = panel.locator('[data-section="population"]');
  const names = await population
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  expect(names).toEqual(expect.arrayContaining(['population/total', 'inflow/total', 'employee-insured']));
  expect(names.length).toBeGreaterThan(60);
  expect(await population.locator('thead th').allTextContents()).toEqual([
    'Target',
    'Published',
    'Model',
    'Relative error',
    'Tolerance',
    'Verdict',
  ]);

  // The non-private wage is a reference figure: marked so, with no tolerance, its reason under the
  // table, and not counted as outside; the private wage is the checked floor of the model's wage.
  const wage = population.locator('tr[data-name="wage/national"]');
  expect(await wage.getAttribute('class')).toBe('reference');
  const wageCells = await wage.locator('td').allTextContents();
  expect(wageCells.slice(3)).toEqual(['—', '◇ reference']);
  expect(parseCount(wageCells[1]!)).toBeLessThan(parseCount(wageCells[0]!));
  expect(await wage.locator('td.mark').getAttribute('title')).toMatch(/not the same statistic/);
  const note = population.locator('.status-notes li[data-name="wage/national"]');
  expect(await note.textContent()).toMatch(/^average wage, urban non-private units \(reference\): The urban/);
  expect(await population.locator('.status-notes li').count()).toBe(
    await population.locator('tbody tr.reference, tbody tr.not-modelled').count(),
  );
  const floor = population.locator('tr[data-name="wage/private"]');
  expect(await floor.getAttribute('class')).toBe('within');
  expect((await floor.locator('td').allTextContents()).slice(3)).toEqual(['≥ (lower bound)', '✓ within']);
  // The summary counts the rows of every section.
  const outside = await panel.locator('tbody tr.outside').count();
  expect(await panel.locator('.summary').textContent()).toMatch(
    new RegExp(`${outside} outside tolerance; 1 reference and 0 not modelled \\(not counted\\)`),
  );
  expect(await population.locator('.legend').textContent()).toContain('reference');

  // The chart: one dot per target, and the tolerance bands.
  const svg = population.locator('.chart svg');
  expect(await svg.count()).toBe(1);
  expect(await svg.locator('circle').count()).toBe(names.length);

  // The table's CSV download holds the rows of the DuckDB query.
  const table = await download(page, population.locator('[data-download="table-csv"]'));
  expect(table.name).toBe('validation-population-1-1000-table.csv');
  const lines = table.text.trimEnd().split('\n');
  expect(lines[0]).toBe(
    'name,label_zh,label_en,unit,published,generated,rel_error,tolerance_pct,within,status,reason_zh,reason_en,lower_bound',
  );
  expect(lines).toHaveLength(names.length + 1);
  expect(lines[1]).toMatch(
    /^population\/total,31省常住人口,"resident population, 31 provinces",persons,1409778724,\d+,-?[\d.e-]+,2,true,within,,,false$/,
  );
  expect(lines.find((l) => l.startsWith('wage/national,'))).toMatch(
    /,false,reference,"城镇非私营.*","The urban .*",false$/,
  );

  const chartCsv = await download(page, population.locator('[data-download="chart-csv"]'), { keepBom: true });
  expect(chartCsv.text).toContain(
    'name,label_zh,label_en,rel_error_pct,tolerance_pct,within,status,lower_bound\n',
  );
  const svgFile = await download(page, population.locator('[data-download="chart-svg"]'), { keepBom: true });
  expect(svgFile.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const png = await download(page, population.locator('[data-download="chart-png"]'));
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');

  await saveScreenshot(page, 'validation-en');
  await svg.screenshot({ path: 'test-artifacts/validation-chart-en.png' });

  // Switching the language relabels the table, the chart and the summary without a new run.
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => panel.locator('thead th').first().textContent()).toBe('目标');
  expect(await total.locator('th').textContent()).toContain('31省常住人口');
  expect((await wage.locator('td').allTextContents()).slice(3)).toEqual(['—', '◇ 参考值']);
  expect(await note.textContent()).toMatch(
    /^城镇非私营单位平均工资（参考值）：城镇非私营单位平均工资不含私营单位/,
  );
  expect(await panel.locator('.summary').textContent()).toContain('另有 1 个参考值、0 个未建模（不计入）');
  expect(await panel.locator('.summary').textContent()).toContain('比例 1:1000');
  expect(await population.locator('.chart svg').count()).toBe(1);
  const shot = await saveScreenshot(page, 'validation');
  expect(shot.bytes).toBeGreaterThan(50_000);
});

test('changing the scale runs again at 1:10000', async () => {
  const { page } = await app.open('?lang=zh#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
  await page.locator('#validation-scale').selectOption('10000');
  await expect.poll(() => panel.getAttribute('data-scale'), { timeout: 90_000 }).toBe('10000');
  expect(await panel.getAttribute('data-state')).toBe('done');
  expect(await panel.locator('.summary').textContent()).toContain('1:10000');
  // The scale is in the address, so a link reopens the validation at 1:10000.
  expect(new URL(page.url()).searchParams.get('vscale')).toBe('10000');
});

test('a run at 1:100 shows its progress and can be cancelled', async () => {
  const { page } = await app.open('?lang=en#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
  await page.locator('#validation-scale').selectOption('100');
  await expect
    .poll(() => panel.locator('.progress-text').textContent())
    .toMatch(/^Generating families [\d,]+ \/ [\d,]+$/);
  expect(await panel.locator('progress').isVisible()).toBe(true);
  await page.screenshot({ path: 'test-artifacts/validation-progress.png' });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await panel.getAttribute('data-state')).toBe('cancelled');
  expect(await panel.locator('.progress-text').textContent()).toBe('Cancelled.');
  expect(await panel.locator('progress').isVisible()).toBe(false);
  // The results of the last finished run stay on the page.
  expect(await panel.locator('.summary').textContent()).toContain('1:1000');
});

test('the population’s sampling noise: four more populations, each checked target’s σ, its CSV', async () => {
  const { page } = await app.open('?lang=en&vscale=10000#validation');
  const panel = page.locator('#panel-validation');
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  const section = panel.locator('[data-section="population"]');
  const noise = section.locator('.noise[data-for="population"]');
  expect(await noise.locator('p.noise-note').textContent()).toMatch(
    /at 1:10000 .* 4 more seeds .* over 5 populations/,
  );
  await noise.getByRole('button', { name: 'Measure the sampling noise (4 more runs)' }).click();
  await expect
    .poll(() => panel.locator('.progress-text').textContent(), { timeout: 60_000, interval: 20 })
    .toMatch(/^Measuring the sampling noise: population [1-4] of 4, [\d,]+ \/ [\d,]+$/);
  await expect.poll(() => panel.getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
  const measured = section.locator('.noise[data-noise="measured"]');

  // One row per checked target with a tolerance band: within or outside, not a lower bound.
  const checked = await section.locator('table.targets tbody tr').evaluateAll((rows) =>
    rows
      .filter((r) => /^(within|outside)$/.test(r.className))
      .filter((r) => !(r.querySelectorAll('td')[3]?.textContent ?? '').startsWith('≥'))
      .map((r) => r.getAttribute('data-name')),
  );
  const names = await measured
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  expect(names.length).toBeGreaterThan(50);
  expect(names).toEqual(checked);
  const sds = (await measured.locator('td.sd').allTextContents()).map((x) => Number(x.replace('%', '')));
  expect(sds.every((x) => x >= 0 && x < 50)).toBe(true);
  expect(sds.some((x) => x > 0)).toBe(true);
  expect(await measured.locator('.noise-verdict').textContent()).toMatch(
    /^(Every tolerance is more than twice its σ|These targets’ tolerance is under twice their σ)/,
  );
  // The calibration's block is still there to measure on its own.
  expect(await panel.locator('[data-section="calibration"] .noise').getAttribute('data-noise')).toBe(
    'not-measured',
  );

  const file = await download(page, measured.locator('[data-download="noise-csv"]'));
  expect(file.name).toBe('validation-noise-population-1-10000.csv');
  const lines = file.text.trim().split('\n');
  expect(lines[0]).toBe(
    'name,label_zh,label_en,scale_k,seeds,rel_error,mean_rel_error,sd_rel_error,tolerance_pct,runs_outside,noisy',
  );
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(names);
  await saveScreenshot(page, 'validation-population-noise');
});
