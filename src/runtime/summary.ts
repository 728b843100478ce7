/**
 * The summary of a scenario run (运行摘要): conservation, person-times and fen by geography and by
 * use, relationships, clearing cash movement, and each province's prepayment usage and warnings —
 * the plain object `simulate --json` prints and the workbench shows first.
 */
import { FEN_AT, S, SUMMARY_FIELDS, TIMES_AT } from '../engine/result';
import type { Dataset } from '../population/dataset';
import { PERMITTED_USES, type PermittedUse } from '../rules/types';
import type { ScenarioRun } from './scenarioRun';

/** The three geographies of R3, in the engine's order. */
export const GEOGRAPHIES = ['same-pooling-area', 'same-province', 'cross-province'] as const;

/** Person-times and fen of one slice of the run. */
export interface Volume {
  personTimes: number;
  amountFen: number;
}

/** One province as the insured place: its prepayments' peak usage and warnings (C5, C6). */
export interface ProvinceLine {
  code: string;
  name: string;
  nameZh: string;
  openingPrepaymentFen: number;
  /** Highest usage any of its prepayments reached; null when it had claims but no prepayment to hold them. */
  peakUsage: number | null;
  yellowWarnings: number;
  redWarnings: number;
  topUps: number;
  topUpFen: number;
  /** With replications: share of replications with a red warning, and the prepayment for the confidence asked. */
  redProbability?: number;
  neededPrepaymentFen?: number;
}

/** The summary of one run. */
export interface RunSummary {
  scenario: string;
  seed: string;
  scale: string;
  window: { start: string; end: string };
  families: number;
  personMonths: number;
  /**
   * Fen the books fail to balance by, summed over the run: the engine's per-month residual (state
   * arrays against postings), the ledger's sum over account classes at the end of every month, and
   * the national clearing's sum of net positions every month. Zero when money is conserved.
   */
  conservationResidualFen: number;
  total: Volume;
  byGeography: Record<(typeof GEOGRAPHIES)[number], Volume>;
  byUse: Record<PermittedUse, Volume>;
  relationships: { setUp: number; startingStock: number; ended: number; activeAtEnd: number };
  quotaFrozenFenAtEnd: number;
  clearing: { grossFen: number; nettedFen: number; savedFen: number; settlement: string; firstYear: string };
  provinces: ProvinceLine[];
  monteCarlo: null | {
    replications: number;
    confidence: number;
    crossProvinceFen: { p05: number; p50: number; p95: number };
    crossProvinceTimes: { p05: number; p50: number; p95: number };
  };
}

/** Nearest-rank quantile of a list. */
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/** Summarizes a scenario run. */
export function runSummary(run: ScenarioRun, dataset: Dataset): RunSummary {
  const { result, clearing, scenario } = run;
  const M = result.months;
  const at = (m: number, f: number): number => result.summary[m * SUMMARY_FIELDS + f]!;
  const sumOver = (f: number): number => {
    let s = 0;
    for (let m = 0; m < M; m++) s += at(m, f);
    return s;
  };
  const volume = (geos: readonly number[], uses: readonly number[]): Volume => {
    let personTimes = 0;
    let amountFen = 0;
    for (const g of geos) {
      for (const u of uses) {
        personTimes += sumOver(TIMES_AT + g * 4 + u);
        amountFen += sumOver(FEN_AT + g * 4 + u);
      }
    }
    return { personTimes, amountFen };
  };
  const allUses = PERMITTED_USES.map((_, u) => u);
  const allGeos = GEOGRAPHIES.map((_, g) => g);

  let residual = 0;
  for (let m = 0; m < M; m++) {
    residual += Math.abs(result.residual[m]!);
    let ledger = 0;
    for (let c = 0; c < result.ledger.length / M; c++)
      ledger += result.ledger[m * (result.ledger.length / M) + c]!;
    residual += Math.abs(ledger);
  }
  for (const month of clearing.national) residual += Math.abs(month.net.reduce((s, x) => s + x, 0));

  const mcByProvince = new Map(run.monteCarlo?.provinceResults.map((p) => [p.province, p]) ?? []);
  const provinces = clearing.provinceSummaries.map((s): ProvinceLine => {
    const p = dataset.provinces[s.province]!;
    const mc = mcByProvince.get(s.province);
    return {
      code: p.code2,
      name: p.nameEn,
      nameZh: p.nameZh,
      openingPrepaymentFen: s.openingPrepaymentFen,
      peakUsage: Number.isFinite(s.peakUsage) ? s.peakUsage : null,
      yellowWarnings: s.yellowWarnings,
      redWarnings: s.redWarnings,
      topUps: s.topUps,
      topUpFen: s.topUpFen,
      ...(mc ? { redProbability: mc.redProbability, neededPrepaymentFen: mc.neededPrepaymentFen } : {}),
    };
  });
  const cash = clearing.cash.reduce(
    (s, c) => ({ grossFen: s.grossFen + c.grossFen, nettedFen: s.nettedFen + c.nettedFen }),
    { grossFen: 0, nettedFen: 0 },
  );
  const reps = run.replicationTotals;
  const band = (xs: number[]) => ({
    p05: quantile(xs, 0.05),
    p50: quantile(xs, 0.5),
    p95: quantile(xs, 0.95),
  });
  return {
    scenario: scenario.id,
    seed: scenario.seed,
    scale: `1:${run.input.scaleK}`,
    window: { ...scenario.window },
    families: result.families,
    personMonths: result.personMonths,
    conservationResidualFen: residual,
    total: volume(allGeos, allUses),
    byGeography: Object.fromEntries(
      GEOGRAPHIES.map((g, i) => [g, volume([i], allUses)]),
    ) as RunSummary['byGeography'],
    byUse: Object.fromEntries(PERMITTED_USES.map((u, i) => [u, volume(allGeos, [i])])) as RunSummary['byUse'],
    relationships: {
      setUp: sumOver(S.setUp),
      startingStock: sumOver(S.setUpStock),
      ended: sumOver(S.endedVoluntary) + sumOver(S.endedMove) + sumOver(S.endedDeath) + sumOver(S.endedLeave),
      activeAtEnd: M > 0 ? at(M - 1, S.active) : 0,
    },
    quotaFrozenFenAtEnd: M > 0 ? at(M - 1, S.quotaFrozenFen) + at(M - 1, S.walletFen) : 0,
    clearing: {
      ...cash,
      savedFen: cash.grossFen - cash.nettedFen,
      settlement: clearing.settlement,
      firstYear: clearing.firstYear,
    },
    provinces,
    monteCarlo:
      run.monteCarlo === null
        ? null
        : {
            replications: run.monteCarlo.replications,
            confidence: run.monteCarlo.confidence,
            crossProvinceFen: band(reps.map((r) => r.crossProvinceFen)),
            crossProvinceTimes: band(reps.map((r) => r.crossProvinceTimes)),
          },
  };
}
