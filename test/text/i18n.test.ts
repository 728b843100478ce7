import { describe, expect, test, vi } from 'vitest';
import { defineMessages, I18n, isLang, LANGS } from '../../src/text/i18n';
import { messages } from '../../src/ui/messages';

const dictionary = defineMessages({
  hello: { zh: '你好', en: 'Hello' },
});

describe('I18n', () => {
  test('t(key) answers in Chinese by default and in English after setLang("en")', () => {
    const i18n = new I18n(dictionary);
    expect(i18n.t('hello')).toBe('你好');
    i18n.setLang('en');
    expect(i18n.lang).toBe('en');
    expect(i18n.t('hello')).toBe('Hello');
  });

  test('setLang notifies listeners only on a real change, and not after removal', () => {
    const i18n = new I18n(dictionary, 'en');
    const listener = vi.fn();
    const remove = i18n.onChange(listener);
    i18n.setLang('en');
    expect(listener).not.toHaveBeenCalled();
    i18n.setLang('zh');
    expect(listener).toHaveBeenCalledExactlyOnceWith('zh');
    remove();
    i18n.setLang('en');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('defineMessages refuses a message without every language (type check)', () => {
    // @ts-expect-error the English text is missing
    const broken = defineMessages({ only: { zh: '只有中文' } });
    expect(broken.only.zh).toBe('只有中文');
  });

  test('isLang accepts exactly the interface languages', () => {
    expect(LANGS.every(isLang)).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});

describe('messages', () => {
  test('every message has a non-empty text in every language, and the texts differ', () => {
    for (const [key, message] of Object.entries(messages)) {
      for (const lang of LANGS) expect(message[lang].trim(), `${key}.${lang}`).not.toBe('');
      expect(message.zh, key).not.toBe(message.en);
    }
  });
});
