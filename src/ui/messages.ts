/** Every text of the workbench shell (界面文字), in Chinese and English. */
import { defineMessages } from './i18n';

/** The shell's dictionary; a key without both texts does not compile. */
export const messages = defineMessages({
  tagline: {
    zh: '模拟职工医保个人账户跨省共济与省际按月清算的浏览器工作台',
    en: 'A browser workbench that simulates cross-province sharing of employee medical-insurance personal accounts and the monthly clearing between provinces',
  },
  'lang.label': { zh: '界面语言', en: 'Language' },
  'tabs.label': { zh: '工作区', en: 'Workspaces' },
  'status.notBuilt': { zh: '尚未构建', en: 'Not built yet' },
  'status.notBuiltNote': {
    zh: '此工作区尚待开发：目前不运行任何模拟，也不显示图表或数字。下面是它将要提供的内容。',
    en: 'This workspace is still to be built: it runs no simulation yet and shows no charts or figures. Below is what it will hold.',
  },
  'status.plan': { zh: '将要提供', en: 'What it will hold' },

  'compare.title': { zh: '方案比较', en: 'Compare' },
  'compare.audience': {
    zh: '面向政策研究人员：比较不同共济额度与政策参数的方案。',
    en: 'For policy researchers comparing quota and policy scenarios.',
  },
  'compare.item1': {
    zh: '多个方案并排显示：先看总量，再按省份、亲属关系、年龄和用途分解。',
    en: 'Scenarios side by side: totals first, then breakdowns by province, relationship, age and use.',
  },
  'compare.item2': {
    zh: '逐条列出两个方案之间改动了什么。',
    en: 'A list of what changed between two scenarios.',
  },
  'compare.item3': { zh: '每张图的数据都可下载为 CSV。', en: "Every chart's data downloadable as CSV." },

  'prepayment.title': { zh: '预付金', en: 'Prepayment' },
  'prepayment.audience': {
    zh: '面向财政与医保经办人员：测算各省预付金规模。',
    en: 'For finance officials sizing the prepayments between provinces.',
  },
  'prepayment.item1': {
    zh: '各省预付金的逐月使用率，标出 70% 和 90% 两条预警线。',
    en: "Each province's prepayment usage month by month, with the 70% and 90% warning lines.",
  },
  'prepayment.item2': {
    zh: '预警与紧急追加在时间轴上的位置。',
    en: 'Warnings and emergency top-ups on a timeline.',
  },
  'prepayment.item3': {
    zh: '在选定置信水平下所需的预付金规模。',
    en: 'The prepayment size needed for a chosen confidence level.',
  },
  'prepayment.item4': { zh: '全额结算与轧差后资金划转量的对比。', en: 'Gross versus netted cash movement.' },

  'trainer.title': { zh: '培训演示', en: 'Trainer' },
  'trainer.audience': {
    zh: '面向培训讲解人员：逐步演示共济规则。',
    en: 'For trainers demonstrating the rules step by step.',
  },
  'trainer.item1': {
    zh: '逐月讲述一个家庭的共济过程：单步、播放、后退、调节速度。',
    en: "One family's story month by month: step, play, back, speed.",
  },
  'trainer.item2': {
    zh: '每笔记账在发生时显示，并注明允许或拒绝它的规则编号。',
    en: 'Each posting shown as it happens, with the rule that allowed or refused it.',
  },
  'trainer.item3': {
    zh: '画出清算链条：统筹地区 → 省 → 国家 → 省 → 统筹地区。',
    en: 'The clearing chain drawn: pooling area → province → national → province → pooling area.',
  },

  'validation.title': { zh: '校验', en: 'Validation' },
  'validation.audience': {
    zh: '面向所有使用者：看清模型与公开数据的差距。',
    en: 'For everyone who relies on the results: how far the model is from published figures.',
  },
  'validation.item1': {
    zh: '合成人口与公开数据（人口普查、参保人数、跨省迁移）逐项对照，列出相对误差和容差。',
    en: 'The synthetic population set beside published figures (census, insured employees, cross-province migration), with the relative error and tolerance of each.',
  },
  'validation.item2': { zh: '每个公开数字的来源。', en: 'The source of every published figure.' },
  'validation.item3': {
    zh: '模拟运行的自检：资金守恒（所有账户之和始终为零），清算收支平衡。',
    en: "A run's own checks: money is conserved (all accounts sum to zero) and clearing balances.",
  },
});

/** A key of the shell's dictionary. */
export type MessageKey = keyof typeof messages;
