/**
 * The summary of a scenario run (运行摘要): conservation, person-times and fen by geography and by
 * use, relationships, clearing cash movement, and each province's prepayment usage and warnings —
 * the plain object `simulate --json` prints and the workbench shows first.
 */
import { enrolmentCounts } from '../engine/enrolmentCounts';
import { AGE_BANDS, FEN_AT, SUMMARY, SUMMARY_FIELDS, TIMES_AT } from '../engine/result';
import type { Dataset } from '../population/dataset';
import { PERMITTED_USES, type PermittedUse } from '../rules/types';
import { crossProvinceSpread, type TotalSpread } from '../clearing/claims';
import type { NeededSize } from '../clearing/neededSize';
import type { PrepaymentAnswer } from '../clearing/prepaymentModel';
import type { ScenarioRun } from './scenarioRun';

/** The three geographies of R3, in the engine's order. */
export const GEOGRAPHIES = ['same-pooling-area', 'same-province', 'cross-province'] as const;

/** Person-times and fen of one slice of the run. */
export interface Volume {
  personTimes: number;
  amountFen: number;
}

/**
 * One province as the insured place (C5, C6): its prepayments in the expected year under the
 * scenario's rule, and what the prepayment model says over many draws of the year.
 */
export interface ProvinceLine {
  code: string;
  name: string;
  nameZh: string;
  /** The rule's opening size of its prepayments (sum over treatment provinces); null without the model. */
  openingPrepaymentFen: number | null;
  /** The expected year: highest usage of any of its prepayments; null for claims against no prepayment. */
  peakUsage: number | null;
  yellowWarnings: number;
  redWarnings: number;
  topUps: number;
  topUpFen: number;
  /** The prepayment that avoids a red warning with the confidence asked; null when not resolved. */
  neededPrepaymentFen: number | null;
  /** Its interval (the prepayment model's coverage, e.g. 90%); null when not resolved. */
  neededIntervalFen: [number, number] | null;
  /** needed ÷ the rule's opening size (null when either is missing). */
  timesRule: number | null;
  /** Over the draws, under the rule: P(red warning in the year), P(yellow or red), mean red warnings (null without the model). */
  redProbability: number | null;
  yellowProbability: number | null;
  redWarningsMean: number | null;
  /** Under `direct-settlement`: the direct-settlement flows alone, and what sharing adds to them. */
  directSettlementOnly: null | {
    neededPrepaymentFen: number | null;
    openingPrepaymentFen: number;
    redProbability: number;
    sharingAddsFen: number | null;
  };
}

/**
 * Relatives insured thanks to sharing (因共济参保的亲属) over the window: uninsured near relatives
 * whose contribution a sharer's quota paid (R2, R11), estimated for the whole population, in total,
 * by age band (`ageBands`, at the window's start) and by province (where they enrol).
 */
export interface EnrolmentSummary {
  total: number;
  ageBands: readonly string[];
  byAgeBand: number[];
  byProvince: { code: string; name: string; nameZh: string; total: number; byAgeBand: number[] }[];
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
  enrolments: EnrolmentSummary;
  clearing: { grossFen: number; nettedFen: number; savedFen: number; settlement: string; firstYear: string };
  provinces: ProvinceLine[];
  /** The prepayment model: what it includes, and its national figures; null when the run did not answer it. */
  prepayment: PrepaymentSummary | null;
  /** National cross-province sharing in the whole population, with its spread (the same sources). */
  crossProvince: { fen: TotalSpread; personTimes: TotalSpread };
}

/** The prepayment model in the summary: settings, sources of spread, national figures. */
export interface PrepaymentSummary {
  model: string;
  firstYear: string;
  resizing: string;
  confidence: number;
  /** Coverage of every interval, e.g. 0.9. */
  interval: number;
  replications: number;
  draws: number;
  ruleDraws: number;
  bootstrap: number;
  sources: {
    /** Sampling noise of the 1:k sample: removed. */
    sampling: 'removed';
    /** The whole population's month-to-month randomness: included. */
    population: 'included';
    /** Parameter uncertainty: the ranges drawn, or why it is not included. */
    parameters: 'included' | 'no ranges' | 'too few replications';
    parameterRanges: string[];
    /** What each interval covers. */
    intervals: string;
  };
  /** Null when the confidence is resolved; otherwise why not, in both languages. */
  unresolved: null | { minimumReplications: number; en: string; zh: string };
  national: {
    neededPrepaymentFen: number | null;
    neededIntervalFen: [number, number] | null;
    openingPrepaymentFen: number;
    directSettlementOnly: null | {
      neededPrepaymentFen: number | null;
      neededIntervalFen: [number, number] | null;
      openingPrepaymentFen: number;
      sharingAddsFen: number | null;
    };
  };
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

  const answer = run.prepayment;
  const provinces = clearing.provinceSummaries.map((s): ProvinceLine => {
    const p = dataset.provinces[s.province]!;
    const a = answer?.provinces[s.province];
    const bg = a?.directSettlementOnly ?? null;
    return {
      code: p.code2,
      name: p.nameEn,
      nameZh: p.nameZh,
      openingPrepaymentFen: a?.ruleOpeningFen ?? null,
      peakUsage: Number.isFinite(s.peakUsage) ? s.peakUsage : null,
      yellowWarnings: s.yellowWarnings,
      redWarnings: s.redWarnings,
      topUps: s.topUps,
      topUpFen: s.topUpFen,
      neededPrepaymentFen: a?.needed?.fen ?? null,
      neededIntervalFen: a?.needed ? [a.needed.lowFen, a.needed.highFen] : null,
      timesRule: a?.needed && a.ruleOpeningFen > 0 ? a.needed.fen / a.ruleOpeningFen : null,
      redProbability: a?.rule.redProbability ?? null,
      yellowProbability: a?.rule.yellowProbability ?? null,
      redWarningsMean: a?.rule.redWarningsMean ?? null,
      directSettlementOnly: bg
        ? {
            neededPrepaymentFen: bg.needed?.fen ?? null,
            openingPrepaymentFen: bg.ruleOpeningFen,
            redProbability: bg.rule.redProbability,
            sharingAddsFen: a?.needed && bg.needed ? a.needed.fen - bg.needed.fen : null,
          }
        : null,
    };
  });
  const cash = clearing.cash.reduce(
    (s, c) => ({ grossFen: s.grossFen + c.grossFen, nettedFen: s.nettedFen + c.nettedFen }),
    { grossFen: 0, nettedFen: 0 },
  );
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
      setUp: sumOver(SUMMARY.setUp),
      startingStock: sumOver(SUMMARY.setUpStock),
      ended:
        sumOver(SUMMARY.endedVoluntary) +
        sumOver(SUMMARY.endedMove) +
        sumOver(SUMMARY.endedDeath) +
        sumOver(SUMMARY.endedLeave),
      activeAtEnd: M > 0 ? at(M - 1, SUMMARY.active) : 0,
    },
    quotaFrozenFenAtEnd: M > 0 ? at(M - 1, SUMMARY.quotaFrozenFen) + at(M - 1, SUMMARY.walletFen) : 0,
    enrolments: enrolmentSummary(run, dataset),
    clearing: {
      ...cash,
      savedFen: cash.grossFen - cash.nettedFen,
      settlement: clearing.settlement,
      firstYear: clearing.firstYear,
    },
    provinces,
    prepayment: run.prepayment ? prepaymentSummary(run, run.prepayment) : null,
    crossProvince: crossProvinceSpread(run.claims),
  };
}

/** The enrolments of a run, by province with its code and names. */
export function enrolmentSummary(run: ScenarioRun, dataset: Dataset): EnrolmentSummary {
  const areaProvince = dataset.poolingAreas.map((a) => a.province);
  const counts = enrolmentCounts(run.result, areaProvince, dataset.provinces.length);
  return {
    total: counts.total,
    ageBands: AGE_BANDS,
    byAgeBand: counts.byAgeBand,
    byProvince: counts.byProvince.map((p) => {
      const province = dataset.provinces[p.province]!;
      return {
        code: province.code2,
        name: province.nameEn,
        nameZh: province.nameZh,
        total: p.total,
        byAgeBand: p.byAgeBand,
      };
    }),
  };
}

/** The prepayment model's settings, sources and national figures, for the summary. */
export function prepaymentSummary(run: ScenarioRun, a: PrepaymentAnswer): PrepaymentSummary {
  const p = run.scenario.clearing.prepayment;
  const ranges = Object.keys(run.scenario.uncertainty).sort();
  const parameters =
    ranges.length === 0 ? 'no ranges' : a.sources.parameters ? 'included' : 'too few replications';
  const pair = (n: NeededSize | null): [number, number] | null => (n ? [n.lowFen, n.highFen] : null);
  const bg = a.national.directSettlementOnly;
  const cover = Math.round(a.interval * 100);
  return {
    model: a.model,
    firstYear: a.firstYear,
    resizing: p.resizing,
    confidence: a.confidence,
    interval: a.interval,
    replications: run.replications.length,
    draws: a.draws,
    ruleDraws: a.ruleDraws,
    bootstrap: a.bootstrap,
    sources: {
      sampling: 'removed',
      population: 'included',
      parameters,
      parameterRanges: a.sources.parameters ? ranges : [],
      intervals: `${cover}% bootstrap intervals: the estimate's own error from the 1:${run.input.scaleK} samples${a.sources.parameters ? ' and the finite number of parameter draws' : ''}`,
    },
    unresolved: a.unresolved
      ? { ...a.unresolved, ...unresolvedText(a.confidence, a.unresolved.minimumReplications, a.groups) }
      : null,
    national: {
      neededPrepaymentFen: a.national.needed?.fen ?? null,
      neededIntervalFen: pair(a.national.needed),
      openingPrepaymentFen: a.national.ruleOpeningFen,
      directSettlementOnly: bg
        ? {
            neededPrepaymentFen: bg.needed?.fen ?? null,
            neededIntervalFen: pair(bg.needed),
            openingPrepaymentFen: bg.ruleOpeningFen,
            sharingAddsFen: a.national.needed && bg.needed ? a.national.needed.fen - bg.needed.fen : null,
          }
        : null,
    },
  };
}

/** Why a confidence is not resolved, in both languages. */
export function unresolvedText(
  confidence: number,
  minimum: number,
  draws: number,
): { en: string; zh: string } {
  const pct = Math.round(confidence * 1000) / 10;
  return {
    en: `${pct}% confidence needs at least ${minimum} replications that draw parameters (this run has ${draws}); with fewer, the answer would rest on the single most extreme draw. Run more replications or choose a lower confidence.`,
    zh: `${pct}% 的置信度至少需要 ${minimum} 次抽取参数的重复模拟（本次为 ${draws} 次）；次数不足时结果只取决于最极端的一次抽样。请增加重复次数或选择较低的置信度。`,
  };
}
