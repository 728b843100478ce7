/**
 * The benchmark's hook into the page (基准测试钩子): a workspace that finishes a run records its
 * timings here, and only when the browser benchmark (or a test) has put `window.gongjiBench` in place
 * before the page loaded. Without it nothing is recorded; the DOM never carries timings.
 */

/** What one finished run of a workspace took. */
export interface BenchRecord {
  workspace: 'compare' | 'validation';
  scaleK: number;
  /** From pressing Run (or opening) to the results shown. */
  runMs: number;
  /** Time the worker pool spent simulating, when the workspace knows it. */
  simulateMs?: number;
  /** Person-months of the samples simulated, when the workspace knows them. */
  personMonths?: number;
  /** Time until the page's DuckDB was open, when the workspace waited for it. */
  duckdbMs?: number;
}

/** The hook: the records of the runs finished since the page loaded, oldest first. */
export interface BenchHook {
  runs: BenchRecord[];
}

/** The name of the hook on `window`. */
export const BENCH_HOOK = 'gongjiBench';

/** Records a finished run when the hook is in place. */
export function recordRun(win: Window, record: BenchRecord): void {
  const hook = (win as unknown as Record<string, BenchHook | undefined>)[BENCH_HOOK];
  hook?.runs.push(record);
}
