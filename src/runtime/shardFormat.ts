/**
 * The shard format (分片格式), `gongji-shard/1`: what one part of a sharded run leaves on disk, so
 * that the parts, added up, rebuild the run exactly — in Node (`npm run merge`, read with DuckDB) or
 * in the page (read with any Parquet reader).
 *
 * A shard is the folder `shard-IIII-of-NNNN` (1-based i of n, four digits at least), written under
 * a temporary name and renamed into place when complete. It holds three Parquet files, each a part
 * of every sample the run simulates (sample 0 the main run, r + 1 replication r):
 *
 * - `counts.parquet`: one row per sample — `sample` INT32, `seed` STRING, `families`,
 *   `person_months`, `moved_fen` INT64 (weighted by k, as the engine gives them).
 * - `flows.parquet`: the non-empty flow cube cells — `sample`, `month` (0-based in the window),
 *   `sharer_area`, `treatment_area` (indices into the pooling-area table), `use` (index into the
 *   permitted uses) INT32; `amount_fen`, `count`, `squares_yuan2` INT64.
 * - `arrays.parquet`: every other array of the result — `sample` INT32, `array` STRING (one of
 *   {@link SHARD_ARRAYS}), `row` INT32 (the month for the monthly arrays, the pooling area for
 *   `enrolments`), `field` INT32 (the index within the row, as in src/engine/result.ts), `value`
 *   INT64; only non-zero values are written.
 *
 * Every file carries the run's identity in its key-value metadata ({@link identityMetadata}): the
 * format, the scenario (its JSON) and its SHA-256, seed, scale, window, replications, the
 * families at 1:k and this shard's range of them, i/n, the engine version, and the file's table.
 * Parts add up by integer addition (sums of squares stop at 2^53, as the cube does), so the rows of
 * all n shards summed by (sample, key) give the single run's result bit for bit, whatever n.
 *
 * The tables' layout is declared in `shardLayout.ts` and the identity in `shardIdentity.ts`; this
 * module writes a shard's samples as the tables' columns and rebuilds a result from their rows. Every
 * name of the format can be imported from here.
 */
import { FlowCube, SQUARES_CAP } from '../clearing/flows';
import { emptyResult, type RangeResult } from '../engine/result';
import { PERMITTED_USES } from '../rules/types';
import {
  SHARD_ARRAYS,
  type SampleRows,
  type ShardArray,
  type ShardColumns,
  type ShardSample,
  type ShardTable,
} from './shardLayout';

/** The tables of a shard, their columns and the arrays of a result in them (`shardLayout.ts`). */
export {
  SHARD_ARRAYS,
  SHARD_TABLES,
  type SampleRows,
  type ShardArray,
  type ShardColumns,
  type ShardSample,
  type ShardTable,
} from './shardLayout';

/** A shard's identity in its files' metadata, its folder's name, and a merge's refusals (`shardIdentity.ts`). */
export {
  identityMetadata,
  parseShardFolderName,
  readIdentity,
  RUN_FIELDS,
  runDifference,
  scenarioIdentity,
  sha256Hex,
  SHARD_FORMAT,
  shardFolderName,
  ShardRefusal,
  type ShardIdentity,
} from './shardIdentity';

/** A whole number as INT64, refused (naming `what`) unless it is a safe integer. */
function int64(x: number, what: string): bigint {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be a whole number below 2^53, got ${x}`);
  return BigInt(x);
}

/** The three tables of a shard's samples, as columns. */
export function shardColumns(samples: readonly ShardSample[]): Record<ShardTable, ShardColumns> {
  const counts = {
    sample: Int32Array.from(samples, (s) => s.index),
    seed: samples.map((s) => s.seed),
    families: BigInt64Array.from(samples, (s) => int64(s.result.families, 'families')),
    person_months: BigInt64Array.from(samples, (s) => int64(s.result.personMonths, 'person_months')),
    moved_fen: BigInt64Array.from(samples, (s) => int64(s.result.movedFen, 'moved_fen')),
  };
  const cells = samples.map((s) => s.result.flows.columns());
  const cellCount = cells.reduce((n, c) => n + c.month.length, 0);
  const flows = {
    sample: new Int32Array(cellCount),
    month: new Int32Array(cellCount),
    sharer_area: new Int32Array(cellCount),
    treatment_area: new Int32Array(cellCount),
    use: new Int32Array(cellCount),
    amount_fen: new BigInt64Array(cellCount),
    count: new BigInt64Array(cellCount),
    squares_yuan2: new BigInt64Array(cellCount),
  };
  let at = 0;
  cells.forEach((c, s) => {
    const n = c.month.length;
    flows.sample.fill(samples[s]!.index, at, at + n);
    flows.month.set(c.month, at);
    flows.sharer_area.set(c.sharerArea, at);
    flows.treatment_area.set(c.treatmentArea, at);
    flows.use.set(c.use, at);
    for (let i = 0; i < n; i++) {
      flows.amount_fen[at + i] = int64(c.amountFen[i]!, 'amount_fen');
      flows.count[at + i] = int64(c.count[i]!, 'count');
      flows.squares_yuan2[at + i] = int64(c.squaresYuan2[i]!, 'squares_yuan2');
    }
    at += n;
  });
  const rows: { sample: number; array: ShardArray; row: number; field: number; value: bigint }[] = [];
  for (const s of samples) {
    for (const array of Object.keys(SHARD_ARRAYS) as ShardArray[]) {
      const { of, width } = SHARD_ARRAYS[array];
      s.result[of].forEach((v, i) => {
        if (v !== 0) {
          const row = Math.floor(i / width);
          rows.push({ sample: s.index, array, row, field: i - row * width, value: int64(v, array) });
        }
      });
    }
  }
  const arrays = {
    sample: Int32Array.from(rows, (r) => r.sample),
    array: rows.map((r) => r.array),
    row: Int32Array.from(rows, (r) => r.row),
    field: Int32Array.from(rows, (r) => r.field),
    value: BigInt64Array.from(rows, (r) => r.value),
  };
  return { counts, flows, arrays };
}

/**
 * Rebuilds a sample's result from its rows: every row is added in (so the rows of several shards
 * may be given unsummed, or summed by a database first), checking that each lies inside the window,
 * the area table and its array, and that every sum is a whole number below 2^53.
 */
export function resultFromRows(
  rows: SampleRows,
  shape: { months: number; areas: number; scaleK: number },
): RangeResult {
  const { months, areas } = shape;
  const result = emptyResult(months, areas, shape.scaleK);
  const whole = (x: number, what: string): number => {
    if (!Number.isSafeInteger(x)) throw new RangeError(`${what}: ${x} is not a whole number below 2^53`);
    return x;
  };
  const add = (a: number, b: number, what: string) => whole(a + whole(b, what), what);
  rows.counts.families.forEach((x) => (result.families = add(result.families, x, 'families')));
  rows.counts.personMonths.forEach(
    (x) => (result.personMonths = add(result.personMonths, x, 'person_months')),
  );
  rows.counts.movedFen.forEach((x) => (result.movedFen = add(result.movedFen, x, 'moved_fen')));

  const f = rows.flows;
  const n = f.month.length;
  const uses = PERMITTED_USES.length;
  const key = new Int32Array(n);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = f.month[i]!;
    const s = f.sharerArea[i]!;
    const t = f.treatmentArea[i]!;
    const u = f.use[i]!;
    if (!(m >= 0 && m < months && s >= 0 && s < areas && t >= 0 && t < areas && u >= 0 && u < uses)) {
      throw new RangeError(`flow cell out of range: month ${m}, areas ${s}→${t}, use ${u}`);
    }
    key[i] = ((m * areas + s) * areas + t) * uses + u;
    squares[i] = Math.min(f.squaresYuan2[i]!, SQUARES_CAP);
  }
  result.flows = new FlowCube(months, areas, n).addPackedCells({
    key,
    amountFen: Float64Array.from(f.amountFen),
    count: Float64Array.from(f.count),
    squaresYuan2: squares,
  });

  const a = rows.arrays;
  for (let i = 0; i < a.row.length; i++) {
    const name = a.array[i]!;
    if (!Object.hasOwn(SHARD_ARRAYS, name)) throw new RangeError(`arrays: no array "${name}"`);
    const { of, width } = SHARD_ARRAYS[name as ShardArray];
    const target = result[of];
    const row = a.row[i]!;
    const field = a.field[i]!;
    if (!(row >= 0 && field >= 0 && field < width && (row + 1) * width <= target.length)) {
      throw new RangeError(`arrays ${name}: row ${row}, field ${field} is outside the array`);
    }
    const at = row * width + field;
    target[at] = add(target[at]!, a.value[i]!, `arrays ${name}`);
  }
  return result;
}
