/** Run progress (运行进度): families done of the total and an estimate of the time left. */

/** A progress report, sent after every finished range. */
export interface RunProgress {
  familiesDone: number;
  familiesTotal: number;
  rangesDone: number;
  rangesTotal: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
  /** Estimated milliseconds left at the rate so far; null before the first range finishes. */
  etaMs: number | null;
}

/** The progress after `familiesDone` of `familiesTotal` families in `elapsedMs`. */
export function progressAt(
  familiesDone: number,
  familiesTotal: number,
  rangesDone: number,
  rangesTotal: number,
  elapsedMs: number,
): RunProgress {
  const etaMs =
    familiesDone === 0
      ? null
      : familiesDone >= familiesTotal
        ? 0
        : (elapsedMs * (familiesTotal - familiesDone)) / familiesDone;
  return { familiesDone, familiesTotal, rangesDone, rangesTotal, elapsedMs, etaMs };
}
