import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { topUpFen, trackCounts, trackPrepayment, usageRate } from '../../src/clearing/usage';

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

describe('warnings and top-ups (C6)', () => {
  test('C6: with top-ups turned off a red warning stands alone and the prepayment stays as it was sized', () => {
    const { claimsFen, repaidFen } = stream(60, 1_000, 40);
    const off = { ...w, topUpFraction: 0 };
    const t = trackPrepayment(off, claimsFen, repaidFen, [{ day: 0, fen: 30_000 }]);
    // Usage climbs to 41,000 ÷ 30,000 and stays at or above the red line from day 26 to day 73:
    // one red warning, no top-up; coming down through the lines raises nothing.
    expect(t.events.map((e) => [e.kind, e.day])).toEqual([
      ['yellow', 20],
      ['red', 26],
    ]);
    expect(new Set(t.prepaymentFen)).toEqual(new Set([30_000]));
    expect(t.ledger.topUpFen).toBe(0);
    expect(t.peakUsage).toBeCloseTo(41 / 30, 12);
    expect(t.peakOutstandingFen).toBe(41_000);
  });

  test('C6: claims against no prepayment with top-ups turned off warn red and add nothing', () => {
    const off = { ...w, topUpFraction: 0 };
    expect(topUpFen(off, 0, 900)).toBe(0);
    expect(topUpFen({ ...w, topUpFraction: -0.5 }, 0, 900)).toBe(0);
    const t = trackPrepayment(off, Float64Array.from([900, 0]), Float64Array.from([0, 900]), [
      { day: 0, fen: 0 },
    ]);
    expect(t.events).toEqual([{ day: 0, kind: 'red', usage: Infinity, amountFen: 0 }]);
    expect(Array.from(t.prepaymentFen)).toEqual([0, 0]);
    expect(Array.from(t.reachedUsage)).toEqual([Infinity, 0]);
  });

  test('C6: the top-up is the fraction of the prepayment standing, rounded up to the fen', () => {
    expect(topUpFen(w, 1_001, 950)).toBe(501);
    expect(topUpFen({ ...w, topUpFraction: 0.25 }, 1_000, 5_000)).toBe(250);
    expect(topUpFen({ ...w, red: 0.8 }, 0, 800)).toBe(1_500); // 800 × 1.5 ÷ 0.8
    expect(usageRate(0, 0)).toBe(0);
    expect(usageRate(5, 0)).toBe(Infinity);
    expect(usageRate(5, 10)).toBe(0.5);
  });

  test('C6: a warning fires again each time usage rises back through its line, never on the way down', () => {
    // A prepayment of 1,000 fen: 750 out (yellow), repaid, 800 out (yellow again), 950 (red, topped up
    // by 500 to 1,500: 63% is under yellow), 1,150 (77%: yellow again).
    const claimsFen = Float64Array.from([750, 0, 800, 150, 200]);
    const repaidFen = Float64Array.from([0, 750, 0, 0, 0]);
    const t = trackPrepayment(w, claimsFen, repaidFen, [{ day: 0, fen: 1_000 }]);
    expect(t.events).toEqual([
      { day: 0, kind: 'yellow', usage: 0.75, amountFen: 0 },
      { day: 2, kind: 'yellow', usage: 0.8, amountFen: 0 },
      { day: 3, kind: 'red', usage: 0.95, amountFen: 0 },
      { day: 3, kind: 'top-up', usage: 0.95, amountFen: 500 },
      { day: 4, kind: 'yellow', usage: 1_150 / 1_500, amountFen: 0 },
    ]);
    expect(Array.from(t.prepaymentFen)).toEqual([1_000, 1_000, 1_000, 1_500, 1_500]);
    expect(Array.from(t.outstandingFen)).toEqual([750, 0, 800, 950, 1_150]);
  });

  test('C6: a top-up that leaves usage in the yellow band is not a new yellow warning; the next rise to red is a new red', () => {
    // 1,000 fen standing, 950 out: red, +500 → 63%; 1,050 out: 70% (yellow band, level was 0 → yellow);
    // 1,400 out: 93%: red again, +750.
    const claimsFen = Float64Array.from([950, 100, 350]);
    const t = trackPrepayment(w, claimsFen, new Float64Array(3), [{ day: 0, fen: 1_000 }]);
    expect(t.events.map((e) => [e.kind, e.day, e.amountFen])).toEqual([
      ['red', 0, 0],
      ['top-up', 0, 500],
      ['yellow', 1, 0],
      ['red', 2, 0],
      ['top-up', 2, 750],
    ]);
  });

  test('C6: a top-up that brings usage exactly to the yellow line leaves it yellow: the next yellow day is no new warning', () => {
    // 1,050 out of 1,000: red, +500 → exactly 70%; the next day stays at 70%.
    const t = trackPrepayment(w, Float64Array.of(1_050, 0), new Float64Array(2), [{ day: 0, fen: 1_000 }]);
    expect(t.events.map((e) => [e.kind, e.day])).toEqual([
      ['red', 0],
      ['top-up', 0],
    ]);
  });

  test('C6: a top-up that leaves usage exactly at the red line leaves it red: the next day tops up again without a new red', () => {
    // 1,350 out of 1,000: red, +500 → exactly 90%; the next day another top-up, no second red.
    const t = trackPrepayment(w, Float64Array.of(1_350, 0), new Float64Array(2), [{ day: 0, fen: 1_000 }]);
    expect(t.events.map((e) => [e.kind, e.day])).toEqual([
      ['red', 0],
      ['top-up', 0],
      ['top-up', 1],
    ]);
  });

  test('a red day with usage exactly at the line warns, and just below it does not', () => {
    const at = trackPrepayment(w, Float64Array.of(900), Float64Array.of(0), [{ day: 0, fen: 1_000 }]);
    expect(at.events.map((e) => e.kind)).toEqual(['red', 'top-up']);
    const below = trackPrepayment(w, Float64Array.of(899), Float64Array.of(0), [{ day: 0, fen: 1_000 }]);
    expect(below.events.map((e) => e.kind)).toEqual(['yellow']);
    const yellowAt = trackPrepayment(w, Float64Array.of(700), Float64Array.of(0), [{ day: 0, fen: 1_000 }]);
    expect(yellowAt.events.map((e) => e.kind)).toEqual(['yellow']);
    const under = trackPrepayment(w, Float64Array.of(699), Float64Array.of(0), [{ day: 0, fen: 1_000 }]);
    expect(under.events).toEqual([]);
  });
});

describe('re-sizing on the timeline (C5)', () => {
  test('the opening size is no event; a later re-sizing is, with the usage after it and what it adds or returns', () => {
    const claimsFen = Float64Array.from([200, 0, 0, 0, 0]);
    const repaidFen = Float64Array.from([0, 0, 0, 0, 200]);
    const t = trackPrepayment(w, claimsFen, repaidFen, [
      { day: 0, fen: 1_000 },
      { day: 3, fen: 400 },
    ]);
    expect(t.events).toEqual([{ day: 3, kind: 'resize', usage: 0.5, amountFen: -600 }]);
    expect(Array.from(t.prepaymentFen)).toEqual([1_000, 1_000, 1_000, 400, 400]);
    expect(t.ledger).toEqual({
      advancedFen: 400,
      topUpFen: 0,
      claimsFen: 200,
      replenishedFen: 200,
      balanceFen: 400,
      outstandingFen: 0,
    });
  });

  test('two sizes in force on the same day: the later one stands', () => {
    const t = trackPrepayment(w, new Float64Array(3), new Float64Array(3), [
      { day: 0, fen: 1_000 },
      { day: 2, fen: 3_000 },
      { day: 2, fen: 2_000 },
    ]);
    expect(t.events.map((e) => [e.day, e.amountFen])).toEqual([
      [2, 2_000],
      [2, -1_000],
    ]);
    expect(t.prepaymentFen[2]).toBe(2_000);
  });

  test('with no size at all the prepayment is zero and every claim is against nothing', () => {
    const t = trackPrepayment(w, Float64Array.of(0, 10), Float64Array.of(0, 0), []);
    // 10 fen against nothing: a top-up of ⌈10 × 1.5 ÷ 0.9⌉ = 17 fen.
    expect(Array.from(t.prepaymentFen)).toEqual([0, 17]);
    expect(t.events.map((e) => e.kind)).toEqual(['red', 'top-up']);
  });
});

describe('trackCounts', () => {
  test('counts as trackPrepayment does and keeps each month’s highest usage, the days after the run in the last month', () => {
    const claimsFen = Float64Array.from([100, 0, 500, 0, 300, 0, 0, 400]);
    const repaidFen = Float64Array.from([0, 100, 0, 500, 0, 300, 0, 0]);
    const sizes = [
      { day: 0, fen: 1_000 },
      { day: 3, fen: 500 },
    ];
    const full = trackPrepayment(w, claimsFen, repaidFen, sizes);
    const monthPeak = Float64Array.of(9, 9);
    const counts = trackCounts(w, claimsFen, repaidFen, sizes, Int32Array.of(0, 3, 6), monthPeak);
    const kinds = (k: string) => full.events.filter((e) => e.kind === k);
    expect(counts).toEqual({
      peakUsage: full.peakUsage,
      peakOutstandingFen: full.peakOutstandingFen,
      yellow: kinds('yellow').length,
      red: kinds('red').length,
      topUps: kinds('top-up').length,
      topUpFen: full.ledger.topUpFen,
    });
    // Month 0 (days 0–2): 50% on day 2; month 1 (days 3–5 and the two after): 300 ÷ 500 on day 4, 400 ÷ 500 on day 7.
    expect(Array.from(monthPeak)).toEqual([0.5, 0.8]);
  });

  test('a run of one month keeps every day in it', () => {
    const monthPeak = new Float64Array(1);
    // The month ends on day 2; its claims are drawn after it, and the peak on day 2 is its own.
    trackCounts(
      w,
      Float64Array.of(100, 0, 300, 0),
      Float64Array.of(0, 0, 0, 400),
      [{ day: 0, fen: 1_000 }],
      Int32Array.of(0, 2),
      monthPeak,
    );
    expect(Array.from(monthPeak)).toEqual([0.4]);
  });

  test('each month keeps the peak from its first day on; the days after the run count in the last month', () => {
    const monthPeak = new Float64Array(3);
    // Outstanding 100, 50 | 350, 400 | 50, 50 | 550, 550 on 1,000 fen: month 1 starts high and peaks on
    // its second day; the last peak comes after the run.
    trackCounts(
      w,
      Float64Array.of(100, 0, 300, 50, 0, 0, 500, 0),
      Float64Array.of(0, 50, 0, 0, 350, 0, 0, 0),
      [{ day: 0, fen: 1_000 }],
      Int32Array.of(0, 2, 4, 6),
      monthPeak,
    );
    expect(Array.from(monthPeak)).toEqual([0.1, 0.4, 0.55]);
  });
});
