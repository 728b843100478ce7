/**
 * The remembered language (记住的语言) in localStorage. Storage may be missing or refuse access
 * (private windows, blocked cookies); then nothing is remembered and nothing fails.
 */
import type { Lang } from '../text/i18n';
import { LANG_STORAGE_KEY } from './location';

/** Reads the remembered language as stored (unchecked), or null. */
export function readStoredLang(win: Window): string | null {
  try {
    return win.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers `lang`; silently does nothing when storage is unavailable. */
export function storeLang(win: Window, lang: Lang): void {
  try {
    win.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage blocked: the URL still carries the language.
  }
}
