/**
 * The list of scenarios to compare (方案列表): the bundled ones, the files opened in this session
 * and the edited copy, each with a box to tick it and a button that downloads it as a scenario file;
 * an opened file can be removed. The list is redrawn when files are opened or removed, keeping what
 * was ticked.
 */
import { clip, type Scenario } from '../../scenario';
import type { Lang } from '../../text/i18n';
import { el } from '../dom';
import { EDITED_TOKEN } from './address';
import { type CompareMessageKey, compareMessages } from './messages';
import { fill } from '../placeholders';

/** One scenario of the list, and where it comes from. */
export interface ScenarioChoice {
  scenario: Scenario;
  /** The name of the file it was opened from, or null for a bundled scenario. */
  file: string | null;
}

/** The list's scenarios: the bundled ones in their order, then the opened files in the order opened. */
export function scenarioChoices(
  bundled: readonly Scenario[],
  opened: readonly { scenario: Scenario; file: string }[],
): ScenarioChoice[] {
  return [
    ...bundled.map((scenario) => ({ scenario, file: null })),
    ...opened.map(({ scenario, file }) => ({ scenario, file })),
  ];
}

/** The text beside a scenario's id: its title, and for an opened file the file's name (cut). */
export function choiceText(choice: ScenarioChoice, lang: Lang): string {
  const title = choice.scenario.title[lang];
  if (choice.file === null) return title;
  const origin = fill(compareMessages['file.origin'][lang], { file: clip(choice.file, lang) });
  return `${title} · ${origin}`;
}

/** Options of {@link createScenarioList}. */
export interface ScenarioListOptions {
  lang: Lang;
  /** The ids ticked at first, {@link EDITED_TOKEN} for the edited copy. */
  checked: readonly string[];
  /** Called with a scenario's id, or {@link EDITED_TOKEN}, when its download button is pressed. */
  onDownload: (id: string) => void;
  /** Called with an opened file's id when its remove button is pressed. */
  onRemove: (id: string) => void;
}

/** What the workspace holds of the list. */
export interface ScenarioList {
  element: HTMLFieldSetElement;
  /** The edited copy's box, which the editor ticks when the copy changes. */
  editedBox: HTMLInputElement;
  /** Shows `choices` (then the edited copy), keeping the boxes that were ticked. */
  set(choices: readonly ScenarioChoice[]): void;
  /** Ticks (or unticks) the scenario with `id`. */
  check(id: string, on?: boolean): void;
  /** The ticked scenarios' ids in the list's order, without the edited copy. */
  checked(): string[];
  relabel(lang: Lang): void;
}

/** One row of the list. */
interface Row {
  choice: ScenarioChoice;
  input: HTMLInputElement;
  sub: HTMLElement;
  download: HTMLButtonElement;
  remove: HTMLButtonElement | null;
  element: HTMLElement;
}

/** Builds the list. */
export function createScenarioList(doc: Document, options: ScenarioListOptions): ScenarioList {
  let lang = options.lang;
  const t = (key: CompareMessageKey): string => compareMessages[key][lang];
  const legend = el(doc, 'legend');
  const downloadButton = (id: string): HTMLButtonElement => {
    const button = el(doc, 'button', {
      type: 'button',
      class: 'download-scenario',
      'data-download-scenario': id,
    });
    button.addEventListener('click', () => options.onDownload(id));
    return button;
  };
  const editedBox = el(doc, 'input', {
    type: 'checkbox',
    value: EDITED_TOKEN,
    checked: options.checked.includes(EDITED_TOKEN),
  });
  const editedText = el(doc, 'span');
  const editedDownload = downloadButton(EDITED_TOKEN);
  const editedRow = el(
    doc,
    'div',
    { class: 'choice' },
    el(doc, 'label', { 'data-scenario': EDITED_TOKEN }, editedBox, ' ', editedText),
    editedDownload,
  );
  const element = el(doc, 'fieldset', { class: 'choices' }, legend, editedRow);
  let rows: Row[] = [];
  let ticked = new Set(options.checked);
  /** Whether the rows were drawn once, so that their boxes (not the options) say what is ticked. */
  let drawn = false;

  const makeRow = (choice: ScenarioChoice): Row => {
    const id = choice.scenario.id;
    const input = el(doc, 'input', { type: 'checkbox', value: id, checked: ticked.has(id) });
    const sub = el(doc, 'span', { class: 'sub' });
    const download = downloadButton(id);
    let remove: HTMLButtonElement | null = null;
    if (choice.file !== null) {
      remove = el(doc, 'button', { type: 'button', class: 'remove-scenario', 'data-remove-scenario': id });
      remove.addEventListener('click', () => options.onRemove(id));
    }
    const label = el(doc, 'label', { 'data-scenario': id }, input, ` ${id} `, sub);
    const row = el(doc, 'div', { class: `choice${choice.file === null ? '' : ' opened'}` }, label, download);
    if (remove) row.append(remove);
    return { choice, input, sub, download, remove, element: row };
  };

  const labelRows = (): void => {
    legend.textContent = t('scenarios');
    editedText.textContent = t('editedCopy');
    for (const b of [editedDownload, ...rows.map((r) => r.download)]) {
      b.textContent = t('download.json');
      b.title = t('download.jsonTitle');
    }
    for (const r of rows) {
      r.sub.textContent = choiceText(r.choice, lang);
      if (r.remove) {
        r.remove.textContent = t('file.forget');
        r.remove.title = t('file.forgetTitle');
      }
    }
  };

  const list: ScenarioList = {
    element,
    editedBox,
    set(choices) {
      if (drawn) ticked = new Set(list.checked());
      drawn = true;
      rows = choices.map(makeRow);
      element.replaceChildren(legend, ...rows.map((r) => r.element), editedRow);
      labelRows();
    },
    check(id, on = true) {
      const row = rows.find((r) => r.choice.scenario.id === id);
      if (row) row.input.checked = on;
    },
    checked: () => rows.filter((r) => r.input.checked).map((r) => r.choice.scenario.id),
    relabel(next) {
      lang = next;
      labelRows();
    },
  };
  return list;
}
