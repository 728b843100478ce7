/** The run summary as readable text for the terminal (运行摘要文本), in Chinese and English. */
import { formatCount, formatFen, formatPercent } from '../ui/format';
import type { RunSummary, Volume } from '../runtime/summary';

const GEO_LABEL: Record<string, string> = {
  'same-pooling-area': '统筹地区内 within a pooling area',
  'same-province': '省内跨统筹地区 across areas of a province',
  'cross-province': '跨省 across provinces',
};
const USE_LABEL: Record<string, string> = {
  medical: '医疗机构 medical institutions',
  pharmacy: '定点药店 pharmacies',
  'resident-contribution': '居民医保缴费 resident contributions',
  'ltc-contribution': '长护险缴费 long-term-care contributions',
};

function line(label: string, v: Volume): string {
  return `  ${label.padEnd(46)} ${formatCount(v.personTimes, 'zh').padStart(12)} 人次  ${formatFen(v.amountFen, 'zh').padStart(14)}  (${formatFen(v.amountFen, 'en')})`;
}

/** The summary as lines of text; `meta` adds the wall time and workers. */
export function summaryText(s: RunSummary, meta: { seconds: number; workers: number }): string {
  const out = [
    `共济模拟 Gongji simulation — ${s.scenario}, seed "${s.seed}", scale ${s.scale}, ${s.window.start}…${s.window.end}`,
    `  ${formatCount(s.families, 'en')} families, ${formatCount(s.personMonths, 'en')} person-months; ${meta.seconds.toFixed(1)} s on ${meta.workers} worker(s)`,
    `  守恒残差 conservation residual: ${s.conservationResidualFen} fen`,
    '',
    '共济 Sharing paid from quotas',
    line('合计 total', s.total),
    ...Object.entries(s.byGeography).map(([g, v]) => line(GEO_LABEL[g] ?? g, v)),
    ...Object.entries(s.byUse).map(([u, v]) => line(USE_LABEL[u] ?? u, v)),
    '',
    `共济关系 Relationships: ${formatCount(s.relationships.startingStock, 'en')} at the start, ${formatCount(s.relationships.setUp, 'en')} set up, ${formatCount(s.relationships.ended, 'en')} ended, ${formatCount(s.relationships.activeAtEnd, 'en')} active at the end; quotas frozen at the end ${formatFen(s.quotaFrozenFenAtEnd, 'zh')}`,
    `清算 Clearing (${s.clearing.settlement}): gross ${formatFen(s.clearing.grossFen, 'zh')}, netted ${formatFen(s.clearing.nettedFen, 'zh')}, netting saves ${formatFen(s.clearing.savedFen, 'zh')}; opening prepayments: ${s.clearing.firstYear}`,
    '',
    '预付金 Prepayments by insured-place province (peak usage, warnings yellow/red, top-ups)',
  ];
  const provinces = [...s.provinces].sort((a, b) => (b.peakUsage ?? Infinity) - (a.peakUsage ?? Infinity));
  for (const p of provinces) {
    const peak = p.peakUsage === null ? 'no prepayment' : formatPercent(100 * p.peakUsage, 'en', 1);
    const mc =
      p.redProbability === undefined
        ? ''
        : `  P(red) ${formatPercent(100 * p.redProbability, 'en', 0)}, needed ${formatFen(p.neededPrepaymentFen ?? 0, 'zh')}`;
    out.push(
      `  ${p.code} ${p.nameZh.padEnd(8, '　')} ${peak.padStart(8)}  ${p.yellowWarnings}/${p.redWarnings}  ${p.topUps} (${formatFen(p.topUpFen, 'zh')})${mc}`,
    );
  }
  if (s.monteCarlo) {
    const b = s.monteCarlo.crossProvinceFen;
    out.push(
      '',
      `蒙特卡洛 Monte Carlo, ${s.monteCarlo.replications} replications: cross-province sharing ${formatFen(b.p05, 'zh')} – ${formatFen(b.p95, 'zh')} (5%–95%), median ${formatFen(b.p50, 'zh')}`,
    );
  }
  return out.join('\n');
}
