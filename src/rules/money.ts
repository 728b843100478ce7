/** Money for rule messages: integer fen (分) shown as yuan (元) with two decimals. */

const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whole yuan to fen. Throws on a non-finite amount; rounds half away from zero to the fen. */
export function yuanToFen(yuan: number): number {
  if (!Number.isFinite(yuan)) throw new RangeError(`not an amount of yuan: ${yuan}`);
  return Math.sign(yuan) * Math.round(Math.abs(yuan) * 100);
}

/** Fen as a yuan figure with two decimals and thousands separators, e.g. 150000 → "1,500.00". */
export function fenAsYuan(fen: number): string {
  return YUAN.format(fen / 100);
}
