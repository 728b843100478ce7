/**
 * The Prepayment view in the address (预付金地址): scenario, scale, replications, confidence and the
 * chosen province sit in the query (`?pscenario=baseline-2026&pscale=10000&preps=20&pconf=0.95&pprovince=44#prepayment`)
 * beside the other workspaces' parameters, so a link reopens the same view. Pure functions only.
 */
import { clip } from '../../text/quote';
import { CONFIDENCES } from './model';
import { DEFAULT_CONFIDENCE, DEFAULT_REPLICATIONS, DEFAULT_SCALE, REPLICATIONS, SCALES } from './controls';

/** The query parameters of the view. */
export const PREPAYMENT_PARAMS = {
  scenario: 'pscenario',
  scale: 'pscale',
  replications: 'preps',
  confidence: 'pconf',
  province: 'pprovince',
} as const;

/** What the address says about the view. */
export interface PrepaymentState {
  scenario: string;
  scaleK: number;
  replications: number;
  confidence: number;
  /** Two-digit code of the chosen province, or null for the default one. */
  province: string | null;
}

/**
 * The view's state from a query string, and the parameters it could not use (named as `name=value`,
 * a long value cut to its beginning and length).
 */
export function readPrepaymentState(
  search: string,
  scenarioIds: readonly string[],
  provinceCodes: readonly string[],
  defaultScenario: string,
): { state: PrepaymentState; given: boolean; ignored: string[] } {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const read = <T>(name: string, parse: (v: string) => T | null, fallback: T): T => {
    const raw = q.get(name);
    if (raw === null) return fallback;
    const v = parse(raw);
    if (v === null) ignored.push(`${name}=${clip(raw)}`);
    return v ?? fallback;
  };
  const among = (list: readonly number[]) => (v: string) =>
    /^\d+(\.\d+)?$/.test(v) && list.includes(Number(v)) ? Number(v) : null;
  const P = PREPAYMENT_PARAMS;
  const state: PrepaymentState = {
    scenario: read(P.scenario, (v) => (scenarioIds.includes(v) ? v : null), defaultScenario),
    scaleK: read(P.scale, among(SCALES), DEFAULT_SCALE),
    replications: read(P.replications, among(REPLICATIONS), DEFAULT_REPLICATIONS),
    confidence: read(P.confidence, among(CONFIDENCES), DEFAULT_CONFIDENCE),
    province: read<string | null>(P.province, (v) => (provinceCodes.includes(v) ? v : null), null),
  };
  const given = Object.values(P).some((name) => q.has(name));
  return { state, given, ignored };
}

/** The address `href` with the view's state set, keeping the path, other parameters and the hash. */
export function prepaymentPath(href: string, state: PrepaymentState): string {
  const url = new URL(href);
  const q = url.searchParams;
  const P = PREPAYMENT_PARAMS;
  q.set(P.scenario, state.scenario);
  q.set(P.scale, String(state.scaleK));
  q.set(P.replications, String(state.replications));
  q.set(P.confidence, String(state.confidence));
  if (state.province === null) q.delete(P.province);
  else q.set(P.province, state.province);
  return `${url.pathname}${url.search}${url.hash}`;
}
