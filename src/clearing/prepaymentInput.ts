/**
 * From a run's claims model to the prepayment model's input (预付金测算输入), rule C5: sharing's
 * claims per group of draws, the direct-settlement flows when sharing rides on that prepayment, the
 * forecast that sizes the first year, and the expected year that the workbench tracks day by day.
 */
import type { Dataset } from '../population/dataset';
import type { RunCalendar } from './calendar';
import { sharingMoments, type ClaimsModel, type SpreadSources } from './claims';
import { directSettlementMoments, type PairMonthMoments } from './directSettlement';
import type { ClearingParameters } from './parameters';

/** Expected claims and variance of every pair and month, `[m × P² + c]`. */
export type Moments = Pick<PairMonthMoments, 'meanFen' | 'varianceFen2'>;

/** Everything the model needs. */
export interface PrepaymentModelInput {
  calendar: RunCalendar;
  params: ClearingParameters;
  provinces: number;
  /** Sharing's claims, one entry per group of draws. */
  sharing: readonly Moments[];
  /** Direct settlement's claims per group (as many as `sharing`), or null for a dedicated prepayment. */
  directSettlement: readonly Moments[] | null;
  /**
   * The forecast that sizes the first year: 12 months, `[k × P² + c]`, of expected sharing and (under
   * `direct-settlement`) of the previous year's direct settlement; null under perfect foresight.
   */
  opening: { sharingFen: Float64Array; directSettlementFen: Float64Array | null } | null;
  /** Relative variance of each pair's sharing level as estimated (its own error), `[c]`. */
  levelRelVar: Float64Array;
  /** Sharing's share of each pair's expected claims over the run, `[c]` (1 without direct settlement). */
  sharingShare: Float64Array;
  sources: SpreadSources;
  /** Seeds the draws and the bootstrap. */
  seed: string;
}

/** Months in a year: the forecast that sizes a first year covers one. */
const YEAR = 12;

/**
 * The prepayment model's input for a run. `runGrowths` are the direct-settlement growths of the
 * groups of draws (one per replication that drew parameters, in the claims model's group order);
 * null when the groups do not draw it.
 */
export function prepaymentInput(
  claims: ClaimsModel,
  dataset: Dataset,
  calendar: RunCalendar,
  params: ClearingParameters,
  runGrowths: readonly number[] | null,
  seed: string,
): PrepaymentModelInput {
  const P = claims.provinces;
  const M = calendar.months;
  const G = claims.groups.length;
  const sharing = claims.groups.map((_, g) => sharingMoments(claims, g));
  const expectedSharing = sharingMoments(claims, 'mean');
  const history = params.directSettlement.yearlyGrowth;
  const withDirect = params.prepayment.model === 'direct-settlement';
  const directSettlement: Moments[] | null = withDirect
    ? Array.from({ length: G }, (_, g) =>
        directSettlementMoments(dataset, calendar, { history, run: runGrowths?.[g] ?? history }),
      )
    : null;
  const sharingShare = new Float64Array(P * P);
  // Stryker disable next-line EqualityOperator: one step past the end only writes past the end of a typed array, which is ignored
  for (let c = 0; c < P * P; c++) {
    let s = 0;
    let all = 0;
    for (let m = 0; m < M; m++) {
      s += expectedSharing.meanFen[m * P * P + c]!;
      all += expectedSharing.meanFen[m * P * P + c]!;
      if (directSettlement) {
        all += directSettlement.reduce((x, d) => x + d.meanFen[m * P * P + c]!, 0) / G;
      }
    }
    sharingShare[c] = all > 0 ? s / all : 0;
  }
  let opening: PrepaymentModelInput['opening'] = null;
  if (params.prepayment.firstYear === 'forecast') {
    // Expected sharing of the run's first 12 months (a shorter run repeats its months in order).
    const sharingFen = new Float64Array(YEAR * P * P);
    for (let k = 0; k < YEAR; k++) {
      sharingFen.set(expectedSharing.meanFen.subarray((k % M) * P * P, ((k % M) + 1) * P * P), k * P * P);
    }
    const previous = withDirect
      ? directSettlementMoments(dataset, calendar, { history, run: history }, YEAR).meanFen.subarray(
          0,
          YEAR * P * P,
        )
      : null;
    opening = { sharingFen, directSettlementFen: previous ? Float64Array.from(previous) : null };
  }
  return {
    calendar,
    params,
    provinces: P,
    sharing,
    directSettlement,
    opening,
    levelRelVar: claims.levelRelVar,
    sharingShare,
    sources: claims.sources,
    seed,
  };
}

/**
 * The expected year the prepayments are tracked on day by day (one P × P matrix per run month, whole
 * fen): expected sharing and, under `direct-settlement`, expected direct settlement, averaged over
 * the groups of draws.
 */
export function expectedOwes(input: PrepaymentModelInput): Float64Array[] {
  const P = input.provinces;
  const G = input.sharing.length;
  return Array.from({ length: input.calendar.months }, (_, m) =>
    Float64Array.from({ length: P * P }, (_, c) => {
      let fen = 0;
      for (let g = 0; g < G; g++) {
        fen += input.sharing[g]!.meanFen[m * P * P + c]!;
        if (input.directSettlement) fen += input.directSettlement[g]!.meanFen[m * P * P + c]!;
      }
      return Math.round(fen / G);
    }),
  );
}

/** The first year's forecast as 12 P × P matrices (for `trackPairs`), whole fen; null under perfect foresight. */
export function forecastOwes(input: PrepaymentModelInput): Float64Array[] | null {
  const o = input.opening;
  if (!o) return null;
  const P = input.provinces;
  return Array.from({ length: YEAR }, (_, k) =>
    Float64Array.from({ length: P * P }, (_, c) =>
      Math.round(o.sharingFen[k * P * P + c]! + (o.directSettlementFen?.[k * P * P + c] ?? 0)),
    ),
  );
}

/** Expected sharing alone, one P × P matrix per run month in whole fen (what clearing moves for sharing). */
export function expectedSharingOwes(input: PrepaymentModelInput): Float64Array[] {
  const P = input.provinces;
  const G = input.sharing.length;
  return Array.from({ length: input.calendar.months }, (_, m) =>
    Float64Array.from({ length: P * P }, (_, c) =>
      Math.round(input.sharing.reduce((s, g) => s + g.meanFen[m * P * P + c]!, 0) / G),
    ),
  );
}
