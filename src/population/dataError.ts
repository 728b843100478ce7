/**
 * Errors in the calibration tables (数据错误). Every problem names the file, the 1-based line of the
 * file and the column, so a person can open the file and fix the cell.
 */

/** One problem found in a data file. `line` is 1-based (the header is line 1); 0 means the whole file. */
export interface DataProblem {
  file: string;
  line: number;
  /** Column name, or '' when the problem is not tied to one column. */
  column: string;
  message: string;
}

/** Formats a problem as `file:line [column] message`, the form used in error messages. */
export function formatProblem(p: DataProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.column ? `${where} [${p.column}] ${p.message}` : `${where} ${p.message}`;
}

/**
 * Thrown when a data file is missing, malformed or inconsistent. The loader collects every problem
 * it can find before throwing, and never returns a partly loaded dataset.
 */
export class DataError extends Error {
  /** The problems, in the order they were found. */
  readonly problems: readonly DataProblem[];

  constructor(problems: readonly DataProblem[]) {
    const shown = problems.slice(0, 20).map(formatProblem);
    const more = problems.length > 20 ? [`… and ${problems.length - 20} more`] : [];
    super(
      `数据文件有误 / invalid data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        [...shown, ...more].join('\n'),
    );
    this.name = 'DataError';
    this.problems = problems;
  }
}
