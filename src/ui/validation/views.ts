/**
 * The Validation workspace's views (校验视图): the sections' rows loaded into the page's DuckDB
 * (table `validation`) and each section's chart and table rows read back with its SQL.
 */
import type { Connector } from '../../analytics/connector';
import { loadTable } from '../../analytics/load';
import { queryRows } from '../../analytics/query';
import type { Lang } from '../../text/i18n';
import type { SectionView } from './sectionBlock';
import {
  chartSql,
  sectionRows,
  tableSql,
  type TargetRecord,
  VALIDATION_SECTIONS,
  validationTable,
} from './sections';

/** Loads the sections' rows into the `validation` table and reads each section back with its SQL. */
export async function loadViews(
  conn: Connector,
  recordsBySection: Readonly<Record<string, readonly TargetRecord[]>>,
  details: Readonly<Record<string, (lang: Lang) => string>> = {},
): Promise<SectionView[]> {
  const sections = sectionRows(VALIDATION_SECTIONS, recordsBySection);
  await loadTable(conn, validationTable(sections));
  const views: SectionView[] = [];
  for (const section of sections) {
    const chartRows = (await queryRows(conn, chartSql(section.id))).rows;
    const tableRows = (await queryRows(conn, tableSql(section.id))).rows;
    const detail = details[section.id];
    views.push({ section, chartRows, tableRows, ...(detail ? { detail } : {}) });
  }
  return views;
}
