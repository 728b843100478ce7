/** Every text of the Prepayment workspace (预付金工作区文字), in Chinese and English. */
import { DOWNLOAD_TEXTS, RUN_TEXTS } from '../commonTexts';
import { defineMessages } from '../../text/i18n';

/** The workspace's own dictionary; `{name}` marks a value filled in at run time. */
export const prepaymentMessages = defineMessages({
  ...RUN_TEXTS,
  ...DOWNLOAD_TEXTS,
  title: { zh: '预付金', en: 'Prepayment' },
  intro: {
    zh: '参保地省份向就医地省份预付资金，就医地向定点医药机构拨付时动用，清算后回补。这里给出的数字针对全体参保人：已剔除抽样比例带来的抽样误差，包含全体人口费用逐月的随机波动，方案给出参数范围时还包含参数的不确定性；每个所需规模都附有区间。',
    en: 'The insured-place province advances money to the treatment-place province, which draws on it when it pays its providers; clearing replenishes it. The figures here are for the whole insured population: the sampling noise of the 1:k sample is taken out, the month-to-month randomness of the whole population’s claims is in, and so is parameter uncertainty where the scenario gives ranges; every needed size comes with an interval.',
  },
  notPublic: {
    zh: '国家预付金测算公式未公开（规则 C5）：这里的规则规模来自方案参数“{rule}”，不是官方公式。',
    en: 'The national prepayment formula is not public (rule C5): the rule’s size shown comes from the scenario’s sizing rule, a parameter ({rule}), not from an official formula.',
  },
  'rule.months': {
    zh: '上年月均跨省费用的 {n} 个月',
    en: '{n} months of the previous year’s average monthly cross-province costs',
  },
  'rule.percentile': {
    zh: '上年月度费用的第 {n} 百分位月',
    en: 'the {n}th-percentile month of the previous year’s monthly costs',
  },
  'model.direct-settlement': {
    zh: '共济依托跨省异地就医直接结算预付金（按直接结算与共济费用合计核定）',
    en: 'sharing rides on the cross-province direct-settlement prepayment (sized on direct settlement and sharing together)',
  },
  'model.dedicated': {
    zh: '共济单设预付金（只按共济费用核定）',
    en: 'sharing has its own prepayment (sized on sharing alone)',
  },
  'resizing.yearly': { zh: '每年重新核定', en: 're-sized yearly' },
  'resizing.quarterly': { zh: '按季滚动调整', en: 're-sized quarterly (rolling)' },
  'resizing.monthly': { zh: '按月滚动调整', en: 're-sized monthly (rolling)' },
  'firstYear.forecast': {
    zh: '首年按预测核定：上年的跨省异地就医直接结算费用加上本方案预计的共济费用。',
    en: 'The first year is sized from a forecast: the previous year’s cross-province direct settlement plus the sharing the scenario expects.',
  },
  'firstYear.perfect-foresight': {
    zh: '首年按当年实际费用核定（完全预知，仅作假设对比，偏乐观）。',
    en: 'The first year is sized from its own flows (perfect foresight: a what-if that flatters the first year).',
  },
  'rule.peak': {
    zh: '定点医药机构在月结后 {from}–{to} 天内获得拨付（此时动用预付金），清算资金在月结后 {lag} 天到账；平稳费用下，到账前约有 {m} 个月的费用占用预付金，规则预付 {n} 个月的月均费用，使用率峰值约为 {u}，费用逐月增长时更高。',
    en: 'Providers are paid {from}–{to} days after a month closes (that is when the prepayment is drawn on) and clearing money arrives {lag} days after it; on steady flows about {m} months of claims are out just before it arrives, and the rule advances {n} months of average costs, so usage peaks near {u}, higher when flows grow.',
  },
  sources: {
    zh: '误差来源：已剔除 1:{k} 抽样误差；包含全体人口费用逐月的随机波动；{params}。区间为 {cover} 自助法区间，反映由样本估计带来的误差{draws}。',
    en: 'Sources of spread: the sampling noise of the 1:{k} sample is taken out; the month-to-month randomness of the whole population’s claims is included; {params}. Intervals are {cover} bootstrap intervals for the error of estimating from the samples{draws}.',
  },
  'sources.params.included': {
    zh: '包含参数不确定性（{n} 次重复各自从范围中抽取：{paths}）',
    en: 'parameter uncertainty is included ({n} replications each drew {paths} from their ranges)',
  },
  'sources.params.none': {
    zh: '方案未给出参数范围，不含参数不确定性',
    en: 'the scenario gives no parameter ranges, so parameter uncertainty is not included',
  },
  'sources.params.few': {
    zh: '方案给出了参数范围，但至少需要 2 次重复才能计入，本次不含参数不确定性',
    en: 'the scenario gives parameter ranges, but at least 2 replications are needed to include them: parameter uncertainty is not included',
  },
  'sources.draws': { zh: '及参数抽取次数有限', en: ' and the finite number of parameter draws' },
  unresolved: {
    zh: '{c} 置信度至少需要 {min} 次抽取参数的重复模拟，本次只有 {n} 次：次数不足时结果只取决于最极端的一次抽样，因此不给出所需规模。请增加重复次数或选择较低的置信度。',
    en: '{c} confidence needs at least {min} replications that draw parameters; this run has {n}. With fewer, the answer would rest on the single most extreme draw, so no needed size is given. Run more replications or choose a lower confidence.',
  },
  'unresolved.run': { zh: '以 {min} 次重复运行', en: 'Run with {min} replications' },
  scenario: { zh: '方案', en: 'Scenario' },
  replications: { zh: '重复模拟次数', en: 'Replications' },
  confidence: { zh: '置信度', en: 'Confidence' },
  run: { zh: '运行', en: 'Run' },
  waiting: { zh: '正在等待其他工作区的运行结束…', en: 'Waiting for another workspace’s run to finish…' },
  simulating: { zh: '正在模拟 第 {run}/{runs} 次运行：{pct}', en: 'Simulating run {run} of {runs}: {pct}' },
  clearing: { zh: '正在清算并测算预付金…', en: 'Clearing and sizing the prepayments…' },
  computing: {
    zh: '正在按新的置信度测算（无需重新模拟）…',
    en: 'Sizing for the new confidence (no new simulation)…',
  },
  empty: {
    zh: '尚无运行结果。选择方案后点击“运行”。',
    en: 'No run yet. Choose a scenario and press Run.',
  },
  stale: {
    zh: '下面是 {scenario}、比例 1:{k}、{n} 次重复的结果；控件已更改，点击“运行”更新。',
    en: 'Shown below: {scenario} at 1:{k} with {n} replications; the controls have changed, press Run to update.',
  },
  summary: {
    zh: '{scenario}，比例 1:{k}，{reps}；用时 {s} 秒。{model}，{resizing}；清算方式：{settlement}；预警线 {yellow} / {red}，紧急调增为现有预付金的 {topUp}（{cycle}）。',
    en: '{scenario}, scale 1:{k}, {reps}; {s} s. {model}, {resizing}; settlement: {settlement}; warning lines {yellow} / {red}, emergency top-up {topUp} of the standing prepayment ({cycle}).',
  },
  noReps: { zh: '未做重复模拟', en: 'no replications' },
  reps: { zh: '{n} 次重复模拟', en: '{n} replications' },
  'cycle.monthly': { zh: '按月清算', en: 'monthly cycle' },
  'cycle.days': { zh: '每 {n} 天清算', en: '{n}-day cycle' },
  'settlement.gross-bilateral': { zh: '双边全额', en: 'gross bilateral' },
  'settlement.multilateral-netting': { zh: '多边轧差', en: 'multilateral netting' },
  national: {
    zh: '全国合计：{c} 置信度所需预付金 {needed}（{lo} – {hi}），规则期初规模 {opening}。',
    en: 'All provinces: needed at {c} confidence {needed} ({lo} – {hi}); the rule opens with {opening}.',
  },
  'national.ds': {
    zh: '仅跨省异地就医直接结算所需 {bg}，共济带来的增量 {adds}。',
    en: 'Direct settlement alone needs {bg}; sharing adds {adds}.',
  },
  province: { zh: '参保地省份', en: 'Insured-place province' },
  'section.province': { zh: '{name}的预付金', en: 'Prepayments of {name}' },
  'section.pair': { zh: '{name}在{treatment}的预付金', en: 'Prepayment of {name} held in {treatment}' },
  treatment: { zh: '就医地省份', en: 'Treatment-place province' },
  allTreatments: { zh: '全部（使用率最高的一笔与合计）', en: 'All (highest and together)' },
  'legend.reached': { zh: '当日达到的使用率（调增前）', en: 'usage reached that day (before a top-up)' },
  'legend.after': { zh: '调增后', en: 'after the day’s top-up' },
  'fig.pair': {
    zh: '在{treatment}：规则期初规模 · 预期年度峰值',
    en: 'In {treatment}: rule’s opening size · expected peak',
  },
  'fig.pairNote': {
    zh: '预期年度：黄色预警 {yellow} 次，红色预警 {red} 次，紧急调增 {topUps} 次',
    en: 'expected year: {yellow} yellow, {red} red warnings, {topUps} top-ups',
  },
  'section.province.note': {
    zh: '省份作为参保地：它在其他省份的全部预付金。所需规模与概率来自对全年费用的多次抽样；曲线为预期年度（全体人口的预期费用）按方案规则的逐日使用率。',
    en: 'The province as the insured place: all its prepayments held in other provinces. The needed size and the probabilities come from many draws of the year’s claims; the lines are the expected year (the whole population’s expected claims) day by day under the scenario’s rule.',
  },
  'fig.needed': { zh: '{c} 置信度所需预付金', en: 'Needed for {c} confidence' },
  'fig.neededNote': {
    zh: '{cover} 区间 {lo} – {hi}；为规则期初规模的 {x} 倍',
    en: '{cover} interval {lo} – {hi}; {x} × the rule’s opening size',
  },
  'fig.unresolved': { zh: '无法给出（见上方说明）', en: 'not resolved (see above)' },
  'fig.opening': { zh: '规则期初规模', en: 'Rule’s opening size' },
  'fig.pRed': { zh: '规则下全年出现红色预警的概率', en: 'P(red warning in the year) under the rule' },
  'fig.pRedNote': {
    zh: '黄色或红色预警 {y}；年均红色预警 {n} 次',
    en: 'yellow or red {y}; {n} red warnings a year on average',
  },
  'fig.peakBand': { zh: '规则下峰值使用率（5%–95%）', en: 'Peak usage under the rule (5%–95%)' },
  'fig.expected': { zh: '预期年度：峰值使用率 · 黄/红预警', en: 'Expected year: peak usage · yellow/red' },
  'fig.sharingAdds': { zh: '共济带来的增量（所需规模）', en: 'What sharing adds (needed size)' },
  'fig.sharingAddsNote': {
    zh: '仅直接结算所需 {bg}；峰值使用率中位数 {u0} → {u1}；红色预警概率 {p0} → {p1}',
    en: 'direct settlement alone needs {bg}; median peak usage {u0} → {u1}; P(red) {p0} → {p1}',
  },
  'chart.usage': {
    zh: '预期年度预付金使用率（逐日）；阴影为各次抽样中每月最高使用率的 5%–95%',
    en: 'Prepayment usage in the expected year, day by day; the shading is each month’s highest usage across the draws, 5%–95%',
  },
  'chart.usage.y': { zh: '使用率（%）', en: 'Usage (%)' },
  'legend.worst': { zh: '使用率最高的一笔', en: 'highest prepayment' },
  'legend.all': { zh: '全部预付金合计', en: 'all prepayments together' },
  'legend.band': { zh: '抽样中的月最高使用率 5%–95%', en: 'monthly highest usage across draws, 5%–95%' },
  'legend.yellow': { zh: '黄色预警线', en: 'yellow line' },
  'legend.red': { zh: '红色预警线', en: 'red line' },
  'chart.timeline': { zh: '预期年度的预警与紧急调增', en: 'Warnings and top-ups in the expected year' },
  'kind.resize': { zh: '重新核定', en: 'Re-sizing' },
  'kind.yellow': { zh: '黄色预警', en: 'Yellow warning' },
  'kind.red': { zh: '红色预警', en: 'Red warning' },
  'kind.top-up': { zh: '紧急调增', en: 'Top-up' },
  'timeline.none': {
    zh: '预期年度中该省没有预警或调增。',
    en: 'No warnings or top-ups for this province in the expected year.',
  },
  'chart.curve': {
    zh: '固定预付金规模与全年红色预警概率',
    en: 'P(red warning in the year) against a fixed prepayment',
  },
  'chart.curve.note': {
    zh: '所需规模把该省预付金视为全年固定的一笔总额，按各就医省份在所选置信度下的需要（各次抽样中该笔预付金未清算费用峰值的分位数）拆分；同一置信度也决定下表的拆分。',
    en: 'The needed size treats the province’s prepayments as one fixed amount for the whole year, split among treatment provinces by what each needs at the chosen confidence (the quantile, across the draws, of that prepayment’s peak outstanding claims); the same confidence sets the split in the table below.',
  },
  'chart.curve.x': { zh: '预付金（{unit}）', en: 'Prepayment ({unit})' },
  'chart.curve.y': { zh: '红色预警概率（%）', en: 'P(red warning) (%)' },
  'legend.sized': { zh: '规则期初规模', en: 'rule’s opening size' },
  'legend.needed': { zh: '所需规模', en: 'needed' },
  'legend.pRed': { zh: '红色预警概率', en: 'P(red warning)' },
  'legend.target': { zh: '1 − 置信度', en: '1 − confidence' },
  'legend.draws': { zh: '抽样 5%–95%', en: '5%–95% across the draws' },
  'legend.median': { zh: '中位数', en: 'median' },
  'legend.expected': { zh: '预期年度', en: 'expected year' },
  'legend.chosen': { zh: '所选省份', en: 'chosen province' },
  'unit.percent': { zh: '%（使用率）', en: '% (usage)' },
  'unit.probability': { zh: '%（概率）', en: '% (probability)' },
  'section.advance': {
    zh: '{name}向各就医省份预付的金额（{c} 置信度）',
    en: 'What {name} advances to each treatment province ({c} confidence)',
  },
  'advance.note': {
    zh: '所需规模按所选置信度拆分；金额为整数分，合计等于所需规模。旁列为方案规则的期初规模。',
    en: 'The needed size split at the chosen confidence, in whole fen adding up to it; beside it, the scenario rule’s opening size.',
  },
  'col.treatment': { zh: '就医地省份', en: 'Treatment province' },
  'col.share': { zh: '占比', en: 'Share' },
  'col.advance': { zh: '预付金额', en: 'Advance' },
  'section.all': { zh: '全部省份', en: 'All provinces' },
  'chart.bands': {
    zh: '各省规则下的全年峰值使用率：抽样 5%–95% 带与中位数，圆点为预期年度',
    en: 'Peak usage under the rule by province: 5%–95% band across the draws and median; the dot is the expected year',
  },
  'chart.bands.x': { zh: '峰值使用率（%）', en: 'Peak usage (%)' },
  'table.title': {
    zh: '各省预付金一览（点击表头排序，点击省份查看）',
    en: 'Every province (click a header to sort, a province to show it)',
  },
  'col.province': { zh: '省份', en: 'Province' },
  'col.ruleOpening': { zh: '规则期初规模', en: 'Rule’s opening size' },
  'col.needed': { zh: '{c} 所需', en: 'Needed at {c}' },
  'col.interval': { zh: '区间', en: 'Interval' },
  'col.timesRule': { zh: '所需 ÷ 规则', en: 'Needed ÷ rule' },
  'col.pRed': { zh: 'P(红色预警)', en: 'P(red)' },
  'col.pYellow': { zh: 'P(黄或红)', en: 'P(yellow or red)' },
  'col.redMean': { zh: '年均红色预警', en: 'Red warnings a year' },
  'col.peak50': { zh: '峰值使用率中位数', en: 'Median peak usage' },
  'col.expectedPeak': { zh: '预期年度峰值', en: 'Expected-year peak' },
  'col.sharingAdds': { zh: '共济增量', en: 'Sharing adds' },
  'section.cash': { zh: '全额与轧差：资金划拨量', en: 'Gross versus netted cash movement' },
  'cash.note': {
    zh: '本次运行的跨省共济清算（不含直接结算）。双边全额清算（规则）下逐笔划拨；多边轧差（可选方案）只划拨净额。全年全额 {gross}，轧差 {netted}，轧差节省 {saved}（{pct}）。',
    en: 'The run’s cross-province clearing of sharing (direct settlement not included). Gross bilateral settlement (the rule) moves every obligation; multilateral netting (a what-if) moves only net positions. Over the run: gross {gross}, netted {netted}, netting saves {saved} ({pct}).',
  },
  'chart.cash.y': { zh: '每月划拨（{unit}）', en: 'Cash moved per month ({unit})' },
  'legend.gross': { zh: '双边全额', en: 'gross bilateral' },
  'legend.netted': { zh: '多边轧差', en: 'multilateral netting' },
  'legend.saved': { zh: '轧差节省部分', en: 'saved by netting' },
  'download.monthly': { zh: '下载逐月数据 CSV', en: 'Download monthly data (CSV)' },
});

/** A key of the Prepayment dictionary. */
export type PrepaymentMessageKey = keyof typeof prepaymentMessages;

/** Fills `{name}` placeholders of a text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) =>
    values[key] === undefined ? `{${key}}` : String(values[key]),
  );
}
