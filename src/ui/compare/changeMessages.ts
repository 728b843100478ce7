/**
 * Texts of the change against a baseline in the Compare workspace (相对基准的变化文字): the baseline and
 * replications controls, the change table, what its intervals hold (in the words of `simulate
 * --baseline`), and what the address could not use of them. Merged into the workspace's dictionary
 * (`compareMessages`).
 */
import { defineMessages } from '../../text/i18n';

/** The change's texts, in Chinese and English. */
export const CHANGE_MESSAGES = defineMessages({
  baseline: { zh: '基准方案', en: 'Baseline' },
  replications: { zh: '重复模拟次数', en: 'Replications' },
  'replications.none': { zh: '0（不估计区间）', en: '0 (no intervals)' },
  'seed.note': {
    zh: '各方案以同一随机种子运行（未填写时用基准方案的种子），共用相同的家庭与事件，因此与基准的差异逐次配对。',
    en: 'Every scenario runs at one seed (when the field is empty, the baseline’s), so they share the same families and events and their differences from the baseline pair up.',
  },
  'progress.sample': {
    zh: '（第 {s}/{n} 次模拟）',
    en: ' (simulation {s} of {n})',
  },
  'section.change': { zh: '相对基准 {id} 的变化', en: 'Change against {id}' },
  'change.figure': { zh: '指标', en: 'Figure' },
  'change.baselineValue': { zh: '基准', en: 'baseline' },
  'change.value': { zh: '数值', en: 'Value' },
  'change.change': { zh: '变化（%）', en: 'Change (%)' },
  'change.interval': { zh: '{coverage}% 区间', en: '{coverage}% interval' },
  'change.noise': { zh: '噪声内', en: 'within noise' },
  'change.noiseTitle': {
    zh: '区间包含 0：这一变化与模拟自身的随机波动无法区分',
    en: 'The interval holds 0: this change cannot be told apart from the run’s own noise',
  },
  'change.one': {
    zh: '只选了一个方案：再选一个即可看到相对基准的变化。',
    en: 'Only one scenario chosen: add another to see its change against the baseline.',
  },
  'change.paired': {
    zh: '所有方案以随机种子 {seed} 运行（相同的家庭与事件），每个方案在每次模拟中与基准逐次配对。',
    en: 'Every scenario ran at seed {seed} (the same families and events), so each pairs with the baseline simulation by simulation.',
  },
  'change.sources': {
    zh: '区间为全体参保人口中变化的 {coverage}% 区间，基于 {samples} 次模拟：包含全体人口的年度随机性与估计误差{parameters}；1:k 抽样噪声{sampling}。区间包含 0 的变化标为“噪声内”。',
    en: '{coverage}% intervals of the change in the whole insured population, from {samples} simulations: the whole population’s year-to-year randomness and the estimate’s error are included{parameters}; sampling noise of the 1:k sample {sampling}. A change whose interval holds 0 is marked “within noise”.',
  },
  'change.sources.parameters': {
    zh: '，以及取值范围内的参数不确定性',
    en: ', and so are the parameters drawn from their ranges',
  },
  'change.sources.noRanges': {
    zh: '（方案未给参数取值范围，不含参数不确定性）',
    en: ' (the scenarios give no parameter ranges, so no parameter uncertainty)',
  },
  'change.sources.removed': { zh: '已剔除', en: 'removed' },
  'change.sources.kept': {
    zh: '因重复次数不足以与参数区分而保留（区间偏宽）',
    en: 'kept, as too few replications cannot tell it from the parameters (wider intervals)',
  },
  'change.noIntervals': {
    zh: '未做重复模拟：只给出变化本身，没有区间，也无法判断变化是否超出噪声。区间需要重复模拟（选择 2 次或更多）。',
    en: 'No replications: the change alone, without intervals, so nothing says whether it is larger than the noise. Intervals need replications (choose 2 or more).',
  },
  'change.csv': { zh: '下载 CSV', en: 'Download CSV' },
  'address.badBaseline': {
    zh: '地址给出的 baseline={value} 不是所选方案之一，改用默认基准（选了 baseline-2026 时用它，否则用第一个方案）。',
    en: 'The address gives baseline={value}, which is not one of the chosen scenarios: the default baseline is used (baseline-2026 when chosen, else the first).',
  },
  'address.badReplications': {
    zh: '地址给出的 reps={value} 不是可选的重复模拟次数（{allowed}），改按 0 次运行。',
    en: 'The address gives reps={value}, which is not an offered number of replications ({allowed}): the runs use 0.',
  },
});
