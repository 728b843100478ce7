/**
 * The current step (当前步骤): when and what, the narration, then every posting with its rule id,
 * amount and the rule's explanation, or the refusal with its rule id, code and own message.
 */
import type { RuleId } from '../../rules/ids';
import type { StoryFrame } from '../../scenario/storyRun';
import type { StoryStep } from '../../scenario/storySchema';
import { el } from '../dom';
import { formatFen } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { labelOf, REFUSAL_LABELS, ruleIdText } from '../../text/labels';
import type { StoryLabels } from './labels';
import { trainerMessages as M } from './messages';
import { RULE_TEXT } from './ruleText';

/**
 * A rule id as a badge with the rule's short name as its title: R1–R12 as they are, OPEN and CREDIT
 * named in Chinese (期初余额, 每月划入).
 */
export function ruleBadge(doc: Document, rule: RuleId, lang: Lang): HTMLElement {
  return el(
    doc,
    'span',
    { class: 'rule-badge', 'data-rule': rule, title: RULE_TEXT[rule].name[lang] },
    // English keeps the engine's ids (OPEN, CREDIT), as the trace and the tables write them.
    lang === 'zh' ? ruleIdText(rule, lang) : rule,
  );
}

/** The explanation line of a rule: its name and sentence. */
export function ruleLine(doc: Document, rule: RuleId, lang: Lang): HTMLElement {
  const t = RULE_TEXT[rule];
  return el(
    doc,
    'p',
    { class: 'rule-text' },
    el(doc, 'strong', {}, `${t.name[lang]}${lang === 'zh' ? '：' : ': '}`),
    t.text[lang],
  );
}

/**
 * A refusal as a status box: "Refused", the rule badge and the refusal code, then `head` (more of
 * the heading line) and `body` (what follows it).
 */
export function refusalBox(
  doc: Document,
  f: { rule: RuleId; code: string },
  lang: Lang,
  head: (Node | string)[],
  body: Node[],
): HTMLElement {
  return el(
    doc,
    'div',
    { class: 'refusal', role: 'status', 'data-rule': f.rule, 'data-code': f.code },
    el(
      doc,
      'p',
      { class: 'refusal-head' },
      el(doc, 'strong', {}, M.refused[lang]),
      ' ',
      ruleBadge(doc, f.rule, lang),
      ' ',
      // The refusal's code for readers of the engine's tables in English; its name in Chinese.
      lang === 'zh'
        ? el(doc, 'span', { class: 'refusal-code', title: f.code }, labelOf(REFUSAL_LABELS, f.code, lang))
        : el(doc, 'code', {}, f.code),
      ...head,
    ),
    ...body,
  );
}

/** One posting as a list item: rule badge, from → to, amount, and (when `explain`) the rule's explanation. */
export function postingItem(
  doc: Document,
  p: { rule: RuleId; from: string; to: string; amountFen: number },
  labels: StoryLabels,
  lang: Lang,
  explain: boolean,
): HTMLElement {
  return el(
    doc,
    'li',
    { class: 'posting', 'data-rule': p.rule, 'data-fen': String(p.amountFen) },
    el(
      doc,
      'p',
      { class: 'posting-line' },
      ruleBadge(doc, p.rule, lang),
      ' ',
      el(doc, 'span', { class: 'posting-from' }, labels.account(p.from)),
      ' → ',
      el(doc, 'span', { class: 'posting-to' }, labels.account(p.to)),
      ' ',
      el(doc, 'strong', { class: 'posting-amount' }, formatFen(p.amountFen, lang)),
    ),
    ...(explain ? [ruleLine(doc, p.rule, lang)] : []),
  );
}

/** The date and time of a step, `2026-03-10 10:30`. */
function when(step: StoryStep): string {
  return step.at.replace('T', ' ');
}

/** Renders the step `frame` of `step` (or the story's start when `frame` is null) into `host`. */
export function renderStep(
  host: HTMLElement,
  step: StoryStep | null,
  frame: StoryFrame | null,
  labels: StoryLabels,
): void {
  const doc = host.ownerDocument;
  const lang = labels.lang;
  if (!step || !frame) {
    host.replaceChildren(
      el(doc, 'p', { class: 'step-head' }, M.start[lang]),
      el(doc, 'p', { class: 'narration' }, labels.story.description[lang], ' ', M['start.note'][lang]),
    );
    return;
  }
  const head = el(
    doc,
    'p',
    { class: 'step-head' },
    el(doc, 'span', { class: 'step-op' }, M[`op.${step.op}`][lang]),
    ' · ',
    el(doc, 'time', { datetime: step.at }, when(step)),
  );
  const narration = el(doc, 'p', { class: 'narration' }, step.narration[lang]);
  const r = frame.result;
  if (!r.ok) {
    const f = r.refusal;
    host.replaceChildren(
      head,
      narration,
      refusalBox(
        doc,
        f,
        lang,
        [],
        [
          el(doc, 'p', { class: 'refusal-message' }, f.message[lang]),
          ruleLine(doc, f.rule, lang),
          el(doc, 'p', { class: 'note' }, M['refused.note'][lang]),
        ],
      ),
    );
    return;
  }
  const items = r.postings.map((p) => postingItem(doc, p, labels, lang, true));
  const ended = r.ended.length
    ? [
        el(
          doc,
          'p',
          { class: 'ended' },
          `${M.ended[lang]}${lang === 'zh' ? '：' : ': '}`,
          r.ended.map((id) => labels.relationship(id)).join(lang === 'zh' ? '、' : ', '),
        ),
      ]
    : [];
  host.replaceChildren(
    head,
    narration,
    el(doc, 'h3', {}, M.postings[lang]),
    items.length
      ? el(doc, 'ol', { class: 'postings' }, ...items)
      : el(doc, 'p', { class: 'note' }, M['postings.none'][lang]),
    ...ended,
  );
}
