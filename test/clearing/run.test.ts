import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dailyClaims, runCalendar, type RunCalendar } from '../../src/clearing/calendar';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import { clearRun, summarizeProvinces, trackPairs, type PairPrepayment } from '../../src/clearing/run';
import { provinceNet } from '../../src/clearing/tiers';
import { trackPrepayment } from '../../src/clearing/usage';
import { toClearingParameters } from '../../src/scenario/convert';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema';
import { AREA_PROVINCE, PROVINCES, randomCube, steadyCube } from './helpers';

const base = DEFAULT_CLEARING_PARAMETERS;
const netting: ClearingParameters = { ...base, settlement: 'multilateral-netting' };
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/**
 * The clearing parameters of a scenario file, read through the schema of its `clearing` section only
 * (so the test does not depend on the other sections).
 */
function scenarioParams(name: string): ClearingParameters {
  const raw = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')) as {
    clearing: unknown;
  };
  const clearing = scenarioSchema.shape.clearing.parse(raw.clearing);
  return toClearingParameters({ clearing } as Scenario);
}

const cellArb = fc.record({
  m: fc.nat(13),
  s: fc.nat(5),
  t: fc.nat(5),
  fen: fc.integer({ min: 1, max: 5e9 }),
});

describe('clearRun (C1–C7)', () => {
  test("clearRun(cube, {settlement: 'multilateral-netting'}) conserves money", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 60 }), fc.boolean(), (cells, net) => {
        const cube = new FlowCube(14, 6);
        for (const c of cells) cube.add(c.m, c.s, c.t, USE_INDEX.medical, c.fen);
        const r = clearRun(cube, AREA_PROVINCE, PROVINCES, net ? netting : base, { start: '2026-01' });
        let crossProvince = 0;
        for (const c of cells) if (AREA_PROVINCE[c.s] !== AREA_PROVINCE[c.t]) crossProvince += c.fen;
        let owedAll = 0;
        for (const m of r.national) {
          // What all provinces owe equals what all are owed: net positions add up to zero.
          expect(sum(m.net)).toBe(0);
          owedAll += sum(m.owes);
          let positive = 0;
          let negative = 0;
          for (const v of m.net) {
            if (v > 0) positive += v;
            else negative -= v;
          }
          expect(positive).toBe(negative);
          expect(m.nettedFen).toBe(positive);
          expect(m.nettedFen).toBeLessThanOrEqual(m.grossFen);
        }
        expect(owedAll).toBe(crossProvince);
        // Prepayments pay every obligation and clearing replenishes every fen of it by the last day.
        const ledgers = r.prepayments.map((p) => p.ledger);
        expect(sum(ledgers.map((l) => l.claimsFen))).toBe(owedAll);
        expect(sum(ledgers.map((l) => l.replenishedFen))).toBe(owedAll);
        for (const l of ledgers) {
          expect(l.outstandingFen).toBe(0);
          expect(l.balanceFen).toBe(l.advancedFen + l.topUpFen - l.claimsFen + l.replenishedFen);
        }
        for (const p of r.prepayments) {
          const owed = sum(r.national.map((m) => m.owes[p.insured * PROVINCES + p.treatment]!));
          expect(p.ledger.claimsFen).toBe(owed);
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  test('multilateral netting saves cash movement but leaves every position as it was', () => {
    const cube = randomCube('netting', 12);
    const gross = clearRun(cube, AREA_PROVINCE, PROVINCES, base, { start: '2026-01' });
    const netted = clearRun(cube, AREA_PROVINCE, PROVINCES, netting, { start: '2026-01' });
    expect(netted.national).toEqual(gross.national);
    expect(netted.prepayments.map((p) => p.ledger)).toEqual(gross.prepayments.map((p) => p.ledger));
    for (const [k, c] of netted.cash.entries()) {
      expect(c.movedFen).toBe(c.nettedFen);
      expect(gross.cash[k]!.movedFen).toBe(c.grossFen);
      expect(c.savedFen).toBe(c.grossFen - c.nettedFen);
      expect(c.savedFen).toBeGreaterThan(0); // three provinces owing each other in both directions
    }
  });

  test('C4: the province tiers add up to the national positions in every month', () => {
    const r = clearRun(randomCube('tiers', 6), AREA_PROVINCE, PROVINCES, base, { start: '2026-01' });
    r.tiers.forEach((tier, m) => {
      expect(Array.from(provinceNet(tier, AREA_PROVINCE, PROVINCES))).toEqual(Array.from(r.national[m]!.net));
    });
  });

  test('C5: re-sizing in January sizes from the previous year, in force after the February payment', () => {
    // 2026: 100,000 fen a month from province 0 to 1; 2027: 400,000 a month.
    const cube = steadyCube(24, (m) => (m < 12 ? 100_000 : 400_000));
    const previous = Array.from({ length: 12 }, () => Float64Array.from([0, 60_000, 0, 0, 0, 0, 0, 0, 0]));
    const r = clearRun(cube, AREA_PROVINCE, PROVINCES, base, {
      start: '2026-01',
      firstYear: { rule: 'previous-year', monthlyOwesFen: previous },
    });
    expect(r.firstYear).toBe('previous-year');
    const [pair] = r.prepayments;
    expect([pair!.insured, pair!.treatment]).toEqual([0, 1]);
    expect(r.resizes.map((x) => [x.kind, x.month, x.sizingYear])).toEqual([
      ['opening', 0, 2025],
      ['yearly', 14, 2026],
    ]);
    expect(pair!.sizesFen).toEqual([120_000, 200_000]); // 2 × 60,000, then 2 × 2026's average
    const march2027 = r.calendar.monthStart[14]!;
    expect(pair!.events.find((e) => e.kind === 'resize')?.day).toBe(march2027);
    // January and February 2027 still stand on 2026's prepayment and its top-ups.
    expect(pair!.prepaymentFen[march2027 - 1]).not.toBe(200_000);
    const topUpsOn = pair!.events.filter((e) => e.kind === 'top-up' && e.day === march2027);
    expect(pair!.prepaymentFen[march2027]).toBe(200_000 + sum(topUpsOn.map((e) => e.amountFen)));
  });

  test('C5: by default the opening size foresees the run’s first twelve months, and says so', () => {
    const cube = steadyCube(18, (m) => 10_000 * (m + 1));
    const r = clearRun(cube, AREA_PROVINCE, PROVINCES, base, { start: '2026-07' });
    expect(r.firstYear).toBe('perfect-foresight');
    // Opening: 2 × the average of months 1..12 (65,000); March 2027: 2 × the average of Jul–Dec 2026 (35,000).
    expect(r.prepayments[0]!.sizesFen).toEqual([130_000, 70_000]);
  });

  test('C7: the fast-cycle-2026 scenario lowers outstanding claims and peak usage on the same flows', () => {
    const cube = randomCube('cycle', 12);
    const run = (p: ClearingParameters) => clearRun(cube, AREA_PROVINCE, PROVINCES, p, { start: '2026-01' });
    // Without top-ups, usage is outstanding ÷ the sized prepayment, which the cycle does not change.
    const noTopUps = (p: ClearingParameters) => ({ ...p, warnings: { ...p.warnings, topUpFraction: 0 } });
    const monthly = run(noTopUps(scenarioParams('baseline-2026')));
    const fast = run(noTopUps(scenarioParams('fast-cycle-2026')));
    expect(fast.prepayments.map((p) => p.sizesFen)).toEqual(monthly.prepayments.map((p) => p.sizesFen));
    fast.prepayments.forEach((p, k) => {
      const m = monthly.prepayments[k]!;
      expect(p.peakOutstandingFen).toBeLessThan(m.peakOutstandingFen * 0.6);
      expect(p.peakUsage).toBeLessThan(m.peakUsage * 0.6);
    });
    // With top-ups, the faster cycle also warns less and tops up less.
    const withTopUps = [run(scenarioParams('baseline-2026')), run(scenarioParams('fast-cycle-2026'))];
    const [w0, w1] = withTopUps.map((r) =>
      sum(r.provinceSummaries.map((s) => s.yellowWarnings + s.redWarnings)),
    );
    expect(w1).toBeLessThan(w0!);
    const [t0, t1] = withTopUps.map((r) => sum(r.provinceSummaries.map((s) => s.topUpFen)));
    expect(t1).toBeLessThan(t0!);
  });

  test('C7: on any flows, the 10-day cycle leaves no more outstanding on any day than the monthly one', () => {
    const monthlyCal = runCalendar('2026-01', 12, scenarioParams('baseline-2026').calendar);
    const fastCal = runCalendar('2026-01', 12, scenarioParams('fast-cycle-2026').calendar);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e10 }), { minLength: 12, maxLength: 12 }), (flows) => {
        const track = (cal: RunCalendar) => {
          const { claimsFen, repaidFen } = dailyClaims(cal, flows);
          return trackPrepayment(base.warnings, claimsFen, repaidFen, [{ day: 0, fen: 1e9 }]).outstandingFen;
        };
        const slow = track(monthlyCal);
        const fast = track(fastCal);
        fast.forEach((v, d) => expect(v).toBeLessThanOrEqual(slow[d] ?? 0));
      }),
      { numRuns: 100, seed: 23 },
    );
  });

  test('C3: netting-2026 differs from the baseline only in its settlement mode', () => {
    expect({ ...scenarioParams('netting-2026'), settlement: 'gross-bilateral' }).toEqual(
      scenarioParams('baseline-2026'),
    );
    expect(scenarioParams('netting-2026').settlement).toBe('multilateral-netting');
  });

  test('C6: province summaries count the warnings and top-ups of the prepayments each province advanced', () => {
    const r = clearRun(randomCube('summaries', 12), Uint8Array.from(AREA_PROVINCE), PROVINCES, base, {
      start: '2026-01',
    });
    for (const s of r.provinceSummaries) {
      const own = r.prepayments.filter((p) => p.insured === s.province);
      const events = own.flatMap((p) => p.events);
      expect(s.redWarnings).toBe(events.filter((e) => e.kind === 'red').length);
      expect(s.yellowWarnings).toBe(events.filter((e) => e.kind === 'yellow').length);
      expect(s.topUps).toBe(events.filter((e) => e.kind === 'top-up').length);
      expect(s.topUpFen).toBe(sum(own.map((p) => p.ledger.topUpFen)));
      expect(s.peakUsage).toBe(Math.max(0, ...own.map((p) => p.peakUsage)));
      expect(s.openingPrepaymentFen).toBe(sum(own.map((p) => p.sizesFen[0]!)));
    }
    // Two months of average against claims outstanding up to two months: the monthly cycle warns.
    expect(sum(r.provinceSummaries.map((s) => s.yellowWarnings))).toBeGreaterThan(0);
  });

  test('clearRun names a bad province table', () => {
    const cube = new FlowCube(1, 6);
    expect(() => clearRun(cube, Int32Array.from([0, 1]), 3, base, { start: '2026-01' })).toThrow(
      'areaProvince has 2 entries for 6 pooling areas',
    );
    expect(() => clearRun(cube, Int32Array.from([0, 0, 1, 1, 2, 3]), 3, base, { start: '2026-01' })).toThrow(
      /areaProvince\[5\]: expected a province index 0…2, got 3/,
    );
  });
});

describe('clearRun: what it reports and what it checks', () => {
  test('clearRun reports its provinces, settlement mode, calendar and opening rule, and a pool area’s tiers', () => {
    const cube = steadyCube(3, () => 10_000);
    const r = clearRun(cube, AREA_PROVINCE, PROVINCES, netting, { start: '2026-11' });
    expect(r.provinces).toBe(3);
    expect(r.settlement).toBe('multilateral-netting');
    expect(r.firstYear).toBe('perfect-foresight');
    expect(r.calendar.start).toBe('2026-11');
    expect(Array.from(r.calendar.year)).toEqual([2026, 2026, 2027]);
    expect(r.tiers.map((t) => [t.paysFen[0], t.receivesFen[2]])).toEqual([
      [10_000, 10_000],
      [10_000, 10_000],
      [10_000, 10_000],
    ]);
    expect(r.cash.map((c) => c.movedFen)).toEqual([10_000, 10_000, 10_000]);
    expect(r.cash[0]).toEqual({
      month: 0,
      grossFen: 10_000,
      nettedFen: 10_000,
      savedFen: 0,
      movedFen: 10_000,
    });
  });

  test('clearRun refuses a province count that is not a whole number of at least one, and a negative province', () => {
    const cube = new FlowCube(1, 6);
    expect(() => clearRun(cube, AREA_PROVINCE, 0, base, { start: '2026-01' })).toThrow(
      'provinces: expected a whole number ≥ 1, got 0',
    );
    expect(() => clearRun(cube, AREA_PROVINCE, 2.5, base, { start: '2026-01' })).toThrow(/got 2.5/);
    expect(() => clearRun(cube, Int32Array.from([0, 0, -1, 1, 2, 2]), 3, base, { start: '2026-01' })).toThrow(
      'areaProvince[2]: expected a province index 0…2, got -1',
    );
    expect(clearRun(cube, AREA_PROVINCE, 3, base, { start: '2026-01' }).prepayments).toEqual([]);
    // One province is a whole number of at least one: everything is cleared within it.
    const one = clearRun(randomCube('one-province', 2), new Int32Array(6), 1, base, { start: '2026-01' });
    expect([one.provinces, one.prepayments.length]).toEqual([1, 0]);
  });

  test('cash can come from other obligations than the cube’s; positions, tiers and prepayments stay the cube’s', () => {
    const cube = steadyCube(2, () => 10_000);
    const cashOwesFen = [Float64Array.of(0, 500, 0, 0, 0, 300, 200, 0, 0), new Float64Array(9)];
    const r = clearRun(cube, AREA_PROVINCE, PROVINCES, netting, { start: '2026-01', cashOwesFen });
    expect(r.cash).toEqual([
      { month: 0, grossFen: 1_000, nettedFen: 300, savedFen: 700, movedFen: 300 },
      { month: 1, grossFen: 0, nettedFen: 0, savedFen: 0, movedFen: 0 },
    ]);
    expect(r.national.map((m) => m.grossFen)).toEqual([10_000, 10_000]);
    expect(r.prepayments.map((p) => [p.insured, p.treatment, p.ledger.claimsFen])).toEqual([[0, 1, 20_000]]);
  });

  test('prepayments can be tracked on other obligations than the cube’s (e.g. the expected year)', () => {
    const cube = steadyCube(2, () => 10_000);
    const prepaymentOwesFen = [
      Float64Array.of(0, 0, 0, 0, 0, 0, 7_000, 0, 0),
      Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
    ];
    const r = clearRun(cube, AREA_PROVINCE, PROVINCES, base, { start: '2026-01', prepaymentOwesFen });
    expect(r.prepayments.map((p) => [p.insured, p.treatment, p.ledger.claimsFen, p.sizesFen])).toEqual([
      [2, 0, 7_000, [Math.ceil((2 * 7_000) / 2)]],
    ]);
    expect(r.national[0]!.grossFen).toBe(10_000);
  });
});

describe('trackPairs (C5–C7)', () => {
  const cal = () => runCalendar('2026-01', 2, base.calendar);
  const foresight = { rule: 'perfect-foresight' } as const;

  test('a pair with no obligation in the run but a prepayment from the year before is tracked; a pair with neither is left out', () => {
    const owes = [new Float64Array(9), new Float64Array(9)];
    const lastYear = Array.from({ length: 12 }, () => Float64Array.of(0, 0, 0, 0, 0, 600, 0, 0, 0));
    const r = trackPairs(cal(), base, owes, 3, { rule: 'previous-year', monthlyOwesFen: lastYear });
    expect(r.prepayments.map((p) => [p.insured, p.treatment, p.sizesFen])).toEqual([[1, 2, [1_200]]]);
    expect(r.prepayments[0]!.prepaymentFen[0]).toBe(1_200);
    expect(r.provinceSummaries[1]!.openingPrepaymentFen).toBe(1_200);
    expect(trackPairs(cal(), base, owes, 3, foresight).prepayments).toEqual([]);
  });

  test('a pair whose prepayment from the year before is re-sized to nothing is tracked until it is', () => {
    const months = 15; // the yearly re-sizing falls in March of the second year (month 14)
    const owes = Array.from({ length: months }, () => new Float64Array(9));
    const lastYear = Array.from({ length: 12 }, () => Float64Array.of(0, 0, 0, 0, 0, 600, 0, 0, 0));
    const r = trackPairs(runCalendar('2026-01', months, base.calendar), base, owes, 3, {
      rule: 'previous-year',
      monthlyOwesFen: lastYear,
    });
    expect(r.prepayments.map((p) => [p.insured, p.treatment, p.sizesFen])).toEqual([[1, 2, [1_200, 0]]]);
  });

  test('a province’s obligations to itself are no pair: only pairs of two provinces are tracked', () => {
    const owes = [Float64Array.of(5_000, 0, 0, 7_000), new Float64Array(4)];
    expect(trackPairs(cal(), base, owes, 2, foresight).prepayments).toEqual([]);
  });

  test('a pair with an obligation in its last month only is tracked', () => {
    const owes = [new Float64Array(4), Float64Array.of(0, 0, 3_000, 0)];
    const r = trackPairs(cal(), base, owes, 2, foresight);
    expect(r.prepayments.map((p) => [p.insured, p.treatment, p.ledger.claimsFen])).toEqual([[1, 0, 3_000]]);
  });

  test('trackPairs names obligations of the wrong number of months or of the wrong size', () => {
    expect(() => trackPairs(cal(), base, [new Float64Array(4)], 2, foresight)).toThrow(
      'prepayment obligations: expected 2 months, got 1',
    );
    expect(() => trackPairs(cal(), base, [new Float64Array(4), new Float64Array(3)], 2, foresight)).toThrow(
      'monthly obligations [1]: expected 4 entries (P × P), got 3',
    );
    const short = Array.from({ length: 12 }, (_, k) => new Float64Array(k === 11 ? 9 : 4));
    expect(() =>
      trackPairs(cal(), base, [new Float64Array(4), new Float64Array(4)], 2, {
        rule: 'forecast',
        monthlyOwesFen: short,
      }),
    ).toThrow('monthly obligations [13]: expected 4 entries (P × P), got 9');
  });
});

describe('summarizeProvinces (C6)', () => {
  const pair = (insured: number, events: PairPrepayment['events'], sizesFen: number[], peakUsage: number) =>
    ({ insured, treatment: 9, sizesFen, peakUsage, events }) as unknown as PairPrepayment;

  test('summarizeProvinces counts each kind of event once, and a re-sizing as none of them', () => {
    const e = (kind: 'resize' | 'yellow' | 'red' | 'top-up', amountFen = 0) => ({
      day: 1,
      kind,
      usage: 1,
      amountFen,
    });
    const s = summarizeProvinces(
      [
        pair(
          0,
          [e('resize', 7_000), e('yellow'), e('red'), e('top-up', 300), e('top-up', 200)],
          [1_000, 8_000],
          1.2,
        ),
        pair(0, [e('resize', -50), e('yellow')], [400], 0.8),
        pair(2, [], [], 0),
      ],
      3,
    );
    expect(s).toEqual([
      {
        province: 0,
        openingPrepaymentFen: 1_400,
        peakUsage: 1.2,
        yellowWarnings: 2,
        redWarnings: 1,
        topUps: 2,
        topUpFen: 500,
      },
      {
        province: 1,
        openingPrepaymentFen: 0,
        peakUsage: 0,
        yellowWarnings: 0,
        redWarnings: 0,
        topUps: 0,
        topUpFen: 0,
      },
      {
        province: 2,
        openingPrepaymentFen: 0,
        peakUsage: 0,
        yellowWarnings: 0,
        redWarnings: 0,
        topUps: 0,
        topUpFen: 0,
      },
    ]);
  });

  test('C6: with top-ups turned off a two-year run re-sizes and warns, and its summaries count no top-up', () => {
    const cube = steadyCube(24, (m) => (m < 12 ? 100_000 : 400_000));
    const off = { ...base, warnings: { ...base.warnings, topUpFraction: 0 } };
    const r = clearRun(cube, AREA_PROVINCE, PROVINCES, off, { start: '2026-01' });
    const events = r.prepayments.flatMap((p) => p.events);
    expect(events.some((e) => e.kind === 'resize')).toBe(true);
    expect(events.some((e) => e.kind === 'red')).toBe(true);
    expect(r.provinceSummaries[0]).toMatchObject({ topUps: 0, topUpFen: 0 });
    expect(r.provinceSummaries[0]!.redWarnings).toBe(events.filter((e) => e.kind === 'red').length);
  });
});
