/**
 * The language switch (语言切换): one button per language, each labelled in its own language,
 * the current one marked with aria-pressed.
 */
import { el } from './dom';
import { LANG_TAG, LANGS, type I18n, type Lang } from '../text/i18n';
import type { MessageKey } from './messages';

/** Each language's name in that language. */
const NATIVE_NAME: Readonly<Record<Lang, string>> = { zh: '中文', en: 'English' };

/** Builds the switch; clicking a button calls `i18n.setLang`. Keeps itself in step with `i18n`. */
export function createLangSwitch(doc: Document, i18n: I18n<MessageKey>): HTMLElement {
  const buttons = LANGS.map((lang) => {
    const button = el(
      doc,
      'button',
      { type: 'button', lang: LANG_TAG[lang], 'data-lang': lang },
      NATIVE_NAME[lang],
    );
    button.addEventListener('click', () => i18n.setLang(lang));
    return { lang, button };
  });
  const group = el(doc, 'div', { class: 'lang-switch', role: 'group' }, ...buttons.map((b) => b.button));
  const sync = (): void => {
    group.setAttribute('aria-label', i18n.t('lang.label'));
    for (const { lang, button } of buttons) button.setAttribute('aria-pressed', String(lang === i18n.lang));
  };
  i18n.onChange(sync);
  sync();
  return group;
}
