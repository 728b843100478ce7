/**
 * The largest cross-province corridors (跨省共济通道): province pairs (sharer's province → province
 * of treatment) ranked by the amount shared along them. Pure functions on the rows of `corridorSql`.
 */
import type { Row } from '../../analytics/query';

/** One corridor of one run. */
export interface CorridorRow {
  scenario: string;
  from: string;
  to: string;
  amountFen: number;
  personTimes: number;
}

/** The ranked corridors: the pairs in rank order and every run's row for them (0 where a run has none). */
export interface CorridorRanking {
  pairs: { from: string; to: string }[];
  rows: CorridorRow[];
}

/** Rows of `corridorSql` as corridor rows. */
export function corridorRows(rows: readonly Row[]): CorridorRow[] {
  return rows.map((r) => ({
    scenario: String(r.scenario),
    from: String(r.sharer_province),
    to: String(r.treatment_province),
    amountFen: Number(r.amount_fen ?? 0),
    personTimes: Number(r.person_times ?? 0),
  }));
}

/**
 * The `n` pairs with the largest amount in any of the runs (ties: by codes), and for each pair one
 * row per run in `scenarios` order. Pairs within one province are left out.
 */
export function rankCorridors(
  rows: readonly CorridorRow[],
  scenarios: readonly string[],
  n = 15,
): CorridorRanking {
  const largest = new Map<string, { from: string; to: string; amount: number }>();
  const byKey = new Map<string, CorridorRow>();
  for (const r of rows) {
    if (r.from === r.to) continue;
    const pair = `${r.from}>${r.to}`;
    byKey.set(`${r.scenario}|${pair}`, r);
    const seen = largest.get(pair);
    if (!seen || r.amountFen > seen.amount)
      largest.set(pair, { from: r.from, to: r.to, amount: r.amountFen });
  }
  const pairs = [...largest.entries()]
    .sort(([ka, a], [kb, b]) => b.amount - a.amount || ka.localeCompare(kb))
    .slice(0, n)
    .map(([, p]) => ({ from: p.from, to: p.to }));
  const ranked = pairs.flatMap((p) =>
    scenarios.map(
      (scenario) =>
        byKey.get(`${scenario}|${p.from}>${p.to}`) ?? {
          scenario,
          from: p.from,
          to: p.to,
          amountFen: 0,
          personTimes: 0,
        },
    ),
  );
  return { pairs, rows: ranked };
}
