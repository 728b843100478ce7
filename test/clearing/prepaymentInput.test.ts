import { describe, expect, test } from 'vitest';
import { runCalendar } from '../../src/clearing/calendar';
import type { ClaimsModel } from '../../src/clearing/claims';
import { directSettlementMoments } from '../../src/clearing/directSettlement';
import { DEFAULT_CLEARING_PARAMETERS, type ClearingParameters } from '../../src/clearing/parameters';
import {
  expectedOwes,
  expectedSharingOwes,
  forecastOwes,
  prepaymentInput,
} from '../../src/clearing/prepaymentInput';
import type { Dataset } from '../../src/population/dataset';

const P = 2;
const M = 2;
const calendar = () => runCalendar('2026-01', M, DEFAULT_CLEARING_PARAMETERS.calendar);
const dedicated: ClearingParameters = {
  ...DEFAULT_CLEARING_PARAMETERS,
  prepayment: { ...DEFAULT_CLEARING_PARAMETERS.prepayment, model: 'dedicated' },
};
const riding = DEFAULT_CLEARING_PARAMETERS; // direct-settlement, forecast

/**
 * A claims model of two provinces and two months written by hand: pair 0 → 1 (cell 1) takes half of
 * the national medical claims, pair 1 → 0 (cell 2) a quarter; two groups of draws with national
 * medical months 1,000 and 2,000, and 3,000 and 4,000 fen.
 */
function claims(): ClaimsModel {
  const share = new Float64Array(P * P * 4);
  share[1 * 4 + 0] = 0.5;
  share[2 * 4 + 0] = 0.25;
  const groups = [
    Float64Array.of(1_000, 2_000, 0, 0, 0, 0, 0, 0),
    Float64Array.of(3_000, 4_000, 0, 0, 0, 0, 0, 0),
  ];
  return {
    provinces: P,
    months: M,
    scaleK: 1,
    samples: 2,
    share,
    phi: new Float64Array(P * P * 4).fill(10),
    profile: Float64Array.of(2_000, 3_000, 0, 0, 0, 0, 0, 0),
    groups,
    levelRelVar: Float64Array.of(0, 0.01, 0.02, 0),
    personTimes: 9,
    sources: {
      sampling: 'removed',
      population: true,
      parameters: true,
      parameterDraws: 2,
      parameterShare: [0.5, 0, 0, 0],
    },
  };
}

/** Two provinces, one kind of direct settlement of 1,050 yuan a year: 100 migrants from 0 live in 1, none the other way. */
const tiny = {
  provinces: [{ code2: '11' }, { code2: '44' }],
  od: Float64Array.of(0, 100, 0, 0),
  directSettlement: [
    { type: 'inpatient', year: 2024, personTimes: 10, amountYuan: 1_050, q1Factor: 1, billCv: 1 },
  ],
} as unknown as Dataset;

describe('prepaymentInput (C5)', () => {
  test('a dedicated prepayment: sharing per group, the forecast repeating the run’s months, nothing else', () => {
    const input = prepaymentInput(claims(), tiny, calendar(), dedicated, null, 'seed-1');
    expect(input.provinces).toBe(2);
    expect(input.seed).toBe('seed-1');
    expect(input.params).toBe(dedicated);
    expect(input.directSettlement).toBeNull();
    expect(input.sharing.map((g) => Array.from(g.meanFen))).toEqual([
      [0, 500, 250, 0, 0, 1_000, 500, 0],
      [0, 1_500, 750, 0, 0, 2_000, 1_000, 0],
    ]);
    expect(Array.from(input.sharing[0]!.varianceFen2)).toEqual([0, 5_000, 2_500, 0, 0, 10_000, 5_000, 0]);
    expect(Array.from(input.sharingShare)).toEqual([0, 1, 1, 0]);
    expect(Array.from(input.levelRelVar)).toEqual([0, 0.01, 0.02, 0]);
    expect(input.sources.parameterDraws).toBe(2);
    // The groups' mean: months of 2,000 and 3,000 nationally; twelve forecast months alternate.
    const o = input.opening!;
    expect(o.directSettlementFen).toBeNull();
    expect(Array.from(o.sharingFen.subarray(0, 8))).toEqual([0, 1_000, 500, 0, 0, 1_500, 750, 0]);
    expect(Array.from(o.sharingFen.subarray(44, 48))).toEqual([0, 1_500, 750, 0]);
    expect(o.sharingFen).toHaveLength(12 * 4);
  });

  test('the expected year, the forecast and sharing alone, in whole fen, averaged over the groups', () => {
    const input = prepaymentInput(claims(), tiny, calendar(), dedicated, null, 's');
    expect(expectedOwes(input).map((o) => Array.from(o))).toEqual([
      [0, 1_000, 500, 0],
      [0, 1_500, 750, 0],
    ]);
    expect(expectedSharingOwes(input).map((o) => Array.from(o))).toEqual([
      [0, 1_000, 500, 0],
      [0, 1_500, 750, 0],
    ]);
    const forecast = forecastOwes(input)!;
    expect(forecast).toHaveLength(12);
    expect(Array.from(forecast[11]!)).toEqual([0, 1_500, 750, 0]);
    const foresight = {
      ...dedicated,
      prepayment: { ...dedicated.prepayment, firstYear: 'perfect-foresight' as const },
    };
    const none = prepaymentInput(claims(), tiny, calendar(), foresight, null, 's');
    expect(none.opening).toBeNull();
    expect(forecastOwes(none)).toBeNull();
  });

  test('riding on direct settlement: its flows per group at each group’s growth, in the forecast and the shares', () => {
    const input = prepaymentInput(claims(), tiny, calendar(), riding, [0.064, 0.5], 's');
    const cal = calendar();
    const history = riding.directSettlement.yearlyGrowth;
    const slow = directSettlementMoments(tiny, cal, { history, run: 0.064 });
    const fast = directSettlementMoments(tiny, cal, { history, run: 0.5 });
    expect(input.directSettlement!.map((d) => Array.from(d.meanFen))).toEqual([
      Array.from(slow.meanFen),
      Array.from(fast.meanFen),
    ]);
    // Sharing's part of each pair's run against direct settlement's mean over the groups (pair 1 → 0
    // gets a quarter of the reverse migrants' flows).
    const ds = (c: number) =>
      [0, 1].reduce((s, m) => s + (slow.meanFen[m * 4 + c]! + fast.meanFen[m * 4 + c]!) / 2, 0);
    expect(input.sharingShare[1]).toBeCloseTo(2_500 / (2_500 + ds(1)), 12);
    expect(input.sharingShare[2]).toBeCloseTo(1_250 / (1_250 + ds(2)), 12);
    expect(ds(2)).toBeGreaterThan(0);
    expect(input.sharingShare[0]).toBe(0);
    // The forecast adds the previous year's direct settlement (2025, grown at the history rate).
    const previous = directSettlementMoments(tiny, cal, { history, run: history }, 12).meanFen;
    expect(Array.from(input.opening!.directSettlementFen!)).toEqual(Array.from(previous.subarray(0, 48)));
    expect(Array.from(forecastOwes(input)![0]!)).toEqual([
      0,
      Math.round(1_000 + previous[1]!),
      Math.round(500 + previous[2]!),
      0,
    ]);
    expect(Array.from(expectedOwes(input)[1]!)).toEqual([
      0,
      Math.round((1_000 + 2_000 + slow.meanFen[5]! + fast.meanFen[5]!) / 2),
      Math.round((500 + 1_000 + slow.meanFen[6]! + fast.meanFen[6]!) / 2),
      0,
    ]);
    // Every forecast month adds its own month of the previous year's direct settlement.
    const forecast = forecastOwes(input)!;
    const sharingFen = input.opening!.sharingFen;
    for (let k = 0; k < 12; k++) {
      expect(Array.from(forecast[k]!)).toEqual(
        [0, 1, 2, 3].map((c) => Math.round(sharingFen[k * 4 + c]! + previous[k * 4 + c]!)),
      );
    }
    // Without drawn growths every group grows at the history rate.
    const same = prepaymentInput(claims(), tiny, cal, riding, null, 's');
    expect(Array.from(same.directSettlement![1]!.meanFen)).toEqual(
      Array.from(directSettlementMoments(tiny, cal, { history, run: history }).meanFen),
    );
  });
});

describe('prepaymentInput on a run of five months (C5)', () => {
  test('the first year’s forecast repeats a run shorter than a year month by month, in order', () => {
    // One group; national medical months 100 … 500 fen; pair 0 → 1 takes half of them.
    const months = 5;
    const share = new Float64Array(P * P * 4);
    share[1 * 4 + 0] = 0.5;
    const national = new Float64Array(4 * months);
    national.set([100, 200, 300, 400, 500]);
    const model: ClaimsModel = {
      ...claims(),
      months,
      share,
      profile: national,
      groups: [national],
      phi: new Float64Array(P * P * 4).fill(1),
    };
    const cal = runCalendar('2026-01', months, DEFAULT_CLEARING_PARAMETERS.calendar);
    const input = prepaymentInput(model, tiny, cal, dedicated, null, 's');
    const pair01 = Array.from({ length: 12 }, (_, k) => input.opening!.sharingFen[k * 4 + 1]);
    expect(pair01).toEqual([50, 100, 150, 200, 250, 50, 100, 150, 200, 250, 50, 100]);
    expect(forecastOwes(input)!.map((o) => o[1])).toEqual(pair01);
  });
});
