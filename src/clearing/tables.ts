/**
 * Column tables of the clearing (清算结果表): a run's clearing and the prepayment model's answer as plain
 * named columns of equal length, with snake_case names and fen as whole numbers in Float64Array, for
 * the analytics layer to write to DuckDB, Parquet or CSV. Provinces and pooling areas are indices
 * into the scenario's tables; months are run months (0 = the run's first month) with a `YYYY-MM`
 * column beside them; days count from the run's first day.
 */
import type { RunCalendar } from './calendar';
import type { PrepaymentAnswer } from './prepaymentModel';
import type { ClearingResult } from './run';

/** One column table. */
export interface ColumnTable {
  name: string;
  columns: Record<string, Int32Array | Float64Array | string[]>;
}

/** Grows typed columns row by row, then freezes them into a `ColumnTable`. */
class TableBuilder {
  readonly #ints = new Map<string, number[]>();
  readonly #floats = new Map<string, number[]>();
  readonly #texts = new Map<string, string[]>();
  readonly #order: string[] = [];

  constructor(
    readonly name: string,
    spec: Record<string, 'int' | 'float' | 'text'>,
  ) {
    // Each kind by name, so that a kind other than the three has no columns to go to.
    const byKind = { int: this.#ints, float: this.#floats, text: this.#texts };
    for (const [col, kind] of Object.entries(spec)) {
      this.#order.push(col);
      byKind[kind].set(col, []);
    }
  }

  row(values: Record<string, number | string>): void {
    for (const col of this.#order) {
      const v = values[col];
      if (v === undefined) throw new Error(`${this.name}: row without ${col}`);
      if (this.#texts.has(col)) this.#texts.get(col)!.push(String(v));
      else (this.#ints.get(col) ?? this.#floats.get(col)!).push(Number(v));
    }
  }

  build(): ColumnTable {
    const columns: ColumnTable['columns'] = {};
    for (const col of this.#order) {
      const ints = this.#ints.get(col);
      const floats = this.#floats.get(col);
      columns[col] = ints
        ? Int32Array.from(ints)
        : floats
          ? Float64Array.from(floats)
          : this.#texts.get(col)!;
    }
    return { name: this.name, columns };
  }
}

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

/**
 * Whole-fen parts of `totalFen` in proportion to `shares` (largest remainder, ties to the lower
 * index), so that the parts add up to the total exactly.
 */
export function splitFen(totalFen: number, shares: ArrayLike<number>): Float64Array {
  const n = shares.length;
  const sum = Array.from(shares).reduce((a, b) => a + b, 0);
  const out = new Float64Array(n);
  if (sum <= 0) return out;
  // Stryker disable next-line EqualityOperator: a total of 0 gives parts of 0 either way
  if (totalFen <= 0) return out;
  const exact = Array.from(shares, (x) => (totalFen * x) / sum);
  let left = totalFen;
  for (let j = 0; j < n; j++) left -= out[j] = Math.floor(exact[j]!);
  // Largest remainder first; the sort is stable, so equal remainders stay in index order.
  const order = exact.map((x, j) => ({ j, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (let k = 0; k < left; k++) out[order[k % n]!.j] = out[order[k % n]!.j]! + 1;
  return out;
}

/**
 * The prepayment model as column tables, provinces named by index and by code (`provinceCodes`):
 * - `prepayment_rule`: per insured-place province, how the scenario's rule fares over the draws
 *   (P(red), P(yellow), mean warnings and top-ups, peak usage quantiles), and under
 *   `direct-settlement` the same for direct settlement alone (`ds_…`);
 * - `prepayment_needed`: per province, the needed prepayment at the confidence with its interval,
 *   the rule's opening size, and what sharing adds (no rows when the confidence is not resolved);
 * - `prepayment_advance`: per pair, what province i advances to province j: its share of the needed
 *   size in whole fen (adding up to the province's needed size) beside the rule's opening size;
 * - `prepayment_month_usage`: per province and run month, the 5th, 50th and 95th percentile of the
 *   highest usage under the rule.
 */
export function prepaymentTables(
  a: PrepaymentAnswer,
  calendar: RunCalendar,
  provinceCodes: readonly string[],
): ColumnTable[] {
  const code = (i: number) => provinceCodes[i] ?? String(i);
  const ds = a.model === 'direct-settlement';
  const ruleSpec: Record<string, 'int' | 'float' | 'text'> = {
    province: 'int',
    province_code: 'text',
    rule_opening_fen: 'float',
    red_probability: 'float',
    yellow_probability: 'float',
    red_warnings_mean: 'float',
    top_ups_mean: 'float',
    top_up_fen_mean: 'float',
    peak_usage_p05: 'float',
    peak_usage_p50: 'float',
    peak_usage_p95: 'float',
  };
  if (ds)
    Object.assign(ruleSpec, {
      ds_rule_opening_fen: 'float',
      ds_red_probability: 'float',
      ds_yellow_probability: 'float',
      ds_peak_usage_p50: 'float',
    });
  const rule = new TableBuilder('prepayment_rule', ruleSpec);
  const neededSpec: Record<string, 'int' | 'float' | 'text'> = {
    province: 'int',
    province_code: 'text',
    confidence: 'float',
    needed_fen: 'float',
    needed_low_fen: 'float',
    needed_high_fen: 'float',
    rule_opening_fen: 'float',
  };
  if (ds)
    Object.assign(neededSpec, {
      ds_needed_fen: 'float',
      ds_needed_low_fen: 'float',
      ds_needed_high_fen: 'float',
      sharing_adds_fen: 'float',
    });
  const needed = new TableBuilder('prepayment_needed', neededSpec);
  const advance = new TableBuilder('prepayment_advance', {
    insured_province: 'int',
    insured_province_code: 'text',
    treatment_province: 'int',
    treatment_province_code: 'text',
    share: 'float',
    advance_fen: 'float',
    rule_opening_fen: 'float',
  });
  const usage = new TableBuilder('prepayment_month_usage', {
    province: 'int',
    province_code: 'text',
    month: 'int',
    month_text: 'text',
    usage_p05: 'float',
    usage_p50: 'float',
    usage_p95: 'float',
  });
  const texts = Array.from(
    calendar.year,
    (y, m) => `${y}-${String(calendar.monthOfYear[m]).padStart(2, '0')}`,
  );
  for (const p of a.provinces) {
    const id = { province: p.province, province_code: code(p.province) };
    const bg = p.directSettlementOnly;
    rule.row({
      ...id,
      rule_opening_fen: p.ruleOpeningFen,
      red_probability: p.rule.redProbability,
      yellow_probability: p.rule.yellowProbability,
      red_warnings_mean: p.rule.redWarningsMean,
      top_ups_mean: p.rule.topUpsMean,
      top_up_fen_mean: Math.round(p.rule.topUpFenMean),
      peak_usage_p05: p.rule.peakUsage.p05,
      peak_usage_p50: p.rule.peakUsage.p50,
      peak_usage_p95: p.rule.peakUsage.p95,
      ...(bg
        ? {
            ds_rule_opening_fen: bg.ruleOpeningFen,
            ds_red_probability: bg.rule.redProbability,
            ds_yellow_probability: bg.rule.yellowProbability,
            ds_peak_usage_p50: bg.rule.peakUsage.p50,
          }
        : {}),
    });
    for (let m = 0; m < calendar.months; m++) {
      usage.row({
        ...id,
        month: m,
        month_text: texts[m]!,
        usage_p05: p.rule.monthUsage.p05[m]!,
        usage_p50: p.rule.monthUsage.p50[m]!,
        usage_p95: p.rule.monthUsage.p95[m]!,
      });
    }
    if (!p.needed) continue;
    needed.row({
      ...id,
      confidence: a.confidence,
      needed_fen: p.needed.fen,
      needed_low_fen: p.needed.lowFen,
      needed_high_fen: p.needed.highFen,
      rule_opening_fen: p.ruleOpeningFen,
      ...(bg?.needed
        ? {
            ds_needed_fen: bg.needed.fen,
            ds_needed_low_fen: bg.needed.lowFen,
            ds_needed_high_fen: bg.needed.highFen,
            sharing_adds_fen: p.needed.fen - bg.needed.fen,
          }
        : {}),
    });
    const parts = splitFen(p.needed.fen, p.split);
    p.treatments.forEach((j, x) => {
      advance.row({
        insured_province: p.province,
        insured_province_code: code(p.province),
        treatment_province: j,
        treatment_province_code: code(j),
        share: p.split[x]!,
        advance_fen: parts[x]!,
        rule_opening_fen: p.openingFen[x]!,
      });
    });
  }
  return [rule, needed, advance, usage].map((b) => b.build());
}
