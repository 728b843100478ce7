/**
 * Paying with shared money: R11 (what it may pay), R12 (in which order own account, quotas and cash
 * meet one bill) and R8 (an account holder's own spending uses only the balance outside all quotas).
 * Pure arithmetic on fen; the book (book.ts) turns the results into postings.
 */
import { fenAsYuan } from './money';
import type { PaymentOrder, QuotaOrder } from './parameters';
import { refuse, type Refusal } from './refusal';
import { PERMITTED_USES, type PermittedUse, type Person, type Purpose } from './types';

/** R11: may shared money pay for `purpose` for this beneficiary? `ltcInArea`: the beneficiary's area runs long-term-care insurance. */
export function checkUse(
  openUses: readonly PermittedUse[],
  purpose: Purpose,
  beneficiary: Person,
  ltcInArea: boolean,
): Refusal | null {
  if (!(PERMITTED_USES as readonly string[]).includes(purpose)) {
    return refuse(
      'R11',
      'use-not-permitted',
      '共济资金只能用于被共济人在定点医药机构的个人负担、城乡居民医保个人缴费和长期护理保险个人缴费（R11）。',
      `Shared money may pay only the beneficiary's own share at designated hospitals and pharmacies and their resident or long-term-care contributions; "${purpose}" is none of these (R11).`,
    );
  }
  const use = purpose as PermittedUse;
  if (!openUses.includes(use)) {
    const en = {
      medical: "the beneficiary's own share of bills at designated hospitals and clinics",
      pharmacy: "the beneficiary's own share of bills at designated pharmacies",
      'resident-contribution': 'resident medical-insurance contributions',
      'ltc-contribution': 'long-term-care insurance contributions',
    }[use];
    return refuse(
      'R11',
      'use-closed',
      `本方案未开放将共济资金用于${USE_ZH[use]}（R11）。`,
      `This scenario does not open shared money for ${en} (R11).`,
    );
  }
  // Someone not insured has a resident contribution to pay, the one that enrols them; whether
  // shared money may pay it is R2's question (eligibility.ts `checkInsuredForUse`).
  if (
    use === 'resident-contribution' &&
    beneficiary.scheme !== 'resident' &&
    beneficiary.scheme !== 'uninsured'
  ) {
    return refuse(
      'R11',
      'use-not-applicable',
      '被共济人未参加城乡居民医保，没有居民医保个人缴费可代缴（R11）。',
      'The beneficiary is not in resident insurance, so there is no resident contribution to pay (R11).',
    );
  }
  if (use === 'ltc-contribution' && !ltcInArea) {
    return refuse(
      'R11',
      'use-not-applicable',
      '被共济人所在统筹地区未开展长期护理保险（R11）。',
      "The beneficiary's pooling area runs no long-term-care insurance (R11).",
    );
  }
  return null;
}

/** Chinese names of the permitted uses. */
export const USE_ZH: Readonly<Record<PermittedUse, string>> = {
  medical: '定点医疗机构就医个人负担',
  pharmacy: '定点零售药店购药个人负担',
  'resident-contribution': '城乡居民医保个人缴费',
  'ltc-contribution': '长期护理保险个人缴费',
};

/** One quota a bill may draw on. */
export interface QuotaSource {
  /** What is left of the quota, in fen. */
  availableFen: number;
  /** When its relationship was set up (minute stamp); ties keep the given order. */
  since: number;
}

/** How one bill is met: from the own account, from each quota (aligned with the input), and in cash. */
export interface PaymentSplit {
  ownFen: number;
  quotaFen: number[];
  cashFen: number;
}

/** Compares two quotas (by index) in R12's quota order; ties keep the given order. */
function compareQuotas(order: QuotaOrder, quotas: readonly QuotaSource[], a: number, b: number): number {
  const qa = quotas[a]!;
  const qb = quotas[b]!;
  const d =
    order === 'oldest-first'
      ? qa.since - qb.since
      : order === 'newest-first'
        ? qb.since - qa.since
        : order === 'largest-first'
          ? qb.availableFen - qa.availableFen
          : qa.availableFen - qb.availableFen;
  return d || a - b;
}

/** The order in which quotas are drawn (indices into `quotas`), per R12's quota order. Stable. */
export function quotaDrawOrder(order: QuotaOrder, quotas: readonly QuotaSource[]): number[] {
  const into = new Int32Array(quotas.length);
  quotaDrawOrderInto(order, quotas, quotas.length, into);
  return Array.from(into);
}

/**
 * As {@link quotaDrawOrder} over the first `n` quotas, written into `into` (room for n indices)
 * without allocating: a stable insertion sort, so ties keep the given order. Bills rarely draw on
 * more than a few quotas, and the engine lists them oldest first, so the usual order costs one pass.
 */
export function quotaDrawOrderInto(
  order: QuotaOrder,
  quotas: readonly QuotaSource[],
  n: number,
  into: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && compareQuotas(order, quotas, into[j - 1]!, i) > 0) {
      into[j] = into[j - 1]!;
      j--;
    }
    into[j] = i;
  }
}

/** R12: splits a bill of `billFen` over the own account, the quotas and cash, in the scenario's order. */
export function splitPayment(
  order: PaymentOrder,
  billFen: number,
  ownAvailableFen: number,
  quotas: readonly QuotaSource[],
): PaymentSplit {
  const into: SplitInto = { ownFen: 0, cashFen: 0, quotaFen: new Float64Array(quotas.length) };
  splitPaymentInto(order, billFen, ownAvailableFen, quotas, quotas.length, into);
  return { ownFen: into.ownFen, quotaFen: Array.from(into.quotaFen), cashFen: into.cashFen };
}

/** A split written in place by {@link splitPaymentInto}: `quotaFen` needs room for every quota drawn on. */
export interface SplitInto {
  ownFen: number;
  cashFen: number;
  quotaFen: Float64Array;
}

/** Draw order of the bill being split by {@link splitPaymentInto}, reused from bill to bill. */
let drawOrder = new Int32Array(16);

/**
 * R12, as {@link splitPayment} over the first `n` quotas, writing the split into `into` (reused
 * from bill to bill by the simulation engine, so that a bill allocates nothing).
 */
export function splitPaymentInto(
  order: PaymentOrder,
  billFen: number,
  ownAvailableFen: number,
  quotas: readonly QuotaSource[],
  n: number,
  into: SplitInto,
): void {
  let left = billFen;
  let ownFen = 0;
  const quotaFen = into.quotaFen;
  if (order.ownAccount === 'first') {
    ownFen = Math.min(left, Math.max(0, ownAvailableFen));
    left -= ownFen;
  }
  if (n === 1) {
    const take = Math.min(left, quotas[0]!.availableFen);
    quotaFen[0] = take;
    left -= take;
  } else if (n > 1) {
    if (drawOrder.length < n) drawOrder = new Int32Array(n);
    quotaDrawOrderInto(order.quotaOrder, quotas, n, drawOrder);
    for (let k = 0; k < n; k++) {
      const i = drawOrder[k]!;
      const take = Math.min(left, quotas[i]!.availableFen);
      quotaFen[i] = take;
      left -= take;
    }
  }
  if (order.ownAccount === 'after-quotas') {
    ownFen = Math.min(left, Math.max(0, ownAvailableFen));
    left -= ownFen;
  }
  into.ownFen = ownFen;
  into.cashFen = left;
}

/**
 * R8: an account holder's own payment. The account pays what its unearmarked balance allows and
 * the rest is cash; with `accountOnly`, a payment larger than the unearmarked balance is refused.
 */
export function splitOwnPayment(
  billFen: number,
  spendableFen: number,
  earmarkedFen: number,
  accountOnly: boolean,
): { accountFen: number; cashFen: number } | Refusal {
  if (accountOnly && billFen > spendableFen) {
    return billFen <= spendableFen + earmarkedFen
      ? refuse(
          'R8',
          'frozen-by-quota',
          `账户中有${fenAsYuan(earmarkedFen)}元已设为共济额度而冻结，可自用的只有${fenAsYuan(spendableFen)}元，不能支付${fenAsYuan(billFen)}元（R8）。`,
          `${fenAsYuan(earmarkedFen)} yuan of the account is frozen as quotas for relatives; only ${fenAsYuan(spendableFen)} yuan can pay this ${fenAsYuan(billFen)} yuan bill (R8).`,
        )
      : refuse(
          'R8',
          'insufficient-balance',
          `个人账户可用余额${fenAsYuan(spendableFen)}元，不足以支付${fenAsYuan(billFen)}元（R8）。`,
          `The account's spendable balance of ${fenAsYuan(spendableFen)} yuan cannot pay ${fenAsYuan(billFen)} yuan (R8).`,
        );
  }
  const accountFen = Math.min(billFen, spendableFen);
  return { accountFen, cashFen: billFen - accountFen };
}

/**
 * R11 with a monthly cap (a scenario what-if): refuses shared money for a beneficiary who has already
 * used `usedFen` of a cap of `capFen` this month; null (allowed) when there is no cap or room is left.
 */
export function checkMonthlyCap(capFen: number | null | undefined, usedFen: number): Refusal | null {
  if (capFen === null || capFen === undefined || usedFen < capFen) return null;
  return refuse(
    'R11',
    'monthly-cap-reached',
    `被共济人本月已使用共济资金${fenAsYuan(usedFen)}元，达到每月${fenAsYuan(capFen)}元的上限（R11）。`,
    `The beneficiary has used ${fenAsYuan(usedFen)} yuan of shared money this month, the monthly cap of ${fenAsYuan(capFen)} yuan (R11).`,
  );
}

/**
 * R11 with a monthly cap: the quotas as a bill may draw on them when at most `capLeftFen` more shared
 * money may be used this month. Availability is cut in the order of R12 (quotaDrawOrder), so the
 * quotas drawn first keep theirs; with no cap (null) the quotas are returned unchanged. A bill then
 * split with splitPayment uses the beneficiary's own account and cash for the part above the cap.
 */
export function capQuotas(
  order: QuotaOrder,
  quotas: readonly QuotaSource[],
  capLeftFen: number | null,
): QuotaSource[] {
  if (capLeftFen === null) return quotas.map((q) => ({ ...q }));
  let left = Math.max(0, capLeftFen);
  const out = quotas.map((q) => ({ ...q, availableFen: 0 }));
  for (const i of quotaDrawOrder(order, quotas)) {
    const take = Math.min(left, quotas[i]!.availableFen);
    out[i]!.availableFen = take;
    left -= take;
  }
  return out;
}
