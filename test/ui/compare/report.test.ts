import { expect, test } from 'vitest';
import { comparisonReport, escapeHtml, type ReportInput } from '../../../src/ui/compare/report';

const input = (lang: 'zh' | 'en'): ReportInput => ({
  lang,
  scaleK: 1000,
  replications: 0,
  baseline: 'baseline-2026',
  scenarios: [
    {
      id: 'baseline-2026',
      title: '2026 基准',
      seed: 'gongji-2026',
      description: 'The 2026 notice as written.',
      digest: 'ab'.repeat(32),
    },
    {
      id: 'netting-2026',
      title: '2026 多边轧差 <copy>',
      seed: 'gongji-2026',
      description: 'Netting & more.',
      digest: 'cd'.repeat(32),
    },
  ],
  totalsHtml: '<table class="totals"><tr><td>1.23 亿元</td></tr></table>',
  change: {
    html: '<table class="change"><tr><td>−0.12 亿元</td></tr></table>',
    notes: ['Every scenario ran at seed gongji-2026 & paired.'],
  },
  diffHtml: null,
  charts: [
    { id: 'monthly-use', svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>按用途</text></svg>' },
    { id: 'map', svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>地图</text></svg>' },
  ],
  notes: ['Note one.', 'Note one.', 'Note two.'],
  footer: ['方案：baseline-2026', '抽样比例 1:1000，随机种子 gongji-2026'],
  now: new Date('2026-03-05T10:00:00Z'),
});

test('escapeHtml makes text safe for content and attributes', () => {
  expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
  );
});

test('the report is one HTML page: settings with digests, totals, differences, charts, notes and footer, in order', () => {
  const html = comparisonReport(input('zh'));
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
  expect(html).toContain('<meta charset="utf-8"><title>方案比较报告</title>');
  expect(html).toContain('生成日期 2026-03-05');
  // Every scenario with its title (escaped), seed and full digest.
  expect(html).toContain(
    '<tr data-scenario="netting-2026"><th scope="row">netting-2026</th><td class="text">2026 多边轧差 &lt;copy&gt;</td>' +
      `<td class="text">gongji-2026</td><td class="text"><code>${'cd'.repeat(32)}</code></td></tr>`,
  );
  expect(html).toContain('抽样比例 1:1000；');
  expect(html).toContain('<table class="totals"><tr><td>1.23 亿元</td></tr></table>');
  expect(html).toContain('同一随机种子各运行一次（无重复模拟）');
  expect(html).toContain('变化以 baseline-2026 为基准。');
  // The change against the baseline, with the lines saying what its intervals hold (escaped).
  expect(html).toContain(
    '<h2 data-part="change">相对基准的变化</h2>\n<table class="change"><tr><td>−0.12 亿元</td></tr></table>\n' +
      '<p class="note">Every scenario ran at seed gongji-2026 &amp; paired.</p>',
  );
  // No differences shown: a dash in their place.
  expect(html).toContain('<h2 data-part="diff">方案差异</h2>\n<p class="note">—</p>');
  expect(html).toContain(
    '<figure data-chart="monthly-use"><svg xmlns="http://www.w3.org/2000/svg"><text>按用途</text></svg></figure>',
  );
  // The descriptions, then each chart note once.
  expect(html).toContain(
    '<ul><li>baseline-2026：The 2026 notice as written.</li><li>netting-2026：Netting &amp; more.</li>' +
      '<li>Note one.</li><li>Note two.</li></ul>',
  );
  expect(html).toContain('<p class="note">抽样比例 1:1000，随机种子 gongji-2026</p>');
  const order = [
    'data-part="settings"',
    'data-part="totals"',
    'data-part="change"',
    'data-part="diff"',
    'data-part="charts"',
    'data-part="notes"',
  ];
  const at = order.map((s) => html.indexOf(s));
  expect(at.every((x) => x > 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  // It prints on its own: no script and nothing loaded from elsewhere.
  expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  expect(html.endsWith('</html>\n')).toBe(true);
});

test('in English the report speaks English and shows the table of differences when there is one', () => {
  const html = comparisonReport({ ...input('en'), diffHtml: '<table class="diff"></table>' });
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(html).toContain('<h1>Comparison report</h1>');
  expect(html).toContain('Made on 2026-03-05');
  expect(html).toContain('Scale 1:1000; every scenario run once at one seed (no replications)');
  expect(html).toContain('<h2 data-part="diff">What differs</h2>\n<table class="diff"></table>');
  expect(html).toContain('<li>baseline-2026: The 2026 notice as written.</li>');
});

test('with replications the report says how many simulations each scenario had; with one scenario, no change table', () => {
  const html = comparisonReport({ ...input('en'), replications: 5, change: null });
  expect(html).toContain(
    'Scale 1:1000; every scenario run at one seed with 5 replications (6 simulations each), amounts weighted up to the whole population; changes against baseline-2026.',
  );
  expect(html).toContain('<h2 data-part="change">Change against the baseline</h2>\n<p class="note">—</p>');
});
