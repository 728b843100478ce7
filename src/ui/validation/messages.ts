/** Every text of the Validation workspace (校验工作区文字), in Chinese and English. */
import { DOWNLOAD_TEXTS, RUN_TEXTS } from '../commonTexts';
import { defineMessages } from '../../text/i18n';

/** The workspace's own dictionary. */
export const validationMessages = defineMessages({
  ...RUN_TEXTS,
  ...DOWNLOAD_TEXTS,
  title: { zh: '校验', en: 'Validation' },
  intro: {
    zh: '合成人口与公开数据逐项对照：公布值、模型生成值、相对误差与容差。与模型不是同一统计量的公布值标为“参考值”，模型不能再现的标为“未建模”，均附说明，不计为超出。人口按所选比例抽样生成，再按比例放大。',
    en: 'The synthetic population set beside published figures: published value, model value, relative error and tolerance. A published figure that is not the same statistic as the model’s is marked “reference”, one the model cannot reproduce “not modelled”, each with its reason and neither counted as a miss. Families are generated at the chosen scale and weighted back up.',
  },
  run: { zh: '重新运行', en: 'Run again' },
  generating: { zh: '正在生成家庭', en: 'Generating families' },
  loadingDb: { zh: '正在载入分析数据库', en: 'Loading the analytics database' },
  summary: {
    zh: '种子 {seed}，比例 1:{k}，{families} 户家庭；{n} 个目标，{out} 个超出容差{unchecked}。生成用时 {ms} 毫秒。',
    en: 'Seed {seed}, scale 1:{k}, {families} families; {n} targets, {out} outside tolerance{unchecked}. Generated in {ms} ms.',
  },
  'summary.unchecked': {
    zh: '，另有 {ref} 个参考值、{nm} 个未建模（不计入）',
    en: '; {ref} reference and {nm} not modelled (not counted)',
  },
  skipped: {
    zh: '人口模型不产生、留待引擎模拟的目标：',
    en: 'Targets the population does not produce (simulated by the engine later): ',
  },
  'section.population': { zh: '合成人口', en: 'Synthetic population' },
  'section.population.note': {
    zh: '2020 年人口普查、2024 年医保统计公报等公开数字（来源见 data/SOURCES.md）。',
    en: 'Published figures of the 2020 census, the 2024 medical-insurance bulletin and others (sources in data/SOURCES.md).',
  },
  'section.calibration': { zh: '2024年省内共济（校准）', en: '2024 sharing within provinces (calibration)' },
  'section.calibration.note': {
    zh: '引擎的校准目标：按2024年规则（近亲属，统筹地区内和省内跨统筹地区开放，跨省未开放）运行 calibration-2024 方案，与2024年公布的省内共济人次、金额、季节性、用途和地域结构对照。2026年跨省共济的结果是据此校准的预测，没有公布值可对照。',
    en: 'The engine’s calibration targets: the calibration-2024 scenario (2024 rules: near relatives, sharing open within pooling areas and across pooling areas of a province, closed across provinces) beside the published 2024 within-province sharing — person-times, amounts, seasonality, uses and geography. Cross-province sharing in 2026 is a projection of the model calibrated here, with no published figures to compare.',
  },
  'calibration.run': {
    zh: '方案 {scenario}，种子 {seed}，比例 1:{k}，模拟 {families} 户家庭，用时 {s} 秒。',
    en: 'Scenario {scenario}, seed {seed}, scale 1:{k}, {families} families simulated, {s} s.',
  },
  simulating: { zh: '正在模拟2024年共济 {pct}', en: 'Simulating 2024 sharing {pct}' },
  waiting: {
    zh: '等待其他工作区的运行结束后模拟2024年共济',
    en: 'Waiting for another workspace’s run to finish before simulating 2024 sharing',
  },
  'section.record': { zh: '2021—2025年五年累计', en: 'Five-year record 2021–2025' },
  'section.record.note': {
    zh: '2026年1月通知公布：2021年以来五年省内共济超7.8亿人次、金额超1000亿元；截至2025年6月30日，30个省份和新疆生产建设兵团的337个统筹地区开通了医保钱包跨省共济。模型值由两个方案相加：record-2021-2023（2021年规则：配偶、父母、子女，仅限统筹地区内）和 record-2024-2025（2024年规则，同 calibration-2024）。带“超”字的公布值是下限：模型值高于下限即相符，低于下限不超过15%也算达标。钱包开通数按 pilot-2025-wallet 的开通月份计算；模型的统筹地区是333个地级行政区和4个直辖市（共337个），与实际统筹地区口径不同。',
    en: 'The January 2026 notice: over 780 million person-times and over 100 billion yuan shared within provinces in the five years since 2021; by 30 June 2025, 337 pooling areas in 30 provinces and the Xinjiang Production and Construction Corps had the wallet for cross-province sharing. The model’s figures add two scenarios: record-2021-2023 (the 2021 rules: spouse, parents and children, within a pooling area only) and record-2024-2025 (the 2024 rules, as in calibration-2024). A figure given as “over” is a lower bound: a model value above it agrees, and one at most 15% below it is within. The wallet’s reach counts pilot-2025-wallet’s opening months over the model’s pooling areas, which are the 333 prefecture-level divisions and 4 municipalities (337 in all), not the real pooling areas.',
  },
  'record.run': {
    zh: '方案 {scenarios}，比例 1:{k}，用时 {s} 秒。逐年共济金额：{years}。',
    en: 'Scenarios {scenarios}, scale 1:{k}, {s} s. By year: {years}.',
  },
  'record.simulating': {
    zh: '正在模拟2021—2025年共济（{part}/{parts}）{pct}',
    en: 'Simulating 2021–2025 sharing ({part}/{parts}) {pct}',
  },
  'record.waiting': {
    zh: '等待其他工作区的运行结束后模拟2021—2025年共济',
    en: 'Waiting for another workspace’s run to finish before simulating 2021–2025 sharing',
  },
  'chart.title': {
    zh: '各目标的相对误差与容差带',
    en: 'Relative error of each target, with its tolerance band',
  },
  'chart.x': { zh: '相对误差（%）', en: 'Relative error (%)' },
  'chart.band': { zh: '容差带', en: 'tolerance band' },
  'table.title': { zh: '逐项对照', en: 'Target by target' },
  'col.target': { zh: '目标', en: 'Target' },
  'col.published': { zh: '公布值', en: 'Published' },
  'col.generated': { zh: '模型值', en: 'Model' },
  'col.relError': { zh: '相对误差', en: 'Relative error' },
  'col.tolerance': { zh: '容差', en: 'Tolerance' },
  'col.within': { zh: '判定', en: 'Verdict' },
  within: { zh: '达标', en: 'within' },
  outside: { zh: '超出', en: 'outside' },
  reference: { zh: '参考值', en: 'reference' },
  notModelled: { zh: '未建模', en: 'not modelled' },
  'notes.title': {
    zh: '参考值、未建模目标与已知偏差的说明',
    en: 'Why some figures are not checked, or miss',
  },
  lowerBound: { zh: '下限', en: 'lower bound' },
  'noise.title': { zh: '抽样噪声', en: 'Sampling noise' },
  'noise.intro.population': {
    zh: '比例 1:{k} 的人口是对全国的估计，随抽样而变。以另外 {more} 个种子重新生成人口，得到每个核对目标的相对误差在 {n} 次生成中的均值与标准差 σ（参考值、未建模目标和下限不列）；容差大于 2σ 时，达标或超出不是偶然。',
    en: 'A population at 1:{k} is an estimate of the whole and varies with the sample. Generating it again with {more} more seeds gives each checked target’s relative error over {n} populations: its mean and standard deviation σ (reference and not-modelled targets and lower bounds are left out). Where the tolerance is more than twice σ, within or outside is not chance.',
  },
  'noise.generating': {
    zh: '测算抽样噪声：第 {part}/{parts} 次生成人口',
    en: 'Measuring the sampling noise: population {part} of {parts},',
  },
  'noise.intro.calibration': {
    zh: '比例 1:{k} 的模型值是对全国的估计，随抽样而变。以另外 {more} 个种子（人口与引擎）重跑 calibration-2024，得到每个目标的相对误差在 {n} 次运行中的均值与标准差 σ；容差大于 2σ 时，达标或超出不是偶然。',
    en: 'A model value at 1:{k} is an estimate of the whole population and varies with the sample. Running calibration-2024 again with {more} more seeds (population and engine) gives each target’s relative error over {n} runs: its mean and standard deviation σ. Where the tolerance is more than twice σ, within or outside is not chance.',
  },
  'noise.button': {
    zh: '测算抽样噪声（再运行 {more} 次）',
    en: 'Measure the sampling noise ({more} more runs)',
  },
  'noise.simulating': {
    zh: '测算抽样噪声：第 {part}/{parts} 次运行 {pct}',
    en: 'Measuring the sampling noise: run {part} of {parts} {pct}',
  },
  'noise.waiting': {
    zh: '等待其他工作区的运行结束后测算抽样噪声',
    en: 'Waiting for another workspace’s run to finish before measuring the sampling noise',
  },
  'noise.col.run': { zh: '本次运行', en: 'This run' },
  'noise.col.mean': { zh: '{n} 次均值', en: 'Mean of {n}' },
  'noise.col.sd': { zh: 'σ', en: 'σ' },
  'noise.col.outside': { zh: '超出次数', en: 'Runs outside' },
  'noise.clear': {
    zh: '每个目标的容差都大于 2σ：在此比例下，达标或超出不是偶然。',
    en: 'Every tolerance is more than twice its σ: at this scale, within or outside is not chance.',
  },
  'noise.noisy': {
    zh: '以下目标的容差小于 2σ，在此比例下可能偶然超出，请改用更大的样本（更小的 k）：{names}。',
    en: 'These targets’ tolerance is under twice their σ, so at this scale they may miss by chance; use a larger sample (a smaller k): {names}.',
  },
});

/** A key of the Validation dictionary. */
export type ValidationMessageKey = keyof typeof validationMessages;
