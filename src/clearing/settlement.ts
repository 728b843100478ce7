/**
 * National clearing and distribution (清算 / 清分), rules C1–C3: from the flow cube, what each
 * province owes every other province each month, settled gross and bilaterally (the rule) or by
 * multilateral netting (a what-if that shows the cash movement netting saves).
 */
import type { FlowCube } from './flows';

/** What one month's clearing moves between provinces, all in fen. */
export interface MonthSettlement {
  month: number;
  /** `owes[i * P + j]`: what insured-place province i owes treatment-place province j (C1); the diagonal is 0. */
  owes: Float64Array;
  /** Net position per province: received minus paid (positive: a net creditor). */
  net: Float64Array;
  /** Cash moved under gross bilateral settlement: every obligation paid in full (C3). */
  grossFen: number;
  /** Cash moved under multilateral netting: only net debtors pay, only net creditors receive (C3). */
  nettedFen: number;
}

/**
 * C1–C3: the monthly province-to-province obligations. `provinceOfArea[a]` is the province index of
 * pooling area `a`; flows inside one province (same pooling area or across its areas) are settled by
 * the province tier (C4) and do not enter the national clearing.
 */
export function settleByMonth(
  cube: FlowCube,
  provinceOfArea: Int32Array,
  provinces: number,
): MonthSettlement[] {
  if (provinceOfArea.length !== cube.areas) {
    throw new RangeError(
      `provinceOfArea has ${provinceOfArea.length} entries for ${cube.areas} pooling areas`,
    );
  }
  const P = provinces;
  const owes = Array.from({ length: cube.months }, () => new Float64Array(P * P));
  cube.forEachCell((month, sharerArea, treatmentArea, _use, amountFen) => {
    const from = provinceOfArea[sharerArea]!;
    const to = provinceOfArea[treatmentArea]!;
    if (from !== to) owes[month]![from * P + to]! += amountFen;
  });
  return settleOwes(owes, P);
}

/** C1–C3: net positions, gross and netted cash of monthly P × P obligations (`owes[m][i × P + j]`). */
export function settleOwes(owes: readonly Float64Array[], provinces: number): MonthSettlement[] {
  const P = provinces;
  return owes.map((o, month) => {
    const net = new Float64Array(P);
    let grossFen = 0;
    for (let i = 0; i < P; i++) {
      for (let j = 0; j < P; j++) {
        const v = o[i * P + j]!;
        grossFen += v;
        net[i]! -= v;
        net[j]! += v;
      }
    }
    let nettedFen = 0;
    // Stryker disable next-line EqualityOperator: a net position of 0 adds 0 (never −0: the positions start at +0 and a sum that cancels is +0)
    for (const v of net) if (v > 0) nettedFen += v;
    return { month, owes: o, net, grossFen, nettedFen };
  });
}
