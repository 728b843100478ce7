/**
 * The people of a story (故事人物): each person's name, insurance scheme and place of insurance as
 * they stand after the current step (a move shows the new place), so a trainee knows who can share.
 */
import type { Scheme } from '../../rules/types';
import { el } from '../dom';
import type { Message } from '../../text/i18n';
import type { StoryLabels } from './labels';

const SCHEME: Readonly<Record<Scheme, Message>> = {
  'employee-account': { zh: '职工医保（有个人账户）', en: 'employee insurance with a personal account' },
  'employee-pooling-only': {
    zh: '职工医保（单建统筹，无个人账户）',
    en: 'employee insurance, pooling only (no account)',
  },
  resident: { zh: '城乡居民医保', en: 'resident insurance' },
  uninsured: { zh: '未参保', en: 'not insured' },
};

/** Renders the story's people into `host`; `areas` gives each person's pooling area now. */
export function renderCast(
  host: HTMLElement,
  labels: StoryLabels,
  areas: Readonly<Record<string, string>>,
): void {
  const doc = host.ownerDocument;
  const lang = labels.lang;
  const items = labels.story.people.map((p) => {
    const area = areas[p.id] ?? p.poolingArea;
    const where = `${labels.place(area)}（${labels.place(area.slice(0, 2))}）`;
    const place = lang === 'zh' ? where : `${labels.place(area)}, ${labels.place(area.slice(0, 2))}`;
    return el(
      doc,
      'li',
      { 'data-person': p.id },
      el(doc, 'strong', {}, p.name[lang]),
      // A person insured nowhere (a simulated family's uninsured member) has no place to show.
      area === ''
        ? `${lang === 'zh' ? '：' : ': '}${SCHEME[p.scheme][lang]}`
        : lang === 'zh'
          ? `：${SCHEME[p.scheme][lang]}，${place}`
          : `: ${SCHEME[p.scheme][lang]}, ${place}`,
    );
  });
  host.replaceChildren(el(doc, 'ul', { class: 'cast' }, ...items));
}
