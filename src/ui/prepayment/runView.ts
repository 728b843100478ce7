/**
 * A run as the Prepayment workspace shows it (预付金视图数据): the run's clearing parameters, the
 * province names, the prepayment model at the chosen confidence, and the rows of the charts queried
 * from the run's DuckDB tables once per run (the province's own rows once per province), so that a
 * language switch only redraws.
 */
import type { Connector } from '../../analytics/connector';
import { loadTable } from '../../analytics/load';
import { queryRows, type Row } from '../../analytics/query';
import type { ClearingParameters } from '../../clearing/parameters';
import type { PrepaymentAnswer } from '../../clearing/prepaymentModel';
import { clearingTables } from '../../clearing/tables';
import type { Dataset } from '../../population/dataset';
import { toClearingParameters } from '../../scenario';
import type { CompletedRun } from '../runs';
import {
  cashSql,
  dayText,
  eventsSql,
  monthlyUsageSql,
  PAIR_DAILY,
  pairUsageSql,
  PROVINCE_DAILY,
  provinceDailyTable,
  usageSql,
} from './data';
import { rankProvinces } from './model';

/** Province names and codes by index. */
export interface ProvinceNames {
  zh: readonly string[];
  en: readonly string[];
  /** Two-digit GB codes, e.g. '11'. */
  code: readonly string[];
}

/** Everything one run's view needs, except the chosen province's rows. */
export interface RunView {
  completed: CompletedRun;
  params: ClearingParameters;
  names: ProvinceNames;
  /** The prepayment model at the view's confidence. */
  answer: PrepaymentAnswer;
  /** Gross and netted cash per month. */
  cashRows: Row[];
  /** Provinces ranked for the choice (largest prepayment first); the first is the default. */
  ranked: number[];
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

/** Province names and codes of the dataset: short Chinese names and English names. */
export function provinceNames(dataset: Dataset): ProvinceNames {
  return {
    zh: dataset.provinces.map((p) => p.nameZhShort || p.nameZh),
    en: dataset.provinces.map((p) => p.nameEn),
    code: dataset.provinces.map((p) => p.code2),
  };
}

/** Prefixes whose daily tables are already in a database. */
const loaded = new WeakMap<Connector, Set<string>>();

/**
 * Loads the run's daily usage tables (`<prefix>_prepayment_province_daily`, built from the clearing
 * in memory, and the per-pair daily table) once, queries the cash rows, and takes the prepayment
 * model at `confidence` (computed from the run's samples when not yet known; no new simulation).
 */
export async function loadRunView(
  conn: Connector,
  completed: CompletedRun,
  dataset: Dataset,
  confidence: number,
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
  const cashRows = (await queryRows(conn, cashSql(prefix))).rows;
  const answer = await completed.run.prepaymentAt(confidence);
  return {
    completed,
    params: toClearingParameters(completed.run.scenario),
    names: provinceNames(dataset),
    answer,
    cashRows,
    ranked: rankProvinces(answer),
  };
}

/**
 * Queries one province's daily and monthly usage in the expected year and its events, or those of
 * its one prepayment in `treatment` (daily rows and events get a `date` column).
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
