/**
 * A step of a simulated family (模拟家庭的当前步骤): when, the narration built from its rule ids
 * and amounts, every posting with its rule id, accounts and amount (each rule explained once), and
 * the refusals met at that moment with their rule ids and codes.
 */
import type { RuleId } from '../../rules/ids';
import { formatStamp } from '../../rules/time';
import { el } from '../dom';
import type { StoryLabels } from './labels';
import { trainerMessages as M } from './messages';
import type { FamilyStep } from './simulatedFamily';
import { postingItem, refusalBox, ruleLine } from './stepView';

/** Renders `step` of a simulated family (or its start when null) into `host`. */
export function renderFamilyStep(host: HTMLElement, step: FamilyStep | null, labels: StoryLabels): void {
  const doc = host.ownerDocument;
  const lang = labels.lang;
  if (!step) {
    host.replaceChildren(
      el(doc, 'p', { class: 'step-head' }, M['family.start'][lang]),
      el(doc, 'p', { class: 'narration' }, labels.story.description[lang], ' ', M['start.note'][lang]),
    );
    return;
  }
  const stamp = formatStamp(step.at);
  const head = el(
    doc,
    'p',
    { class: 'step-head' },
    el(doc, 'span', { class: 'step-op' }, M[`family.${step.kind}`][lang]),
    ' · ',
    step.kind === 'month'
      ? el(doc, 'time', { datetime: step.month }, step.month)
      : el(doc, 'time', { datetime: stamp }, stamp.replace('T', ' ')),
  );
  const narration = el(doc, 'p', { class: 'narration' }, step.narration[lang]);
  const refusals = step.refusals.map((f) =>
    refusalBox(doc, f, lang, [' · ', labels.person(f.personId)], [ruleLine(doc, f.rule, lang)]),
  );
  const explained = new Set<RuleId>();
  const items = step.postings.map((p) => {
    const first = !explained.has(p.rule);
    explained.add(p.rule);
    return postingItem(doc, p, labels, lang, first);
  });
  host.replaceChildren(
    head,
    narration,
    ...refusals,
    el(doc, 'h3', {}, M.postings[lang]),
    items.length
      ? el(doc, 'ol', { class: 'postings' }, ...items)
      : el(doc, 'p', { class: 'note' }, M['postings.none'][lang]),
  );
}
