/**
 * The workbench shell (工作台外壳): product name and tagline, the language switch, and the four
 * workspaces as tabs. The language lives in `?lang=` and localStorage, the open workspace in the
 * hash; `<html lang>` follows the language.
 */
import { el } from './dom';
import { I18n, LANG_TAG } from '../text/i18n';
import { createLangSwitch } from './langSwitch';
import { resolveLang, shellPath, workspaceFromHash } from './location';
import { type MessageKey, messages } from './messages';
import { readStoredLang, storeLang } from './storage';
import { createTabs, type Tabs } from './tabs';
import type { WorkbenchServices, WorkspaceFactory, WorkspaceView } from './view';
import { WORKSPACES, type WorkspaceId } from './workspaces';

/** What a mounted shell exposes to the code that mounted it. */
export interface Shell {
  i18n: I18n<MessageKey>;
  tabs: Tabs<WorkspaceId>;
}

/**
 * Builds the shell inside `root`, reading and writing the state of `win` (address, storage).
 * Each workspace is mounted once from its factory in `views`.
 */
export function mountShell(
  root: HTMLElement,
  win: Window,
  views: Readonly<Record<WorkspaceId, WorkspaceFactory>>,
  services: WorkbenchServices,
): Shell {
  const doc = root.ownerDocument;
  const i18n = new I18n(messages, resolveLang(win.location.search, readStoredLang(win)));

  const tagline = el(doc, 'p', { class: 'tagline' });
  const masthead = el(
    doc,
    'header',
    { class: 'masthead' },
    el(
      doc,
      'div',
      { class: 'title' },
      el(
        doc,
        'h1',
        { class: 'brand' },
        el(doc, 'span', { lang: LANG_TAG.zh }, '共济'),
        ' ',
        el(doc, 'span', { lang: LANG_TAG.en }, 'Gongji'),
      ),
      tagline,
    ),
    createLangSwitch(doc, i18n),
  );

  const items = WORKSPACES.map((spec) => ({
    id: spec.id,
    spec,
    tab: el(doc, 'button', { type: 'button', id: `tab-${spec.id}`, class: 'tab' }),
    panel: el(doc, 'section', { id: `panel-${spec.id}`, class: 'panel' }),
  }));
  const tablist = el(doc, 'div', { class: 'tablist' }, ...items.map((item) => item.tab));
  const main = el(doc, 'main', { class: 'workspaces' }, tablist, ...items.map((item) => item.panel));

  const writeAddress = (): void => {
    win.history.replaceState(win.history.state, '', shellPath(win.location.href, i18n.lang, tabs.selected));
  };
  const mounted = new Map<WorkspaceId, WorkspaceView>();
  const onSelect = (): void => {
    writeAddress();
    mounted.get(tabs.selected)?.shown?.();
  };
  const tabs = createTabs(tablist, items, workspaceFromHash(win.location.hash), onSelect);
  for (const { id, panel } of items) {
    mounted.set(id, views[id]({ panel, i18n, win, services }));
  }

  const renderTexts = (): void => {
    doc.documentElement.lang = LANG_TAG[i18n.lang];
    tagline.textContent = i18n.t('tagline');
    tablist.setAttribute('aria-label', i18n.t('tabs.label'));
    for (const { spec, tab } of items) {
      tab.textContent = i18n.t(spec.title);
      mounted.get(spec.id)!.relabel(i18n.lang);
    }
  };

  i18n.onChange((lang) => {
    storeLang(win, lang);
    renderTexts();
    writeAddress();
  });
  win.addEventListener('hashchange', () => {
    tabs.select(workspaceFromHash(win.location.hash));
    onSelect();
  });

  root.replaceChildren(masthead, main);
  renderTexts();
  onSelect();
  return { i18n, tabs };
}
