/**
 * CSV export (CSV 导出): the text of any query result, for the chart-data downloads. Fields that hold
 * a comma, a quote, a line break or edge spaces are quoted, quotes doubled (RFC 4180); numbers are
 * written as JavaScript prints them (exact integers stay exact); nulls are empty fields.
 */
import type { Connector } from './connector';
import { queryRows, type Rows, type Value } from './query';

/** One field of a CSV line. */
export function csvField(value: Value): string {
  if (value === null) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text: a header line with the column names, then one line per row, each ending in \n. */
export function rowsToCsv({ names, rows }: Rows): string {
  const lines = [names.map(csvField).join(',')];
  for (const row of rows) lines.push(names.map((name) => csvField(row[name] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}

/** Runs `sql` and returns its result as CSV text. */
export async function queryCsv(conn: Connector, sql: string): Promise<string> {
  return rowsToCsv(await queryRows(conn, sql));
}
