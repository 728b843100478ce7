/**
 * Fuzzing the data tables cell by cell (issue 25): mutations of the committed data/*.csv with
 * non-finite numbers and hostile values. See fuzzTables.ts for the checks and for FUZZ_SEED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectWellFormed,
  FILES,
  fuzzOptions,
  load,
  mutated,
  NON_FINITE,
  NUMERIC_COLUMNS,
  ROWS,
  rowMutation,
  textMutation,
} from './fuzzTables';

describe('fuzz: cells of the data tables', () => {
  it('a non-finite number in any numeric cell is refused at its file, line and column', () => {
    const cases = fc.constantFrom(...FILES).chain((file) =>
      fc.record({
        file: fc.constant(file),
        row: fc.integer({ min: 1, max: ROWS.get(file)!.length - 1 }),
        column: fc.constantFrom(...NUMERIC_COLUMNS[file]!),
        value: fc.constantFrom(...NON_FINITE),
        text: fc.subarray([{ kind: 'bom' } as const, { kind: 'crlf' } as const]),
      }),
    );
    fc.assert(
      fc.property(cases, ({ file, row, column, value, text }) => {
        const col = ROWS.get(file)![0]!.indexOf(column);
        const csv = mutated(file, [{ kind: 'cell', row, col, value }], text);
        const outcome = load(file, csv);
        expectWellFormed(outcome, file, csv);
        expect(outcome.error?.problems).toContainEqual(
          expect.objectContaining({ file, line: row + 1, column }),
        );
      }),
      fuzzOptions(600),
    );
  });

  it('hostile values in one to three cells of any table are refused with every problem in place, or load a sane dataset', () => {
    const cellMutation = rowMutation.filter((m) => m.kind === 'cell' || m.kind === 'swap-cells');
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.array(cellMutation, { minLength: 1, maxLength: 3 }),
        fc.array(
          textMutation.filter((m) => m.kind === 'bom' || m.kind === 'crlf'),
          { maxLength: 1 },
        ),
        (file, rows, text) => {
          const csv = mutated(file, rows, text);
          expectWellFormed(load(file, csv), file, csv);
        },
      ),
      fuzzOptions(1000),
    );
  });
});
