/** The run summary as readable text for the terminal (运行摘要文本), in Chinese and English. */
import { formatCount, formatFen, formatPercent } from '../text/format';
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
    `因共济参保的亲属 Relatives insured thanks to sharing: ${formatCount(s.enrolments.total, 'zh')} 人 (${formatCount(s.enrolments.total, 'en')}); by age ${s.enrolments.ageBands.map((band, i) => `${band}: ${formatCount(s.enrolments.byAgeBand[i]!, 'en')}`).join(', ')}`,
    `清算 Clearing (${s.clearing.settlement}): gross ${formatFen(s.clearing.grossFen, 'zh')}, netted ${formatFen(s.clearing.nettedFen, 'zh')}, netting saves ${formatFen(s.clearing.savedFen, 'zh')}; opening prepayments: ${s.clearing.firstYear}`,
    '',
    ...prepaymentLines(s),
  ];
  return out.join('\n');
}

/** The prepayment model's lines: what it includes, the national figures, then each province. */
function prepaymentLines(s: RunSummary): string[] {
  const p = s.prepayment;
  if (!p) return ['预付金 Prepayments: the prepayment model was not run for this summary'];
  const pct = (x: number | null, d = 0) => (x === null ? '–' : formatPercent(100 * x, 'en', d));
  const range = (r: [number, number] | null) =>
    r ? ` (${formatFen(r[0], 'zh')} – ${formatFen(r[1], 'zh')})` : '';
  const needed = (fen: number | null) => (fen === null ? 'not resolved 无法给出' : formatFen(fen, 'zh'));
  const out = [
    `预付金 Prepayments: ${p.model}, sizing ${p.resizing}, first year ${p.firstYear}; needed at ${pct(p.confidence, 1)} confidence with ${pct(p.interval)} intervals`,
    `  sources 误差来源: sampling noise of the 1:k sample removed; the whole population's month-to-month randomness included; parameter uncertainty: ${p.sources.parameters}${p.sources.parameterRanges.length ? ` (${p.sources.parameterRanges.join(', ')})` : ''}`,
    `  ${p.sources.intervals}; ${p.draws} draws, the rule tracked in ${p.ruleDraws}, ${p.bootstrap} bootstrap rounds`,
  ];
  if (p.unresolved) out.push(`  ${p.unresolved.en}`, `  ${p.unresolved.zh}`);
  const n = p.national;
  out.push(
    `  全国 national: needed ${needed(n.neededPrepaymentFen)}${range(n.neededIntervalFen)}; the rule opens with ${formatFen(n.openingPrepaymentFen, 'zh')}`,
  );
  if (n.directSettlementOnly) {
    const b = n.directSettlementOnly;
    out.push(
      `  直接结算 direct settlement alone: needed ${needed(b.neededPrepaymentFen)}${range(b.neededIntervalFen)}; sharing adds ${b.sharingAddsFen === null ? '–' : formatFen(b.sharingAddsFen, 'zh')}`,
    );
  }
  out.push(
    '  province       needed (interval)                     × rule   P(red)  P(yellow)  expected year: peak usage, warnings yellow/red',
  );
  const provinces = [...s.provinces].sort(
    (a, b) => (b.neededPrepaymentFen ?? 0) - (a.neededPrepaymentFen ?? 0),
  );
  for (const x of provinces) {
    const peak = x.peakUsage === null ? 'no prepayment' : pct(x.peakUsage, 1);
    out.push(
      `  ${x.code} ${x.nameZh.padEnd(8, '　')} ${needed(x.neededPrepaymentFen).padStart(10)}${range(x.neededIntervalFen).padEnd(26)} ${x.timesRule === null ? '   –' : x.timesRule.toFixed(2).padStart(5)}  ${pct(x.redProbability).padStart(5)}  ${pct(x.yellowProbability).padStart(5)}      ${peak}, ${x.yellowWarnings}/${x.redWarnings}`,
    );
  }
  const c = s.crossProvince.fen;
  out.push(
    '',
    `跨省共济 Cross-province sharing in the whole population: ${formatFen(c.expected, 'zh')}, 5%–95% ${formatFen(c.p05, 'zh')} – ${formatFen(c.p95, 'zh')} (same sources)`,
  );
  return out;
}
