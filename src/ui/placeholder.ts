/**
 * The content of a workspace that is not built yet (待建工作区): who it is for, a plain notice that
 * it does nothing yet, and the list of what it will hold. No charts, no figures.
 */
import { el } from './dom';
import type { I18n } from './i18n';
import type { MessageKey } from './messages';
import type { WorkspaceSpec } from './workspaces';

/** Fills `panel` with the description of `spec` in the current language, replacing what was there. */
export function renderPlaceholder(panel: HTMLElement, spec: WorkspaceSpec, i18n: I18n<MessageKey>): void {
  const doc = panel.ownerDocument;
  const t = (key: MessageKey): string => i18n.t(key);
  panel.replaceChildren(
    el(doc, 'h2', {}, t(spec.title)),
    el(doc, 'p', { class: 'audience' }, t(spec.audience)),
    el(
      doc,
      'p',
      { class: 'status', 'data-status': 'not-built' },
      el(doc, 'strong', { class: 'badge' }, t('status.notBuilt')),
      ' ',
      t('status.notBuiltNote'),
    ),
    el(doc, 'h3', {}, t('status.plan')),
    el(doc, 'ul', { class: 'plan' }, ...spec.plan.map((key) => el(doc, 'li', {}, t(key)))),
  );
}
