/**
 * The layout of a shard's tables (分片表结构), format `gongji-shard/1`: the three tables, the arrays
 * of a result as they are named in `arrays.parquet`, the columns handed to a Parquet writer, and the
 * rows of a sample as they are read back. The format as a whole is described in `shardFormat.ts`.
 */
import { AGE_BANDS, CLASSES, PROFILE_FIELDS, SUMMARY_FIELDS, type RangeResult } from '../engine/result';
import { SHARING_RULES } from '../rules/ids';

/** The tables of a shard, each written as `<name>.parquet`. */
export const SHARD_TABLES = ['counts', 'flows', 'arrays'] as const;

/** A table of a shard. */
export type ShardTable = (typeof SHARD_TABLES)[number];

/**
 * The arrays of a result, by their name in `arrays.parquet`: the result's field and the values per
 * row (a month, or for `enrolments` a pooling area).
 */
export const SHARD_ARRAYS = {
  summary: { of: 'summary', width: SUMMARY_FIELDS },
  refusals: { of: 'refusals', width: SHARING_RULES.length },
  ledger: { of: 'ledger', width: CLASSES.length },
  residual: { of: 'residual', width: 1 },
  beneficiary_profile: { of: 'beneficiaryProfile', width: PROFILE_FIELDS },
  enrolments: { of: 'enrolments', width: AGE_BANDS.length },
} as const satisfies Record<string, { of: keyof RangeResult; width: number }>;

/** An array's name in `arrays.parquet`. */
export type ShardArray = keyof typeof SHARD_ARRAYS;

/** Column arrays of a shard's tables, ready for a Parquet writer (INT32, INT64 and STRING columns). */
export type ShardColumns = Record<string, Int32Array | BigInt64Array | string[]>;

/** One simulated sample of a shard: its index (0 the main run), seed and result over the shard's families. */
export interface ShardSample {
  index: number;
  seed: string;
  result: RangeResult;
}

/** The rows of one sample read back from shards, as plain numbers (one or many shards' rows, summed or not). */
export interface SampleRows {
  counts: { families: number[]; personMonths: number[]; movedFen: number[] };
  flows: {
    month: ArrayLike<number>;
    sharerArea: ArrayLike<number>;
    treatmentArea: ArrayLike<number>;
    use: ArrayLike<number>;
    amountFen: ArrayLike<number>;
    count: ArrayLike<number>;
    squaresYuan2: ArrayLike<number>;
  };
  arrays: {
    array: readonly string[];
    row: ArrayLike<number>;
    field: ArrayLike<number>;
    value: ArrayLike<number>;
  };
}
