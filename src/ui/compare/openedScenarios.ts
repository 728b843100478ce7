/**
 * The scenario files opened in this tab (本次会话中打开的方案文件), kept in sessionStorage by id so
 * that a reload, or the address a run writes (`run=<id>`), finds them again in the same tab. A
 * shared link cannot carry them: another tab or browser has its own storage, and its workspace says
 * that the address names a scenario it does not have. What storage holds is checked again on reading
 * like any file, so a changed or damaged entry is dropped, never trusted. Storage may be missing or
 * full; then the files stay for the page only, and {@link OpenedScenarios.add} says so.
 */
import type { Scenario } from '../../scenario';
import {
  type FileReport,
  MAX_SCENARIO_FILE_BYTES,
  openScenarioText,
  scenarioFileText,
  takenIds,
} from './scenarioFile';

/** The sessionStorage key of the opened files. */
export const OPENED_STORAGE_KEY = 'gongji.compare.opened';

/** One opened file: its scenario and the name of the file it came from. */
export interface OpenedScenario {
  scenario: Scenario;
  file: string;
}

/** A file as the page gets it from a picker or a drop (a `File`, or anything that reads like one). */
export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** One stored entry: the file's name and the scenario written out as a file. */
interface StoredEntry {
  file: string;
  text: string;
}

/** The opened scenario files of a tab, in the order they were opened. */
export class OpenedScenarios {
  readonly #win: Pick<Window, 'sessionStorage'>;
  readonly #bundled: readonly string[];
  #list: OpenedScenario[] = [];

  /**
   * Reads what this tab opened before (valid entries only, renamed if a bundled scenario has since
   * taken the id); `bundled` are the ids opened files may not take.
   */
  constructor(win: Pick<Window, 'sessionStorage'>, bundled: readonly string[]) {
    this.#win = win;
    this.#bundled = bundled;
    for (const entry of this.#read()) {
      const r = openScenarioText(entry.text, this.taken());
      if (r.ok && !this.get(r.scenario.id)) this.#list.push({ scenario: r.scenario, file: entry.file });
    }
  }

  /** Every opened scenario, in the order opened. */
  all(): readonly OpenedScenario[] {
    return this.#list;
  }

  /** The opened scenario with `id`, if any. */
  get(id: string): OpenedScenario | undefined {
    return this.#list.find((o) => o.scenario.id === id);
  }

  /** The ids a newly opened file may not have (an opened one's id may be reused: it replaces that file). */
  taken(): Set<string> {
    return takenIds(
      this.#bundled,
      this.#list.map((o) => o.scenario.id),
    );
  }

  /**
   * Adds an opened scenario, replacing one opened earlier with the same id (in its place). Returns
   * whether it replaced one, and whether the session could keep it.
   */
  add(opened: OpenedScenario): { replaced: boolean; kept: boolean } {
    const at = this.#list.findIndex((o) => o.scenario.id === opened.scenario.id);
    if (at >= 0) this.#list[at] = opened;
    else this.#list.push(opened);
    return { replaced: at >= 0, kept: this.#write() };
  }

  /**
   * Opens files one after the other: a file larger than {@link MAX_SCENARIO_FILE_BYTES} is refused
   * unread; the rest are checked like the CLI checks them, and each valid one is added (renamed when
   * its id is taken). Returns what became of each file, in order.
   */
  async open(files: readonly FileLike[]): Promise<FileReport[]> {
    const reports: FileReport[] = [];
    for (const f of files) {
      if (f.size > MAX_SCENARIO_FILE_BYTES) {
        reports.push({ file: f.name, outcome: 'too-large', bytes: f.size });
        continue;
      }
      let text: string;
      try {
        text = await f.text();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        reports.push({ file: f.name, outcome: 'unreadable', reason });
        continue;
      }
      const r = openScenarioText(text, this.taken());
      if (!r.ok) {
        reports.push({ file: f.name, outcome: 'invalid', errors: r.errors });
        continue;
      }
      const { replaced, kept } = this.add({ scenario: r.scenario, file: f.name });
      reports.push({
        file: f.name,
        outcome: 'opened',
        id: r.scenario.id,
        renamedFrom: r.renamedFrom,
        replaced,
        kept,
      });
    }
    return reports;
  }

  /** Forgets the opened scenario with `id` (and removes it from the session). */
  remove(id: string): void {
    this.#list = this.#list.filter((o) => o.scenario.id !== id);
    this.#write();
  }

  /** The stored entries, or none when storage is missing, blocked or holds something else. */
  #read(): StoredEntry[] {
    try {
      const value = JSON.parse(this.#win.sessionStorage.getItem(OPENED_STORAGE_KEY) ?? '[]') as unknown;
      if (!Array.isArray(value)) return [];
      return value.filter(
        (e): e is StoredEntry =>
          e !== null && typeof e === 'object' && typeof e.file === 'string' && typeof e.text === 'string',
      );
    } catch {
      return [];
    }
  }

  /** Stores the list; false when storage is missing, blocked or full. */
  #write(): boolean {
    const entries: StoredEntry[] = this.#list.map((o) => ({
      file: o.file,
      text: scenarioFileText(o.scenario),
    }));
    try {
      if (entries.length === 0) this.#win.sessionStorage.removeItem(OPENED_STORAGE_KEY);
      else this.#win.sessionStorage.setItem(OPENED_STORAGE_KEY, JSON.stringify(entries));
      return true;
    } catch {
      return false;
    }
  }
}
