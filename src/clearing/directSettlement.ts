/**
 * The cross-province direct-settlement flows (跨省异地就医直接结算) a `direct-settlement` prepayment
 * pays besides sharing (rule C5): what province i's insured are expected to be paid for in province
 * j month by month, and how much that varies from month to month in the whole population.
 *
 * From the published year (data/direct-settlement.csv: person-times and fund payments by kind of
 * care), each kind is spread over province pairs by the estimated 2020 migrant matrix (see
 * {@link pairShares}) and over months with the first quarter below the rest; other
 * years scale by the yearly growth. A pair's month is a sum of many independent bills, so its
 * variance is person-times × mean bill² × (1 + cv²). Nothing here is a sample: these are expected
 * values and the randomness of the whole population.
 */
import type { Dataset } from '../population/dataset';
import type { RunCalendar } from './calendar';

/** Expected fen and variance (fen²) of every pair in every month, `[m × P² + i × P + j]`. */
export interface PairMonthMoments {
  provinces: number;
  months: number;
  meanFen: Float64Array;
  varianceFen2: Float64Array;
}

/** Share of a year's flows in each calendar month (index 0 = January): Q1 months at the Q1 factor. */
function monthShares(q1Factor: number): Float64Array {
  const w = Float64Array.from({ length: 12 }, (_, m) => (m < 3 ? q1Factor : 1));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/**
 * Weight of the reverse migrant flow: migrants from j living in i who are insured where they work
 * (in i) and treated at home (in j), against one migrant from i living in j who is insured at home
 * and treated where they live. No published split between long-term residents, temporary trips and
 * referrals was found; 0.25 is a model assumption (data/SOURCES.md).
 */
export const RETURN_WEIGHT = 0.25;

/**
 * Each ordered pair's share of cross-province flows from insured-place i to treatment-place j:
 * migrants from i living in j, plus {@link RETURN_WEIGHT} × migrants from j living in i (diagonal 0).
 */
export function pairShares(dataset: Dataset): Float64Array {
  const P = dataset.provinces.length;
  const out = new Float64Array(P * P);
  let total = 0;
  for (let i = 0; i < P; i++) {
    for (let j = 0; j < P; j++) {
      if (i === j) continue;
      const v = dataset.od[i * P + j]! + RETURN_WEIGHT * dataset.od[j * P + i]!;
      out[i * P + j] = v;
      total += v;
    }
  }
  return total > 0 ? out.map((v) => v / total) : out;
}

/**
 * Yearly growth of the flows: `history` up to the year before the run (what a province knows when
 * it sizes the first year), `run` from then on (in a replication that draws it, the drawn value).
 */
export interface Growth {
  history: number;
  run: number;
}

/**
 * C5: the direct-settlement flows of the calendar's months plus `before` months before the first
 * (for sizing a first year from the previous one), grown from the published year. Index m of the
 * result is run month m − `before`.
 */
export function directSettlementMoments(
  dataset: Dataset,
  cal: Pick<RunCalendar, 'months' | 'year' | 'monthOfYear'>,
  growth: Growth,
  before = 0,
): PairMonthMoments {
  const P = dataset.provinces.length;
  const share = pairShares(dataset);
  const months = cal.months + before;
  const meanFen = new Float64Array(months * P * P);
  const varianceFen2 = new Float64Array(months * P * P);
  const lastKnown = cal.year[0]! - 1;
  const shares = dataset.directSettlement.map((t) => monthShares(t.q1Factor));
  // Stryker disable next-line EqualityOperator: one step past the end only writes past the end of the typed arrays, which is ignored
  for (let k = 0; k < months; k++) {
    const m = k - before;
    // Calendar year and month of run month m (m may be before the run).
    const index = cal.year[0]! * 12 + cal.monthOfYear[0]! - 1 + m;
    const year = Math.floor(index / 12);
    const month = index % 12;
    for (const [x, t] of dataset.directSettlement.entries()) {
      const scale =
        (1 + growth.history) ** (Math.min(year, lastKnown) - t.year) *
        (1 + growth.run) ** Math.max(0, year - lastKnown);
      const monthly = shares[x]![month]!;
      const fen = t.amountYuan * 100 * scale * monthly;
      const times = t.personTimes * scale * monthly;
      const meanBill = fen / times;
      const perPairVariance = times * meanBill * meanBill * (1 + t.billCv * t.billCv);
      for (let c = 0; c < P * P; c++) {
        const s = share[c]!;
        // Stryker disable next-line ConditionalExpression: a shortcut only: a share of 0 adds fen × 0 and variance × 0, which are 0 for any kind with person-times
        if (s === 0) continue;
        const at = k * P * P + c;
        meanFen[at] = meanFen[at]! + fen * s;
        varianceFen2[at] = varianceFen2[at]! + perPairVariance * s;
      }
    }
  }
  return { provinces: P, months, meanFen, varianceFen2 };
}
