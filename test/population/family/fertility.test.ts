import { describe, expect, test } from 'vitest';
import { calibrate } from '../../../src/population/calibration';
import { anchorHistograms, mixHistograms } from '../../../src/population/family/expectation';
import {
  birthsByOrder,
  childAgeTable,
  cohortProgression,
  countShares,
  fertilityTables,
  keptShare,
  listedSiblingsMoreThan,
  moreThanCounts,
  PUBLISHED_COHORTS,
  publishedProgression,
  REFERENCE_YEAR,
  SOLVED_FROM_COHORT,
} from '../../../src/population/family/fertility';
import {
  AGES,
  DEFAULT_FAMILY_PARAMETERS as P,
  MAX_CHILDREN,
  MAX_SIBLINGS,
} from '../../../src/population/family/parameters';
import { smallData } from '../fixtures';

/** Expected children per mother of a cohort, counted up to `max` (the cap holds the tail). */
function meanChildren(cohort: number, max = 10): number {
  return moreThanCounts(cohortProgression(cohort, { second: 0.5, further: 0.15 }), max).reduce(
    (a, b) => a + b,
    0,
  );
}

describe('children per mother by cohort', () => {
  test('the published cohorts give back their own births per woman of order 2 and 3+', () => {
    for (const row of PUBLISHED_COHORTS) {
      const g = publishedProgression(row);
      // Order 2 per mother is `second`; orders 3+ sum the geometric tail after it.
      expect(g.second * row.first).toBeCloseTo(row.second, 12);
      expect(((g.second * g.further) / (1 - g.further)) * row.first).toBeCloseTo(row.thirdPlus, 12);
    }
  });

  test('older cohorts had more children: 1930 over 4, 1950 near 3, 1960 near 2, 1970 under 2', () => {
    expect(meanChildren(1930, 40)).toBeGreaterThan(4.5);
    expect(meanChildren(1950, 40)).toBeCloseTo(2.93 / 0.99, 1);
    expect(meanChildren(1960, 40)).toBeCloseTo(2.05 / 0.99, 1);
    expect(meanChildren(1970, 40)).toBeLessThan(1.8);
    for (let c = 1930; c < 1970; c++) expect(meanChildren(c)).toBeGreaterThan(meanChildren(c + 1) - 1e-9);
  });

  test('cohorts between the last published one and the solved ones are interpolated', () => {
    const solved = { second: 0.3, further: 0.1 };
    const last = publishedProgression(PUBLISHED_COHORTS[PUBLISHED_COHORTS.length - 1]!);
    const mid = cohortProgression(1975, solved);
    expect(mid.second).toBeCloseTo((last.second + solved.second) / 2, 12);
    expect(cohortProgression(SOLVED_FROM_COHORT + 10, solved)).toEqual(solved);
  });

  test('listed siblings: the eldest always, each later child with the kept share', () => {
    // Exactly two children (second = 1, further = 0): the second is listed with probability kept.
    expect(listedSiblingsMoreThan({ second: 1, further: 0 }, 0.5)).toEqual([1, 0.5, 0, 0, 0]);
    const more = listedSiblingsMoreThan({ second: 0.9, further: 0.7 }, keptShare(P));
    expect(more).toHaveLength(MAX_SIBLINGS);
    for (let s = 1; s < MAX_SIBLINGS; s++) expect(more[s]!).toBeLessThanOrEqual(more[s - 1]!);
    expect(countShares(more).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('per-age tables: a grandmother aged 85 has more children listed than one aged 50', () => {
    const t = fertilityTables({ second: 0.5, further: 0.15 }, keptShare(P));
    const listed = (age: number): number =>
      Array.from(t.siblingsMoreThan.subarray(age * MAX_SIBLINGS, (age + 1) * MAX_SIBLINGS)).reduce(
        (a, b) => a + b,
        0,
      );
    expect(listed(85)).toBeGreaterThan(listed(50) + 0.5);
    const kids = (age: number): number =>
      Array.from(t.childrenMoreThan.subarray(age * MAX_CHILDREN, (age + 1) * MAX_CHILDREN)).reduce(
        (a, b) => a + b,
        0,
      );
    expect(kids(REFERENCE_YEAR - 1955)).toBeGreaterThan(kids(REFERENCE_YEAR - 1975));
  });
});

describe('when a couple’s children were born', () => {
  test('the first child follows the marriage: all born by 40, none older than the years since 21', () => {
    const t = childAgeTable(P);
    const row = (a: number, c: number): Float64Array =>
      t.subarray((a * MAX_CHILDREN + c) * AGES, (a * MAX_CHILDREN + c + 1) * AGES);
    const sum = (x: Float64Array): number => x.reduce((s, y) => s + y, 0);
    expect(sum(row(40, 0))).toBeCloseTo(1, 12);
    expect(sum(row(23, 0))).toBeLessThan(1);
    expect(sum(row(23, 0))).toBeGreaterThan(0.5);
    // Married at 21 at the earliest: a 23-year-old's first child is at most 2.
    expect(sum(row(23, 0).subarray(3))).toBe(0);
    // A later child is never older than an earlier one.
    const oldest = (x: Float64Array): number => Array.from(x).reduce((top, y, k) => (y > 0 ? k : top), -1);
    expect(oldest(row(40, 1))).toBeLessThan(oldest(row(40, 0)));
    expect(sum(row(P.marriage.fromAge, 0))).toBe(0);
  });
});

describe('birth order of the births of 2019–20', () => {
  test('calibration solves the young cohorts so that expected births by order have the published shares', () => {
    const data = smallData();
    const model = calibrate(data, P);
    const fert = fertilityTables(model.youngFertility, keptShare(P));
    const hist = anchorHistograms(P, fert);
    const weights = Float64Array.from(
      model.anchors.cum,
      (c, i) => c - (i > 0 ? model.anchors.cum[i - 1]! : 0),
    );
    const births = birthsByOrder(mixHistograms(hist.births, weights), model.youngFertility);
    const total = births[0] + births[1] + births[2];
    const published = data.targets.birthOrderShares;
    const sum = published[0] + published[1] + published[2];
    births.forEach((b, o) => expect(b / total).toBeCloseTo(published[o]! / sum, 6));
    // The solved ratios are proportions, and fewer mothers go on to a second child than in 1970.
    expect(model.youngFertility.second).toBeGreaterThan(0);
    expect(model.youngFertility.second).toBeLessThan(publishedProgression(PUBLISHED_COHORTS.at(-1)!).second);
    expect(model.youngFertility.further).toBeGreaterThan(0);
    expect(model.youngFertility.further).toBeLessThan(model.youngFertility.second);
  });

  test('refuses birth-order shares no young cohort can give, naming the shares', () => {
    const data = smallData();
    data.targets = { ...data.targets, birthOrderShares: [5, 90, 5] };
    expect(() => calibrate(data, P)).toThrow(/birth-order shares/);
  });
});
