/**
 * The comparison report (比较报告): one self-contained HTML page that a browser prints to PDF —
 * the settings (scenarios with titles and seeds, scale, replications, baseline, result digests), the
 * totals, every figure's change against the baseline (with what its intervals hold) and what differs
 * as tables, every chart as SVG with its title, unit, legend and footer, and the notes (each
 * scenario's description and each chart's note). Nothing in it loads from elsewhere. The page is
 * written as text from what the comparison drew, so it is the same in every browser and in tests.
 */
import type { Lang, Message } from '../../text/i18n';
import { fill } from '../placeholders';

/** The report's own texts. */
export const REPORT_TEXTS = {
  button: { zh: '下载比较报告（可打印为 PDF）', en: 'Download the report (prints to PDF)' },
  hint: {
    zh: '一页 HTML：设置、总量、方案差异、全部图表、说明与结果摘要。',
    en: 'One HTML page: settings, totals, differences, every chart, notes and digests.',
  },
  title: { zh: '方案比较报告', en: 'Comparison report' },
  settings: { zh: '设置', en: 'Settings' },
  scenario: { zh: '方案', en: 'Scenario' },
  scenarioTitle: { zh: '名称', en: 'Title' },
  seed: { zh: '随机种子', en: 'Seed' },
  digest: { zh: '结果摘要（SHA-256）', en: 'Result digest (SHA-256)' },
  runs: {
    zh: '抽样比例 1:{k}；各方案以同一随机种子各运行一次（无重复模拟），金额按比例放大到全体人口；变化以 {baseline} 为基准。',
    en: 'Scale 1:{k}; every scenario run once at one seed (no replications), amounts weighted up to the whole population; changes against {baseline}.',
  },
  runsReplicated: {
    zh: '抽样比例 1:{k}；各方案以同一随机种子运行，另做 {n} 次重复模拟（共 {samples} 次），金额按比例放大到全体人口；变化以 {baseline} 为基准。',
    en: 'Scale 1:{k}; every scenario run at one seed with {n} replications ({samples} simulations each), amounts weighted up to the whole population; changes against {baseline}.',
  },
  totals: { zh: '总量', en: 'Totals' },
  change: { zh: '相对基准的变化', en: 'Change against the baseline' },
  diff: { zh: '方案差异', en: 'What differs' },
  charts: { zh: '图表', en: 'Charts' },
  notes: { zh: '说明', en: 'Notes' },
  made: { zh: '生成日期 {date}', en: 'Made on {date}' },
} as const satisfies Record<string, Message>;

/** A scenario of the report: its id, title, seed, description and result digest. */
export interface ReportScenario {
  id: string;
  title: string;
  seed: string;
  description: string;
  digest: string;
}

/** What the report is made of. */
export interface ReportInput {
  lang: Lang;
  scaleK: number;
  /** Replications of every run (0: none). */
  replications: number;
  /** The id of the baseline the changes are measured against. */
  baseline: string;
  scenarios: readonly ReportScenario[];
  /** The totals table as the page shows it (its HTML). */
  totalsHtml: string;
  /** The change table (its HTML) with the lines saying what its intervals hold; null with one scenario. */
  change: { html: string; notes: readonly string[] } | null;
  /** The table of what differs (its HTML), or null when the scenarios differ in nothing shown. */
  diffHtml: string | null;
  /** Every chart as the text of its exported SVG (title, unit, legend, chart, footer). */
  charts: readonly { id: string; svg: string }[];
  /** The charts' notes, each once. */
  notes: readonly string[];
  /** The export footer (scenarios, scale, seeds). */
  footer: readonly string[];
  /** When it is made, for the date line. */
  now: Date;
}

const STYLE = `
body { font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #1d2430; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #d5dbe3; }
.meta, .note { color: #4f5b6b; font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #d5dbe3; text-align: right; vertical-align: top; font-variant-numeric: tabular-nums; }
th[scope='row'], td.text { text-align: left; font-weight: normal; }
thead th { background: #f4f6f9; } .sub, .key { display: block; color: #4f5b6b; font-size: 0.75rem; font-weight: normal; }
td.changed { background: #fff6e0; font-weight: 600; }
.noise-mark { display: inline-block; margin-left: 0.3rem; padding: 0 0.3rem; border: 1px solid #8a94a3; border-radius: 0.6rem; font-size: 0.72rem; color: #4f5b6b; } code { font-size: 0.8rem; word-break: break-all; }
figure { margin: 1rem 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The report as the text of an HTML document (UTF-8, styles inline, no scripts). */
export function comparisonReport(input: ReportInput): string {
  const { lang } = input;
  const T = (key: keyof typeof REPORT_TEXTS) => escapeHtml(REPORT_TEXTS[key][lang]);
  const e = escapeHtml;
  const settings = input.scenarios
    .map(
      (s) =>
        `<tr data-scenario="${e(s.id)}"><th scope="row">${e(s.id)}</th><td class="text">${e(s.title)}</td>` +
        `<td class="text">${e(s.seed)}</td><td class="text"><code>${e(s.digest)}</code></td></tr>`,
    )
    .join('\n');
  const runsLine =
    input.replications > 0
      ? fill(REPORT_TEXTS.runsReplicated[lang], {
          k: input.scaleK,
          n: input.replications,
          samples: input.replications + 1,
          baseline: input.baseline,
        })
      : fill(REPORT_TEXTS.runs[lang], { k: input.scaleK, baseline: input.baseline });
  const notes = [
    ...input.scenarios.map((s) => `${s.id}${lang === 'zh' ? '：' : ': '}${s.description}`),
    ...new Set(input.notes),
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `<head><meta charset="utf-8"><title>${T('title')}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<h1>${T('title')}</h1>`,
    `<p class="meta">${e(fill(REPORT_TEXTS.made[lang], { date: input.now.toISOString().slice(0, 10) }))}</p>`,
    `<h2 data-part="settings">${T('settings')}</h2>`,
    `<table class="settings"><thead><tr>${[T('scenario'), T('scenarioTitle'), T('seed'), T('digest')]
      .map((h) => `<th scope="col">${h}</th>`)
      .join('')}</tr></thead><tbody>\n${settings}\n</tbody></table>`,
    `<p class="note">${e(runsLine)}</p>`,
    `<h2 data-part="totals">${T('totals')}</h2>`,
    input.totalsHtml,
    `<h2 data-part="change">${T('change')}</h2>`,
    ...(input.change
      ? [input.change.html, ...input.change.notes.map((n) => `<p class="note">${e(n)}</p>`)]
      : ['<p class="note">—</p>']),
    `<h2 data-part="diff">${T('diff')}</h2>`,
    input.diffHtml ?? '<p class="note">—</p>',
    `<h2 data-part="charts">${T('charts')}</h2>`,
    ...input.charts.map((c) => `<figure data-chart="${e(c.id)}">${c.svg}</figure>`),
    `<h2 data-part="notes">${T('notes')}</h2>`,
    `<ul>${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`,
    ...input.footer.map((line) => `<p class="note">${e(line)}</p>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
