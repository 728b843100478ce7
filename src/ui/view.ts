/**
 * A built workspace (已建工作区): what the shell needs from a workspace that replaces its
 * placeholder. Each workspace module exports a {@link WorkspaceFactory}; src/main.ts hands the
 * factories to the shell, which mounts each one into its panel once.
 */
import type { Connector } from '../analytics/connector';
import type { I18n, Lang } from '../text/i18n';
import type { MessageKey } from './messages';
import type { RunService } from './runs';

/** A mounted workspace. */
export interface WorkspaceView {
  /** Redraws every text in the new language (numbers and charts included). */
  relabel(lang: Lang): void;
  /** Called each time the workspace's tab is selected (e.g. to start a first run lazily). */
  shown?(): void;
}

/** Everything a workspace gets when it is mounted. */
export interface WorkspaceContext {
  /** The panel the workspace owns: it may replace the panel's children at will. */
  panel: HTMLElement;
  /** The shell's translator; a workspace with its own texts keeps its own dictionary and reads `i18n.lang`. */
  i18n: I18n<MessageKey>;
  /** The window, for the address, timers and storage (never the global). */
  win: Window;
  /** What the workspaces share: the runs and the page's one DuckDB. */
  services: WorkbenchServices;
}

/** Services shared by every workspace of the page. */
export interface WorkbenchServices {
  /** Scenario runs on the page's worker pool, kept by key, with their tables in DuckDB. */
  runs: RunService;
  /** The page's DuckDB (started on first use, in its own worker). */
  database(): Promise<Connector>;
}

/** Mounts one workspace into its panel. */
export type WorkspaceFactory = (context: WorkspaceContext) => WorkspaceView;
