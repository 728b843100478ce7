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
import type { FamilyParameters, IntRange } from './parameters';
import { AGES, MAX_AGE, MAX_SIBLINGS, marriedShare, survivalTo } from './parameters';

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

/** P(count > c) for c = 0..MAX_SIBLINGS-1, from shares of counts 1, 2, 3 (the birth-order proxy). */
export function moreThan(shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return Array.from({ length: MAX_SIBLINGS }, (_, c) => shares.slice(c).reduce((a, b) => a + b, 0) / total);
}

/**
 * P(sibling s exists and migrates) in a migrant family, for s = 0..2: the eldest always migrates,
 * each further sibling with probability `extra` (so the migrants are the eldest M of S siblings).
 */
export function migrantSiblingShares(sibship: readonly number[], extra: number): number[] {
  const total = sibship.reduce((a, b) => a + b, 0);
  const out = [0, 0, 0];
  sibship.forEach((share, k) => {
    const siblings = k + 1;
    for (let s = 0; s < siblings; s++) out[s]! += (share / total) * extra ** s;
  });
  return out;
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
}

/** Adds p to a histogram cell, stacking ages above MAX_AGE on MAX_AGE. */
function add(h: Float64Array, base: number, sex: number, age: number, p: number): void {
  h[base + sex * AGES + Math.min(age, MAX_AGE)]! += p;
}

/**
 * Computes the expected histograms for every anchor age of `p.anchorAge`, with sibling and child
 * counts from `sibship` (shares of 1, 2 and 3) and migration as in {@link migrantSiblingShares}.
 */
export function anchorHistograms(p: FamilyParameters, sibship: readonly number[]): AnchorHistograms {
  const anchors: number[] = [];
  for (let a = p.anchorAge.min; a <= p.anchorAge.max; a++) anchors.push(a);
  const n = anchors.length;
  const grandparents = new Float64Array(n * CELLS);
  const total = new Float64Array(n * CELLS);
  const migrantUnits = new Float64Array(n * CELLS);
  const exists = moreThan(sibship);
  const migrates = migrantSiblingShares(sibship, p.extraMigrantSibling);
  const gaps = uniform(p.spouseGap);
  const firstBirths = uniform(p.firstBirthAge);
  const births = [new Map(firstBirths)];
  for (let c = 1; c < MAX_SIBLINGS; c++) {
    const next = new Map<number, number>();
    for (const [b, q] of births[c - 1]!) {
      for (const [x, r] of uniform(p.birthSpacing)) next.set(b + x, (next.get(b + x) ?? 0) + q * r);
    }
    births.push(next);
  }
  const spacings = Array.from({ length: MAX_SIBLINGS }, (_, s) => sumOf(p.siblingSpacing, s));

  anchors.forEach((anchor, ai) => {
    const base = ai * CELLS;
    for (const [b0, q] of firstBirths) {
      const gm = anchor + b0;
      add(grandparents, base, 1, gm, (q * survivalTo(p, gm)) / survivalTo(p, b0));
      for (const [e, r] of gaps) {
        const gf = gm + e;
        add(grandparents, base, 0, gf, (q * r * survivalTo(p, gf)) / survivalTo(p, b0 + e));
      }
    }
    for (let k = 0; k < CELLS; k++) total[base + k] = grandparents[base + k]!;

    for (let s = 0; s < MAX_SIBLINGS; s++) {
      const unit = new Float64Array(CELLS);
      const kids = new Float64Array(CELLS);
      for (const [offset, q] of spacings[s]!) {
        const age = anchor - offset;
        if (age < 0) continue;
        const married = marriedShare(p, age);
        for (let sex = 0; sex < 2; sex++) {
          add(unit, 0, sex, age, q / 2);
          for (const [e, r] of gaps) {
            const w = (q / 2) * married * r;
            const spouseAge = sex === 0 ? age - e : age + e;
            const motherAge = sex === 0 ? spouseAge : age;
            add(unit, 0, 1 - sex, spouseAge, w);
            for (let c = 0; c < MAX_SIBLINGS; c++) {
              for (const [b, t] of births[c]!) {
                const childAge = motherAge - b;
                if (childAge < 0) continue;
                const x = (w * exists[c]! * t) / 2;
                add(kids, 0, 0, childAge, x);
                add(kids, 0, 1, childAge, x);
              }
            }
          }
        }
      }
      for (let k = 0; k < CELLS; k++) {
        total[base + k]! += exists[s]! * (unit[k]! + kids[k]!);
        migrantUnits[base + k]! += migrates[s]! * (unit[k]! + (1 - p.leftBehind) * kids[k]!);
      }
    }
  });
  return { anchors, grandparents, total, migrantUnits };
}

/** Mixes per-anchor histograms with anchor weights (summing to 1) into one per-family histogram. */
export function mixHistograms(perAnchor: Float64Array, weights: Float64Array): Float64Array {
  const out = new Float64Array(CELLS);
  for (let a = 0; a < weights.length; a++) {
    const w = weights[a]!;
    for (let k = 0; k < CELLS; k++) out[k]! += w * perAnchor[a * CELLS + k]!;
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
