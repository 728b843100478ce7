/**
 * Languages of the workbench (界面语言): Chinese (the default) and English. A message is a record with
 * one text per language, so a missing translation is a type error where the message is defined.
 */

/** A language the interface speaks. */
export type Lang = 'zh' | 'en';

/** Every language, the default first. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The language a first visit opens in. */
export const DEFAULT_LANG: Lang = 'zh';

/** One text in every language. */
export type Message = Readonly<Record<Lang, string>>;

/** The BCP 47 tag for `<html lang>` and for `Intl` formatters. */
export const LANG_TAG: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

/** True when `value` names a language of the interface. */
export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/**
 * Declares a dictionary of messages. The constraint makes every entry carry a text for every
 * language, and the keys stay literal, so `t()` accepts only keys that exist.
 */
export function defineMessages<K extends string>(messages: Record<K, Message>): Readonly<Record<K, Message>> {
  return messages;
}

/** Called after the language changed. */
export type LangListener = (lang: Lang) => void;

/**
 * The current language and a lookup into one dictionary. Switching the language notifies the
 * listeners, which re-render what they drew.
 */
export class I18n<K extends string> {
  #lang: Lang;
  readonly #messages: Readonly<Record<K, Message>>;
  readonly #listeners = new Set<LangListener>();

  constructor(messages: Readonly<Record<K, Message>>, lang: Lang = DEFAULT_LANG) {
    this.#messages = messages;
    this.#lang = lang;
  }

  /** The current language. */
  get lang(): Lang {
    return this.#lang;
  }

  /** The text of `key` in the current language. */
  t(key: K): string {
    return this.#messages[key][this.#lang];
  }

  /** Switches the language; listeners run only when it actually changes. */
  setLang(lang: Lang): void {
    if (lang === this.#lang) return;
    this.#lang = lang;
    for (const listener of this.#listeners) listener(lang);
  }

  /** Registers a listener for language changes; returns the function that removes it. */
  onChange(listener: LangListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
