/**
 * A run as the Prepayment workspace shows it (预付金视图数据): the run's clearing parameters, the
 * province names, and the rows of every chart and table, queried from the run's DuckDB tables once
 * per run (the province's own rows once per province), so that a language switch only redraws.
 */
import type { Connector } from '../../analytics/connector';
import { loadTable } from '../../analytics/load';
import { queryRows, type Row } from '../../analytics/query';
import type { ClearingParameters } from '../../clearing/parameters';
import { clearingTables } from '../../clearing/tables';
import type { Dataset } from '../../population/dataset';
import { toClearingParameters } from '../../scenario';
import type { CompletedRun } from '../runs';
import {
  bandSql,
  cashSql,
  dayText,
  eventsSql,
  monthlyUsageSql,
  PAIR_DAILY,
  pairUsageSql,
  PROVINCE_DAILY,
  provinceDailyTable,
  provinceSql,
  usageSql,
} from './data';
import { defaultProvince } from './model';

/** Province names by index, in both languages. */
export interface ProvinceNames {
  zh: readonly string[];
  en: readonly string[];
}

/** Everything one run's view needs, except the chosen province's rows. */
export interface RunView {
  completed: CompletedRun;
  params: ClearingParameters;
  names: ProvinceNames;
  /** The province table's rows (clearing summaries, with the Monte Carlo columns when there is one). */
  provinceRows: Row[];
  /** Monte Carlo bands per province, or null without replications. */
  bandRows: Row[] | null;
  /** Gross and netted cash per month. */
  cashRows: Row[];
  /** The province a first view shows. */
  defaultProvince: number;
}

/** One province's rows (or one of its prepayments'): daily and monthly usage, and events, with a `date` column. */
export interface ProvinceView {
  province: number;
  /** The treatment province of the one prepayment shown, or null for all of them. */
  treatment: number | null;
  usageRows: Row[];
  /** Per month: peak usage of its highest prepayment, all prepayments together at the month's end. */
  monthRows: Row[];
  eventRows: Row[];
}

/** Province names of the dataset: short Chinese names and English names. */
export function provinceNames(dataset: Dataset): ProvinceNames {
  return {
    zh: dataset.provinces.map((p) => p.nameZhShort || p.nameZh),
    en: dataset.provinces.map((p) => p.nameEn),
  };
}

/** Prefixes whose daily province table is already in a database. */
const loaded = new WeakMap<Connector, Set<string>>();

/**
 * Loads the run's daily province usage (`<prefix>_prepayment_province_daily`, built from the
 * clearing in memory) once, then queries the rows of the run's charts and table.
 */
export async function loadRunView(
  conn: Connector,
  completed: CompletedRun,
  dataset: Dataset,
): Promise<RunView> {
  const prefix = completed.tablePrefix;
  const done = loaded.get(conn) ?? new Set<string>();
  loaded.set(conn, done);
  if (!done.has(prefix)) {
    const clearing = completed.run.clearing;
    const table = provinceDailyTable(clearing);
    await loadTable(conn, { ...table, name: `${prefix}_${PROVINCE_DAILY}` });
    const pairs = clearingTables(clearing, { daily: true }).find((t) => t.name === PAIR_DAILY);
    if (pairs) await loadTable(conn, { ...pairs, name: `${prefix}_${PAIR_DAILY}` });
    done.add(prefix);
  }
  const mc = completed.run.monteCarlo !== null;
  const provinceRows = (await queryRows(conn, provinceSql(prefix, mc))).rows;
  const bandRows = mc ? (await queryRows(conn, bandSql(prefix))).rows : null;
  const cashRows = (await queryRows(conn, cashSql(prefix))).rows;
  return {
    completed,
    params: toClearingParameters(completed.run.scenario),
    names: provinceNames(dataset),
    provinceRows,
    bandRows,
    cashRows,
    defaultProvince: defaultProvince(completed.run.clearing.provinceSummaries),
  };
}

/**
 * Queries one province's daily and monthly usage and its events, or those of its one prepayment in
 * `treatment` (daily rows and events get a `date` column).
 */
export async function loadProvinceView(
  conn: Connector,
  view: RunView,
  province: number,
  treatment: number | null = null,
): Promise<ProvinceView> {
  const prefix = view.completed.tablePrefix;
  const calendar = view.completed.run.clearing.calendar;
  const dated = (rows: Row[]): Row[] => rows.map((r) => ({ date: dayText(calendar, Number(r.day)), ...r }));
  const usage = treatment === null ? usageSql(prefix, province) : pairUsageSql(prefix, province, treatment);
  const usageRows = dated((await queryRows(conn, usage)).rows);
  const monthRows = (await queryRows(conn, monthlyUsageSql(prefix, province, treatment))).rows;
  const eventRows = dated((await queryRows(conn, eventsSql(prefix, province, treatment))).rows);
  return { province, treatment, usageRows, monthRows, eventRows };
}
