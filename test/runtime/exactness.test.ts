import { describe, expect, test } from 'vitest';
import { simulateRange } from '../../src/engine';
import { emptyResult, SUMMARY, SUMMARY_FIELDS } from '../../src/engine/result';
import { sampleSize } from '../../src/population/generate';
import {
  checkConservation,
  checkExactness,
  ConservationFailure,
  EXACT_FEN_LIMIT,
  InexactRun,
  preflightExactness,
} from '../../src/runtime/exactness';
import { runScenario } from '../../src/runtime/scenarioRun';
import type { Scenario } from '../../src/scenario';
import { scenario } from '../scenario/helpers';
import { inputOf, population } from '../engine/helpers';

/** The baseline with every care amount and rate, the uptake and own spending at the schema's maximum. */
function atMaximums(s: Scenario): void {
  const b = s.behaviour;
  b.uptake.initialShare = { samePoolingArea: 1, sameProvince: 1, crossProvince: 1 };
  b.care.outpatientPerYear = { child: 60, adult: 60, older: 60 };
  b.care.pharmacyPerYear = { child: 60, adult: 60, older: 60 };
  b.care.outpatientCostFen = 100_000_000;
  b.care.pharmacyCostFen = 100_000_000;
  b.care.inpatientRate = { employee: 1, resident: 1 };
  b.care.inpatientOlderFactor = 10;
  b.care.inpatientCostFen = { employee: 100_000_000, resident: 100_000_000 };
  b.care.inpatientShared = 1;
  b.contributions.ltcYearlyFen = 100_000_000;
  b.ownSpendingShareOfCredit = 5;
}

describe('exact sums or a refusal', () => {
  test('a scenario at the schema’s maximums is refused before it runs, naming the care fields', async () => {
    const s = structuredClone(scenario('baseline-2026'));
    atMaximums(s);
    let simulated = 0;
    const error = await runScenario(
      s,
      population(),
      () => {
        simulated++;
        return Promise.reject(new Error('must not run'));
      },
      { scaleK: 10_000 },
    ).catch((e: unknown) => e);
    expect(simulated).toBe(0);
    expect(error).toBeInstanceOf(InexactRun);
    const refusal = error as InexactRun;
    expect(refusal.when).toBe('before');
    expect(refusal.movedFen).toBeGreaterThan(EXACT_FEN_LIMIT);
    expect(refusal.shares[0]!.fields.some((f) => f.startsWith('behaviour.care.'))).toBe(true);
    expect(refusal.message).toMatch(/^the run is refused: it would move about .* fen in all/);
    expect(refusal.message).toMatch(/behaviour\.care\.(outpatient|pharmacy)/);
    expect(refusal.message).toMatch(/运行被拒绝：本次运行预计将记账约/);
  });

  test('a result whose moved fen reach 2^53 is refused after its simulation', () => {
    const input = inputOf('baseline-2026', 10_000);
    const result = emptyResult(12, input.areaCount, 10_000);
    result.movedFen = EXACT_FEN_LIMIT - 10_000;
    expect(() => checkExactness(result, input)).not.toThrow();
    result.movedFen = EXACT_FEN_LIMIT;
    expect(() => checkExactness(result, input)).toThrow(InexactRun);
    result.movedFen = Infinity;
    expect(() => checkExactness(result, input)).toThrow(/the run is refused: it moved Infinity fen/);
  });

  test('the moved fen bound every money sum of a run, and the baseline stays far below the limit', () => {
    const input = inputOf('baseline-2026', 10_000);
    const r = simulateRange(input, 0, sampleSize(input.model, input.scaleK));
    const money = [
      SUMMARY.quotaFrozenFen,
      SUMMARY.walletFen,
      SUMMARY.sharedFen,
      SUMMARY.quotaSetFen,
      SUMMARY.quotaReturnedFen,
      SUMMARY.quotaReleasedFen,
      SUMMARY.creditFen,
      SUMMARY.ownSpendingFen,
      SUMMARY.beneficiaryOwnFen,
      SUMMARY.beneficiaryCashFen,
    ];
    for (const f of money) {
      let s = 0;
      for (let m = 0; m < r.months; m++) s += r.summary[m * SUMMARY_FIELDS + f]!;
      expect(s, `summary field ${f}`).toBeLessThanOrEqual(r.movedFen);
    }
    for (const x of r.ledger) expect(Math.abs(x)).toBeLessThanOrEqual(r.movedFen);
    let flows = 0;
    r.flows.forEachCell((_m, _a, _b, _u, fen) => (flows += fen));
    expect(flows).toBeLessThanOrEqual(r.movedFen);
    // Credits, own spending, quota sets and opening balances: every posting counts once.
    expect(r.movedFen).toBeGreaterThan(
      r.summary.reduce((s, x, i) => (i % SUMMARY_FIELDS === SUMMARY.creditFen ? s + x : s), 0),
    );
    expect(r.movedFen / EXACT_FEN_LIMIT).toBeLessThan(0.05);
  });

  test('the baseline over 2026–2099 passes the pilot; over 2000–2099 with doubled credits it is refused', () => {
    expect(() =>
      preflightExactness(
        inputOf('baseline-2026', 10_000, (s) => (s.window = { start: '2026-01', end: '2099-12' })),
        population().model,
      ),
    ).not.toThrow();
    const heavy = inputOf('baseline-2026', 10_000, (s) => {
      s.window = { start: '2000-01', end: '2099-12' };
      s.behaviour.ownSpendingShareOfCredit = 5;
    });
    expect(() => preflightExactness(heavy, population().model)).toThrow(/window: 1200 months/);
  });

  test('a run whose books do not balance is refused, naming the residual in both languages', () => {
    expect(() => checkConservation(0)).not.toThrow();
    const error = (() => {
      try {
        checkConservation(3200);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConservationFailure);
    expect((error as Error).message).toMatch(/books do not balance by 3200 fen [^]*守恒残差为 3200 分/);
  });
});
