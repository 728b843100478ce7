/**
 * Expected family composition (家庭构成期望值), computed exactly rather than by sampling: for each
 * anchor age (the eldest sibling's age) the expected number of people of each sex and age in each
 * part of the family, as sums over the small uniform distributions of spacings, gaps and birth
 * ages that the generator draws from. Calibration mixes these histograms with the anchor weights
 * to solve rates and scales; the generator (generate.ts) must follow the same steps, and a test
 * compares its output with these expectations.
 *
 * Layout: a histogram is a Float64Array of 2 × AGES cells, index `sex * AGES + age`, sex 0 = male,
 * 1 = female. Per-anchor arrays hold one histogram per anchor age, anchor index first.
 */
import { childAgeTable, type FertilityTables, rowAt } from './fertility';
import type { FamilyParameters, IntRange } from './parameters';
import { AGES, MAX_AGE, MAX_CHILDREN, MAX_SIBLINGS, marriedShare, survivalTo } from './parameters';

/** Cells of one sex × age histogram. */
export const CELLS = 2 * AGES;

/** Uniform probabilities over an inclusive range, as [value, probability] pairs. */
function uniform(r: IntRange): [number, number][] {
  const n = r.max - r.min + 1;
  return Array.from({ length: n }, (_, k) => [r.min + k, 1 / n]);
}

/** Distribution of a sum of `count` draws from `r`, as a map value → probability. */
function sumOf(r: IntRange, count: number): Map<number, number> {
  let dist = new Map<number, number>([[0, 1]]);
  for (let c = 0; c < count; c++) {
    const next = new Map<number, number>();
    for (const [v, p] of dist)
      for (const [x, q] of uniform(r)) next.set(v + x, (next.get(v + x) ?? 0) + p * q);
    dist = next;
  }
  return dist;
}

/** Per-anchor expected histograms of the parts of a family. */
export interface AnchorHistograms {
  /** The anchor ages, youngest first. */
  anchors: number[];
  /** Alive grandparents. */
  grandparents: Float64Array;
  /** All members (grandparents, siblings, spouses, children). */
  total: Float64Array;
  /** Members who move with the family's migration, per migrant family (grandparents excluded). */
  migrantUnits: Float64Array;
  /**
   * Births this year (children aged 0) by order c and the wife's age m, if every couple had a
   * c-th child: MAX_CHILDREN × AGES cells per anchor, index c·AGES + m.
   */
  births: Float64Array;
}

/** Adds p to a histogram cell, stacking ages above MAX_AGE on MAX_AGE. */
function add(h: Float64Array, base: number, sex: number, age: number, p: number): void {
  h[base + sex * AGES + Math.min(age, MAX_AGE)]! += p;
}

/**
 * Computes the expected histograms for every anchor age of `p.anchorAge`. Sibling s exists when the
 * grandmother (aged anchor + her age at the first birth) has more than s children, a married
 * couple's number of children follows the wife's age (`fert`, family/fertility.ts) and their
 * births follow the couple's marriage (childAgeTable), and in a migrant family
 * the eldest sibling migrates, each later one with probability extraMigrantSibling^s.
 */
export function anchorHistograms(p: FamilyParameters, fert: FertilityTables): AnchorHistograms {
  const anchors: number[] = [];
  for (let a = p.anchorAge.min; a <= p.anchorAge.max; a++) anchors.push(a);
  const n = anchors.length;
  const grandparents = new Float64Array(n * CELLS);
  const total = new Float64Array(n * CELLS);
  const migrantUnits = new Float64Array(n * CELLS);
  const births = new Float64Array(n * MAX_CHILDREN * AGES);
  const width = MAX_CHILDREN * AGES;
  const gaps = uniform(p.spouseGap);
  const firstBirths = uniform(p.firstBirthAge);
  const spacings = Array.from({ length: MAX_SIBLINGS }, (_, s) => sumOf(p.siblingSpacing, s));
  const timing = childAgeTable(p);
  const couples = new Float64Array(AGES * AGES);
  const maxOffset = (MAX_SIBLINGS - 1) * p.siblingSpacing.max;

  anchors.forEach((anchor, ai) => {
    const base = ai * CELLS;
    const exists = new Float64Array(MAX_SIBLINGS);
    for (const [b0, q] of firstBirths) {
      const gm = anchor + b0;
      add(grandparents, base, 1, gm, (q * survivalTo(p, gm)) / survivalTo(p, b0));
      for (const [e, r] of gaps) {
        const gf = gm + e;
        add(grandparents, base, 0, gf, (q * r * survivalTo(p, gf)) / survivalTo(p, b0 + e));
      }
      const more = rowAt(fert.siblingsMoreThan, MAX_SIBLINGS, gm);
      for (let s = 0; s < MAX_SIBLINGS; s++) exists[s]! += q * more[s]!;
    }
    for (let k = 0; k < CELLS; k++) total[base + k] = grandparents[base + k]!;

    for (let s = 0; s < MAX_SIBLINGS; s++) {
      const unit = new Float64Array(CELLS);
      const kids = new Float64Array(AGES);
      const potential = new Float64Array(width);
      // Couples by the married sibling's age a and the wife's age m (index a·AGES + m).
      couples.fill(0);
      for (const [offset, q] of spacings[s]!) {
        const age = anchor - offset;
        if (age < 0) continue;
        const married = marriedShare(p, age);
        for (let sex = 0; sex < 2; sex++) {
          add(unit, 0, sex, age, q / 2);
          if (married === 0) continue;
          for (const [e, r] of gaps) {
            const w = (q / 2) * married * r;
            const spouseAge = sex === 0 ? age - e : age + e;
            add(unit, 0, 1 - sex, spouseAge, w);
            couples[age * AGES + Math.min(sex === 0 ? spouseAge : age, MAX_AGE)]! += w;
          }
        }
      }
      for (let a = Math.max(0, anchor - maxOffset); a <= anchor; a++) {
        const top = Math.min(MAX_AGE, a + p.spouseGap.max);
        for (let m = Math.max(0, a - p.spouseGap.max); m <= top; m++) {
          const w = couples[a * AGES + m]!;
          if (w === 0) continue;
          const at = a * width;
          for (let c = 0; c < MAX_CHILDREN; c++) {
            const row = at + c * AGES;
            potential[c * AGES + m]! += w * timing[row]!;
            const x = w * fert.childrenMoreThan[m * MAX_CHILDREN + c]!;
            for (let k = 0; k <= a; k++) kids[k]! += x * timing[row + k]!;
          }
        }
      }
      const migrates = exists[s]! * p.extraMigrantSibling ** s;
      for (let k = 0; k < CELLS; k++) {
        // Children, half of each sex.
        const child = kids[k % AGES]! / 2;
        total[base + k]! += exists[s]! * (unit[k]! + child);
        migrantUnits[base + k]! += migrates * (unit[k]! + (1 - p.leftBehind) * child);
      }
      for (let k = 0; k < width; k++) births[ai * width + k]! += exists[s]! * potential[k]!;
    }
  });
  return { anchors, grandparents, total, migrantUnits, births };
}

/**
 * Mixes per-anchor histograms (or any per-anchor arrays of equal width, one after the other) with
 * anchor weights (summing to 1) into one per-family array.
 */
export function mixHistograms(perAnchor: Float64Array, weights: Float64Array): Float64Array {
  const width = perAnchor.length / weights.length;
  const out = new Float64Array(width);
  for (let a = 0; a < weights.length; a++) {
    const w = weights[a]!;
    for (let k = 0; k < width; k++) out[k]! += w * perAnchor[a * width + k]!;
  }
  return out;
}

/** Sum of a histogram over ages [from, to] (inclusive) of one sex, or both when sex is null. */
export function countAges(h: Float64Array, from: number, to: number, sex: 0 | 1 | null = null): number {
  let sum = 0;
  for (let x = 0; x < 2; x++) {
    if (sex !== null && x !== sex) continue;
    for (let age = Math.max(0, from); age <= Math.min(to, MAX_AGE); age++) sum += h[x * AGES + age]!;
  }
  return sum;
}
