/**
 * The tables of a scenario run (运行结果表): the flow cube, the monthly summaries, the ledger by
 * account class and the payments from quotas by the beneficiary's age band and scheme, beside the
 * clearing's own tables, as column tables ready for DuckDB, Parquet and CSV.
 * Places are named by their official codes; months by `YYYY-MM`.
 */
import { clearingTables, prepaymentTables } from '../clearing/tables';
import { windowMonths } from '../engine/input';
import {
  AGE_BANDS,
  CLASSES,
  enrolmentIndex,
  FEN_AT,
  type FamilyTrace,
  PROFILE_FIELDS,
  SUMMARY,
  SUMMARY_FIELDS,
  TIMES_AT,
} from '../engine/result';
import { SCHEMES } from '../population/columns';
import { formatStamp } from '../rules/time';
import type { Dataset } from '../population/dataset';
import { PERMITTED_USES } from '../rules/types';
import type { ScenarioRun } from '../runtime/scenarioRun';
import { GEOGRAPHIES } from '../runtime/summary';
import type { ColumnTable } from './columns';

/** snake_case of a camelCase summary field name. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `flows`: one row per non-empty cell of the flow cube. */
export function flowTable(run: ScenarioRun, dataset: Dataset): ColumnTable {
  const months = windowMonths(run.scenario.window);
  // Straight from the cube's columns, and places, months and uses as coded texts: at 1:1 the cube
  // has about 1.8 million cells, too many for an object, or six strings, per cell.
  const cells = run.result.flows.columns();
  const areaCode = dataset.poolingAreas.map((a) => a.code);
  const provinceCode = dataset.provinces.map((p) => p.code2);
  const provinceOf = (areas: Int32Array) => areas.map((a) => dataset.poolingAreas[a]!.province);
  return {
    name: 'flows',
    columns: {
      month: { codes: cells.month, texts: months },
      sharer_area: { codes: cells.sharerArea, texts: areaCode },
      sharer_province: { codes: provinceOf(cells.sharerArea), texts: provinceCode },
      treatment_area: { codes: cells.treatmentArea, texts: areaCode },
      treatment_province: { codes: provinceOf(cells.treatmentArea), texts: provinceCode },
      use: { codes: cells.use, texts: PERMITTED_USES },
      amount_fen: cells.amountFen,
      count: cells.count,
      squares_yuan2: cells.squaresYuan2,
    },
  };
}

/** `monthly`: one row per month with every summary field, person-times and fen by geography and use. */
export function monthlyTable(run: ScenarioRun): ColumnTable {
  const { result } = run;
  const months = windowMonths(run.scenario.window);
  const field = (f: number) => Float64Array.from(months, (_, m) => result.summary[m * SUMMARY_FIELDS + f]!);
  const columns: ColumnTable['columns'] = { month: months };
  for (const [name, f] of Object.entries(SUMMARY)) columns[snake(name)] = field(f);
  GEOGRAPHIES.forEach((g, gi) =>
    PERMITTED_USES.forEach((u, ui) => {
      const key = `${g}_${u}`.replace(/-/g, '_');
      columns[`times_${key}`] = field(TIMES_AT + gi * 4 + ui);
      columns[`fen_${key}`] = field(FEN_AT + gi * 4 + ui);
    }),
  );
  return { name: 'monthly', columns };
}

/** `ledger`: per month, the balance of each account class and the conservation residual. */
export function ledgerTable(run: ScenarioRun): ColumnTable {
  const { result } = run;
  const months = windowMonths(run.scenario.window);
  const columns: ColumnTable['columns'] = { month: months };
  CLASSES.forEach((c, ci) => {
    columns[`${c}_fen`] = Float64Array.from(months, (_, m) => result.ledger[m * CLASSES.length + ci]!);
  });
  columns.residual_fen = Float64Array.from(result.residual);
  return { name: 'ledger', columns };
}

/**
 * `beneficiaries`: per month, age band (at the window's start) and scheme of the beneficiary, the
 * payments from quotas — person-times and fen; every combination has a row, empty ones with zeros.
 */
export function beneficiaryTable(run: ScenarioRun): ColumnTable {
  const profile = run.result.beneficiaryProfile;
  const months = windowMonths(run.scenario.window);
  const keys = months.flatMap((month, m) =>
    AGE_BANDS.flatMap((band, a) =>
      SCHEMES.map((scheme, s) => ({
        month,
        band,
        scheme,
        at: m * PROFILE_FIELDS + (a * SCHEMES.length + s) * 2,
      })),
    ),
  );
  return {
    name: 'beneficiaries',
    columns: {
      month: keys.map((k) => k.month),
      age_band: keys.map((k) => k.band),
      scheme: keys.map((k) => k.scheme),
      person_times: Float64Array.from(keys, (k) => profile[k.at]!),
      amount_fen: Float64Array.from(keys, (k) => profile[k.at + 1]!),
    },
  };
}

/**
 * `enrolments`: relatives insured thanks to sharing (因共济参保的亲属) over the window, by the pooling
 * area (and its province) they enrol in and their age band; only non-empty cells have a row.
 */
export function enrolmentTable(run: ScenarioRun, dataset: Dataset): ColumnTable {
  const counts = run.result.enrolments;
  const rows: { area: number; band: number; n: number }[] = [];
  for (let area = 0; area < run.result.areas; area++) {
    AGE_BANDS.forEach((_, band) => {
      const n = counts[enrolmentIndex(area, band)]!;
      if (n !== 0) rows.push({ area, band, n });
    });
  }
  return {
    name: 'enrolments',
    columns: {
      area: rows.map((r) => dataset.poolingAreas[r.area]!.code),
      province: rows.map((r) => dataset.provinces[dataset.poolingAreas[r.area]!.province]!.code2),
      age_band: rows.map((r) => AGE_BANDS[r.band]!),
      enrolled: Float64Array.from(rows, (r) => r.n),
    },
  };
}

/** `postings`: the full posting log, with rule ids, of traced families (one row per posting). */
export function postingTable(traces: readonly FamilyTrace[]): ColumnTable {
  const rows = traces.flatMap((t) => t.postings.map((p) => ({ family: t.familyIndex, p })));
  return {
    name: 'postings',
    columns: {
      family: Float64Array.from(rows, (r) => r.family),
      seq: Float64Array.from(rows, (r) => r.p.seq),
      at: rows.map((r) => (r.p.at === undefined ? '' : formatStamp(r.p.at))),
      from_account: rows.map((r) => r.p.from),
      to_account: rows.map((r) => r.p.to),
      amount_fen: Float64Array.from(rows, (r) => r.p.amountFen),
      rule: rows.map((r) => r.p.rule),
    },
  };
}

/**
 * Every table of a run: flows, monthly, ledger, beneficiaries, enrolments, the clearing's tables (each province
 * and pooling-area column with its official code beside it) and the prepayment model's (when the
 * run answered it).
 */
export function runTables(run: ScenarioRun, dataset: Dataset): ColumnTable[] {
  const provinceCodes = dataset.provinces.map((p) => p.code2);
  const areaCodes = dataset.poolingAreas.map((a) => a.code);
  return [
    flowTable(run, dataset),
    monthlyTable(run),
    ledgerTable(run),
    beneficiaryTable(run),
    enrolmentTable(run, dataset),
    ...clearingTables(run.clearing, { provinceCodes, areaCodes }),
    ...(run.prepayment ? prepaymentTables(run.prepayment, run.clearing.calendar, provinceCodes) : []),
  ];
}
