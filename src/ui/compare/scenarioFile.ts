/**
 * Scenario files in the workbench (工作台中的场景文件): a file opened from disk is read with the same
 * checks as the CLI (`parseScenarioText`), given an id that no bundled scenario or edited copy has,
 * and any scenario is written back as a file that `npm run simulate -- --scenario <file>` runs as it
 * is. Pure functions only.
 */
import { clip, parseScenarioText, SCHEMA_REFERENCE, type Scenario, type ScenarioError } from '../../scenario';
import type { Lang } from '../../text/i18n';
import { EDITED_TOKEN } from './address';
import { editedId } from './edit';
import { type CompareMessageKey, compareMessages } from './messages';
import { fill } from '../placeholders';

/**
 * The largest file the workbench opens, in bytes. A scenario file is some tens of kilobytes (the bundled
 * ones 30–35 KB); anything near a megabyte is not one. Larger files are refused before they are read.
 */
export const MAX_SCENARIO_FILE_BYTES = 1_000_000;

/** The text of a scenario file: `"$schema"` first, two-space indents, a final line break. */
export function scenarioFileText(scenario: Scenario): string {
  const rest: Record<string, unknown> = { ...scenario };
  delete rest.$schema;
  return `${JSON.stringify({ $schema: SCHEMA_REFERENCE, ...rest }, null, 2)}\n`;
}

/** The name a downloaded scenario file gets: its id and `.json`. */
export function scenarioFileName(scenario: Scenario): string {
  return `${scenario.id}.json`;
}

/** What opening a file gave: the scenario (its id changed when taken), or every error with its path. */
export type OpenedFile =
  { ok: true; scenario: Scenario; renamedFrom: string | null } | { ok: false; errors: ScenarioError[] };

/**
 * The ids an opened file may not have: the bundled scenarios', the edited-copy token, the edited
 * copies' ids (`<id>-edited`) of every scenario that can be edited, bundled or opened, and the id
 * whose edited copy an opened file already has. So no two scenarios of a comparison share an id.
 */
export function takenIds(bundled: readonly string[], opened: readonly string[]): Set<string> {
  const bases = opened.flatMap((id) =>
    id.endsWith(editedId('')) ? [id.slice(0, -editedId('').length)] : [],
  );
  return new Set([EDITED_TOKEN, ...bundled, ...[...bundled, ...opened].map(editedId), ...bases]);
}

/** `id` when it is free, else the first of `<id>-opened`, `<id>-opened-2`, … that is. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${id}-opened` : `${id}-opened-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Reads the text of a file as a scenario, with the CLI's checks (syntax errors with line and column,
 * then every field error with its path). A valid scenario whose id is in `taken` is renamed to the
 * first free `<id>-opened…`, and says so.
 */
export function openScenarioText(text: string, taken: ReadonlySet<string>): OpenedFile {
  const result = parseScenarioText(text);
  if (!result.ok) return result;
  const id = freeId(result.scenario.id, taken);
  if (id === result.scenario.id) return { ok: true, scenario: result.scenario, renamedFrom: null };
  return { ok: true, scenario: { ...result.scenario, id }, renamedFrom: result.scenario.id };
}

/** What became of one file the person opened or dropped. */
export type FileReport = { file: string } & (
  | {
      outcome: 'opened';
      id: string;
      /** The file's own id when it was taken and the scenario got `id` instead. */
      renamedFrom: string | null;
      /** Whether it replaced a file opened earlier with the same id. */
      replaced: boolean;
      /** Whether the session could keep it (else it is gone after a reload). */
      kept: boolean;
    }
  | { outcome: 'invalid'; errors: ScenarioError[] }
  | { outcome: 'too-large'; bytes: number }
  | { outcome: 'unreadable'; reason: string }
);

/** The errors of an invalid file that a report lists; the rest are counted. */
export const ERRORS_SHOWN = 10;

/** A size in bytes as people read it: `512 B`, `34.5 KB`, `1.2 MB` (decimal units). */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What the workspace says about one file: a sentence, the errors it lists, and whether it failed. */
export interface FileReportText {
  text: string;
  /** One line per error (`path: message`, or the whole file's), the first {@link ERRORS_SHOWN}, then a count. */
  errors: string[];
  failed: boolean;
}

/**
 * What the workspace says about a file it was given, in `lang`: opened (and renamed, replacing,
 * or not kept for the session), or refused as too large, unreadable or invalid, with every error's
 * field path and message as the CLI gives them. File names and ids are cut (`clip`), never trusted
 * to be short.
 */
export function fileReportText(report: FileReport, lang: Lang): FileReportText {
  const t = (key: CompareMessageKey): string => compareMessages[key][lang];
  const file = clip(report.file, lang);
  switch (report.outcome) {
    case 'opened': {
      const id = clip(report.id, lang);
      const sentences = [fill(t('file.opened'), { file, id })];
      if (report.renamedFrom !== null)
        sentences.push(fill(t('file.renamed'), { file, id: clip(report.renamedFrom, lang), newId: id }));
      if (report.replaced) sentences.push(fill(t('file.replaced'), { file, id }));
      if (!report.kept) sentences.push(fill(t('file.notKept'), { id }));
      return { text: sentences.join(lang === 'zh' ? '' : ' '), errors: [], failed: false };
    }
    case 'too-large':
      return {
        text: fill(t('file.tooLarge'), {
          file,
          size: fileSize(report.bytes),
          max: fileSize(MAX_SCENARIO_FILE_BYTES),
        }),
        errors: [],
        failed: true,
      };
    case 'unreadable':
      return {
        text: fill(t('file.unreadable'), { file, reason: clip(report.reason, lang) }),
        errors: [],
        failed: true,
      };
    case 'invalid': {
      const n = report.errors.length;
      const errors = report.errors
        .slice(0, ERRORS_SHOWN)
        .map((e) => `${e.path === '' ? t('file.wholeFile') : e.path}: ${e[lang]}`);
      if (n > ERRORS_SHOWN) errors.push(fill(t('file.moreErrors'), { n: String(n - ERRORS_SHOWN) }));
      const head = fill(t(n === 1 ? 'file.invalidOne' : 'file.invalid'), { file, n: String(n) });
      return { text: head, errors, failed: true };
    }
  }
}
