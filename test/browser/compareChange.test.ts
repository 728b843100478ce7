/**
 * The change against a baseline in Compare, in Chromium: scenarios at one seed, replications from the
 * address, a change column per scenario with its interval and a "within noise" mark where the
 * interval holds 0, its CSV and its place in the report; without replications, the change alone.
 */
import type { Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { FIGURES } from '../../src/runtime/figures';
import { useApp } from './harness';
import { digests, download, settled } from './panels';

const app = useApp({ resetStorage: 'once' });

/** Every change cell of a scenario: its change, interval ends, and whether it carries the mark. */
const changeCells = (panel: Locator, id: string) =>
  panel.locator(`table.change tbody tr`).evaluateAll(
    (rows, scenario) =>
      rows.map((row) => {
        const change = row.querySelector(`td[data-scenario="${scenario}"][data-col="change"]`)!;
        const interval = row.querySelector(`td[data-scenario="${scenario}"][data-col="interval"]`);
        return {
          figure: row.getAttribute('data-figure')!,
          change: Number(change.getAttribute('data-change')),
          text: change.textContent ?? '',
          low: interval?.hasAttribute('data-low') ? Number(interval.getAttribute('data-low')) : null,
          high: interval?.hasAttribute('data-high') ? Number(interval.getAttribute('data-high')) : null,
          withinNoise: change.getAttribute('data-within-noise'),
          marked: change.querySelector('.noise-mark') !== null,
        };
      }),
    id,
  );

test('monthly-cap-2026 against baseline-2026 at 1:10000 with 2 replications: a change column with intervals, marked within noise where they hold 0', async () => {
  const { page } = await app.open('?lang=zh&run=baseline-2026,monthly-cap-2026&scale=10000&reps=2#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  expect(await page.locator('#compare-replications').inputValue()).toBe('2');
  expect(await page.locator('#compare-baseline').inputValue()).toBe('baseline-2026');
  expect(await panel.getAttribute('data-baseline')).toBe('baseline-2026');
  expect(await panel.getAttribute('data-replications')).toBe('2');

  const section = panel.locator('section[data-section="change"]');
  expect(await section.locator('h3').textContent()).toBe('相对基准 baseline-2026 的变化');
  const table = section.locator('table.change');
  expect(await table.getAttribute('data-simulations')).toBe('3');
  // The change column against the baseline, beside the value and the interval.
  expect(
    await table
      .locator('thead th[data-scenario="monthly-cap-2026"][data-col]')
      .evaluateAll((ths) => ths.map((th) => `${th.getAttribute('data-col')}:${th.textContent}`)),
  ).toEqual(['value:数值', 'change:变化（%）', 'interval:90% 区间']);
  expect(await table.locator('tbody tr').count()).toBe(FIGURES.length);

  const cells = await changeCells(panel, 'monthly-cap-2026');
  console.log(
    `compare change: ${cells.map((c) => `${c.figure} ${c.text} [${c.low} … ${c.high}]`).join('; ')}`,
  );
  // A monthly cap pays less from quotas: a negative change in 亿元 or 万元, with its interval.
  const shared = cells.find((c) => c.figure === 'sharedFen')!;
  expect(shared.change).toBeLessThan(0);
  expect(shared.text).toMatch(/^−[\d,.]+(亿元|万元)（−[\d.]+%）/);
  expect(shared.low).not.toBeNull();
  expect(shared.high).not.toBeNull();
  expect(shared.low!).toBeLessThanOrEqual(shared.change);
  expect(shared.high!).toBeGreaterThanOrEqual(shared.change);
  // The mark is where the interval holds 0, and only there.
  for (const c of cells) {
    expect(c.low, c.figure).not.toBeNull();
    const holdsZero = c.low! <= 0 && c.high! >= 0;
    expect(c.marked, c.figure).toBe(holdsZero);
    expect(c.withinNoise, c.figure).toBe(String(holdsZero));
  }
  expect(cells.some((c) => c.marked)).toBe(true);
  const mark = table.locator('.noise-mark').first();
  expect(await mark.textContent()).toBe('噪声内');
  expect(await mark.getAttribute('title')).toMatch(/^区间包含 0/);
  expect(await mark.isVisible()).toBe(true);
  // What the intervals hold, in the CLI's words, and that the runs are paired at one seed.
  const notes = await section.locator('p.change-note').allTextContents();
  expect(notes[0]).toMatch(/^所有方案以随机种子 baseline-2026 运行/);
  expect(notes[1]).toMatch(
    /^区间为全体参保人口中变化的 90% 区间，基于 3 次模拟：.*1:k 抽样噪声(已剔除|因重复次数不足)/,
  );

  // The table's CSV: a line per figure, money in whole fen.
  const csv = await download(page, section.locator('[data-download="change-csv"]'));
  expect(csv.name).toBe('compare-change-1-10000.csv');
  const [head, ...lines] = csv.text.trimEnd().split('\n');
  expect(head).toBe(
    'scenario,baseline,seed,simulations,figure,unit,value,baseline_value,change,change_share,low,high,within_noise,coverage',
  );
  expect(lines).toHaveLength(FIGURES.length);
  expect(lines[0]).toMatch(
    /^monthly-cap-2026,baseline-2026,baseline-2026,3,sharedFen,fen,\d+,\d+,-\d+,-0\.\d+,-?\d+,-?\d+,(true|false),0\.9$/,
  );

  // The report carries the change table and its notes.
  const report = await download(page, panel.locator('[data-download="report"]'));
  expect(report.text).toContain('<h2 data-part="change">相对基准的变化</h2>\n<table class="change"');
  expect(report.text).toContain('另做 2 次重复模拟（共 3 次）');
  expect(report.text).toContain('噪声内');

  // In English, the same table in English words.
  await page.locator('button[data-lang="en"]').click();
  expect(await section.locator('h3').textContent()).toBe('Change against baseline-2026');
  expect(await table.locator('.noise-mark').first().textContent()).toBe('within noise');
  expect(await table.locator('tr[data-figure="sharedFen"] th').textContent()).toBe('paid from quotas');
});

test('at 0 replications the change has no interval and says why; the digests are those of the replicated runs; the address keeps the choice', async () => {
  const { page } = await app.open('?lang=en&run=baseline-2026,monthly-cap-2026&scale=10000&reps=2#compare');
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  const replicated = await digests(panel);

  await page.locator('#compare-replications').selectOption('0');
  await panel.locator('.run-row button.run').click();
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  const section = panel.locator('section[data-section="change"]');
  const table = section.locator('table.change');
  expect(await table.getAttribute('data-simulations')).toBe('1');
  expect(await table.locator('[data-col="interval"]').count()).toBe(0);
  expect(await table.locator('.noise-mark').count()).toBe(0);
  const shared = table.locator(
    'tr[data-figure="sharedFen"] td[data-scenario="monthly-cap-2026"][data-col="change"]',
  );
  expect(Number(await shared.getAttribute('data-change'))).toBeLessThan(0);
  expect(await shared.getAttribute('data-within-noise')).toBeNull();
  expect(await section.locator('p.change-note').last().textContent()).toBe(
    'No replications: the change alone, without intervals, so nothing says whether it is larger than the noise. Intervals need replications (choose 2 or more).',
  );
  // Replications rerun the samples; the main run (and its digest) is the same.
  expect(await digests(panel)).toEqual(replicated);
  const address = new URL(page.url());
  expect(address.searchParams.get('baseline')).toBe('baseline-2026');
  expect(address.searchParams.get('reps')).toBeNull();

  // Another baseline: the changes are measured against it, and the address says so.
  await page.locator('#compare-baseline').selectOption('monthly-cap-2026');
  await panel.locator('.run-row button.run').click();
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  expect(await section.locator('h3').textContent()).toBe('Change against monthly-cap-2026');
  const back = table.locator(
    'tr[data-figure="sharedFen"] td[data-scenario="baseline-2026"][data-col="change"]',
  );
  expect(Number(await back.getAttribute('data-change'))).toBeGreaterThan(0);
  expect(new URL(page.url()).searchParams.get('baseline')).toBe('monthly-cap-2026');
});

test('a scenario with a seed of its own runs at the baseline’s seed when the Seed field is empty; a bad reps= or baseline= is said', async () => {
  const { page } = await app.open(
    '?lang=en&run=baseline-2026,scope-2021&scale=10000&reps=3&baseline=netting-2026#compare',
  );
  const panel = page.locator('#panel-compare');
  expect(await settled(panel, { timeout: 120_000 })).toBe('done');
  expect(await panel.locator('.address-refused').textContent()).toContain(
    'The address gives reps=3, which is not an offered number of replications (0, 2, 5, 10, 20): the runs use 0.',
  );
  expect(await panel.locator('.address-refused').textContent()).toContain(
    'The address gives baseline=netting-2026, which is not one of the chosen scenarios',
  );
  expect(await page.locator('#compare-seed').getAttribute('placeholder')).toBe('the baseline’s');
  const section = panel.locator('section[data-section="change"]');
  expect(await section.locator('p.change-note').first().textContent()).toMatch(
    /^Every scenario ran at seed baseline-2026 /,
  );
  expect(await section.locator('table.change thead th[data-scenario="scope-2021"]').count()).toBe(3);
});
