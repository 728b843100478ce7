/**
 * Accessible tabs (标签页) following the WAI-ARIA tabs pattern: role=tablist/tab/tabpanel,
 * aria-selected, a roving tabindex, and Left/Right/Home/End moving and activating the tab.
 */

/** One tab and the panel it shows. */
export interface TabItem<Id extends string> {
  id: Id;
  tab: HTMLElement;
  panel: HTMLElement;
}

/** The controller returned by `createTabs`. */
export interface Tabs<Id extends string> {
  /** The id of the selected tab. */
  readonly selected: Id;
  /** Selects a tab (showing its panel); with `focus`, moves keyboard focus to it. */
  select(id: Id, focus?: boolean): void;
}

/**
 * Wires `items` into `tablist` (their tabs must already be its children) and selects `initial`.
 * `onSelect` runs when the user (click or keys) selects a different tab, not for `select()` calls.
 */
export function createTabs<Id extends string>(
  tablist: HTMLElement,
  items: readonly TabItem<Id>[],
  initial: Id,
  onSelect: (id: Id) => void,
): Tabs<Id> {
  let selected = initial;
  tablist.setAttribute('role', 'tablist');
  for (const { id, tab, panel } of items) {
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    tab.addEventListener('click', () => userSelect(id, false));
  }

  function apply(id: Id, focus: boolean): void {
    selected = id;
    for (const item of items) {
      const on = item.id === id;
      item.tab.setAttribute('aria-selected', String(on));
      item.tab.tabIndex = on ? 0 : -1;
      item.panel.hidden = !on;
      if (on && focus) item.tab.focus();
    }
  }

  function userSelect(id: Id, focus: boolean): void {
    const changed = id !== selected;
    apply(id, focus);
    if (changed) onSelect(id);
  }

  tablist.addEventListener('keydown', (event) => {
    const at = items.findIndex((item) => item.id === selected);
    const last = items.length - 1;
    const target: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowLeft: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const next = target[event.key];
    const item = next === undefined ? undefined : items[next];
    if (!item) return;
    event.preventDefault();
    userSelect(item.id, true);
  });

  apply(initial, false);
  return {
    get selected() {
      return selected;
    },
    select: (id, focus = false) => apply(id, focus),
  };
}
