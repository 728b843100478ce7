/**
 * Parquet export (Parquet 导出): the bytes of a database table as a Parquet file.
 *
 * DuckDB-WASM keeps its Parquet reader and writer in the `parquet` extension, which the engine would
 * download from the internet on first use. The workbench works offline and sends nothing out, so
 * extension loading is switched off (OFFLINE_SETTINGS in connector.ts) and the file is written here from
 * the table's columns, one row group per million rows, Snappy-compressed (the Parquet default).
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import { type Column, type ColumnTable, columnTexts, isCodedTexts } from './columns';
import { type Connector, quoteIdent } from './connector';
import { queryColumns } from './query';

/** One column as a Parquet column source, keeping integers integers and texts UTF-8. */
function parquetColumn(name: string, values: Column): ColumnSource {
  if (Array.isArray(values)) return { name, data: values, type: 'STRING', nullable: false };
  if (values instanceof Int32Array) return { name, data: values, type: 'INT32', nullable: false };
  if (values instanceof Uint8Array)
    return { name, data: Int32Array.from(values), type: 'INT32', nullable: false };
  if (values instanceof Uint32Array) {
    return { name, data: BigInt64Array.from(values, (v) => BigInt(v)), type: 'INT64', nullable: false };
  }
  return { name, data: values, type: 'DOUBLE', nullable: false };
}

/** The bytes of a Parquet file of `table`'s columns, in their order (coded texts written as texts). */
export function columnTableParquet(table: ColumnTable): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: Object.entries(table.columns).map(([name, values]) =>
      parquetColumn(name, isCodedTexts(values) ? columnTexts(values) : values),
    ),
    rowGroupSize: 1_000_000,
    createdBy: 'gongji',
  });
  return new Uint8Array(buffer);
}

/** The rows of `sql` as the bytes of a Parquet file (columns in SQL order; nulls are refused). */
export async function queryParquet(conn: Connector, sql: string): Promise<Uint8Array> {
  return columnTableParquet({ name: 'query', columns: await queryColumns(conn, sql) });
}

/** The bytes of table `name` as a Parquet file. */
export async function tableParquet(conn: Connector, name: string): Promise<Uint8Array> {
  return queryParquet(conn, `SELECT * FROM ${quoteIdent(name)}`);
}
