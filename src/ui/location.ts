/**
 * The shell's state in the address (地址栏状态): the language in the query (`?lang=en`) and the open
 * workspace in the hash (`#prepayment`), so a link reopens the same view. Pure functions only.
 */
import { DEFAULT_LANG, isLang, type Lang } from '../text/i18n';
import { DEFAULT_WORKSPACE, isWorkspaceId, type WorkspaceId } from './workspaces';

/** The query parameter that holds the language. */
export const LANG_PARAM = 'lang';

/** The localStorage key that remembers the last language chosen. */
export const LANG_STORAGE_KEY = 'gongji.lang';

/**
 * The language to open in: the URL's `lang=` when valid, else the remembered choice when valid,
 * else Chinese.
 */
export function resolveLang(search: string, stored: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get(LANG_PARAM);
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(stored)) return stored;
  return DEFAULT_LANG;
}

/** The workspace a hash names (`#trainer` → `trainer`); the default for an empty or unknown hash. */
export function workspaceFromHash(hash: string): WorkspaceId {
  const id = hash.replace(/^#/, '');
  return isWorkspaceId(id) ? id : DEFAULT_WORKSPACE;
}

/**
 * The address for a language and workspace, keeping the path and any other query parameters of
 * `href`: e.g. (`http://h/?x=1`, `en`, `trainer`) → `/?x=1&lang=en#trainer`.
 */
export function shellPath(href: string, lang: Lang, workspace: WorkspaceId): string {
  const url = new URL(href);
  url.searchParams.set(LANG_PARAM, lang);
  url.hash = workspace;
  return `${url.pathname}${url.search}${url.hash}`;
}
