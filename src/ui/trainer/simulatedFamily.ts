/**
 * A simulated family as steps (模拟家庭逐步演示): the engine's trace of one family of the synthetic
 * population is cut into the steps a trainer walks through. Postings stay in booking order; those
 * that share a time stamp make one event (a bill, a quota set, a return); the monthly credits and
 * own spending (CREDIT, R8) of all members make one step per month, since a year of them would
 * drown the story; the opening balances (OPEN) are the first step. Each step carries the refusals met at its
 * moment, every balance after it and a short bilingual narration. Pure functions only.
 */
import type { FamilyTrace, TracedRefusal } from '../../engine/result';
import type { Posting } from '../../rules/ledger';
import { formatStamp, monthOf } from '../../rules/time';
import { formatFen } from '../../text/format';
import type { Lang, Message } from '../../text/i18n';
import type { DebtPair } from './chain';
import { RULE_TEXT } from './ruleText';

/** What a step of a simulated family is: the opening, one month's credits and own spending, an event, or a refusal alone. */
export type FamilyStepKind = 'open' | 'month' | 'event' | 'refusal';

/** One step of a simulated family. */
export interface FamilyStep {
  kind: FamilyStepKind;
  /** Minute stamp of the step (for a month, of its first posting). */
  at: number;
  /** `YYYY-MM` of the step. */
  month: string;
  /** The step's postings, in booking order. */
  postings: Posting[];
  /** Refusals met at the step's moment. */
  refusals: TracedRefusal[];
  /** Every account used so far with its balance after the step, in fen. */
  balances: Record<string, number>;
  narration: Message;
}

/** Whether a posting is a monthly credit or the holder's own spending (grouped by month). */
function isMonthly(p: Posting): boolean {
  return p.rule === 'CREDIT' || p.rule === 'R8';
}

/** A group of postings before balances and narration are added. */
interface Group {
  kind: FamilyStepKind;
  at: number;
  postings: Posting[];
  refusals: TracedRefusal[];
}

/**
 * Cuts the postings into groups: the OPEN postings, events by time stamp, and one group per month of
 * credits and own spending, placed where the first of them was booked. The engine books a person's
 * credits lazily, just before their balance is next read, so moving later ones of the same month up
 * to that place never passes a posting on the same account: every balance an event reads is kept.
 */
function groupPostings(postings: readonly Posting[]): Group[] {
  const groups: Group[] = [];
  const months = new Map<string, Group>();
  let current: Group | null = null;
  let lastMonthly: string | null = null;
  for (const p of postings) {
    const at = p.at ?? 0;
    const lowering = p.rule === 'R7' && p.from.startsWith('quota:');
    // Quotas lowered to cover own spending (R7) are booked among that month's spending postings.
    const monthly: boolean = isMonthly(p) || (lowering && lastMonthly === monthOf(at));
    lastMonthly = monthly ? monthOf(at) : null;
    if (monthly) {
      const month = monthOf(at);
      let g = months.get(month);
      if (!g) {
        g = { kind: 'month', at, postings: [], refusals: [] };
        months.set(month, g);
        groups.push(g);
        current = null;
      }
      g.postings.push(p);
      continue;
    }
    const kind: FamilyStepKind = p.rule === 'OPEN' ? 'open' : 'event';
    if (!current || current.kind !== kind || (kind === 'event' && current.at !== at)) {
      current = { kind, at, postings: [], refusals: [] };
      groups.push(current);
    }
    current.postings.push(p);
  }
  return groups;
}

/** Puts each refusal on the event at its moment, or on a step of its own before the first later event. */
function placeRefusals(groups: Group[], refusals: readonly TracedRefusal[]): void {
  for (const r of refusals) {
    const same = groups.find((g) => (g.kind === 'event' || g.kind === 'refusal') && g.at === r.at);
    if (same) {
      same.refusals.push(r);
      continue;
    }
    const later = groups.findIndex((g) => g.kind !== 'open' && g.at > r.at);
    const own: Group = { kind: 'refusal', at: r.at, postings: [], refusals: [r] };
    if (later === -1) groups.push(own);
    else groups.splice(later, 0, own);
  }
}

const PAYEE: Readonly<Record<string, Message>> = {
  hospital: { zh: '医院', en: 'a hospital' },
  pharmacy: { zh: '药店', en: 'a pharmacy' },
  'resident-contribution-collector': { zh: '居民医保缴费', en: 'the resident contribution' },
  'ltc-contribution-collector': { zh: '长护险缴费', en: 'the long-term-care contribution' },
};

/** What a payee account is, in words (`payee:pharmacy:110000` → 药店 / a pharmacy). */
function payeeWords(account: string): Message {
  const kind = account.split(':')[1] ?? '';
  return PAYEE[kind] ?? { zh: kind, en: kind };
}

/** One clause of an event's narration for a posting, e.g. `R11 额度支付药店 / R11 the quota pays a pharmacy`. */
function clause(p: Posting): Message {
  const to = p.to.startsWith('payee:') ? payeeWords(p.to) : null;
  const from = p.from.slice(0, p.from.indexOf(':'));
  if (p.rule === 'R11' && to) return { zh: `额度支付${to.zh}`, en: `the quota pays ${to.en}` };
  if (p.rule === 'R12' && to && from === 'account')
    return { zh: `本人账户支付${to.zh}`, en: `their own account pays ${to.en}` };
  if (p.rule === 'R12' && to && from === 'cash') return { zh: `现金支付${to.zh}`, en: `cash pays ${to.en}` };
  if (p.rule === 'R7' && p.to.startsWith('quota:')) return { zh: '设定额度', en: 'a quota is set' };
  if (p.rule === 'R7') return { zh: '调低额度，释放', en: 'a quota is lowered, releasing' };
  if (p.rule === 'R10') return { zh: '未用额度退回', en: 'the unused quota returns' };
  if (p.rule === 'R9') return { zh: '划入亲属钱包', en: "money moves into the relative's wallet" };
  return RULE_TEXT[p.rule].name;
}

/** Joins clauses of one language. */
const join = (parts: readonly string[], lang: Lang) => parts.join(lang === 'zh' ? '；' : '; ');

/** The narration of an event: one clause per (rule, kind of movement), amounts added up, in order. */
function eventNarration(postings: readonly Posting[], refusals: readonly TracedRefusal[]): Message {
  const clauses = new Map<string, { rule: string; words: Message; fen: number }>();
  for (const p of postings) {
    const words = clause(p);
    const key = `${p.rule}|${words.en}`;
    const c = clauses.get(key) ?? { rule: p.rule, words, fen: 0 };
    c.fen += p.amountFen;
    clauses.set(key, c);
  }
  const say = (lang: Lang) => {
    const parts = [...clauses.values()].map((c) => `${c.rule} ${c.words[lang]} ${formatFen(c.fen, lang)}`);
    for (const r of refusals) {
      parts.push(lang === 'zh' ? `${r.rule} 拒绝（${r.code}）` : `${r.rule} refuses (${r.code})`);
    }
    return join(parts, lang);
  };
  return { zh: say('zh'), en: say('en') };
}

/** The narration of one month's credits and own spending (and quotas lowered to meet it). */
function monthNarration(month: string, postings: readonly Posting[]): Message {
  const sum = (test: (p: Posting) => boolean) => postings.filter(test).reduce((s, p) => s + p.amountFen, 0);
  const credit = sum((p) => p.rule === 'CREDIT');
  const own = sum((p) => p.rule === 'R8' && p.from.startsWith('account:'));
  const cash = sum((p) => p.rule === 'R8' && p.from.startsWith('cash:'));
  const released = sum((p) => p.rule === 'R7');
  const say = (lang: Lang) => {
    const zh = lang === 'zh';
    const parts: string[] = [];
    if (credit)
      parts.push(zh ? `每月划入 ${formatFen(credit, lang)}` : `monthly credits ${formatFen(credit, lang)}`);
    if (released)
      parts.push(
        zh
          ? `R7 调低额度，释放 ${formatFen(released, lang)}`
          : `R7 quotas lowered, releasing ${formatFen(released, lang)}`,
      );
    if (own)
      parts.push(
        zh
          ? `R8 本人账户自付 ${formatFen(own, lang)}`
          : `R8 own spending from the accounts ${formatFen(own, lang)}`,
      );
    if (cash)
      parts.push(
        zh ? `R8 本人现金自付 ${formatFen(cash, lang)}` : `R8 own spending in cash ${formatFen(cash, lang)}`,
      );
    return `${month}${zh ? '：' : ': '}${join(parts, lang)}`;
  };
  return { zh: say('zh'), en: say('en') };
}

/** The narration of the opening balances. */
function openNarration(postings: readonly Posting[]): Message {
  const total = postings.reduce((s, p) => s + p.amountFen, 0);
  const n = postings.length;
  return {
    zh: `OPEN 期初余额：${n} 个个人账户共 ${formatFen(total, 'zh')}`,
    en: `OPEN opening balances: ${n} personal account${n === 1 ? '' : 's'} hold ${formatFen(total, 'en')}`,
  };
}

/** The steps of a family's trace, in order, with balances and narration. */
export function traceSteps(trace: FamilyTrace): FamilyStep[] {
  const groups = groupPostings(trace.postings);
  placeRefusals(groups, trace.refusals);
  const balances: Record<string, number> = {};
  return groups.map((g) => {
    for (const p of g.postings) {
      balances[p.from] = (balances[p.from] ?? 0) - p.amountFen;
      balances[p.to] = (balances[p.to] ?? 0) + p.amountFen;
    }
    const month = formatStamp(g.at).slice(0, 7);
    const narration =
      g.kind === 'open'
        ? openNarration(g.postings)
        : g.kind === 'month'
          ? monthNarration(month, g.postings)
          : eventNarration(g.postings, g.refusals);
    return { ...g, month, balances: { ...balances }, narration };
  });
}

/**
 * What pooling areas owe each other for quota payments (C1) up to step `upTo` (1-based, inclusive):
 * a quota posting to a payee in another area than the sharer's is a debt of the sharer's area; the
 * step `upTo` itself counts as the current step.
 */
export function familyDebts(trace: FamilyTrace, steps: readonly FamilyStep[], upTo: number): DebtPair[] {
  const areaOf = new Map(trace.persons.map((p) => [p.id, p.area]));
  const sharerArea = new Map(trace.relationships.map((r) => [`quota:${r.id}`, areaOf.get(r.sharerId) ?? '']));
  const pairs = new Map<string, DebtPair>();
  steps.slice(0, upTo).forEach((s, i) => {
    for (const p of s.postings) {
      if (!p.from.startsWith('quota:') || !p.to.startsWith('payee:')) continue;
      const fromArea = sharerArea.get(p.from) ?? '';
      const toArea = p.to.slice(p.to.lastIndexOf(':') + 1);
      if (fromArea === '' || fromArea === toArea) continue;
      const key = `${fromArea}>${toArea}`;
      const d = pairs.get(key) ?? { fromArea, toArea, totalFen: 0, stepFen: 0 };
      d.totalFen += p.amountFen;
      if (i === upTo - 1) d.stepFen += p.amountFen;
      pairs.set(key, d);
    }
  });
  return [...pairs.values()];
}
