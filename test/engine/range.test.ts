import { describe, expect, test } from 'vitest';
import {
  addRange,
  AGE_BANDS,
  ageBand,
  mergeRangeResults,
  PROFILE_FIELDS,
  series,
  SUMMARY,
  simulateRange,
  SUMMARY_FIELDS,
} from '../../src/engine';
import { SCHEMES } from '../../src/population/columns';
import { ACCOUNT_CLASS, CLASSES } from '../../src/engine/result';
import { inputOf, resultBits } from './helpers';

describe('simulateRange', () => {
  const input = inputOf('baseline-2026', 2000);

  test('one range and three ranges merged in another order give identical bits', () => {
    const whole = simulateRange(input, 0, 3000);
    const a = simulateRange(input, 0, 700);
    const b = simulateRange(input, 700, 1900);
    const c = simulateRange(input, 1900, 3000);
    const merged = mergeRangeResults(mergeRangeResults(c, a), b);
    expect(resultBits(merged)).toEqual(resultBits(whole));
    expect(whole.flows.totalFen()).toBeGreaterThan(0);
  });

  test('adding ranges into a running total gives the bits of one range, and the first range is the total', () => {
    const whole = simulateRange(input, 0, 3000);
    const first = addRange(null, input, 1900, 3000);
    const total = addRange(addRange(first, input, 0, 700), input, 700, 1900);
    expect(total).toBe(first);
    expect(resultBits(total)).toEqual(resultBits(whole));
  });

  test('adding a range of another scale into a total is refused', () => {
    const total = simulateRange(input, 0, 200);
    expect(() => addRange(total, inputOf('baseline-2026', 1000), 0, 200)).toThrow(
      /different windows, areas or scales/,
    );
  });

  test('the conservation residual is 0 fen in every month, and the ledger classes sum to 0', () => {
    for (const name of ['baseline-2026', 'pilot-2025-wallet', 'monthly-cap-2026', 'calibration-2024']) {
      const r = simulateRange(inputOf(name, 2000), 0, 2500);
      expect([...r.residual], name).toEqual(new Array(r.months).fill(0));
      for (let m = 0; m < r.months; m++) {
        const row = r.ledger.subarray(m * CLASSES.length, (m + 1) * CLASSES.length);
        expect(
          row.reduce((s, x) => s + x, 0),
          `${name} month ${m}`,
        ).toBe(0);
        expect(row[ACCOUNT_CLASS.quotas]! + row[ACCOUNT_CLASS.wallets]!).toBe(
          r.summary[m * SUMMARY_FIELDS + SUMMARY.quotaFrozenFen]! +
            r.summary[m * SUMMARY_FIELDS + SUMMARY.walletFen]!,
        );
      }
    }
  });

  test('the flow cube holds exactly the shared money of the summaries', () => {
    const r = simulateRange(input, 0, 1500);
    const shared = series(r, SUMMARY.sharedFen).reduce((s, x) => s + x, 0);
    const times = series(r, SUMMARY.personTimes).reduce((s, x) => s + x, 0);
    expect(r.flows.totalFen()).toBe(shared);
    expect(r.flows.cells().reduce((s, c) => s + c.count, 0)).toBe(times);
    expect(shared % input.scaleK).toBe(0);
  });

  test('the beneficiary profile holds every payment from a quota, by age band and scheme, month by month', () => {
    const r = simulateRange(input, 0, 1500);
    const per = PROFILE_FIELDS;
    for (let m = 0; m < r.months; m++) {
      let times = 0;
      let fen = 0;
      for (let i = 0; i < per; i += 2) {
        times += r.beneficiaryProfile[m * per + i]!;
        fen += r.beneficiaryProfile[m * per + i + 1]!;
      }
      expect(times, `month ${m}`).toBe(r.summary[m * SUMMARY_FIELDS + SUMMARY.personTimes]!);
      expect(fen, `month ${m}`).toBe(r.summary[m * SUMMARY_FIELDS + SUMMARY.sharedFen]!);
    }
    const byBand = AGE_BANDS.map((_, a) => {
      let fen = 0;
      for (let m = 0; m < r.months; m++)
        for (let s = 0; s < SCHEMES.length; s++)
          fen += r.beneficiaryProfile[((m * AGE_BANDS.length + a) * SCHEMES.length + s) * 2 + 1]!;
      return fen;
    });
    expect(byBand.filter((fen) => fen > 0).length).toBeGreaterThanOrEqual(4);
  });

  test('age bands: 0–14, 15–44, 45–59, 60–74, 75+', () => {
    expect([0, 14, 15, 44, 45, 59, 60, 74, 75, 100].map(ageBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  test('relationships are set up, stand, and end by choice and by insurance changes', () => {
    const r = simulateRange(input, 0, 3000);
    const total = (f: number) => series(r, f).reduce((s, x) => s + x, 0);
    expect(total(SUMMARY.setUpStock)).toBeGreaterThan(0);
    expect(total(SUMMARY.setUp)).toBeGreaterThan(0);
    expect(total(SUMMARY.setUpOnNeed)).toBeGreaterThan(0);
    expect(total(SUMMARY.endedVoluntary)).toBeGreaterThan(0);
    expect(total(SUMMARY.endedDeath) + total(SUMMARY.endedMove) + total(SUMMARY.endedLeave)).toBeGreaterThan(
      0,
    );
    const active = series(r, SUMMARY.active);
    const ended = [SUMMARY.endedVoluntary, SUMMARY.endedMove, SUMMARY.endedDeath, SUMMARY.endedLeave].map(
      (f) => series(r, f),
    );
    let standing = 0;
    active.forEach((a, m) => {
      standing +=
        r.summary[m * SUMMARY_FIELDS + SUMMARY.setUpStock]! +
        r.summary[m * SUMMARY_FIELDS + SUMMARY.setUp]! -
        ended.reduce((s, e) => s + e[m]!, 0);
      expect(a, `month ${m}`).toBe(standing);
    });
  });
});
