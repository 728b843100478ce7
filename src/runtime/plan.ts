/**
 * Run planning (任务划分): a run is split into ranges of positions in the 1:k family sample. Families
 * are independent, so the ranges can be simulated in any order, on any worker, and their results added.
 */

/** A half-open range [from, to) of positions in the family sample. */
export interface FamilyRange {
  /** Index of the range in the plan (0, 1, …). */
  index: number;
  from: number;
  to: number;
}

/** How finely to split a run. */
export interface PlanOptions {
  /** Workers that will share the ranges. */
  workers: number;
  /** Largest range, in families (bounds a worker's memory and the progress step). Default 50,000. */
  maxFamilies?: number;
  /** Ranges per worker at least, so that workers finish close together. Default 4. */
  rangesPerWorker?: number;
}

/**
 * Splits `families` sample positions into consecutive ranges: at least `rangesPerWorker` per worker,
 * none larger than `maxFamilies`, sizes differing by at most one.
 */
export function planRanges(families: number, options: PlanOptions): FamilyRange[] {
  const { workers, maxFamilies = 50_000, rangesPerWorker = 4 } = options;
  if (!Number.isInteger(families) || families < 0) {
    throw new RangeError(`a plan needs a whole number of families, got ${families}`);
  }
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RangeError(`a plan needs at least one worker, got ${workers}`);
  }
  if (families === 0) return [];
  const count = Math.min(families, Math.max(workers * rangesPerWorker, Math.ceil(families / maxFamilies)));
  const base = Math.floor(families / count);
  const extra = families - base * count;
  const ranges: FamilyRange[] = [];
  let from = 0;
  for (let index = 0; index < count; index++) {
    const to = from + base + (index < extra ? 1 : 0);
    ranges.push({ index, from, to });
    from = to;
  }
  return ranges;
}
