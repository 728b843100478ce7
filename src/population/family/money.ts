/**
 * Expected money of employees (职工医保个人账户期望值): the expected contribution base of an
 * in-service employee, and the two scales calibration solves from the published account totals —
 * the retirees' fixed monthly credit and the balance scale.
 */
import { lognormalTable } from '../random';
import type { FamilyParameters } from './parameters';

/**
 * Mean of the contribution base as a multiple of the province's average wage: the wage is the
 * social average (`meanRatio` × the average wage) times a draw from the mean-1 lognormal table with
 * log-sd `sigma`, and the base is the wage clamped to [baseFloor, baseCeiling] × the social average.
 * Exact for the generator, which draws from the same table.
 */
export function meanBaseRatio(w: FamilyParameters['wage']): number {
  const table = lognormalTable(w.sigma);
  let sum = 0;
  for (const x of table) sum += Math.min(w.baseCeiling, Math.max(w.baseFloor, x));
  return (w.meanRatio * sum) / table.length;
}

/** Expected employees with a personal account in one province, and their years in the scheme. */
export interface AccountHolders {
  /** Expected in-service account holders. */
  inService: number;
  /** Sum over them of years in the scheme. */
  inServiceYears: number;
  /** Expected retired account holders. */
  retired: number;
  /** Sum over them of years in the scheme. */
  retiredYears: number;
}

/** The solved money scales. */
export interface MoneyScales {
  /** Retirees' monthly credit at the national average wage, in fen (scaled by wage level by province). */
  retireeCreditFen: number;
  /** Balance = scale × yearly credit × years in the scheme × saver factor. */
  balanceScale: number;
  /** Expected yearly credits of in-service and retired account holders, in fen. */
  inServiceCreditsFen: number;
  retiredCreditsFen: number;
}

/**
 * Solves the retirees' credit so that expected yearly credits equal `creditsFen`, and the balance
 * scale so that the expected total balance equals `balanceFen`. `holders[p]` and `wageFen[p]` (the
 * province's average yearly wage in fen) are per insured province; retiree credits scale with
 * wageFen[p] / nationalWageFen, standing in for the local pension level of the reform year.
 */
export function solveMoneyScales(
  p: FamilyParameters,
  holders: readonly AccountHolders[],
  wageFen: Float64Array,
  nationalWageFen: number,
  creditsFen: number,
  balanceFen: number,
): MoneyScales {
  const base = meanBaseRatio(p.wage);
  let inService = 0;
  let inServiceYears = 0;
  let retiredLevel = 0;
  let retiredYearsLevel = 0;
  holders.forEach((h, k) => {
    const yearly = p.inServiceCreditRate * base * wageFen[k]!;
    inService += h.inService * yearly;
    inServiceYears += h.inServiceYears * yearly;
    const level = wageFen[k]! / nationalWageFen;
    retiredLevel += 12 * h.retired * level;
    retiredYearsLevel += 12 * h.retiredYears * level;
  });
  const retireeCreditFen = (creditsFen - inService) / retiredLevel;
  if (!(retireeCreditFen > 0)) {
    throw new RangeError(
      `in-service credits alone (${(inService / 1e10).toFixed(2)}亿元) reach the published yearly credits ` +
        `(${(creditsFen / 1e10).toFixed(2)}亿元): lower wage.meanRatio or inServiceCreditRate`,
    );
  }
  const balanceScale = balanceFen / (inServiceYears + retireeCreditFen * retiredYearsLevel);
  return {
    retireeCreditFen,
    balanceScale,
    inServiceCreditsFen: inService,
    retiredCreditsFen: retireeCreditFen * retiredLevel,
  };
}
