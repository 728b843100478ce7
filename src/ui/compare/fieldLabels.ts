/**
 * Short names of scenario fields (参数名称), in Chinese and English, built from one name per path
 * segment: `rules.quotaLimits.monthlyUseCapFen` → 额度限制 · 每月使用上限 / Quota limits · Monthly use cap.
 * What a field expects (unit, range) comes from the schema's own help (`helpAt`).
 */
import type { Message } from '../../text/i18n';
import type { Lang } from '../../text/i18n';

const SEGMENTS: Readonly<Record<string, Message>> = {
  id: { zh: '标识', en: 'Id' },
  title: { zh: '标题', en: 'Title' },
  description: { zh: '说明', en: 'Description' },
  seed: { zh: '随机种子', en: 'Seed' },
  window: { zh: '模拟区间', en: 'Window' },
  start: { zh: '开始', en: 'Start' },
  end: { zh: '结束', en: 'End' },
  rules: { zh: '规则', en: 'Rules' },
  relativeScope: { zh: '亲属范围', en: 'Relatives in scope' },
  enrolmentOfUninsured: { zh: '为未参保亲属缴费参保', en: 'Enrolment of uninsured relatives' },
  geography: { zh: '共济地域', en: 'Geography' },
  samePoolingArea: { zh: '统筹地区内', en: 'Within pooling area' },
  sameProvince: { zh: '省内跨统筹地区', en: 'Within province' },
  crossProvince: { zh: '跨省', en: 'Across provinces' },
  rollout: { zh: '开通', en: 'Rollout' },
  defaultStart: { zh: '默认开通月份', en: 'Default start' },
  byProvince: { zh: '各省开通月份', en: 'By province' },
  byPoolingArea: { zh: '各统筹地区开通月份', en: 'By pooling area' },
  quotaLimits: { zh: '额度限制', en: 'Quota limits' },
  maxChangeFen: { zh: '单次调整上限', en: 'Largest change' },
  maxQuotaFen: { zh: '单个额度上限', en: 'Largest quota' },
  maxChangesPerDay: { zh: '每日调整次数上限', en: 'Changes per day' },
  quietHours: { zh: '禁止调整时段', en: 'Quiet hours' },
  monthlyUseCapFen: { zh: '每月使用上限', en: 'Monthly use cap' },
  quotaModel: { zh: '额度模式', en: 'Quota model' },
  permittedUses: { zh: '允许用途', en: 'Permitted uses' },
  paymentOrder: { zh: '支付次序', en: 'Payment order' },
  ownAccount: { zh: '本人账户', en: 'Own account' },
  quotaOrder: { zh: '额度次序', en: 'Quota order' },
  clearing: { zh: '清算', en: 'Clearing' },
  settlement: { zh: '结算方式', en: 'Settlement' },
  prepayment: { zh: '预付金', en: 'Prepayment' },
  model: { zh: '预付金模式', en: 'Prepayment model' },
  sizing: { zh: '核定方法', en: 'Sizing' },
  resizing: { zh: '调整频率', en: 'Re-sizing' },
  firstYear: { zh: '首年核定', en: 'First year' },
  directSettlement: { zh: '跨省直接结算', en: 'Direct settlement' },
  yearlyGrowth: { zh: '年增长率', en: 'Yearly growth' },
  providerDeclarationDays: { zh: '机构申报天数', en: 'Declaration (days)' },
  providerPaymentDays: { zh: '向机构拨付天数', en: 'Provider payment (days)' },
  uncertainty: { zh: '参数范围', en: 'Parameter ranges' },
  resizeMonth: { zh: '重新核定月份', en: 'Re-sizing month' },
  paymentDeadlineMonth: { zh: '拨付截止月份', en: 'Payment deadline month' },
  warnings: { zh: '预警', en: 'Warnings' },
  yellow: { zh: '黄色预警线', en: 'Yellow threshold' },
  red: { zh: '红色预警线', en: 'Red threshold' },
  topUpFraction: { zh: '紧急调增比例', en: 'Top-up fraction' },
  calendar: { zh: '清算日程', en: 'Calendar' },
  cycle: { zh: '清算周期', en: 'Cycle' },
  resultsLagDays: { zh: '出结果天数', en: 'Results lag (days)' },
  confirmationLagDays: { zh: '省级确认天数', en: 'Confirmation lag (days)' },
  transferLagDays: { zh: '财政划拨天数', en: 'Transfer lag (days)' },
  behaviour: { zh: '行为', en: 'Behaviour' },
  uptake: { zh: '建立关系', en: 'Uptake' },
  initialShare: { zh: '期初已建比例', en: 'Initial share' },
  monthlyRate: { zh: '每月建立概率', en: 'Monthly rate' },
  onNeed: { zh: '因需建立概率', en: 'On need' },
  awarenessMonths: { zh: '知晓期（月）', en: 'Awareness months' },
  quota: { zh: '额度', en: 'Quota' },
  shareOfSpendable: { zh: '首次额度比例', en: 'Share of spendable' },
  topUp: { zh: '调增概率', en: 'Top-up probability' },
  releaseForOwnNeed: { zh: '自用调减概率', en: 'Release for own need' },
  ending: { zh: '解除', en: 'Ending' },
  voluntaryMonthly: { zh: '每月主动解除概率', en: 'Voluntary, monthly' },
  moveYearly: { zh: '每年转移概率', en: 'Moves, yearly' },
  leaveYearly: { zh: '每年退保概率', en: 'Leaves, yearly' },
  ownSpendingShareOfCredit: { zh: '本人支出/划入倍数', en: 'Own spending / credit' },
  care: { zh: '就医', en: 'Care' },
  outpatientPerYear: { zh: '每年门诊次数', en: 'Outpatient bills a year' },
  outpatientCostFen: { zh: '门诊次均费用', en: 'Outpatient bill' },
  outpatientFundShare: { zh: '门诊基金支付比例', en: 'Outpatient fund share' },
  pharmacyPerYear: { zh: '每年购药次数', en: 'Pharmacy purchases a year' },
  pharmacyCostFen: { zh: '药店次均费用', en: 'Pharmacy purchase' },
  inpatientRate: { zh: '住院率', en: 'Hospital stays a year' },
  inpatientOlderFactor: { zh: '老年住院倍数', en: 'Older-age factor' },
  inpatientCostFen: { zh: '次均住院费用', en: 'Hospital stay cost' },
  inpatientFundShare: { zh: '住院基金支付比例', en: 'Hospital fund share' },
  inpatientShared: { zh: '住院用共济比例', en: 'Stays paid with shared money' },
  child: { zh: '儿童', en: 'Children' },
  adult: { zh: '成年人', en: 'Adults' },
  older: { zh: '老年人', en: 'Older people' },
  employee: { zh: '职工', en: 'Employees' },
  resident: { zh: '居民', en: 'Residents' },
  contributions: { zh: '缴费', en: 'Contributions' },
  residentShared: { zh: '居民缴费用共济比例', en: 'Resident contributions shared' },
  monthWeights: { zh: '各月缴费比例', en: 'Month weights' },
  ltcYearlyFen: { zh: '长护险年缴费', en: 'LTC contribution a year' },
  ltcShared: { zh: '长护险缴费用共济比例', en: 'LTC contributions shared' },
  enrolmentUptake: { zh: '为未参保亲属缴费参保的年概率', en: 'Yearly enrolment of uninsured relatives' },
  method: { zh: '方法', en: 'Method' },
  months: { zh: '月数', en: 'Months' },
  percentile: { zh: '百分位', en: 'Percentile' },
  days: { zh: '天数', en: 'Days' },
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
};

/** The name of a path segment in `lang`; an unknown segment (a province code, a key) is shown as it is. */
export function segmentLabel(segment: string, lang: Lang): string {
  return SEGMENTS[segment]?.[lang] ?? segment;
}

/** The short name of a dotted field path, without its section (`rules.`, `clearing.`, `behaviour.`). */
export function fieldLabel(path: string, lang: Lang): string {
  const parts = path.split('.');
  const shown =
    ['rules', 'clearing', 'behaviour'].includes(parts[0]!) && parts.length > 1 ? parts.slice(1) : parts;
  return shown.map((s) => segmentLabel(s, lang)).join(' · ');
}

/** The section a path belongs to (`rules`, `clearing`, `behaviour`, or the top-level field). */
export function fieldSection(path: string): string {
  return path.split('.')[0] ?? path;
}
