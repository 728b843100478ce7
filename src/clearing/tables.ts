/**
 * Column tables of the clearing (清算结果表): a run's clearing and the prepayment model's answer as plain
 * named columns of equal length, with snake_case names and fen as whole numbers in Float64Array, for
 * the analytics layer to write to DuckDB, Parquet or CSV. Provinces and pooling areas are indices
 * into the scenario's tables; months are run months (0 = the run's first month) with a `YYYY-MM`
 * column beside them; days count from the run's first day.
 *
 * The prepayment model's tables are built in `prepaymentTables.ts` and the columns grown with the
 * builder in `tableBuilder.ts`; both can be imported from here as well.
 */
import type { ClearingResult } from './run';
import { TableBuilder, type ColumnTable } from './tableBuilder';

/** One column table (`tableBuilder.ts`). */
export type { ColumnTable } from './tableBuilder';

/** The prepayment model's tables and the whole-fen split of a needed size (`prepaymentTables.ts`). */
export { prepaymentTables, splitFen } from './prepaymentTables';

/** `YYYY-MM` of every run month. */
function monthTexts(r: ClearingResult): string[] {
  const c = r.calendar;
  return Array.from(c.year, (y, m) => `${y}-${String(c.monthOfYear[m]).padStart(2, '0')}`);
}

/** The run month of a day (days after the run's last month belong to it). */
function monthOfDay(r: ClearingResult, day: number): number {
  const s = r.calendar.monthStart;
  let m = 0;
  while (m + 1 < r.calendar.months && s[m + 1]! <= day) m++;
  return m;
}

/** `prepayment_usage_daily`: one row per pair and tracked day, filled column by column. */
function dailyUsageTable(r: ClearingResult): ColumnTable {
  const days = r.calendar.horizonDays;
  const n = r.prepayments.length * days;
  const dayRow = Int32Array.from({ length: days }, (_, d) => d);
  const day = new Int32Array(n);
  const insured = new Int32Array(n);
  const treatment = new Int32Array(n);
  const reached = new Float64Array(n);
  const prepayment = new Float64Array(n);
  const outstanding = new Float64Array(n);
  r.prepayments.forEach((p, k) => {
    const at = k * days;
    day.set(dayRow, at);
    insured.fill(p.insured, at, at + days);
    treatment.fill(p.treatment, at, at + days);
    reached.set(p.reachedUsage, at);
    prepayment.set(p.prepaymentFen, at);
    outstanding.set(p.outstandingFen, at);
  });
  return {
    name: 'prepayment_usage_daily',
    columns: {
      day,
      insured_province: insured,
      treatment_province: treatment,
      reached_usage: reached,
      prepayment_fen: prepayment,
      outstanding_fen: outstanding,
    },
  };
}

/** Options of `clearingTables`. */
export interface ClearingTableOptions {
  /** Add `prepayment_usage_daily` (one row per pair and tracked day); default false. */
  daily?: boolean;
  /**
   * Province codes by index (e.g. the dataset's two-digit codes): every province column
   * (`province`, `from_province`, `insured_province`, …) gets a `…_code` text column beside it.
   */
  provinceCodes?: readonly string[];
  /** Pooling-area codes by index: `pooling_area` gets a `pooling_area_code` column beside it. */
  areaCodes?: readonly string[];
}

/** Adds a `<column>_code` text column after every index column that has codes. */
function withCodes(t: ColumnTable, options: ClearingTableOptions): ColumnTable {
  const columns: ColumnTable['columns'] = {};
  for (const [name, values] of Object.entries(t.columns)) {
    columns[name] = values;
    const codes =
      name === 'province' || name.endsWith('_province')
        ? options.provinceCodes
        : name === 'pooling_area'
          ? options.areaCodes
          : undefined;
    if (!codes || Array.isArray(values)) continue;
    columns[`${name}_code`] = Array.from(values as Int32Array, (i) => {
      const code = codes[i];
      if (code === undefined) throw new RangeError(`${t.name}.${name}: no code for index ${i}`);
      return code;
    });
  }
  return { name: t.name, columns };
}

/**
 * A run's clearing as column tables: `clearing_national` (month, month_text, from_province,
 * to_province, owed_fen; non-zero obligations only), `clearing_settlement` (month, month_text,
 * settlement, gross_fen, netted_fen, saved_fen, moved_fen), `clearing_positions` (month, province,
 * paid_fen, received_fen, net_fen), `clearing_tiers` (month, pooling_area, pays_fen, receives_fen;
 * non-zero rows), `prepayment_usage` (month, insured_province, treatment_province, peak_usage,
 * usage, prepayment_fen, outstanding_fen; usage and amounts at the month's last day),
 * `prepayment_events` (day, month, insured_province, treatment_province, kind, usage, amount_fen),
 * `prepayment_province` (the insured-place province summaries) and, on request,
 * `prepayment_usage_daily`; with `provinceCodes` / `areaCodes`, a code column beside each index.
 */
export function clearingTables(r: ClearingResult, options: ClearingTableOptions = {}): ColumnTable[] {
  const texts = monthTexts(r);
  const P = r.provinces;
  const national = new TableBuilder('clearing_national', {
    month: 'int',
    month_text: 'text',
    from_province: 'int',
    to_province: 'int',
    owed_fen: 'float',
  });
  const positions = new TableBuilder('clearing_positions', {
    month: 'int',
    province: 'int',
    paid_fen: 'float',
    received_fen: 'float',
    net_fen: 'float',
  });
  for (const m of r.national) {
    const paid = new Float64Array(P);
    const received = new Float64Array(P);
    for (let i = 0; i < P; i++) {
      for (let j = 0; j < P; j++) {
        const v = m.owes[i * P + j]!;
        if (v === 0) continue;
        paid[i]! += v;
        received[j]! += v;
        national.row({
          month: m.month,
          month_text: texts[m.month]!,
          from_province: i,
          to_province: j,
          owed_fen: v,
        });
      }
    }
    for (let p = 0; p < P; p++) {
      positions.row({
        month: m.month,
        province: p,
        paid_fen: paid[p]!,
        received_fen: received[p]!,
        net_fen: m.net[p]!,
      });
    }
  }
  const settlement = new TableBuilder('clearing_settlement', {
    month: 'int',
    month_text: 'text',
    settlement: 'text',
    gross_fen: 'float',
    netted_fen: 'float',
    saved_fen: 'float',
    moved_fen: 'float',
  });
  for (const c of r.cash)
    settlement.row({
      ...c,
      month_text: texts[c.month]!,
      settlement: r.settlement,
      gross_fen: c.grossFen,
      netted_fen: c.nettedFen,
      saved_fen: c.savedFen,
      moved_fen: c.movedFen,
    });
  const tiers = new TableBuilder('clearing_tiers', {
    month: 'int',
    pooling_area: 'int',
    pays_fen: 'float',
    receives_fen: 'float',
  });
  for (const t of r.tiers) {
    t.paysFen.forEach((pays, a) => {
      const receives = t.receivesFen[a]!;
      if (pays !== 0 || receives !== 0)
        tiers.row({ month: t.month, pooling_area: a, pays_fen: pays, receives_fen: receives });
    });
  }
  const usage = new TableBuilder('prepayment_usage', {
    month: 'int',
    month_text: 'text',
    insured_province: 'int',
    treatment_province: 'int',
    peak_usage: 'float',
    usage: 'float',
    prepayment_fen: 'float',
    outstanding_fen: 'float',
  });
  const events = new TableBuilder('prepayment_events', {
    day: 'int',
    month: 'int',
    insured_province: 'int',
    treatment_province: 'int',
    kind: 'text',
    usage: 'float',
    amount_fen: 'float',
  });
  const s = r.calendar.monthStart;
  for (const p of r.prepayments) {
    const pair = { insured_province: p.insured, treatment_province: p.treatment };
    for (let m = 0; m < r.calendar.months; m++) {
      // The last month also covers the days after the run, while its claims clear.
      const end = m + 1 === r.calendar.months ? r.calendar.horizonDays : s[m + 1]!;
      let peak = 0;
      for (let d = s[m]!; d < end; d++) peak = Math.max(peak, p.reachedUsage[d]!);
      const last = s[m + 1]! - 1;
      const prepaymentFen = p.prepaymentFen[last]!;
      const outstandingFen = p.outstandingFen[last]!;
      usage.row({
        month: m,
        month_text: texts[m]!,
        ...pair,
        peak_usage: peak,
        usage: prepaymentFen > 0 ? outstandingFen / prepaymentFen : outstandingFen > 0 ? Infinity : 0,
        prepayment_fen: prepaymentFen,
        outstanding_fen: outstandingFen,
      });
    }
    for (const e of p.events) {
      events.row({
        day: e.day,
        month: monthOfDay(r, e.day),
        ...pair,
        kind: e.kind,
        usage: e.usage,
        amount_fen: e.amountFen,
      });
    }
  }
  const province = new TableBuilder('prepayment_province', {
    province: 'int',
    opening_prepayment_fen: 'float',
    peak_usage: 'float',
    yellow_warnings: 'int',
    red_warnings: 'int',
    top_ups: 'int',
    top_up_fen: 'float',
  });
  for (const x of r.provinceSummaries) {
    province.row({
      province: x.province,
      opening_prepayment_fen: x.openingPrepaymentFen,
      peak_usage: x.peakUsage,
      yellow_warnings: x.yellowWarnings,
      red_warnings: x.redWarnings,
      top_ups: x.topUps,
      top_up_fen: x.topUpFen,
    });
  }
  const out = [national, settlement, positions, tiers, usage, events, province];
  const tables = out.map((b) => b.build());
  if (options.daily) tables.push(dailyUsageTable(r));
  return tables.map((t) => withCodes(t, options));
}
