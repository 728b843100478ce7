/** The texts of Compare's parameter sweep (参数扫描), in Chinese and English (src/ui/compare/sweepPanel.ts). */
import { defineMessages } from '../../text/i18n';

/** The sweep panel's texts. */
export const SWEEP_MESSAGES = defineMessages({
  title: { zh: '参数扫描', en: 'Parameter sweep' },
  intro: {
    zh: '选择基准方案、一个参数及其取值（以逗号分隔），每个取值以基准方案的随机种子运行一次（各点共用随机数，彼此成对可比），并按所选次数重复模拟以得出区间。',
    en: 'Choose a base scenario, one parameter and its values (comma-separated). Each value runs at the base’s seed (the points share their random numbers, so they pair up), with the replications chosen for the intervals.',
  },
  base: { zh: '基准方案', en: 'Base scenario' },
  parameter: { zh: '参数', en: 'Parameter' },
  values: { zh: '取值', en: 'Values' },
  scale: { zh: '抽样比例', en: 'Scale' },
  replications: { zh: '重复模拟次数', en: 'Replications' },
  run: { zh: '运行扫描', en: 'Run sweep' },
  cancel: { zh: '取消', en: 'Cancel' },
  waiting: { zh: '排队等待其他运行完成…', en: 'Waiting for other runs to finish…' },
  progress: {
    zh: '第 {point}/{points} 个取值，第 {sample}/{samples} 次模拟',
    en: 'value {point} of {points}, simulation {sample} of {samples}',
  },
  done: { zh: '{n} 个取值，用时 {time}', en: '{n} values in {time}' },
  cancelled: { zh: '扫描已取消。', en: 'The sweep was cancelled.' },
  failed: { zh: '扫描失败：', en: 'The sweep failed: ' },
  refused: { zh: '无法运行扫描：', en: 'The sweep cannot run: ' },
  outcome: { zh: '结果指标', en: 'Outcome' },
  province: { zh: '省份', en: 'Province' },
  national: { zh: '全国', en: 'National' },
  chart: { zh: '{outcome}随{parameter}的变化', en: '{outcome} against {parameter}' },
  sources: {
    zh: '点为各次模拟的平均值，竖线为 {coverage}% 区间（全体参保人口的年度随机性与估计误差{parameters}；1:k 抽样噪声{sampling}）。',
    en: 'Dots are means over the simulations, rules {coverage}% intervals (the whole population’s year-to-year randomness and the estimate’s error{parameters}; sampling noise of the 1:k sample {sampling}).',
  },
  'sources.parameters': {
    zh: '，以及取值范围内的参数不确定性',
    en: ', and the parameters drawn from their ranges',
  },
  'sources.removed': { zh: '已剔除', en: 'removed' },
  'sources.kept': {
    zh: '因重复次数不足以与参数区分而保留（区间偏宽）',
    en: 'kept, as too few replications cannot tell it from the parameters (wider intervals)',
  },
  noIntervals: {
    zh: '未做重复模拟：点为单次模拟的结果，没有区间。',
    en: 'No replications: dots are single simulations, without intervals.',
  },
  'measure.sharedFen': { zh: '共济人所在省份的共济支付金额', en: 'paid from quotas of sharers insured in' },
  'measure.paidInOtherProvincesFen': {
    zh: '共济人所在省份在外省支付的金额',
    en: 'paid in other provinces from quotas of sharers insured in',
  },
});
