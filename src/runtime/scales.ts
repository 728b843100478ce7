/**
 * The scales the workbench offers (抽样比例), k of 1:k, quick to slow: 1:10 takes minutes and 1:1,
 * every insured person of the country for the whole window, a quarter of an hour or more. Compare
 * offers them all (and its address accepts them), the benchmark of the page runs one of them.
 */
export const SCALES = [10_000, 1_000, 100, 10, 1] as const;

/** The scale Compare runs on a first visit. */
export const DEFAULT_SCALE = 1_000;
