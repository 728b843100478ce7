import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatFen } from '../../src/text/format';
import { traceAt } from '../../src/ui/trainer/familySearch';
import { FAMILY_SCALE_K } from '../../src/ui/trainer/familySource';
import { traceSteps } from '../../src/ui/trainer/simulatedFamily';
import { inputOf } from '../engine/helpers';
import { saveScreenshot, useApp } from './harness';

const app = useApp();

/** The rule ids and amounts of the posting list, as shown. */
const postings = (page: Page) =>
  page
    .locator('.posting-line')
    .evaluateAll((lines) =>
      lines.map((l) => [
        l.querySelector('.rule-badge')?.textContent,
        l.querySelector('.posting-amount')?.textContent,
      ]),
    );

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

test('steps through the Suzhou story to the R8 refusal, in both languages, and back', async () => {
  const { page } = await app.open('?lang=en#trainer');
  const panel = page.getByRole('tabpanel');
  expect(await panel.locator('h2').textContent()).toBe('Trainer');
  await panel.getByLabel('Story', { exact: true }).selectOption('frozen-money');
  expect(await panel.locator('.trainer-progress').textContent()).toBe('The story begins: opening balances');
  expect(await panel.locator('tr[data-account="account:li-na"] .balance').textContent()).toBe(
    '5,000.00 yuan',
  );

  const step = panel.getByRole('button', { name: 'Run the next step' });
  await step.click();
  expect(await panel.locator('.trainer-progress').textContent()).toBe('Step 1 of 4');
  expect(await panel.locator('.trainer-step').textContent()).toContain('This step moves no money.');

  await step.click();
  expect(await postings(page)).toEqual([['R7', '2,000.00 yuan']]);
  expect(await panel.locator('.posting .rule-text').textContent()).toContain(
    'never exceed the part of the balance',
  );
  const liNa = panel.locator('tr[data-account="account:li-na"]');
  expect(await liNa.locator('.balance').textContent()).toBe('3,000.00 yuan');
  expect(await liNa.getAttribute('class')).toContain('changed');
  expect(await panel.locator('tr.changed').count()).toBe(2);

  await step.click();
  const refusal = panel.locator('.refusal');
  expect(await refusal.getAttribute('data-rule')).toBe('R8');
  expect(await refusal.locator('code').textContent()).toBe('frozen-by-quota');
  expect(await refusal.locator('.refusal-message').textContent()).toContain('2,000.00 yuan');
  expect(await panel.locator('.posting').count()).toBe(0);
  expect(await panel.locator('tr.changed').count()).toBe(0);
  expect(query(page)).toMatchObject({ lang: 'en', story: 'frozen-money', step: '3' });
  await saveScreenshot(page, 'trainer-refusal-en');

  await page.getByRole('button', { name: '中文' }).click();
  expect(await panel.locator('h2').textContent()).toBe('培训演示');
  expect(await refusal.locator('.rule-badge').textContent()).toBe('R8');
  expect(await refusal.locator('.refusal-message').textContent()).toMatch(/R8/);
  expect(await panel.locator('.trainer-progress').textContent()).toBe('第 3 步，共 4 步');

  await panel.getByRole('button', { name: '回到上一步' }).click();
  expect(await postings(page)).toEqual([['R7', '2,000.00元']]);
  expect(await liNa.locator('.balance').textContent()).toBe('3,000.00元');
  expect(await panel.locator('tr[data-account="quota:li-na-father"] .change').textContent()).toBe(
    '+2,000.00元',
  );
  expect(query(page)).toMatchObject({ lang: 'zh', story: 'frozen-money', step: '2' });

  await panel.getByRole('button', { name: '执行下一步' }).click();
  await panel.getByRole('button', { name: '执行下一步' }).click();
  expect(await postings(page)).toEqual([['R8', '300.00元']]);
  expect(await liNa.locator('.balance').textContent()).toBe('2,700.00元');
  expect(await panel.getByRole('button', { name: '执行下一步' }).isDisabled()).toBe(true);
});

test('a shared link opens the same step, with the clearing chain from Suzhou to Zhengzhou', async () => {
  const { page } = await app.open('?lang=zh&story=bill-split&step=5#trainer');
  const panel = page.getByRole('tabpanel');
  expect(await panel.getByLabel('故事', { exact: true }).inputValue()).toBe('bill-split');
  expect(await postings(page)).toEqual([
    ['R11', '1,450.00元'],
    ['R12', '550.00元'],
  ]);
  const chain = panel.locator('.chain-figure');
  expect(await chain.count()).toBe(1);
  expect(await chain.locator('.chain-name').allTextContents()).toEqual([
    '苏州',
    '江苏',
    '国家医保局',
    '河南',
    '郑州',
  ]);
  expect(await chain.locator('.chain-rule').allTextContents()).toEqual(['C4', 'C3', 'C3', 'C4']);
  expect(await chain.locator('.chain-amounts').textContent()).toBe('累计 2,000.00元 · 本步 1,450.00元');
  await saveScreenshot(page, 'trainer');

  await page.getByRole('button', { name: 'English' }).click();
  expect(await postings(page)).toEqual([
    ['R11', '1,450.00 yuan'],
    ['R12', '550.00 yuan'],
  ]);
  expect(await chain.locator('.chain-name').allTextContents()).toEqual([
    'Suzhou',
    'Jiangsu',
    'NHSA',
    'Henan',
    'Zhengzhou',
  ]);
  await saveScreenshot(page, 'trainer-en');
});

test('play runs the steps to the end at the chosen speed, then offers play again', async () => {
  const { page } = await app.open('?lang=en&story=suzhou-quota&step=0#trainer');
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Speed', { exact: true }).selectOption('fast');
  await panel.getByRole('button', { name: 'Play the steps one after another' }).click();
  expect(await panel.getByRole('button', { name: 'Pause playing' }).getAttribute('aria-pressed')).toBe(
    'true',
  );
  await expect
    .poll(() => panel.locator('.trainer-progress').textContent(), { timeout: 5000 })
    .toBe('Step 2 of 2');
  await expect
    .poll(() => panel.locator('[data-action="play"]').getAttribute('aria-pressed'), { timeout: 5000 })
    .toBe('false');
  expect(query(page)).toMatchObject({ story: 'suzhou-quota', step: '2' });
  await panel.getByRole('button', { name: 'Go back to the start of the story' }).click();
  expect(await panel.locator('.trainer-progress').textContent()).toBe('The story begins: opening balances');
});

test('the family year shows twelve monthly credits and ends with its return (R10)', async () => {
  const { page } = await app.open('?lang=en&story=zhang-family-year&step=29#trainer');
  const panel = page.getByRole('tabpanel');
  expect(await postings(page)).toEqual([['R10', '852.40 yuan']]);
  expect(await panel.locator('tr[data-account="quota:zhang-wei-mother"] .balance').textContent()).toBe(
    '0.00 yuan',
  );
  expect(await panel.locator('tr[data-account="fund:440100"] .balance').textContent()).toBe('-6,320.00 yuan');
});

test('in the family year, a bill within Guangzhou adds nothing to what Guangzhou owes Changsha', async () => {
  const { page } = await app.open('?lang=zh&story=zhang-family-year&step=23#trainer');
  const panel = page.getByRole('tabpanel');
  expect(await postings(page)).toEqual([
    ['R11', '335.00元'],
    ['R12', '65.00元'],
  ]);
  const chain = panel.locator('.chain-figure');
  expect(await chain.locator('.chain-name').allTextContents()).toEqual([
    '广州',
    '广东',
    '国家医保局',
    '湖南',
    '长沙',
  ]);
  expect(await chain.locator('.chain-amounts').textContent()).toBe('累计 1,401.30元');
  expect(await chain.locator('svg').getAttribute('class')).toBe('chain');
  await saveScreenshot(page, 'trainer-year-zh');
});

test('works from the keyboard: Enter on the focused Step button, ← and → in the workspace', async () => {
  const { page } = await app.open('?lang=en&story=bill-split&step=0#trainer');
  const panel = page.getByRole('tabpanel');
  const progress = panel.locator('.trainer-progress');
  await panel.getByRole('button', { name: 'Run the next step' }).focus();
  await page.keyboard.press('Enter');
  expect(await progress.textContent()).toBe('Step 1 of 5');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await progress.textContent()).toBe('Step 3 of 5');
  expect(await postings(page)).toEqual([['R11', '150.00 yuan']]);
  await page.keyboard.press('ArrowLeft');
  expect(await progress.textContent()).toBe('Step 2 of 5');
  expect(query(page)).toMatchObject({ story: 'bill-split', step: '2' });
  expect(await panel.locator('.cast li').allTextContents()).toEqual([
    'Li Na: employee insurance with a personal account, Suzhou, Jiangsu',
    'Li Jianguo: resident insurance, Zhengzhou, Henan',
    'Wang Xiuying: resident insurance, Zhengzhou, Henan',
  ]);
  // In the story picker the arrows keep their own meaning: the next story, from its start.
  const picker = panel.getByLabel('Story', { exact: true });
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  expect(await picker.inputValue()).toBe('move-to-nanjing');
  expect(await progress.textContent()).toBe('The story begins: opening balances');
});

test('after her move the people list shows Li Na in Nanjing, and the ended relationship is named', async () => {
  const { page } = await app.open('?lang=zh&story=move-to-nanjing&step=4#trainer');
  const panel = page.getByRole('tabpanel');
  expect(await postings(page)).toEqual([['R10', '1,850.00元']]);
  expect(await panel.locator('.ended').textContent()).toBe('终止的共济关系：李娜为李建国');
  expect(await panel.locator('.cast li').first().textContent()).toBe(
    '李娜：职工医保（有个人账户），南京（江苏）',
  );
});

test('a family from the simulation: found, stepped to its end, matching its trace, and reproduced by its address', async () => {
  const { page } = await app.open('?lang=en#trainer');
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Story', { exact: true }).selectOption('simulated');
  const description = panel.locator('.story-description');
  await expect.poll(() => description.textContent(), { timeout: 60_000 }).toContain('Found after');
  const { family, story } = query(page);
  expect(story).toBe('simulated');
  const index = Number(family);
  expect(index % FAMILY_SCALE_K).toBe(0);

  // The same family, run through the engine here in Node, gives the steps the page shows.
  const trace = traceAt(inputOf('baseline-2026', FAMILY_SCALE_K), index / FAMILY_SCALE_K)!;
  const steps = traceSteps(trace);
  expect(trace.relationships.some((r) => r.geography === 'cross-province')).toBe(true);
  const progress = panel.locator('.trainer-progress');
  const next = panel.getByRole('button', { name: 'Run the next step' });
  const rules = new Set<string>();
  for (let n = 1; n <= steps.length; n++) {
    await next.click();
    expect(await progress.textContent()).toBe(`Step ${n} of ${steps.length}`);
    const shown = await postings(page);
    expect(shown.map(([rule]) => rule)).toEqual(steps[n - 1]!.postings.map((p) => p.rule));
    for (const [rule] of shown) rules.add(String(rule));
  }
  expect(rules).toContain('R11');
  expect(await next.isDisabled()).toBe(true);
  for (const [account, fen] of Object.entries(trace.endState)) {
    expect(await panel.locator(`tr[data-account="${account}"] .balance`).textContent(), account).toBe(
      formatFen(fen, 'en'),
    );
  }
  expect(await panel.locator('.chain-figure').count()).toBeGreaterThan(0);
  expect(query(page)).toMatchObject({ story: 'simulated', family, step: String(steps.length) });
  await saveScreenshot(page, 'trainer-simulated-en');

  // The address alone brings back the same family at a step, in the other language.
  const pay = steps.findIndex((s) => s.postings.some((p) => p.rule === 'R11')) + 1;
  const again = (await app.open(`?lang=zh&story=simulated&family=${family}&step=${pay}#trainer`)).page;
  const panel2 = again.getByRole('tabpanel');
  await expect
    .poll(() => panel2.locator('.trainer-progress').textContent(), { timeout: 60_000 })
    .toBe(`第 ${pay} 步，共 ${steps.length} 步`);
  expect(await panel2.getByLabel('故事', { exact: true }).inputValue()).toBe('simulated');
  expect(await panel2.locator('.narration').textContent()).toBe(steps[pay - 1]!.narration.zh);
  expect((await postings(again)).map(([rule]) => rule)).toContain('R11');
  await saveScreenshot(again, 'trainer-simulated-zh');

  // Another family continues the scan after this one.
  await panel2.getByRole('button', { name: '继续在模拟人口中寻找下一个跨省共济的家庭' }).click();
  await expect.poll(() => Number(query(again).family ?? 0), { timeout: 60_000 }).toBeGreaterThan(index);
  expect(query(again).step).toBe('0');
});
