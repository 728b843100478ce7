import { expect, test } from 'vitest';
import { useApp } from './harness';

const app = useApp();

test('runs of two workspaces queue: the second waits for the first, both finish, and cancelling either leaves the other running', async () => {
  const { page } = await app.open('?lang=en&run=baseline-2026,netting-2026&scale=1000#compare');
  const compare = page.locator('#panel-compare');
  const prepayment = page.locator('#panel-prepayment');
  const state = (panel: typeof compare) => panel.getAttribute('data-state');

  // Compare starts its two runs by itself; Prepayment, opened meanwhile, starts its own: it waits.
  await expect.poll(() => state(compare), { timeout: 30_000 }).toBe('running');
  await page.getByRole('tab', { name: 'Prepayment' }).click();
  await expect.poll(() => state(prepayment), { timeout: 10_000 }).toBe('waiting');
  expect(await prepayment.locator('.progress-text').textContent()).toBe(
    'Waiting for another workspace’s run to finish…',
  );
  await expect.poll(() => state(compare), { timeout: 120_000 }).toBe('done');
  await expect.poll(() => state(prepayment), { timeout: 120_000 }).toBe('done');
  expect(await compare.getAttribute('data-runs')).toBe('baseline-2026,netting-2026');
  expect(await prepayment.getAttribute('data-replications')).toBe('20');

  // Cancelling the running one: the queued one goes on.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await compare.locator('#compare-scale').selectOption('100');
  await compare.locator('button.run').click();
  await expect.poll(() => state(compare), { timeout: 10_000 }).toBe('running');
  await page.getByRole('tab', { name: 'Prepayment' }).click();
  await prepayment.locator('#prepayment-replications').selectOption('10');
  await prepayment.locator('button.run').click();
  await expect.poll(() => state(prepayment), { timeout: 10_000 }).toBe('waiting');
  await page.getByRole('tab', { name: 'Compare' }).click();
  await compare.locator('button.cancel').click();
  expect(await state(compare)).toBe('cancelled');
  await expect.poll(() => prepayment.getAttribute('data-replications'), { timeout: 120_000 }).toBe('10');
  expect(await state(prepayment)).toBe('done');

  // Cancelling the queued one: the running one goes on.
  await compare.locator('#compare-scale').selectOption('1000');
  await compare.locator('label[data-scenario="netting-2026"] input').uncheck();
  await compare.locator('label[data-scenario="monthly-cap-2026"] input').check();
  await compare.locator('label[data-scenario="no-contributions-2026"] input').check();
  await compare.locator('button.run').click();
  await expect.poll(() => state(compare), { timeout: 10_000 }).toBe('running');
  await page.getByRole('tab', { name: 'Prepayment' }).click();
  await prepayment.locator('#prepayment-replications').selectOption('50');
  await prepayment.locator('button.run').click();
  await expect.poll(() => state(prepayment), { timeout: 10_000 }).toBe('waiting');
  await prepayment.getByRole('button', { name: 'Cancel' }).click();
  expect(await state(prepayment)).toBe('cancelled');
  expect(await prepayment.getAttribute('data-replications')).toBe('10');
  await expect.poll(() => state(compare), { timeout: 120_000 }).toBe('done');
  expect(await compare.getAttribute('data-runs')).toBe(
    'baseline-2026,monthly-cap-2026,no-contributions-2026',
  );
});
