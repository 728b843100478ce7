/**
 * The parameter editor (参数编辑器): a copy of one bundled scenario with every parameter editable, each
 * with its bilingual name, what it expects (unit and allowed range, from the schema's help) and, where
 * it is typed, what is wrong with it (parseScenario's errors, placed by field path).
 */
import { helpAt, PARAMETER_PATHS, type Scenario } from '../../scenario';
import { el } from '../dom';
import type { Lang } from '../../text/i18n';
import type { EditState } from './address';
import {
  editScenario,
  errorsByField,
  type FieldKind,
  fieldKind,
  readTyped,
  rebaseEdit,
  valueAt,
} from './edit';
import { fieldLabel, fieldSection } from './fieldLabels';
import { type CompareMessageKey, compareMessages } from './messages';
import { fill } from '../placeholders';

/** What the workspace holds of a mounted editor. */
export interface Editor {
  element: HTMLElement;
  /** The base and the changed values, for the address. */
  state(): EditState;
  /** The edited copy when it is valid, else null. */
  scenario(): Scenario | null;
  /** The parameter paths of the fields that have errors, in the editor's order. */
  problems(): string[];
  /** Opens the editor and brings the first field with an error into view; with `focus`, puts the cursor in it. */
  showProblem(options?: { focus?: boolean }): void;
  /**
   * Offers `scenarios` as bases (after files were opened or removed). A base that is gone gives way
   * to the first scenario, its changes dropped; a base opened again takes the new file's values and
   * keeps the changes.
   */
  setScenarios(scenarios: readonly Scenario[]): void;
  relabel(lang: Lang): void;
}

/** How many fields a message names before it counts the rest. */
export const NAMED_FIELDS = 3;

/**
 * The fields at `paths` named for a message, each by its label and path
 * (`额度限制 · 每日调整次数上限（rules.quotaLimits.maxChangesPerDay）`), the first {@link NAMED_FIELDS},
 * then how many more.
 */
export function namedFields(paths: readonly string[], lang: Lang): string {
  const names = paths
    .slice(0, NAMED_FIELDS)
    .map((p) => (lang === 'zh' ? `${fieldLabel(p, lang)}（${p}）` : `${fieldLabel(p, lang)} (${p})`));
  if (paths.length > NAMED_FIELDS)
    names.push(fill(compareMessages['refuse.more'][lang], { n: String(paths.length - NAMED_FIELDS) }));
  return names.join(lang === 'zh' ? '、' : ', ');
}

/** Options of {@link createEditor}. */
export interface EditorOptions {
  scenarios: readonly Scenario[];
  initial: EditState;
  lang: Lang;
  /** Called after every change, valid or not. */
  onChange: () => void;
}

/** One editable field and its elements. */
interface Field {
  path: string;
  kind: FieldKind;
  input: HTMLInputElement | HTMLSelectElement;
  label: HTMLElement;
  help: HTMLElement;
  error: HTMLElement;
  row: HTMLElement;
}

const SECTIONS = ['rules', 'clearing', 'behaviour'] as const;

/** The text an input shows for a value. */
function shownValue(kind: FieldKind, value: unknown): string {
  if (kind.kind === 'json') return JSON.stringify(value);
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Builds the editor. */
export function createEditor(doc: Document, options: EditorOptions): Editor {
  let lang = options.lang;
  const t = (key: CompareMessageKey): string => compareMessages[key][lang];
  let byId = new Map(options.scenarios.map((s) => [s.id, s]));
  let base = byId.get(options.initial.base) ?? options.scenarios[0]!;
  let values: Record<string, unknown> = { ...options.initial.values };
  const jsonErrors = new Set<string>();
  let valid: Scenario | null = null;
  /** The fields with errors at the last check, in the editor's order. */
  let problems: Field[] = [];

  const title = el(doc, 'summary');
  const baseLabel = el(doc, 'span');
  const baseSelect = el(
    doc,
    'select',
    { id: 'compare-edit-base' },
    ...options.scenarios.map((s) => el(doc, 'option', { value: s.id }, s.id)),
  );
  const reset = el(doc, 'button', { type: 'button', class: 'reset' });
  const status = el(doc, 'p', { class: 'editor-status', role: 'status' });
  const legends = new Map<string, HTMLElement>();

  const fields: Field[] = PARAMETER_PATHS.map((path) => {
    const kind = fieldKind(path);
    const id = `edit-${path.replace(/\./g, '-')}`;
    const input: HTMLInputElement | HTMLSelectElement =
      kind.kind === 'choice'
        ? el(doc, 'select', { id }, ...kind.options.map((o) => el(doc, 'option', { value: o }, o)))
        : el(doc, 'input', {
            id,
            type: kind.kind === 'boolean' ? 'checkbox' : 'text',
            inputmode: kind.kind === 'number' ? 'decimal' : false,
            spellcheck: 'false',
          });
    const label = el(doc, 'label', { for: id });
    const help = el(doc, 'span', { class: 'help' });
    const error = el(doc, 'span', { class: 'error', role: 'alert' });
    const row = el(doc, 'div', { class: 'field', 'data-path': path }, label, input, help, error);
    return { path, kind, input, label, help, error, row };
  });

  const fill_ = (): void => {
    baseSelect.value = base.id;
    for (const f of fields) {
      const value = Object.hasOwn(values, f.path) ? values[f.path] : valueAt(base, f.path);
      if (f.input instanceof HTMLInputElement && f.kind.kind === 'boolean') f.input.checked = value === true;
      else f.input.value = shownValue(f.kind, value);
    }
  };

  const validate = (): void => {
    const { result } = editScenario(base, values);
    valid = result.ok && jsonErrors.size === 0 ? result.scenario : null;
    const errors = result.ok ? new Map() : errorsByField(result.errors);
    const count = jsonErrors.size + (result.ok ? 0 : result.errors.length);
    problems = [];
    for (const f of fields) {
      const own = (errors.get(f.path) ?? []) as { path: string; zh: string; en: string }[];
      const texts = own.map((e) => (e.path === f.path ? e[lang] : `${e.path}: ${e[lang]}`));
      if (jsonErrors.has(f.path)) texts.unshift(t('editor.json'));
      f.error.textContent = texts.join('；');
      f.row.classList.toggle('invalid', texts.length > 0);
      if (texts.length > 0) problems.push(f);
      f.row.classList.toggle('changed', Object.hasOwn(values, f.path));
    }
    const elsewhere = (errors.get('') ?? []) as { path: string; zh: string; en: string }[];
    const named = namedFields(
      problems.map((f) => f.path),
      lang,
    );
    status.textContent =
      count === 0
        ? t('editor.ok')
        : [
            fill(t(count === 1 ? 'editor.oneError' : 'editor.someErrors'), {
              n: String(count),
              fields: named,
            }),
            ...elsewhere.map((e) => (e.path ? `${e.path}: ${e[lang]}` : e[lang])),
          ].join(' ');
    status.classList.toggle('invalid', count > 0);
  };

  for (const f of fields) {
    const onInput = (): void => {
      const typed = readTyped(f.kind, f.input.value, f.input instanceof HTMLInputElement && f.input.checked);
      if ('error' in typed) jsonErrors.add(f.path);
      else {
        jsonErrors.delete(f.path);
        if (JSON.stringify(typed.value) === JSON.stringify(valueAt(base, f.path))) delete values[f.path];
        else values[f.path] = typed.value;
      }
      validate();
      options.onChange();
    };
    f.input.addEventListener(
      f.kind.kind === 'boolean' || f.kind.kind === 'choice' ? 'change' : 'input',
      onInput,
    );
  }
  baseSelect.addEventListener('change', () => {
    base = byId.get(baseSelect.value) ?? base;
    fill_();
    validate();
    options.onChange();
  });
  reset.addEventListener('click', () => {
    values = {};
    jsonErrors.clear();
    fill_();
    validate();
    options.onChange();
  });

  const sections = SECTIONS.map((section) => {
    const legend = el(doc, 'legend');
    legends.set(section, legend);
    return el(
      doc,
      'fieldset',
      { class: 'editor-section', 'data-section': section },
      legend,
      ...fields.filter((f) => fieldSection(f.path) === section).map((f) => f.row),
    );
  });
  const element = el(
    doc,
    'details',
    { class: 'editor' },
    title,
    el(doc, 'div', { class: 'editor-head' }, el(doc, 'label', {}, baseLabel, ' ', baseSelect), reset),
    status,
    ...sections,
  );

  const relabel = (next: Lang): void => {
    lang = next;
    title.textContent = t('editor.title');
    baseLabel.textContent = t('editor.base');
    reset.textContent = t('editor.reset');
    for (const section of SECTIONS) legends.get(section)!.textContent = t(`section.${section}`);
    for (const f of fields) {
      f.label.replaceChildren(fieldLabel(f.path, lang), el(doc, 'span', { class: 'key' }, f.path));
      f.help.textContent = helpAt(f.path.split('.'))?.[lang] ?? '';
    }
    validate();
  };

  fill_();
  relabel(lang);
  return {
    element,
    state: () => ({ base: base.id, values: { ...values } }),
    scenario: () => valid,
    problems: () => problems.map((f) => f.path),
    setScenarios(scenarios) {
      byId = new Map(scenarios.map((s) => [s.id, s]));
      baseSelect.replaceChildren(...scenarios.map((s) => el(doc, 'option', { value: s.id }, s.id)));
      const next = rebaseEdit(
        { base: base.id, values },
        scenarios.map((s) => s.id),
      );
      // The fields are filled again from the values, so text that was not JSON is gone with its error.
      jsonErrors.clear();
      values = next.values;
      base = byId.get(next.base)!;
      fill_();
      validate();
    },
    showProblem(options = {}) {
      (element as HTMLDetailsElement).open = true;
      const first = problems[0];
      if (!first) return;
      first.row.scrollIntoView({ block: 'center' });
      if (options.focus) first.input.focus({ preventScroll: true });
    },
    relabel,
  };
}
