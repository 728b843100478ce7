/**
 * Exports that stand alone and pages that read on a phone (issue 22, items 5 and 6): a chart's SVG
 * and PNG carry title, legend, unit, scenarios, scale and seed; the report is one printable page;
 * Prepayment's CSV names provinces by GB code in whole fen; the Chinese pages show no raw code; at
 * 390 px no workspace scrolls sideways and charts are drawn at the page's width, not shrunk.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useApp } from './harness';
import { download } from './panels';

const app = useApp();

/** Waits until Compare shows the comparison of `runs`. */
async function compared(page: Page, runs: string): Promise<Locator> {
  const panel = page.locator('#panel-compare');
  await expect.poll(() => panel.getAttribute('data-runs'), { timeout: 120_000 }).toBe(runs);
  await panel.locator('[data-chart="monthly-use"] svg').first().waitFor({ timeout: 60_000 });
  return panel;
}

/** The colour (r, g, b) of the PNG `bytes` at pixel (x, y), read back in the page. */
async function pixel(page: Page, bytes: Buffer, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ({ data, x, y }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      return [...g.getImageData(x, y, 1, 1).data.slice(0, 3)];
    },
    { data: bytes.toString('base64'), x, y },
  );
}

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

test('a Compare chart exports as SVG and PNG with title, legend, unit, scenarios, scale and seed; the report is one page', async () => {
  const { page } = await app.open('?lang=zh&run=baseline-2026%2Cnetting-2026&scale=1000#compare');
  const panel = await compared(page, 'baseline-2026,netting-2026');
  const figure = panel.locator('[data-chart="monthly-use"]');
  const title = await figure.locator('figcaption').textContent();
  const seed = JSON.parse(readFileSync('scenarios/baseline-2026.json', 'utf8')).seed as string;

  const svg = await download(page, figure.locator('[data-download="svg"]'));
  expect(svg.name).toBe('compare-monthly-use-1-1000.svg');
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const texts = [...svg.text.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  expect(texts).toContain(title);
  expect(texts).toContain('单位：亿元/月');
  expect(texts).toContain('baseline-2026');
  expect(texts).toContain('netting-2026');
  expect(texts.some((t) => t.startsWith('方案：baseline-2026（') && t.includes('netting-2026（'))).toBe(true);
  expect(texts).toContain(`抽样比例 1:1000，随机种子 ${seed}`);
  // Months on the axes are written in Chinese.
  expect(texts).toContain('1月');
  expect(texts).not.toContain('Jan');

  // The PNG is the same composition at twice the size: the first legend entry's swatch is drawn in
  // the first scenario's colour where the SVG puts it.
  const png = await download(page, figure.locator('[data-download="png"]'));
  expect(png.name).toBe('compare-monthly-use-1-1000.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  const width = Number(/^<svg[^>]*\swidth="(\d+)"/.exec(svg.text)![1]);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * width);
  const swatch =
    /<g data-legend="baseline-2026"><line x1="([\d.]+)" x2="[\d.]+" y1="([\d.]+)"[^>]*stroke="(#[0-9a-f]{6})"/.exec(
      svg.text,
    );
  expect(swatch).not.toBeNull();
  const [, x1, y1, color] = swatch!;
  const drawn = await pixel(page, png.bytes, 2 * (Number(x1) + 9), Math.round(2 * Number(y1)));
  hex(color!).forEach((c, i) => expect(Math.abs(drawn[i]! - c)).toBeLessThan(40));
  // Beside the swatch, where no entry is, the image is white.
  expect(await pixel(page, png.bytes, 4, Math.round(2 * Number(y1)))).toEqual([255, 255, 255]);

  // The map's export carries its colour ramp and the unit of its measure.
  const map = await download(page, panel.locator('[data-chart="map"] [data-download="svg"]'));
  expect(map.text).toContain('data-part="legend"');
  expect(map.text).toContain('单位：');

  // The report: settings with both digests, totals, every chart, notes; codes by their names.
  const report = await download(page, panel.locator('[data-download="report"]'));
  expect(report.name).toBe('compare-report-1-1000.html');
  expect(report.text.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(report.text).toContain('<h1>方案比较报告</h1>');
  for (const digest of await panel
    .locator('[data-digest]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-digest')))) {
    expect(report.text).toContain(`<code>${digest}</code>`);
  }
  const charts = await panel.locator('figure[data-chart]').count();
  expect(charts).toBeGreaterThanOrEqual(5);
  expect(report.text.match(/<figure data-chart=/g)).toHaveLength(charts);
  expect(report.text).toContain('双边全额结算');
  expect(report.text).not.toContain('gross-bilateral');
  expect(report.text).not.toMatch(/<script/i);
});

/** The raw codes issue 22 found on Chinese pages. */
const RAW_CODES = [
  'gross-bilateral',
  'multilateral-netting',
  'near-relatives',
  'virtual-quota',
  'wallet-transfer',
  'CREDIT',
  'not-near-relative',
  'account-spending',
];

/** The codes among RAW_CODES in the page's visible text. */
const rawCodes = async (page: Page) => {
  const text = await page.evaluate(() => document.body.innerText);
  return RAW_CODES.filter((code) => text.includes(code));
};

test('the Chinese pages show no raw code: Compare with differing codes, Trainer stories, Validation, Prepayment', async () => {
  const { page } = await app.open(
    '?lang=zh&run=baseline-2026%2Cscope-2021%2Cnetting-2026%2Cpilot-2025-wallet&scale=1000#compare',
  );
  const panel = await compared(page, 'baseline-2026,scope-2021,netting-2026,pilot-2025-wallet');
  // The differences include the codes' fields, shown by their names.
  expect(await panel.locator('tr[data-path="clearing.settlement"] td').allTextContents()).toContain(
    '多边轧差',
  );
  expect(await rawCodes(page)).toEqual([]);

  // A refusal for not being a near relative, and a simulated family's monthly credits.
  for (const path of [
    '?lang=zh&story=frozen-money&step=3#trainer',
    '?lang=zh&story=zhang-family-year&step=23#trainer',
    '?lang=zh#trainer',
  ]) {
    const trainer = await app.open(path);
    await trainer.page.locator('#panel-trainer .trainer-progress').waitFor();
    expect(await rawCodes(trainer.page), path).toEqual([]);
  }

  const validation = await app.open('?lang=zh&vscale=1000#validation');
  await expect
    .poll(() => validation.page.locator('#panel-validation').getAttribute('data-state'), { timeout: 120_000 })
    .toBe('done');
  expect(await rawCodes(validation.page)).toEqual([]);

  // Prepayment under both settlement models, with a province chosen (its split and events shown).
  for (const scenario of ['baseline-2026', 'netting-2026']) {
    const prepayment = await app.open(
      `?lang=zh&pscenario=${scenario}&pscale=10000&preps=10&pprovince=44#prepayment`,
    );
    await expect
      .poll(() => prepayment.page.locator('#panel-prepayment').getAttribute('data-state'), {
        timeout: 120_000,
      })
      .toBe('done');
    expect(await rawCodes(prepayment.page), scenario).toEqual([]);
  }
});

/** Elements that reach past the window's right edge and are not inside a box that scrolls itself. */
const overflowing = (page: Page, within: string) =>
  page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const scrolls = (e: Element | null): boolean => {
      for (let a = e?.parentElement ?? null; a; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    return [...document.querySelectorAll(`${selector} *`)]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e))
      .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`);
  }, within);

/** Every chart drawn in `within` that is shrunk below 95% of its drawn size (its text would be smaller). */
const shrunk = (page: Page, within: string) =>
  page.evaluate((selector) => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>(`${selector} .chart > svg`)) {
      const drawn = Number(svg.getAttribute('width'));
      if (drawn > 0 && svg.getBoundingClientRect().width < 0.95 * drawn) out.push(`${drawn}`);
    }
    return out;
  }, within);

test('at 390 px wide no workspace scrolls sideways and charts are drawn at the page width', async () => {
  const open = async (path: string) => {
    const w = await app.open(path);
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.reload();
    return w.page;
  };
  const ready: [string, string, string][] = [
    [
      '?lang=zh#prepayment',
      '#panel-prepayment[data-state="done"] [data-chart="usage"] svg',
      '#panel-prepayment',
    ],
    [
      '?lang=zh&vscale=1000#validation',
      '#panel-validation[data-state="done"] [data-section="calibration"] .chart svg',
      '#panel-validation',
    ],
    [
      '?lang=zh&story=zhang-family-year&step=23#trainer',
      '#panel-trainer .trainer-progress',
      '#panel-trainer',
    ],
    ['?lang=en#trainer', '#panel-trainer .trainer-progress', '#panel-trainer'],
  ];
  for (const [path, selector, panel] of ready) {
    const page = await open(path);
    await page.locator(selector).first().waitFor({ timeout: 180_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    expect(await overflowing(page, panel), path).toEqual([]);
    expect(await shrunk(page, panel), path).toEqual([]);
  }
  // Compare's results (its scenario list is being rebuilt and is checked on its own).
  const page = await open('?lang=zh&run=baseline-2026%2Cnetting-2026%2Cmonthly-cap-2026&scale=1000#compare');
  await compared(page, 'baseline-2026,netting-2026,monthly-cap-2026');
  expect(await overflowing(page, '#panel-compare .results')).toEqual([]);
  expect(await shrunk(page, '#panel-compare .results')).toEqual([]);
  const svgWidths = await page
    .locator('#panel-compare .results figure svg')
    .evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('width'))).filter((w) => w > 0));
  expect(Math.max(...svgWidths)).toBeLessThanOrEqual(390);
  // Each page was reloaded at 390 px: the workers its first load had started were cut off.
  const problems = await app.closePages();
  expect(problems.filter((p) => !p.includes('net::ERR_ABORTED'))).toEqual([]);
});
