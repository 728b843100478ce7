/**
 * A fingerprint of a run's results (结果摘要): SHA-256 over a canonical byte layout of the merged
 * flows and summaries. Equal digests mean byte-identical results, whatever the worker count or the
 * platform (Node or the browser).
 */
import type { RangeResult } from '../engine/result';

/** The canonical bytes of a result: header numbers, then every flow cell, then the summary arrays, little-endian float64. */
export function canonicalBytes(result: RangeResult): Uint8Array<ArrayBuffer> {
  const cells = result.flows.columns();
  const n = cells.month.length;
  const arrays = [
    result.summary,
    result.refusals,
    result.ledger,
    result.residual,
    result.beneficiaryProfile,
    result.enrolments,
  ];
  const count = 5 + n * 7 + arrays.reduce((s, a) => s + 1 + a.length, 0);
  const view = new DataView(new ArrayBuffer(count * 8));
  let at = 0;
  const put = (x: number): void => {
    view.setFloat64(at, x, true);
    at += 8;
  };
  [result.months, result.areas, result.weight, result.families, result.personMonths].forEach(put);
  for (let i = 0; i < n; i++) {
    put(cells.month[i]!);
    put(cells.sharerArea[i]!);
    put(cells.treatmentArea[i]!);
    put(cells.use[i]!);
    put(cells.amountFen[i]!);
    put(cells.count[i]!);
    put(cells.squaresYuan2[i]!);
  }
  for (const a of arrays) {
    put(a.length);
    a.forEach(put);
  }
  return new Uint8Array(view.buffer);
}

/** Hex SHA-256 of the result's canonical bytes (Web Crypto, present in Node 20 and in browsers). */
export async function resultDigest(result: RangeResult): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', canonicalBytes(result));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
