/** Every text of the Compare workspace (方案比较文字), in Chinese and English. */
import { RUN_TEXTS } from '../commonTexts';
import { defineMessages } from '../../text/i18n';
import { CHANGE_MESSAGES } from './changeMessages';
import { WORKFLOW_MESSAGES } from './workflowMessages';

/** The workspace's own dictionary. */
export const compareMessages = defineMessages({
  ...RUN_TEXTS,
  ...WORKFLOW_MESSAGES,
  ...CHANGE_MESSAGES,
  title: { zh: '方案比较', en: 'Compare' },
  intro: {
    zh: '选择两个或多个方案（或修改其中一个的参数），按所选比例在本机模拟全国的共济与清算，并排比较结果。所有计算都在浏览器内完成，数据不离开本机。',
    en: 'Choose two or more scenarios (or edit a copy of one), simulate national sharing and clearing at the chosen scale on this machine, and compare the results side by side. Everything runs in the browser; no data leaves the machine.',
  },
  scenarios: { zh: '方案', en: 'Scenarios' },
  editedCopy: { zh: '修改后的副本', en: 'Edited copy' },
  seed: { zh: '随机种子', en: 'Seed' },
  seedPlaceholder: { zh: '与基准方案相同', en: 'the baseline’s' },
  run: { zh: '运行', en: 'Run' },
  noneChosen: { zh: '请至少选择一个方案。', en: 'Choose at least one scenario.' },
  'openedRuns.differ': {
    zh: '勾选的由文件打开的运行比例、种子或重复次数不同，无法一起比较：请只勾选其中设置相同的运行。',
    en: 'The ticked runs opened from files differ in scale, seed or replications and cannot be compared together: tick only runs with the same settings.',
  },
  waiting: { zh: '等待其他工作区的运行结束…', en: 'Waiting for another workspace’s run to finish…' },
  progress: {
    zh: '第 {i}/{n} 个方案 {id}：{done} / {total} 户家庭，预计剩余 {eta}',
    en: 'Scenario {i} of {n}, {id}: {done} / {total} families, about {eta} left',
  },
  preparing: { zh: '正在准备人口与工作线程…', en: 'Preparing the population and the workers…' },
  etaUnknown: { zh: '估算中', en: 'estimating' },
  loading: { zh: '正在清算并载入数据库…', en: 'Clearing and loading the database…' },
  'scale.10': { zh: '1:10（较慢：双核约 1–2 分钟）', en: '1:10 (slow: about 1–2 min on 2 cores)' },
  'scale.1': {
    zh: '1:1 全国（很慢：双核约 12 分钟）',
    en: '1:1 national (very slow: about 12 min on 2 cores)',
  },
  'section.totals': { zh: '总量', en: 'Totals' },
  'section.monthly': { zh: '各月共济金额', en: 'Sharing month by month' },
  'section.years': { zh: '逐年共济金额', en: 'Sharing year by year' },
  'chart.yearsAll': { zh: '全部共济支付（{unit}/年）', en: 'All paid from quotas ({unit} a year)' },
  'chart.yearsCross': {
    zh: '跨省共济支付（{unit}/年）',
    en: 'Paid from quotas across provinces ({unit} a year)',
  },
  'years.note': {
    zh: '方案窗口跨越多个自然年时，各年并列显示；每年按规则重新核定预付金并缴纳当年的居民医保和长护险费用。',
    en: 'When the window spans several calendar years, the years are shown side by side; each year prepayments are re-sized under the rule and that year’s resident and long-term-care contributions are paid.',
  },
  'section.map': { zh: '各省', en: 'Provinces' },
  'section.corridors': { zh: '最大的跨省共济通道', en: 'Largest cross-province corridors' },
  'section.benefits': { zh: '谁受益', en: 'Who benefits' },
  'section.diff': { zh: '方案差异', en: 'What differs' },
  'section.enrolments': { zh: '因共济参保的亲属', en: 'Relatives insured thanks to sharing' },
  'enrolment.note': {
    zh: '尚未参保的近亲属，由共济人用共济额度缴纳城乡居民医保个人缴费而参保，自下一个参保年度起享受待遇（R2、R11）；按缴费当月、参保地和模拟开始时的年龄统计，为全国估计数。',
    en: 'Near relatives who were not insured and whose resident contribution a sharer paid from a quota, insured from the next coverage year (R2, R11); counted in the month paid, by where they enrol and their age at the window’s start, as estimates for the whole population.',
  },
  'enrolment.age': { zh: '年龄', en: 'Age' },
  'enrolment.province': { zh: '参保省份', en: 'Province of enrolment' },
  'enrolment.total': { zh: '合计', en: 'Total' },
  'enrolment.none': {
    zh: '所比较的方案中没有亲属因共济参保（未开放或未发生）。',
    en: 'No relative was enrolled thanks to sharing in these runs (not open, or none happened).',
  },
  'section.data': { zh: '运行数据', en: 'Run data' },
  'total.personTimes': { zh: '共济人次', en: 'Person-times' },
  'total.amount': { zh: '共济金额', en: 'Amount shared' },
  'total.crossShare': { zh: '跨省金额占比', en: 'Cross-province share of amount' },
  'total.relationships': {
    zh: '建立的共济关系（含期初）',
    en: 'Relationships set up (incl. starting stock)',
  },
  'total.active': { zh: '期末有效关系', en: 'Relationships active at the end' },
  'total.frozen': { zh: '期末冻结额度', en: 'Quota frozen at the end' },
  'total.gross': { zh: '跨省清算应付总额（全额）', en: 'Clearing obligations, gross' },
  'total.netted': { zh: '多边轧差后的净额', en: 'Clearing obligations, netted' },
  'total.moved': { zh: '实际划拨资金', en: 'Cash actually moved' },
  'total.settlement': { zh: '结算方式', en: 'Settlement' },
  'total.residual': { zh: '守恒残差', en: 'Conservation residual' },
  'total.families': { zh: '模拟家庭（加权）', en: 'Families (weighted)' },
  'total.enrolled': { zh: '因共济参保的亲属（人）', en: 'Relatives insured thanks to sharing' },
  'total.seconds': { zh: '运行用时', en: 'Run time' },
  'total.digest': { zh: '结果摘要（SHA-256）', en: 'Result digest (SHA-256)' },
  'chart.byUse': { zh: '按用途（{unit}/月）', en: 'By use ({unit} a month)' },
  'chart.byGeography': { zh: '按地域（{unit}/月）', en: 'By geography ({unit} a month)' },
  'chart.map.net': { zh: '净清算头寸', en: 'Net clearing position' },
  'chart.map.perInsured': { zh: '人均共济金额', en: 'Sharing per insured person' },
  'map.netNote': {
    zh: '全年收到减支付（{unit}）：正数为净收款省（就医地），负数为净付款省（参保地）。',
    en: 'Received minus paid over the window ({unit}): positive for net creditors (places of treatment), negative for net debtors (insured places).',
  },
  'map.perInsuredNote': {
    zh: '参保地共济人的共济金额除以参保人数（元/人）；各省参保人数按常住人口乘以全国参保率估算。',
    en: 'Amount shared by sharers insured in the province per insured person (yuan); insured persons estimated as residents times the national insured share.',
  },
  'map.tileNote': {
    zh: '瓦片地图：每省一格，按大致地理位置排列，不是省界。',
    en: 'Tile map: one square per province by rough position, not province boundaries.',
  },
  'chart.corridors': {
    zh: '共济人参保省 → 就医省（{unit}）',
    en: "Sharer's province → province of treatment ({unit})",
  },
  'chart.benefits': { zh: '各用途共济金额（{unit}）', en: 'Amount shared by use ({unit})' },
  'benefit.beneficiaries': { zh: '期末被共济人', en: 'Beneficiaries at the end' },
  'benefit.sharers': { zh: '期末共济人', en: 'Sharers at the end' },
  'benefit.shared': { zh: '盘活的个人账户沉淀资金', en: 'Dormant balance put to use' },
  'chart.benefitsByAge': {
    zh: '被共济人年龄段与险种：共济金额（{unit}）',
    en: 'Beneficiaries by age and scheme: amount shared ({unit})',
  },
  'benefitsByAge.note': {
    zh: '个人账户共济支付按被共济人年龄（期初）和支付时的参保类型汇总；柱顶数字为该年龄段合计。',
    en: "Payments from shared quotas by the beneficiary's age (at the start of the window) and scheme when paid; the number above each bar is the age band's total.",
  },
  'benefit.old': { zh: '其中付给60岁及以上', en: 'Of which for those aged 60+' },
  'age.0-14': { zh: '0–14岁', en: '0–14' },
  'age.15-44': { zh: '15–44岁', en: '15–44' },
  'age.45-59': { zh: '45–59岁', en: '45–59' },
  'age.60-74': { zh: '60–74岁', en: '60–74' },
  'age.75+': { zh: '75岁及以上', en: '75+' },
  'scheme.employee-account': { zh: '职工医保（有个人账户）', en: 'Employee, with personal account' },
  'scheme.employee-pooling-only': { zh: '职工医保（仅统筹）', en: 'Employee, pooling only' },
  'scheme.resident': { zh: '城乡居民医保', en: 'Resident scheme' },
  'scheme.uninsured': { zh: '未参保', en: 'Uninsured' },
  'diff.none': { zh: '所选方案的参数完全相同。', en: 'The chosen scenarios have the same parameters.' },
  'diff.field': { zh: '参数', en: 'Parameter' },
  'diff.one': {
    zh: '只选了一个方案：再选一个即可比较参数。',
    en: 'Only one scenario chosen: add another to compare parameters.',
  },
  'use.medical': { zh: '就医', en: 'Medical' },
  'use.pharmacy': { zh: '药店购药', en: 'Pharmacy' },
  'use.resident-contribution': { zh: '居民医保缴费', en: 'Resident contribution' },
  'use.ltc-contribution': { zh: '长护险缴费', en: 'LTC contribution' },
  'geo.same-pooling-area': { zh: '统筹地区内', en: 'Within pooling area' },
  'geo.same-province': { zh: '省内跨统筹地区', en: 'Within province' },
  'geo.cross-province': { zh: '跨省', en: 'Across provinces' },
  'unit.yi': { zh: '亿元', en: 'billion yuan' },
  'download.csv': { zh: 'CSV', en: 'CSV' },
  'download.svg': { zh: 'SVG', en: 'SVG' },
  'download.png': { zh: 'PNG', en: 'PNG' },
  'download.label': { zh: '下载：', en: 'Download:' },
  'data.note': {
    zh: '每次运行的全部结果表，可下载为 Parquet 文件：',
    en: 'Every table of each run, as a Parquet file:',
  },
  'editor.title': { zh: '参数编辑器：修改一个方案的副本', en: 'Parameter editor: edit a copy of a scenario' },
  'editor.base': { zh: '从此方案开始', en: 'Start from' },
  'editor.reset': { zh: '恢复原值', en: 'Reset' },
  'editor.ok': {
    zh: '副本有效，可勾选“修改后的副本”运行。',
    en: 'The copy is valid: tick “Edited copy” to run it.',
  },
  'editor.json': { zh: '不是有效的 JSON', en: 'not valid JSON' },
  'editor.changed': { zh: '已修改', en: 'changed' },
  'address.unknownPath': {
    zh: '地址要修改的“{path}”不是方案参数，已拒绝此修改。',
    en: 'The address asks to change “{path}”, which is not a parameter of a scenario: the change was refused.',
  },
  'address.badValue': {
    zh: '地址给 {path} 的取值不是有效的 JSON（或嵌套过深），此参数保持原值。',
    en: 'The address gives {path} a value that is not valid JSON (or is nested too deep): the parameter keeps its value.',
  },
  'address.more': { zh: '另有 {n} 项修改被拒绝。', en: '{n} more changes were refused.' },
  'section.rules': { zh: '规则参数', en: 'Rule parameters' },
  'section.clearing': { zh: '清算参数', en: 'Clearing parameters' },
  'section.behaviour': { zh: '行为参数', en: 'Behaviour parameters' },
});

/** A key of the Compare dictionary. */
export type CompareMessageKey = keyof typeof compareMessages;

/** Fills `{name}` placeholders of a text. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
