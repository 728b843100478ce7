import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  deriveSeed,
  monteCarlo,
  MonteCarloAccumulator,
  prepaymentAtConfidence,
  redProbabilityAt,
} from '../../src/clearing/montecarlo';
import { FlowCube } from '../../src/clearing/flows';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { clearRun } from '../../src/clearing/run';
import { monteCarloTable } from '../../src/clearing/tables';
import { AREA_PROVINCE, PROVINCES, randomCube } from './helpers';

const params = DEFAULT_CLEARING_PARAMETERS;
const R = 40;
const replicate = (r: number) => randomCube(deriveSeed('mc', r), 12);
const mc = monteCarlo({ replications: R, replicate }, AREA_PROVINCE, PROVINCES, params, { start: '2026-01' });

describe('deriveSeed', () => {
  test('deriveSeed(seed, r) is a plain string per replication, the same whatever the number of replications', () => {
    expect(deriveSeed('baseline-2026', 7)).toBe('baseline-2026#r7');
    expect(new Set(Array.from({ length: 100 }, (_, r) => deriveSeed('s', r))).size).toBe(100);
    expect(() => deriveSeed('s', -1)).toThrow(/replication/);
  });
});

describe('monteCarlo (C5, C6)', () => {
  test('the same replications give the same bits, from a list, a function or an accumulator', () => {
    const cubes = Array.from({ length: R }, (_, r) => replicate(r));
    const again = monteCarlo(cubes, AREA_PROVINCE, PROVINCES, params, { start: '2026-01' });
    expect(again).toEqual(mc);
    const acc = new MonteCarloAccumulator(AREA_PROVINCE, PROVINCES, params, { start: '2026-01' });
    expect(() => acc.result()).toThrow(/replications/);
    for (const cube of cubes) acc.add(cube);
    expect(acc.result()).toEqual(mc);
    const bytes = (t: ReturnType<typeof monteCarloTable>) =>
      Object.values(t.columns).map((c) =>
        Array.isArray(c) ? c.join() : Array.from(new Uint8Array(c.buffer)).join(),
      );
    expect(bytes(monteCarloTable(again))).toEqual(bytes(monteCarloTable(mc)));
  });

  test('per province: peak usage across replications, its quantiles and the red-warning share', () => {
    for (const p of mc.provinceResults) {
      const runs = Array.from(
        { length: R },
        (_, r) =>
          clearRun(replicate(r), AREA_PROVINCE, PROVINCES, params, { start: '2026-01' }).provinceSummaries[
            p.province
          ]!,
      );
      expect(Array.from(p.peakUsage)).toEqual(runs.map((s) => s.peakUsage));
      expect(p.redProbability).toBe(runs.filter((s) => s.redWarnings > 0).length / R);
      const sorted = runs.map((s) => s.peakUsage).sort((a, b) => a - b);
      expect(p.peakUsageQuantiles).toEqual([sorted[1], sorted[19], sorted[37]]); // ranks 2, 20, 38 of 40
      expect(p.peakUsageMean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / R, 12);
      expect(p.sizedPrepaymentMeanFen).toBeGreaterThan(0);
      expect(p.redProbabilityAtMeanSize).toBe(redProbabilityAt(p, Math.round(p.sizedPrepaymentMeanFen)));
    }
  });

  test('the needed prepayment keeps P(no red warning) at the confidence, and one fen less does not', () => {
    for (const p of mc.provinceResults) {
      const x = p.neededPrepaymentFen;
      expect(x).toBe(prepaymentAtConfidence(p, 0.95));
      expect(1 - redProbabilityAt(p, x)).toBeGreaterThanOrEqual(0.95);
      expect(1 - redProbabilityAt(p, x - 1)).toBeLessThan(0.95);
    }
  });

  test('a fixed prepayment at the critical size warns red in a run, and one fen above it does not', () => {
    // One replication, one province: the critical size is where a run at that fixed size first reaches red.
    const cube = replicate(3);
    const one = monteCarlo([cube], AREA_PROVINCE, PROVINCES, params, { start: '2026-01' })
      .provinceResults[0]!;
    const k = one.criticalFen[0]!;
    const fixedRun = (total: number) => {
      const months = 12;
      const previous = Array.from({ length: months }, () => {
        const o = new Float64Array(PROVINCES * PROVINCES);
        // A months-of-average size of 1 month sized from a year of `total × split` a month gives exactly that split.
        for (let j = 1; j < PROVINCES; j++) o[j] = total * one.split[j]!;
        return o;
      });
      const p = {
        ...params,
        prepayment: { ...params.prepayment, sizing: { method: 'months-of-average', months: 1 } as const },
      };
      const r = clearRun(cube, AREA_PROVINCE, PROVINCES, p, {
        start: '2026-01',
        firstYear: { rule: 'previous-year', monthlyOwesFen: previous },
      });
      return r.provinceSummaries[0]!.redWarnings;
    };
    expect(fixedRun(Math.floor(k) - 1)).toBeGreaterThan(0);
    expect(fixedRun(Math.ceil(k * 1.001))).toBe(0);
  });

  test('a pair with claims in one replication only does not make the needed prepayment grow with R', () => {
    // Province 0 pays steadily into province 1 every month of every replication; once, in
    // replication 0, it also pays a single large bill into province 2.
    const areaOf = (p: number) => AREA_PROVINCE.indexOf(p);
    const steady = () => {
      const cube = new FlowCube(12, AREA_PROVINCE.length);
      for (let m = 0; m < 12; m++) cube.add(m, areaOf(0), areaOf(1), 0, 1_000_000);
      return cube;
    };
    const lumpy = steady();
    lumpy.add(6, areaOf(0), areaOf(2), 0, 5_000_000);
    const needed = (r: number) =>
      monteCarlo([lumpy, ...Array.from({ length: r - 1 }, steady)], AREA_PROVINCE, PROVINCES, params, {
        start: '2026-01',
        confidence: 0.95,
      }).provinceResults[0]!.neededPrepaymentFen;
    const few = needed(5);
    const many = needed(50);
    // Covering both pairs' worst peaks at once is enough at any R: the steady flow's month plus the
    // clearing lag (a little over two months outstanding) and the single bill, over the red line.
    const worst = (2.2 * 1_000_000 + 5_000_000) / params.warnings.red;
    expect(few).toBeLessThanOrEqual(Math.ceil(worst));
    expect(many).toBeLessThanOrEqual(few);
  });

  test('the needed prepayment never falls as the confidence rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          for (const p of mc.provinceResults) {
            expect(prepaymentAtConfidence(p, lo)).toBeLessThanOrEqual(prepaymentAtConfidence(p, hi));
            expect(redProbabilityAt(p, prepaymentAtConfidence(p, hi))).toBeLessThanOrEqual(
              redProbabilityAt(p, prepaymentAtConfidence(p, lo)),
            );
          }
        },
      ),
      { numRuns: 200, seed: 17 },
    );
    expect(() => prepaymentAtConfidence(mc.provinceResults[0]!, 0)).toThrow(/confidence/);
  });
});
