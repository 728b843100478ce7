import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { topUpFen, trackPrepayment, usageRate } from '../../src/clearing/usage';

const w = DEFAULT_CLEARING_PARAMETERS.warnings;

/** `days` days of `perDay` claims, each day repaid `lag` days later. */
function stream(days: number, perDay: number, lag: number) {
  const claimsFen = new Float64Array(days + lag + 1);
  const repaidFen = new Float64Array(days + lag + 1);
  for (let d = 0; d < days; d++) {
    claimsFen[d] = perDay;
    repaidFen[d + lag + 1] = perDay;
  }
  return { claimsFen, repaidFen };
}

describe('trackPrepayment (C5–C7)', () => {
  test('C6: a red warning triggers a top-up that brings usage below the red line the same day', () => {
    const { claimsFen, repaidFen } = stream(60, 1_000, 40);
    const t = trackPrepayment(w, claimsFen, repaidFen, [{ day: 0, fen: 30_000 }]);
    const kinds = t.events.map((e) => [e.kind, e.day]);
    // 1,000 a day against 30,000: yellow on day 20 (21,000 = 70%), red on day 26 (27,000 = 90%).
    expect(kinds.slice(0, 3)).toEqual([
      ['yellow', 20],
      ['red', 26],
      ['top-up', 26],
    ]);
    const topUp = t.events[2]!;
    expect(topUp.amountFen).toBe(15_000);
    expect(t.outstandingFen[26]! / t.prepaymentFen[26]!).toBeLessThan(w.red);
    expect(t.reachedUsage[26]).toBeCloseTo(0.9, 12);
  });

  test('C6: while one top-up is not enough, another follows every day at the red line', () => {
    const claimsFen = Float64Array.from([0, 5_000, 0, 0]);
    const t = trackPrepayment({ ...w, topUpFraction: 0.1 }, claimsFen, new Float64Array(4), [
      { day: 0, fen: 1_000 },
    ]);
    expect(t.events.filter((e) => e.kind === 'red')).toHaveLength(1);
    const topUps = t.events.filter((e) => e.kind === 'top-up');
    // 5,000 against 1,000: +100 on day 1, +110 on day 2, +121 on day 3 (usage 3.76, still red).
    expect(topUps.map((e) => [e.day, e.amountFen])).toEqual([
      [1, 100],
      [2, 110],
      [3, 121],
    ]);
    expect(t.prepaymentFen[3]).toBe(1_331);
  });

  test('C6: claims against no prepayment raise a red warning and a top-up sized as if it stood at the red line', () => {
    const t = trackPrepayment(w, Float64Array.from([900, 0]), new Float64Array(2), [{ day: 0, fen: 0 }]);
    expect(t.reachedUsage[0]).toBe(Infinity);
    expect(topUpFen(w, 0, 900)).toBe(1_500); // 900 × 1.5 ÷ 0.9
    expect(t.prepaymentFen[0]).toBe(1_500);
    expect(usageRate(900, 1_500)).toBeCloseTo(0.6, 12);
    expect(topUpFen({ ...w, topUpFraction: 0 }, 1_000, 950)).toBe(0);
  });

  test('a re-sizing folds the top-ups into the new size and is accounted as an advance', () => {
    const { claimsFen, repaidFen } = stream(60, 1_000, 40);
    const t = trackPrepayment(w, claimsFen, repaidFen, [
      { day: 0, fen: 30_000 },
      { day: 95, fen: 20_000 },
    ]);
    expect(t.prepaymentFen[94]).toBeGreaterThan(30_000); // top-ups stood until the re-sizing
    const resize = t.events.find((e) => e.kind === 'resize')!;
    expect(resize.day).toBe(95);
    expect(resize.amountFen).toBe(20_000 - t.prepaymentFen[94]!);
    expect(t.prepaymentFen[95]).toBe(20_000);
    expect(t.ledger.advancedFen).toBe(30_000 + resize.amountFen);
  });

  test('every fen is accounted: balance = advanced + top-ups − claims + replenishment = prepayment − outstanding', () => {
    const day = fc.record({
      claim: fc.integer({ min: 0, max: 50_000 }),
      lag: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 1, maxLength: 80 }),
        fc.array(fc.record({ day: fc.nat(120), fen: fc.integer({ min: 0, max: 400_000 }) }), {
          maxLength: 3,
        }),
        (days, later) => {
          const n = days.length + 41;
          const claimsFen = new Float64Array(n);
          const repaidFen = new Float64Array(n);
          days.forEach(({ claim, lag }, d) => {
            claimsFen[d] = claim;
            repaidFen[d + lag + 1]! += claim;
          });
          const sizes = [{ day: 0, fen: 100_000 }, ...later.map((s) => ({ ...s, day: s.day + 1 }))].sort(
            (a, b) => a.day - b.day,
          );
          const t = trackPrepayment(w, claimsFen, repaidFen, sizes);
          const l = t.ledger;
          expect(l.claimsFen).toBe(claimsFen.reduce((a, b) => a + b, 0));
          expect(l.outstandingFen).toBe(0);
          expect(l.replenishedFen).toBe(l.claimsFen);
          expect(l.balanceFen).toBe(t.prepaymentFen[n - 1]! - t.outstandingFen[n - 1]!);
          expect(l.advancedFen + l.topUpFen).toBe(t.prepaymentFen[n - 1]);
          expect(l.topUpFen).toBe(
            t.events.filter((e) => e.kind === 'top-up').reduce((a, e) => a + e.amountFen, 0),
          );
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});
