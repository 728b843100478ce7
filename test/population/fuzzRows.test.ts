/**
 * Fuzzing the data tables row by row (issue 25): duplicated and removed rows, changed headers,
 * byte-order marks, line ends, quotes and truncated files, as mutations of the committed
 * data/*.csv. See fuzzTables.ts for the checks and for FUZZ_SEED.
 */
import { csvFormatRows } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, REQUIRED_TARGETS } from '../../src/population/dataset';
import { loadOdInputs } from '../../src/population/loader';
import { loadDatasetFromDisk } from '../../src/population/node';
import {
  expectWellFormed,
  FILES,
  fuzzOptions,
  load,
  mutated,
  ROWS,
  rowMutation,
  TEXTS,
  textMutation,
} from './fuzzTables';

/** The key column of each file, as the loader reports a repeated key. */
const KEY_COLUMN: Readonly<Record<string, string>> = {
  [DATA_FILES.provinces]: 'code2',
  [DATA_FILES.poolingAreas]: 'code',
  [DATA_FILES.od]: 'origin',
  [DATA_FILES.targets]: 'name',
  [DATA_FILES.corridors]: 'origin_code2',
  [DATA_FILES.directSettlement]: 'type',
};

/** A data row of any file: the file and the row's index (its line is index + 1). */
const dataRow = fc
  .constantFrom(...FILES)
  .chain((file) =>
    fc.record({ file: fc.constant(file), row: fc.integer({ min: 1, max: ROWS.get(file)!.length - 1 }) }),
  );

const committedDataset = loadDatasetFromDisk();
const committedOdInputs = loadOdInputs((name) => TEXTS.get(name)!);

describe('fuzz: rows, headers and text of the data tables', () => {
  it('a duplicated row of any table is refused at the copy, naming the line it repeats', () => {
    fc.assert(
      fc.property(dataRow, ({ file, row }) => {
        const csv = mutated(file, [{ kind: 'duplicate-row', row: row - 1 }]);
        const outcome = load(file, csv);
        expectWellFormed(outcome, file, csv);
        expect(outcome.error?.problems).toContainEqual(
          expect.objectContaining({
            file,
            line: ROWS.get(file)!.length + 1,
            column: KEY_COLUMN[file],
            message: expect.stringMatching(new RegExp(`appears twice: here and on line ${row + 1}$`)),
          }),
        );
      }),
      fuzzOptions(300),
    );
  });

  it('a removed row is refused naming what is missing, unless the table does without it', () => {
    fc.assert(
      fc.property(dataRow, ({ file, row }) => {
        const removed = ROWS.get(file)![row]!;
        const csv = mutated(file, [{ kind: 'remove-row', row: row - 1 }]);
        const outcome = load(file, csv);
        expectWellFormed(outcome, file, csv);
        const messages = (outcome.error?.problems ?? []).map((p) => `${p.file} ${p.message}`);
        const name = removed[0]!;
        const expected: Record<string, () => void> = {
          [DATA_FILES.provinces]: () =>
            expect(
              messages.some((m) => m.includes(`"${name}"`)),
              messages.join('\n'),
            ).toBe(true),
          [DATA_FILES.poolingAreas]: () =>
            expect(messages).toContainEqual(
              expect.stringMatching(`pooling-areas.csv province ${removed[2]} has`),
            ),
          [DATA_FILES.od]: () => expect(messages).toContain(`od-matrix.csv has no row for origin ${name}`),
          [DATA_FILES.targets]: () => {
            const required =
              (REQUIRED_TARGETS as readonly string[]).includes(name) ||
              /^(population|inflow)\/\d\d$/.test(name);
            if (required) expect(messages).toContain(`targets.csv has no row for target ${name}`);
            else expect(outcome.error).toBeNull();
          },
          // Eight fit counts choose the matrix; any one may go.
          [DATA_FILES.corridors]: () => expect(outcome.error).toBeNull(),
          [DATA_FILES.directSettlement]: () =>
            expect(messages).toContain(`direct-settlement.csv has no row for type ${name}`),
        };
        expected[file]!();
      }),
      fuzzOptions(300),
    );
  });

  it('a BOM, CRLF or CR line ends, blank lines, quotes and spaces around cells, reordered or extra columns load the same dataset', () => {
    const variant = fc.record({
      file: fc.constantFrom(...FILES),
      bom: fc.boolean(),
      lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
      blankAfter: fc.uniqueArray(fc.nat({ max: 400 }), { maxLength: 4 }),
      quoteAll: fc.boolean(),
      pad: fc.constantFrom('', ' ', '\t', '  '),
      columnOrder: fc.array(fc.nat(), { maxLength: 30 }),
      extraColumn: fc.boolean(),
      finalNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(variant, (v) => {
        const rows = ROWS.get(v.file)!.map((r) => [...r]);
        // Reorder the columns by a random permutation (a Fisher–Yates shuffle driven by columnOrder).
        const order = rows[0]!.map((_, i) => i);
        v.columnOrder.forEach((x, i) => {
          const a = i % order.length;
          const b = x % order.length;
          [order[a], order[b]] = [order[b]!, order[a]!];
        });
        let table = rows.map((r) => order.map((i) => r[i]!));
        if (v.extraColumn && v.file !== DATA_FILES.od)
          table = table.map((r, i) => [...r, i === 0 ? 'note' : 'x']);
        const cell = (c: string): string =>
          v.quoteAll ? `"${c.replaceAll('"', '""')}"` : `${v.pad}${c}${v.pad}`;
        const lines = table.map((r) => (v.quoteAll ? r.map(cell).join(',') : csvFormatRows([r.map(cell)])));
        for (const at of [...v.blankAfter].sort((a, b) => b - a))
          lines.splice(1 + (at % lines.length), 0, '');
        const csv = (v.bom ? '\uFEFF' : '') + lines.join(v.lineEnd) + (v.finalNewline ? v.lineEnd : '');
        const outcome = load(v.file, csv);
        expectWellFormed(outcome, v.file, csv);
        expect(outcome.error).toBeNull();
        if (v.file === DATA_FILES.corridors)
          expect(outcome.corridors).toBe(committedOdInputs.corridors.length);
        else expect(outcome.dataset).toEqual(committedDataset);
      }),
      fuzzOptions(250),
    );
  });

  it('any mix of row, column and text mutations is refused with every problem in place, or loads a sane dataset', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.array(rowMutation, { minLength: 1, maxLength: 4 }),
        fc.array(textMutation, { maxLength: 2 }),
        (file, rows, text) => {
          const csv = mutated(file, rows, text);
          expectWellFormed(load(file, csv), file, csv);
        },
      ),
      fuzzOptions(800),
    );
  });
});
