/**
 * One run's clearing (清算), rules C1–C7, from its flow cube: the national clearing and distribution
 * per month with gross and netted cash movement side by side, the province tiers, and every
 * cross-province prepayment (预付金) tracked day by day with its warnings and top-ups, summed up per
 * insured-place province.
 */
import { dailyClaims, runCalendar, type RunCalendar } from './calendar';
import type { FlowCube } from './flows';
import type { ClearingParameters, SettlementMode } from './parameters';
import { pairSize, resizeSchedule, type FirstYearSizing, type PrepaymentResize } from './resize';
import { settleByMonth, settleOwes, type MonthSettlement } from './settlement';
import { provinceTiers, type TierMonth } from './tiers';
import { trackPrepayment, type UsageTrackDaily } from './usage';

/** The province index of every pooling area, in the pooling-area order of the flow cube. */
export type AreaProvinces = Int32Array | Uint8Array;

/** What `clearRun` needs besides the flows and the parameters. */
export interface ClearRunOptions {
  /** The run's first month, `YYYY-MM` (the scenario's `window.start`): fixes month lengths and Januaries. */
  start: string;
  /** How the opening prepayment is sized; default `{ rule: 'perfect-foresight' }` (see `FirstYearSizing`). */
  firstYear?: FirstYearSizing;
  /**
   * The monthly P × P obligations the prepayments are tracked on, when not the cube's own (e.g. the
   * expected flows of the whole population that the prepayment model gives, direct settlement
   * included); the national clearing, cash and tiers always come from the cube.
   */
  prepaymentOwesFen?: readonly Float64Array[];
  /**
   * The monthly P × P obligations whose gross and netted cash `cash` reports, when not the cube's own:
   * netting is a sum of absolute net positions, so on a 1:k sample it reads the sample's noise as
   * positions; the expected flows give what the whole population would move.
   */
  cashOwesFen?: readonly Float64Array[];
}

/** One month's cash movement under both settlement modes (C3), in fen. */
export interface MonthCash {
  month: number;
  /** Every bilateral obligation paid in full. */
  grossFen: number;
  /** Only net positions paid. */
  nettedFen: number;
  /** gross − netted: the cash movement netting saves. */
  savedFen: number;
  /** The cash moved under the run's settlement mode. */
  movedFen: number;
}

/** The prepayment from insured-place province `insured` to treatment-place province `treatment`. */
export interface PairPrepayment extends UsageTrackDaily {
  insured: number;
  treatment: number;
  /** The size at each entry of `ClearingResult.resizes`. */
  sizesFen: number[];
}

/**
 * A province as the insured place (参保地): it advances the prepayments and makes the top-ups, so
 * its warnings are those on the prepayments it holds in the other provinces.
 */
export interface ProvinceSummary {
  province: number;
  /** Sum of its opening prepayments. */
  openingPrepaymentFen: number;
  /** Highest usage any of its prepayments reached over the run (Infinity: claims against no prepayment). */
  peakUsage: number;
  yellowWarnings: number;
  redWarnings: number;
  topUps: number;
  topUpFen: number;
}

/** Everything one run's clearing produces. */
export interface ClearingResult {
  provinces: number;
  settlement: SettlementMode;
  calendar: RunCalendar;
  /** The opening-size rule used: `forecast`, `previous-year` or `perfect-foresight`. */
  firstYear: FirstYearSizing['rule'];
  /** C1–C3: per month, what each province owes every other and its net position. */
  national: MonthSettlement[];
  /** C3: per month, gross and netted cash movement and what netting saves. */
  cash: MonthCash[];
  /** C4: per month, what each pooling area pays to and receives from its province. */
  tiers: TierMonth[];
  /** C5: when prepayment sizes come into force and what sized them. */
  resizes: PrepaymentResize[];
  /** C5–C7: every province pair with flows or a prepayment, in (insured, treatment) order. */
  prepayments: PairPrepayment[];
  /** C6: per province as the insured place. */
  provinceSummaries: ProvinceSummary[];
}

/** Checks the area → province table against the cube and the number of provinces; returns an Int32Array copy. */
function provinceTable(cube: FlowCube, areaProvince: AreaProvinces, provinces: number): Int32Array {
  if (!Number.isInteger(provinces) || provinces < 1) {
    throw new RangeError(`provinces: expected a whole number ≥ 1, got ${provinces}`);
  }
  if (areaProvince.length !== cube.areas) {
    throw new RangeError(`areaProvince has ${areaProvince.length} entries for ${cube.areas} pooling areas`);
  }
  const out = Int32Array.from(areaProvince);
  out.forEach((p, a) => {
    if (p < 0 || p >= provinces) {
      throw new RangeError(`areaProvince[${a}]: expected a province index 0…${provinces - 1}, got ${p}`);
    }
  });
  return out;
}

/**
 * C1–C7: clears one run. `cube` holds the run's flows (month 0 is `options.start`), `areaProvince`
 * maps its pooling areas to provinces 0 … `provinces` − 1. Both gross and netted cash movement are
 * reported whatever `params.settlement` says; the mode only picks `MonthCash.movedFen`, because
 * netting changes cash movement, not positions, and the prepayments are replenished by the
 * positions. Prepayments are tracked for the run's days and the clearing lag after it, so every
 * claim of the run is cleared by the last tracked day. Opening sizes follow `options.firstYear`
 * (default `perfect-foresight`: the run's own first 12 months), recorded in `result.firstYear`.
 */
export function clearRun(
  cube: FlowCube,
  areaProvince: AreaProvinces,
  provinces: number,
  params: ClearingParameters,
  options: ClearRunOptions,
): ClearingResult {
  const P = provinces;
  const areaProv = provinceTable(cube, areaProvince, P);
  const firstYear = options.firstYear ?? { rule: 'perfect-foresight' };
  const calendar = runCalendar(options.start, cube.months, params.calendar);
  const national = settleByMonth(cube, areaProv, P);
  const settled = options.cashOwesFen ? settleOwes(options.cashOwesFen, P) : national;
  const cash = settled.map(({ month, grossFen, nettedFen }) => ({
    month,
    grossFen,
    nettedFen,
    savedFen: grossFen - nettedFen,
    movedFen: params.settlement === 'multilateral-netting' ? nettedFen : grossFen,
  }));
  const owes = options.prepaymentOwesFen ?? national.map((m) => m.owes);
  const tracked = trackPairs(calendar, params, owes, P, firstYear);
  return {
    provinces: P,
    settlement: params.settlement,
    calendar,
    firstYear: firstYear.rule,
    national,
    cash,
    tiers: provinceTiers(cube),
    ...tracked,
  };
}

/**
 * C5–C7: every cross-province prepayment tracked day by day on monthly obligations `owes` (one
 * P × P matrix per run month, `[i × P + j]`), sized by the rule and the opening rule, with the
 * province summaries. Pairs with no obligation and no prepayment are left out.
 */
export function trackPairs(
  calendar: RunCalendar,
  params: ClearingParameters,
  owes: readonly Float64Array[],
  provinces: number,
  firstYear: FirstYearSizing,
): Pick<ClearingResult, 'resizes' | 'prepayments' | 'provinceSummaries'> {
  const P = provinces;
  if (owes.length !== calendar.months) {
    throw new RangeError(`prepayment obligations: expected ${calendar.months} months, got ${owes.length}`);
  }
  const matrices = firstYear.rule === 'perfect-foresight' ? owes : [...owes, ...firstYear.monthlyOwesFen];
  matrices.forEach((o, k) => {
    if (o.length !== P * P) {
      throw new RangeError(`monthly obligations [${k}]: expected ${P * P} entries (P × P), got ${o.length}`);
    }
  });
  const resizes = resizeSchedule(calendar, params.prepayment, firstYear, params.calendar.resultsLagDays);
  const prepayments: PairPrepayment[] = [];
  const monthly = new Float64Array(calendar.months);
  for (let i = 0; i < P; i++) {
    for (let j = 0; j < P; j++) {
      if (i === j) continue;
      const cell = i * P + j;
      let any = false;
      for (let m = 0; m < calendar.months; m++) any = (monthly[m] = owes[m]![cell]!) !== 0 || any;
      const sizesFen = resizes.map((r) => pairSize(r, params.prepayment.sizing, owes, firstYear, cell));
      if (!any && sizesFen.every((s) => s === 0)) continue;
      const { claimsFen, repaidFen } = dailyClaims(calendar, monthly);
      const sizes = resizes.map((r, k) => ({ day: calendar.monthStart[r.month]!, fen: sizesFen[k]! }));
      const track = trackPrepayment(params.warnings, claimsFen, repaidFen, sizes);
      prepayments.push({ insured: i, treatment: j, sizesFen, ...track });
    }
  }
  return { resizes, prepayments, provinceSummaries: summarizeProvinces(prepayments, P) };
}

/** C6: per province as the insured place, its prepayments' peak usage, warnings and top-ups. */
export function summarizeProvinces(
  prepayments: readonly PairPrepayment[],
  provinces: number,
): ProvinceSummary[] {
  const out = Array.from({ length: provinces }, (_, province) => ({
    province,
    openingPrepaymentFen: 0,
    peakUsage: 0,
    yellowWarnings: 0,
    redWarnings: 0,
    topUps: 0,
    topUpFen: 0,
  }));
  for (const p of prepayments) {
    const s = out[p.insured]!;
    s.openingPrepaymentFen += p.sizesFen[0] ?? 0;
    s.peakUsage = Math.max(s.peakUsage, p.peakUsage);
    for (const e of p.events) {
      if (e.kind === 'yellow') s.yellowWarnings++;
      else if (e.kind === 'red') s.redWarnings++;
      else if (e.kind === 'top-up') {
        s.topUps++;
        s.topUpFen += e.amountFen;
      }
    }
  }
  return out;
}
