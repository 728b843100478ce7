/**
 * The rows of picked shards (分片行), one sample at a time: each shard's tables are decoded in the
 * page (hyparquet), the rows of the asked sample kept, and the rows of all shards handed on unsummed
 * — {@link resultFromRows} adds every row in, as the merge's SQL sums would — so the rebuilt sample
 * is the single run's. Only one sample's rows are held at once.
 */
import { parquetRead } from 'hyparquet';
import type { ReadSample } from '../runtime/shardMerge';
import { ShardRefusal, type SampleRows, type ShardTable } from '../runtime/shardFormat';
import type { PickedShard } from './runFilesRead';

/** Decoded columns of a table, by name: numbers (INT32, INT64 as numbers) or texts. */
export type DecodedColumns = Record<string, (number | string)[]>;

/** A decoded value as a number (INT64 arrives as a bigint) or a text. */
function plain(v: unknown): number | string {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? v : Number(v);
}

/** Decodes `columns` of a Parquet file (every row group) into plain arrays. */
export async function decodeColumns(bytes: ArrayBuffer, columns: readonly string[]): Promise<DecodedColumns> {
  const out: DecodedColumns = Object.fromEntries(columns.map((c) => [c, [] as (number | string)[]]));
  await parquetRead({
    file: bytes,
    columns: [...columns],
    onChunk: (chunk) => {
      const target = out[chunk.columnName];
      if (!target) return;
      const data = chunk.columnData as ArrayLike<unknown>;
      for (let i = 0; i < data.length; i++) target[chunk.rowStart + i] = plain(data[i]);
    },
  });
  for (const c of columns) {
    const values = out[c]!;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === undefined) throw new RangeError(`column ${c}: row ${i} could not be read`);
    }
  }
  return out;
}

/** The columns each table is read with, in the shard format's names. */
const COLUMNS: Record<ShardTable, readonly string[]> = {
  counts: ['sample', 'seed', 'families', 'person_months', 'moved_fen'],
  flows: ['sample', 'month', 'sharer_area', 'treatment_area', 'use', 'amount_fen', 'count', 'squares_yuan2'],
  arrays: ['sample', 'array', 'row', 'field', 'value'],
};

/** Empty rows of a sample, to which shards' rows are appended. */
export function emptySampleRows(): SampleRows & {
  flows: { [K in keyof SampleRows['flows']]: number[] };
  arrays: { array: string[]; row: number[]; field: number[]; value: number[] };
} {
  return {
    counts: { families: [], personMonths: [], movedFen: [] },
    flows: {
      month: [],
      sharerArea: [],
      treatmentArea: [],
      use: [],
      amountFen: [],
      count: [],
      squaresYuan2: [],
    },
    arrays: { array: [], row: [], field: [], value: [] },
  };
}

/**
 * Appends the rows of sample `sample` of one shard's decoded tables to `rows`, and returns the
 * seeds its counts rows give for it (none when the shard lacks the sample).
 */
export function appendSample(
  rows: ReturnType<typeof emptySampleRows>,
  tables: Record<ShardTable, DecodedColumns>,
  sample: number,
): string[] {
  const seeds: string[] = [];
  const c = tables.counts;
  c.sample!.forEach((s, i) => {
    if (s !== sample) return;
    seeds.push(String(c.seed![i]));
    rows.counts.families.push(c.families![i] as number);
    rows.counts.personMonths.push(c.person_months![i] as number);
    rows.counts.movedFen.push(c.moved_fen![i] as number);
  });
  const f = tables.flows;
  f.sample!.forEach((s, i) => {
    if (s !== sample) return;
    rows.flows.month.push(f.month![i] as number);
    rows.flows.sharerArea.push(f.sharer_area![i] as number);
    rows.flows.treatmentArea.push(f.treatment_area![i] as number);
    rows.flows.use.push(f.use![i] as number);
    rows.flows.amountFen.push(f.amount_fen![i] as number);
    rows.flows.count.push(f.count![i] as number);
    rows.flows.squaresYuan2.push(f.squares_yuan2![i] as number);
  });
  const a = tables.arrays;
  a.sample!.forEach((s, i) => {
    if (s !== sample) return;
    rows.arrays.array.push(String(a.array![i]));
    rows.arrays.row.push(a.row![i] as number);
    rows.arrays.field.push(a.field![i] as number);
    rows.arrays.value.push(a.value![i] as number);
  });
  return seeds;
}

/**
 * Reads the samples of a checked set of picked shards: for each sample, every shard's tables are
 * decoded and that sample's rows appended. A table that cannot be decoded, or a shard without the
 * sample, is refused with the shard named.
 */
export function pickedSampleReader(shards: readonly PickedShard[]): ReadSample {
  return async (sample) => {
    const rows = emptySampleRows();
    const seeds: string[] = [];
    for (const shard of shards) {
      const tables = {} as Record<ShardTable, DecodedColumns>;
      for (const table of Object.keys(COLUMNS) as ShardTable[]) {
        try {
          tables[table] = await decodeColumns(shard.tables[table].bytes, COLUMNS[table]);
        } catch (e) {
          const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
          throw new ShardRefusal(shard.label, `${table}.parquet cannot be read: ${why}`);
        }
      }
      const found = appendSample(rows, tables, sample);
      if (found.length === 0)
        throw new ShardRefusal(shard.label, `has no sample ${sample} in counts.parquet`);
      seeds.push(...found);
    }
    return { rows, seeds };
  };
}
