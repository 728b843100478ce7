/**
 * Children per mother by cohort (分孩次生育): how many children a mother has, by her birth year.
 * A cohort is described by two parity progression ratios: the share of mothers who go on to a
 * second child, and the share who go on from each child after the second to one more. Mothers born
 * 1926–1970 take the published cohort figures below; mothers born 1980 or later take ratios solved
 * so that the births of 2019–20 have the published shares by birth order; cohorts in between are
 * interpolated. The middle generation's siblings are their mother's (the grandmother's) children;
 * a couple's children are the wife's. Counts are capped (MAX_SIBLINGS, MAX_CHILDREN): the cap
 * holds the rest of the tail.
 */
import { AGES, type FamilyParameters, MAX_AGE, MAX_CHILDREN, MAX_SIBLINGS } from './parameters';

/** Ages in the model are ages at the 2020 census: a person aged a was born in 2020 − a. */
export const REFERENCE_YEAR = 2020;
/** Mothers born this year or later take the solved ratios. */
export const SOLVED_FROM_COHORT = 1980;

/**
 * Cohort cumulative fertility of Chinese women (births per woman: all orders, and of order 1, 2
 * and 3+), International Journal of Population Studies 8(1), "Fertility by parity in China",
 * table 1 (cohorts 1926–1977, from the 1982–2017 fertility surveys and censuses). The 1970 row is
 * our reading of the same article's text: all orders 1.75 (its figure for the 1970 cohort) with
 * third and later births "below 0.20", taken as 0.18.
 */
export const PUBLISHED_COHORTS: readonly {
  cohort: number;
  first: number;
  second: number;
  thirdPlus: number;
}[] = [
  { cohort: 1926, first: 0.96, second: 0.9, thirdPlus: 2.98 },
  { cohort: 1930, first: 0.97, second: 0.93, thirdPlus: 3.19 },
  { cohort: 1935, first: 0.98, second: 0.96, thirdPlus: 2.99 },
  { cohort: 1940, first: 0.99, second: 0.96, thirdPlus: 2.42 },
  { cohort: 1949, first: 0.99, second: 0.92, thirdPlus: 1.17 },
  { cohort: 1950, first: 0.99, second: 0.9, thirdPlus: 1.04 },
  { cohort: 1958, first: 0.99, second: 0.67, thirdPlus: 0.44 },
  { cohort: 1960, first: 0.99, second: 0.66, thirdPlus: 0.4 },
  { cohort: 1965, first: 0.99, second: 0.66, thirdPlus: 0.3 },
  { cohort: 1968, first: 0.99, second: 0.62, thirdPlus: 0.23 },
  { cohort: 1970, first: 0.99, second: 0.58, thirdPlus: 0.18 },
];

/** Parity progression of mothers of one cohort. */
export interface Progression {
  /** Share of mothers with a second child, P(≥2 | ≥1). */
  second: number;
  /** Share of mothers with k ≥ 2 children who have one more, P(≥k+1 | ≥k). */
  further: number;
}

/**
 * Progression ratios of a published cohort: second = CCFR2 / CCFR1, and `further` the ratio of a
 * geometric tail that gives CCFR3+ third-and-later births per mother with a second child.
 */
export function publishedProgression(row: (typeof PUBLISHED_COHORTS)[number]): Progression {
  const tail = row.thirdPlus / row.second;
  return { second: row.second / row.first, further: tail / (1 + tail) };
}

/** The published cohorts as knots of progression ratios, oldest first. */
const KNOTS = PUBLISHED_COHORTS.map((row) => ({ cohort: row.cohort, ...publishedProgression(row) }));

/** Progression of mothers born in `cohort`, with `solved` for those born SOLVED_FROM_COHORT or later. */
export function cohortProgression(cohort: number, solved: Progression): Progression {
  if (cohort >= SOLVED_FROM_COHORT) return { second: solved.second, further: solved.further };
  if (cohort <= KNOTS[0]!.cohort) return { second: KNOTS[0]!.second, further: KNOTS[0]!.further };
  let k = 1;
  while (k < KNOTS.length && KNOTS[k]!.cohort < cohort) k++;
  const lo = KNOTS[k - 1]!;
  const hi = k < KNOTS.length ? KNOTS[k]! : { cohort: SOLVED_FROM_COHORT, ...solved };
  const t = (cohort - lo.cohort) / (hi.cohort - lo.cohort);
  return {
    second: lo.second + t * (hi.second - lo.second),
    further: lo.further + t * (hi.further - lo.further),
  };
}

/** P(count > c) for c = 0..max−1 under a progression (count ≥ 1; the cap holds the tail). */
export function moreThanCounts(g: Progression, max: number): number[] {
  const out = [1];
  for (let c = 1; c < max; c++) out.push(c === 1 ? g.second : out[c - 1]! * g.further);
  return out;
}

/** Shares of counts 1..max (for draws) from P(count > c). */
export function countShares(moreThan: ArrayLike<number>): number[] {
  const n = moreThan.length;
  return Array.from({ length: n }, (_, c) => moreThan[c]! - (c + 1 < n ? moreThan[c + 1]! : 0));
}

/** Per mother's age at the census: P(children > c), row-major age × c. */
export interface FertilityTables {
  /** The solved progression of the young cohorts these tables were built with. */
  solved: Progression;
  /** By the grandmother's age, P(listed siblings > s), s = 0..MAX_SIBLINGS−1. */
  siblingsMoreThan: Float64Array;
  /** By the wife's age, P(children of a couple > c), c = 0..MAX_CHILDREN−1. */
  childrenMoreThan: Float64Array;
}

/** Children counted for a grandmother before the married-out ones leave: enough for the oldest cohorts' tail. */
const LIFE_MAX = 10;

/**
 * P(listed siblings > s), s = 0..MAX_SIBLINGS−1, for a mother with progression `g`. Every person is
 * listed in one family only, so of a married couple one partner is listed with their siblings and
 * the other has married out: the eldest child is always listed (the family's anchor) and each
 * later child with probability `kept` (1 − half the married share). Counts above MAX_SIBLINGS are
 * held at the cap.
 */
export function listedSiblingsMoreThan(g: Progression, kept: number): number[] {
  const life = countShares(moreThanCounts(g, LIFE_MAX));
  // P(listed = 1 + j): sum over children n of C(n−1, j) kept^j (1 − kept)^(n−1−j).
  const listed = new Array<number>(LIFE_MAX).fill(0);
  life.forEach((share, k) => {
    let binom = 1;
    for (let j = 0; j <= k; j++) {
      listed[j]! += share * binom * kept ** j * (1 - kept) ** (k - j);
      binom = (binom * (k - j)) / (j + 1);
    }
  });
  const out = [1];
  for (let s = 1; s < MAX_SIBLINGS; s++) out.push(out[s - 1]! - listed[s - 1]!);
  return out;
}

/**
 * Builds the per-age tables from the cohort schedule with `solved` for the young cohorts; `kept`
 * is the share of later children listed with their siblings ({@link listedSiblingsMoreThan}).
 */
export function fertilityTables(solved: Progression, kept: number): FertilityTables {
  const siblingsMoreThan = new Float64Array(AGES * MAX_SIBLINGS);
  const childrenMoreThan = new Float64Array(AGES * MAX_CHILDREN);
  for (let age = 0; age < AGES; age++) {
    const g = cohortProgression(REFERENCE_YEAR - age, solved);
    siblingsMoreThan.set(listedSiblingsMoreThan(g, kept), age * MAX_SIBLINGS);
    childrenMoreThan.set(moreThanCounts(g, MAX_CHILDREN), age * MAX_CHILDREN);
  }
  return { solved, siblingsMoreThan, childrenMoreThan };
}

/** Share of a grandmother's later children listed with their siblings: those who did not marry out. */
export function keptShare(p: FamilyParameters): number {
  return 1 - p.marriage.share / 2;
}

/** The row of a per-age table for an age, ages above MAX_AGE (and below 0) clamped. */
export function rowAt(table: Float64Array, width: number, age: number): Float64Array {
  const a = Math.max(0, Math.min(MAX_AGE, age));
  return table.subarray(a * width, (a + 1) * width);
}

/**
 * When a married couple's children were born, by the married sibling's age a: row-major
 * AGES × MAX_CHILDREN × AGES, the probability that child c (if the couple has it) is aged x now.
 * The sibling married at an age M uniform over the ramp's years fromAge+1..min(a, fullAge) (so
 * that P(M ≤ a) is the married share at a), the first child came firstBirthAfterMarriage years
 * later and the next ones birthSpacing apart; children not born yet are left out.
 */
export function childAgeTable(p: FamilyParameters): Float64Array {
  const out = new Float64Array(AGES * MAX_CHILDREN * AGES);
  const { fromAge, fullAge } = p.marriage;
  const after = p.firstBirthAfterMarriage;
  const spacing = p.birthSpacing;
  for (let a = fromAge + 1; a < AGES; a++) {
    // Distribution of years since the first birth, then shifted by each further spacing.
    let since = new Map<number, number>();
    const last = Math.min(a, fullAge);
    const pm = 1 / (last - fromAge);
    const pd = 1 / (after.max - after.min + 1);
    for (let m = fromAge + 1; m <= last; m++) {
      for (let d = after.min; d <= after.max; d++)
        since.set(a - m - d, (since.get(a - m - d) ?? 0) + pm * pd);
    }
    const ps = 1 / (spacing.max - spacing.min + 1);
    for (let c = 0; c < MAX_CHILDREN; c++) {
      if (c > 0) {
        const next = new Map<number, number>();
        for (const [x, q] of since) {
          for (let g = spacing.min; g <= spacing.max; g++) next.set(x - g, (next.get(x - g) ?? 0) + q * ps);
        }
        since = next;
      }
      const base = (a * MAX_CHILDREN + c) * AGES;
      for (const [x, q] of since) if (x >= 0) out[base + Math.min(x, MAX_AGE)]! += q;
    }
  }
  return out;
}

/**
 * Expected births in the census year (children aged 0) of order 1, 2 and 3+, from the expected
 * births by order if every couple had children of that order (`births`, row-major
 * MAX_CHILDREN × AGES by the wife's age, from anchorHistograms) and the young cohorts' progression
 * `solved`: a couple with the wife aged m has its c-th child with probability P(children > c − 1).
 */
export function birthsByOrder(births: ArrayLike<number>, solved: Progression): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (let m = 0; m < AGES; m++) {
    let more: number[] | null = null;
    for (let c = 0; c < MAX_CHILDREN; c++) {
      const b = births[c * AGES + m]!;
      if (b === 0) continue;
      more ??= moreThanCounts(cohortProgression(REFERENCE_YEAR - m, solved), MAX_CHILDREN);
      out[Math.min(c, 2)]! += b * more[c]!;
    }
  }
  return out;
}

/** Bisection for the x in [0, 1] where the increasing f(x) reaches `target`; null if it never does. */
function bisect(f: (x: number) => number, target: number): number | null {
  let lo = 0;
  let hi = 1;
  if (f(lo) > target || f(hi) < target) return null;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The young cohorts' progression that gives births of order 2 and 3+ the published ratios to
 * first births (`shares` of orders 1, 2, 3+, any scale), for the births every couple would have
 * (`potential`, as for {@link birthsByOrder}). Order-2 births depend only on `second`, so it is
 * solved first, then `further`.
 */
export function solveYoungProgression(
  potential: ArrayLike<number>,
  shares: readonly [number, number, number],
): Progression {
  const births = (g: Progression): [number, number, number] => birthsByOrder(potential, g);
  const second = bisect((x) => {
    const b = births({ second: x, further: 0 });
    return b[1] / b[0];
  }, shares[1] / shares[0]);
  if (second === null) {
    throw new RangeError(
      `birth-order shares: no share of mothers with a second child gives second births ${shares[1]} against first births ${shares[0]}`,
    );
  }
  const further = bisect((x) => {
    const b = births({ second, further: x });
    return b[2] / b[0];
  }, shares[2] / shares[0]);
  if (further === null) {
    throw new RangeError(
      `birth-order shares: no progression beyond the second child gives third and later births ${shares[2]} against first births ${shares[0]}`,
    );
  }
  return { second, further };
}
