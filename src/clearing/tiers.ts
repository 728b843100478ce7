/**
 * Province tiers (省市分级清算), rule C4: each province collects from its pooling areas what their
 * sharers' quotas owe to other pooling areas, and pays its treatment-place pooling areas what they
 * are owed. Flows inside one pooling area need no clearing (C1).
 */
import type { FlowCube } from './flows';

/** One month of the province tier, per pooling area, in fen. */
export interface TierMonth {
  month: number;
  /** What each pooling area pays its province: its sharers' payments made in other pooling areas. */
  paysFen: Float64Array;
  /** What each pooling area receives from its province: payments made there with other areas' quotas. */
  receivesFen: Float64Array;
}

/** C4: per month and pooling area, what is paid to and received from the province. */
export function provinceTiers(cube: FlowCube): TierMonth[] {
  const months = Array.from({ length: cube.months }, (_, month) => ({
    month,
    paysFen: new Float64Array(cube.areas),
    receivesFen: new Float64Array(cube.areas),
  }));
  cube.forEachCell((month, sharerArea, treatmentArea, _use, amountFen) => {
    if (sharerArea === treatmentArea) return;
    months[month]!.paysFen[sharerArea]! += amountFen;
    months[month]!.receivesFen[treatmentArea]! += amountFen;
  });
  return months;
}

/** Each province's net position from its pooling areas' tiers (received minus paid), for checking against the national clearing. */
export function provinceNet(tier: TierMonth, provinceOfArea: Int32Array, provinces: number): Float64Array {
  const net = new Float64Array(provinces);
  for (let a = 0; a < provinceOfArea.length; a++) {
    net[provinceOfArea[a]!]! += tier.receivesFen[a]! - tier.paysFen[a]!;
  }
  return net;
}
