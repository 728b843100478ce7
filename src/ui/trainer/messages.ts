/** The trainer's own texts (培训演示文字), in Chinese and English. */
import { defineMessages } from '../../text/i18n';

/** The trainer's dictionary; a key without both texts does not compile. */
export const trainerMessages = defineMessages({
  title: { zh: '培训演示', en: 'Trainer' },
  intro: {
    zh: '逐步演示一户人家的共济故事：每一步记了哪些账、依据哪条规则，哪些操作被拒绝、为什么。',
    en: "Step through one family's sharing story: what each step posts and under which rule, what is refused and why.",
  },
  story: { zh: '故事', en: 'Story' },
  broken: {
    zh: '培训故事文件未通过校验，无法演示。请按下列错误修改文件：',
    en: 'The training story files do not validate, so nothing can be shown. Fix the files as the errors below say:',
  },
  keys: {
    zh: '键盘：在本区域内按 ← 上一步，→ 下一步。',
    en: 'Keyboard: ← goes back a step and → steps forward anywhere in this workspace.',
  },
  controls: { zh: '播放控制', en: 'Playback' },
  back: { zh: '上一步', en: 'Back' },
  step: { zh: '下一步', en: 'Step' },
  play: { zh: '播放', en: 'Play' },
  pause: { zh: '暂停', en: 'Pause' },
  restart: { zh: '从头开始', en: 'Restart' },
  speed: { zh: '速度', en: 'Speed' },
  'speed.slow': { zh: '慢', en: 'Slow' },
  'speed.normal': { zh: '中', en: 'Normal' },
  'speed.fast': { zh: '快', en: 'Fast' },
  'back.label': { zh: '回到上一步', en: 'Go back one step' },
  'step.label': { zh: '执行下一步', en: 'Run the next step' },
  'play.label': { zh: '自动逐步播放', en: 'Play the steps one after another' },
  'pause.label': { zh: '暂停自动播放', en: 'Pause playing' },
  'restart.label': { zh: '回到故事开头', en: 'Go back to the start of the story' },
  progress: { zh: '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  start: { zh: '故事开始：各账户的期初余额', en: 'The story begins: opening balances' },
  'start.note': {
    zh: '按“下一步”或“播放”开始。',
    en: 'Press Step or Play to begin.',
  },
  postings: { zh: '本步记账', en: 'Postings of this step' },
  'postings.none': { zh: '本步不动钱。', en: 'This step moves no money.' },
  refused: { zh: '被拒绝', en: 'Refused' },
  'refused.note': { zh: '被拒绝的操作不记任何账。', en: 'A refused operation posts nothing.' },
  ended: { zh: '终止的共济关系', en: 'Relationships ended' },
  accounts: { zh: '账户余额', en: 'Accounts' },
  'accounts.account': { zh: '账户', en: 'Account' },
  'accounts.balance': { zh: '余额', en: 'Balance' },
  'accounts.change': { zh: '本步变动', en: 'Change' },
  'accounts.note': {
    zh: '统筹基金和现金是资金的来源，负数表示已付出的钱；所有账户之和始终为零。',
    en: 'The funds and cash are where money comes from: a negative figure is money paid out. All accounts always sum to zero.',
  },
  'accounts.total': { zh: '合计', en: 'Total' },
  chain: { zh: '清算链条', en: 'Clearing chain' },
  'chain.none': {
    zh: '到这一步为止，没有跨统筹地区的额度支付，无需清算。',
    en: 'So far no quota payment has crossed pooling areas: nothing needs clearing.',
  },
  'chain.thisStep': { zh: '本步 {amount}', en: '{amount} this step' },
  'chain.total': { zh: '累计 {amount}', en: '{amount} so far' },
  'chain.national': { zh: '国家', en: 'National' },
  'chain.province': { zh: '省级', en: 'Province' },
  'chain.area': { zh: '统筹地区', en: 'Pooling area' },
  'chain.cross': {
    zh: '{from}欠{to} {amount}（C1）：{from}向{fromProv}缴付（C4），{fromProv}与{toProv}经国家清分（C3），{toProv}拨付{to}（C4），按月全额清算（C2）。',
    en: '{from} owes {to} {amount} (C1): {from} pays {fromProv} (C4), {fromProv} and {toProv} are cleared nationally (C3), {toProv} pays {to} (C4), monthly and in full (C2).',
  },
  'chain.within': {
    zh: '{from}欠{to} {amount}（C1）：同在{fromProv}，由省级结算（C4），不经国家清分。',
    en: '{from} owes {to} {amount} (C1): both are in {fromProv}, so the province settles it (C4) without national clearing.',
  },
  'op.credit': { zh: '每月划入', en: 'Monthly credit' },
  'op.establish': { zh: '建立共济关系', en: 'Set up a relationship' },
  'op.setQuota': { zh: '设定额度', en: 'Set a quota' },
  'op.payAsBeneficiary': { zh: '被共济人支付', en: 'Beneficiary pays' },
  'op.payOwn': { zh: '共济人本人支付', en: 'Sharer pays own bill' },
  'op.end': { zh: '解除共济关系', en: 'End a relationship' },
  'op.changeInsurance': { zh: '参保关系变动', en: 'Insurance change' },
  'family.option': {
    zh: '模拟家庭（来自 baseline-2026 全年模拟）',
    en: 'A family from the simulation (baseline-2026, a year)',
  },
  'family.another': { zh: '下一个家庭', en: 'Another family' },
  'family.another.label': {
    zh: '继续在模拟人口中寻找下一个跨省共济的家庭',
    en: 'Look further in the simulated population for the next family sharing across provinces',
  },
  'family.searching': {
    zh: '正在模拟人口中寻找一户有跨省共济关系并用额度支付过的家庭……',
    en: 'Looking in the simulated population for a family that shares across provinces and pays from a quota…',
  },
  'family.none': {
    zh: '在 {count} 户中没有找到跨统筹地区共济并用额度支付的家庭。',
    en: 'None of {count} families shares across pooling areas and pays from a quota.',
  },
  'family.found': {
    zh: '查看了 {count} 户后找到。',
    en: 'Found after looking at {count} families.',
  },
  'family.fallback': {
    zh: '查看了 {count} 户仍未找到跨省共济的家庭，这一户在省内跨统筹地区共济。',
    en: 'No family sharing across provinces in {count} families; this one shares across pooling areas within a province.',
  },
  'family.start': { zh: '全年开始之前', en: 'Before the year begins' },
  'family.open': { zh: '期初余额', en: 'Opening balances' },
  'family.month': { zh: '本月划入与本人支付', en: "The month's credits and own spending" },
  'family.event': { zh: '事件', en: 'Event' },
  'family.refusal': { zh: '被拒绝的操作', en: 'Refused operation' },
  rule: { zh: '规则', en: 'Rule' },
  code: { zh: '代码', en: 'Code' },
});

/** A key of the trainer's dictionary. */
export type TrainerKey = keyof typeof trainerMessages;

/** Fills `{name}` slots of a text with values (the workspaces' one placeholder filler). */
export { fill } from '../placeholders';
