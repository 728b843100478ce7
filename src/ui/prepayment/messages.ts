/** Every text of the Prepayment workspace (预付金工作区文字), in Chinese and English. */
import { DOWNLOAD_TEXTS, RUN_TEXTS } from '../commonTexts';
import { defineMessages } from '../i18n';

/** The workspace's own dictionary; `{name}` marks a value filled in at run time. */
export const prepaymentMessages = defineMessages({
  ...RUN_TEXTS,
  ...DOWNLOAD_TEXTS,
  title: { zh: '预付金', en: 'Prepayment' },
  intro: {
    zh: '参保地省份向就医地省份预付资金，清算后回补。这里按省看预付金使用率、预警与紧急调增、给定置信度所需的预付金，以及全额与轧差清算的资金划拨量。',
    en: 'The insured-place province advances money to the treatment-place province; clearing replenishes it. Per province: how much of the prepayment is used, warnings and emergency top-ups, the prepayment needed for a chosen confidence, and cash moved under gross versus netted settlement.',
  },
  notPublic: {
    zh: '国家预付金测算公式未公开（规则 C5）：这里的预付金规模来自方案参数“{rule}”，不是官方公式。',
    en: 'The national prepayment formula is not public (rule C5): the size shown comes from the scenario’s sizing rule, a parameter ({rule}), not from an official formula.',
  },
  'rule.months': {
    zh: '上年月均跨省费用的 {n} 个月',
    en: '{n} months of the previous year’s average monthly cross-province costs',
  },
  'rule.percentile': {
    zh: '上年月度费用的第 {n} 百分位月',
    en: 'the {n}th-percentile month of the previous year’s monthly costs',
  },
  'rule.firstYear': {
    zh: '首年规模按本次运行前 12 个月测算（完全预知，偏乐观）。',
    en: 'The first year is sized from the run’s own first 12 months (perfect foresight, a flattering baseline).',
  },
  'rule.peak': {
    zh: '清算资金在清算期结束后 {lag} 天到账，到账前最多约有 {m} 个月的费用未清算；规则预付 {n} 个月的月均费用，平稳费用下使用率峰值约为 {u}，费用逐月增长时更高。',
    en: 'Clearing money arrives {lag} days after a period closes, so just before it arrives up to about {m} months of claims are outstanding; the rule advances {n} months of average costs, so on steady flows usage peaks near {u}, and higher when flows grow.',
  },
  scenario: { zh: '方案', en: 'Scenario' },
  replications: { zh: '蒙特卡洛重复次数', en: 'Monte Carlo replications' },
  confidence: { zh: '置信度', en: 'Confidence' },
  run: { zh: '运行', en: 'Run' },
  waiting: { zh: '正在等待其他工作区的运行结束…', en: 'Waiting for another workspace’s run to finish…' },
  simulating: { zh: '正在模拟 第 {run}/{runs} 次运行：{pct}', en: 'Simulating run {run} of {runs}: {pct}' },
  clearing: { zh: '正在清算并载入分析表…', en: 'Clearing and loading the tables…' },
  empty: {
    zh: '尚无运行结果。选择方案后点击“运行”。',
    en: 'No run yet. Choose a scenario and press Run.',
  },
  summary: {
    zh: '{scenario}，比例 1:{k}，{reps}；用时 {s} 秒。清算方式：{settlement}；预警线 {yellow} / {red}，紧急调增为现有预付金的 {topUp}；结算滞后 {lag} 天（{cycle}）。',
    en: '{scenario}, scale 1:{k}, {reps}; {s} s. Settlement: {settlement}; warning lines {yellow} / {red}, emergency top-up {topUp} of the standing prepayment; money arrives {lag} days after a period closes ({cycle}).',
  },
  noReps: { zh: '未做蒙特卡洛', en: 'no Monte Carlo' },
  reps: { zh: '{n} 次蒙特卡洛重复', en: '{n} Monte Carlo replications' },
  'cycle.monthly': { zh: '按月清算', en: 'monthly cycle' },
  'cycle.days': { zh: '每 {n} 天清算', en: '{n}-day cycle' },
  'settlement.gross-bilateral': { zh: '双边全额', en: 'gross bilateral' },
  'settlement.multilateral-netting': { zh: '多边轧差', en: 'multilateral netting' },
  province: { zh: '参保地省份', en: 'Insured-place province' },
  'section.province': { zh: '{name}的预付金', en: 'Prepayments of {name}' },
  'section.pair': { zh: '{name}在{treatment}的预付金', en: 'Prepayment of {name} held in {treatment}' },
  treatment: { zh: '就医地省份', en: 'Treatment-place province' },
  allTreatments: { zh: '全部（使用率最高的一笔与合计）', en: 'All (highest and together)' },
  'legend.reached': { zh: '当日达到的使用率（调增前）', en: 'usage reached that day (before a top-up)' },
  'legend.after': { zh: '调增后', en: 'after the day’s top-up' },
  'fig.pair': { zh: '在{treatment}：期初规模 · 峰值使用率', en: 'In {treatment}: opening size · peak usage' },
  'fig.pairNote': {
    zh: '黄色预警 {yellow} 次，红色预警 {red} 次，紧急调增 {topUps} 次',
    en: '{yellow} yellow, {red} red warnings, {topUps} top-ups',
  },
  'section.province.note': {
    zh: '省份作为参保地：它在其他省份的全部预付金。预警针对每一笔预付金，曲线给出当天使用率最高的一笔和全部合计。',
    en: 'The province as the insured place: all its prepayments held in other provinces. Warnings fire on each prepayment; the lines show the one with the highest usage that day and all of them together.',
  },
  'fig.opening': { zh: '期初预付金（方案规则）', en: 'Opening prepayment (scenario rule)' },
  'fig.peak': { zh: '峰值使用率', en: 'Peak usage' },
  'fig.warnings': { zh: '黄色 / 红色预警', en: 'Yellow / red warnings' },
  'fig.topUps': { zh: '紧急调增', en: 'Emergency top-ups' },
  'fig.needed': { zh: '{c} 置信度所需预付金', en: 'Needed for {c} confidence' },
  'fig.neededNote': {
    zh: '全年固定金额、按各就医省份费用占比分配；为规则规模的 {x} 倍',
    en: 'a fixed amount for the whole run, split by each treatment province’s share of claims; {x} × the rule’s size',
  },
  'fig.sized': { zh: '规则规模（各次重复平均）', en: 'Rule’s size (mean over replications)' },
  'fig.pRed': { zh: '按规则规模出现红色预警的概率', en: 'P(red warning) at the rule’s size' },
  'fig.pRedNote': {
    zh: '含年度重算与调增的运行中 {a}；全年固定持有该金额时 {b}',
    en: '{a} in the runs themselves (re-sized, with top-ups); {b} holding that amount fixed all run',
  },
  'fig.band': { zh: '峰值使用率分布（{n} 次重复）', en: 'Peak usage across {n} replications' },
  'mc.offer': {
    zh: '此结果未做蒙特卡洛。所需预付金、红色预警概率与分布带需要多次重复运行。',
    en: 'This run has no Monte Carlo. The needed prepayment, the red-warning probability and the bands need replications.',
  },
  'mc.run': { zh: '运行蒙特卡洛（{n} 次，1:{k}）', en: 'Run the Monte Carlo ({n} replications, 1:{k})' },
  'chart.usage': { zh: '预付金使用率（逐日）', en: 'Prepayment usage, day by day' },
  'chart.usage.y': { zh: '使用率（%）', en: 'Usage (%)' },
  'legend.worst': { zh: '使用率最高的一笔', en: 'highest prepayment' },
  'legend.all': { zh: '全部预付金合计', en: 'all prepayments together' },
  'legend.yellow': { zh: '黄色预警线', en: 'yellow line' },
  'legend.red': { zh: '红色预警线', en: 'red line' },
  'chart.timeline': { zh: '预警与紧急调增时间线', en: 'Warnings and top-ups on a timeline' },
  'kind.resize': { zh: '年度重算', en: 'Re-sizing' },
  'kind.yellow': { zh: '黄色预警', en: 'Yellow warning' },
  'kind.red': { zh: '红色预警', en: 'Red warning' },
  'kind.top-up': { zh: '紧急调增', en: 'Top-up' },
  'timeline.none': {
    zh: '本次运行中该省没有预警或调增。',
    en: 'No warnings or top-ups for this province in this run.',
  },
  'chart.curve': {
    zh: '固定预付金规模与红色预警概率',
    en: 'P(red warning) against a fixed prepayment',
  },
  'chart.curve.note': {
    zh: '所需规模把该省预付金视为全年固定的一笔总额，按各就医省份在所选置信度下的需要（各次重复中未清算费用峰值的分位数）分配。只在极少数重复中出现的一次性费用，低于所选置信度时不计入。',
    en: 'The needed size treats the province’s prepayments as one fixed amount for the whole run, split among treatment provinces by what each needs at the chosen confidence (the quantile, across replications, of its peak outstanding claims). A one-off bill that appears in fewer replications than the confidence leaves out is not covered.',
  },
  'chart.curve.x': { zh: '预付金（{unit}）', en: 'Prepayment ({unit})' },
  'chart.curve.y': { zh: '红色预警概率（%）', en: 'P(red warning) (%)' },
  'legend.sized': { zh: '规则规模', en: 'rule’s size' },
  'legend.needed': { zh: '所需规模', en: 'needed' },
  'section.all': { zh: '全部省份', en: 'All provinces' },
  'chart.bands': {
    zh: '各省峰值使用率：蒙特卡洛 {lo}–{hi} 分位带与中位数，圆点为本次运行',
    en: 'Peak usage by province: Monte Carlo {lo}–{hi} band and median; the dot is this run',
  },
  'chart.bands.x': { zh: '峰值使用率（%）', en: 'Peak usage (%)' },
  'table.title': {
    zh: '各省预付金一览（点击表头排序，点击省份查看）',
    en: 'Every province (click a header to sort, a province to show it)',
  },
  'col.province': { zh: '省份', en: 'Province' },
  'col.opening': { zh: '期初预付金', en: 'Opening prepayment' },
  'col.peak': { zh: '峰值使用率', en: 'Peak usage' },
  'col.yellow': { zh: '黄色预警', en: 'Yellow' },
  'col.red': { zh: '红色预警', en: 'Red' },
  'col.topUps': { zh: '调增次数', en: 'Top-ups' },
  'col.topUpFen': { zh: '调增金额', en: 'Top-up amount' },
  'col.pRed': { zh: 'P(红色预警)', en: 'P(red)' },
  'col.needed': { zh: '{c} 所需预付金', en: 'Needed at {c}' },
  'col.ratio': { zh: '所需 ÷ 期初', en: 'Needed ÷ opening' },
  'section.cash': { zh: '全额与轧差：资金划拨量', en: 'Gross versus netted cash movement' },
  'cash.note': {
    zh: '双边全额清算（规则）下逐笔划拨；多边轧差（可选方案）只划拨净额。全年全额 {gross}，轧差 {netted}，轧差节省 {saved}（{pct}）。',
    en: 'Gross bilateral settlement (the rule) moves every obligation; multilateral netting (a what-if) moves only net positions. Over the run: gross {gross}, netted {netted}, netting saves {saved} ({pct}).',
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
