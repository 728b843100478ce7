import { expect, test } from 'vitest';
import { useApp } from './harness';
import { download, settled, type SettledOptions } from './panels';

const app = useApp({ resetStorage: 'once' });

/** How the tests wait for Compare and its sweep: up to 2 minutes, until done, failed, cancelled or refused. */
const SWEEP: SettledOptions = { timeout: 120_000, states: /^(done|failed|cancelled|refused)$/ };

test('a 5-value sweep of the quota share runs on the pool and plots 5 points with their intervals', async () => {
  const { page } = await app.open('?lang=en#compare');
  const compare = page.locator('#panel-compare');
  await settled(compare, SWEEP);
  const sweep = compare.locator('details.sweep');
  await sweep.locator('summary').click();
  expect(await sweep.locator('select[name="sweep-parameter"]').inputValue()).toBe(
    'behaviour.quota.shareOfSpendable',
  );
  expect(await sweep.locator('input[name="sweep-values"]').inputValue()).toBe('0.1, 0.3, 0.5, 0.7, 0.9');
  await sweep.locator('select[name="sweep-scale"]').selectOption('10000');
  await sweep.locator('select[name="sweep-replications"]').selectOption('5');
  await sweep.locator('button.sweep-run').click();
  expect(await settled(sweep, SWEEP)).toBe('done');
  expect(await sweep.getAttribute('data-points')).toBe('5');
  const chart = sweep.locator('[data-chart="sweep"]');
  expect(await chart.locator('figcaption').textContent()).toBe(
    'paid from quotas against Quota · Share of spendable',
  );
  expect(await chart.locator('g[aria-label="dot"] circle').count()).toBe(5);
  // Every point has its interval, a rule from low to high.
  expect(await chart.locator('g[aria-label="rule"] line').count()).toBe(5);
  // The note says what the intervals hold.
  expect(await chart.locator('p.note').textContent()).toMatch(
    /^Dots are means over the simulations, rules 90% intervals/,
  );

  // The data behind the chart: five values, each with a value inside its interval.
  const file = await download(page, chart.locator('[data-download="csv"]'));
  const [head, ...lines] = file.text.trim().split(/\r?\n/);
  expect(head).toBe('x,value,low,high');
  expect(lines.map((l) => Number(l.split(',')[0]))).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
  for (const l of lines) {
    const [, value, low, high] = l.split(',').map(Number);
    expect(low!).toBeLessThanOrEqual(value!);
    expect(high!).toBeGreaterThanOrEqual(value!);
  }

  // Another outcome: a province's sharing, from the same sweep, without running again.
  await sweep.locator('select[name="sweep-outcome"]').selectOption('province:sharedFen');
  await sweep.locator('select[name="sweep-province"]').selectOption({ label: 'Guangdong' });
  await expect
    .poll(() => chart.locator('figcaption').textContent())
    .toBe('paid from quotas of sharers insured in Guangdong against Quota · Share of spendable');
  expect(await sweep.locator('[data-chart="sweep"] g[aria-label="dot"] circle').count()).toBe(5);
});

test('values the parameter cannot take are refused by path before anything runs; the page stays usable', async () => {
  const { page } = await app.open('?lang=en#compare');
  const compare = page.locator('#panel-compare');
  await settled(compare, SWEEP);
  const sweep = compare.locator('details.sweep');
  await sweep.locator('summary').click();
  await sweep.locator('input[name="sweep-values"]').fill('0.5, 2, half');
  await sweep.locator('button.sweep-run').click();
  expect(await settled(sweep, SWEEP)).toBe('refused');
  expect(await sweep.locator('.sweep-notice').textContent()).toMatch(
    /^The sweep cannot run: parameters\[0\]\.values\[2\]: expected a number such as 0\.3, got "half"$/,
  );
  await sweep.locator('input[name="sweep-values"]').fill('0.5, 2');
  await sweep.locator('button.sweep-run').click();
  expect(await settled(sweep, SWEEP)).toBe('refused');
  expect(await sweep.locator('.sweep-notice').textContent()).toContain(
    'parameters[0].values[1]: behaviour.quota.shareOfSpendable:',
  );
  await sweep.locator('input[name="sweep-values"]').fill('0.2, 0.4');
  await sweep.locator('select[name="sweep-replications"]').selectOption('0');
  await sweep.locator('button.sweep-run').click();
  expect(await settled(sweep, SWEEP)).toBe('done');
  expect(await sweep.locator('.sweep-notice').isHidden()).toBe(true);
  expect(await sweep.locator('[data-chart="sweep"] g[aria-label="dot"] circle').count()).toBe(2);
  expect(await sweep.locator('[data-chart="sweep"] g[aria-label="rule"] line').count()).toBe(0);
});

test('at 390 px the open sweep panel and its chart fit the screen', async () => {
  const { page } = await app.open('?lang=zh#compare');
  await page.setViewportSize({ width: 390, height: 844 });
  const compare = page.locator('#panel-compare');
  await settled(compare, SWEEP);
  const sweep = compare.locator('details.sweep');
  await sweep.locator('summary').click();
  await sweep.locator('input[name="sweep-values"]').fill('0.2, 0.4');
  await sweep.locator('select[name="sweep-replications"]').selectOption('2');
  await sweep.locator('button.sweep-run').click();
  expect(await settled(sweep, SWEEP)).toBe('done');
  expect(await sweep.locator('[data-chart="sweep"] g[aria-label="dot"] circle').count()).toBe(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
