/** Test helpers: the committed data files as text, and readers that alter one file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../src/population/node';

/** Text of a committed data file. */
export function committed(file: string): string {
  return readFileSync(join(DATA_DIR, file), 'utf8');
}

/** A reader for the committed files where `file` is replaced by `edit(originalText)`. */
export function readerWith(file: string, edit: (text: string) => string): (name: string) => string {
  return (name) => (name === file ? edit(committed(name)) : committed(name));
}

/** Replaces the cell in `column` of the data row at 1-based file `line` (no quoted newlines assumed). */
export function setCell(text: string, line: number, column: string, value: string): string {
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  const k = header.indexOf(column);
  if (k < 0) throw new Error(`no column ${column}`);
  const cells = lines[line - 1]!.split(',');
  if (cells.length !== header.length) throw new Error(`line ${line} has quoted commas; pick another`);
  cells[k] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

/** Removes `column` from a CSV without quoted commas in that table's header. */
export function dropColumn(text: string, column: string): string {
  const lines = text.split('\n');
  const k = lines[0]!.split(',').indexOf(column);
  if (k < 0) throw new Error(`no column ${column}`);
  return lines
    .map((l) =>
      l === ''
        ? l
        : l
            .split(',')
            .filter((_, i) => i !== k)
            .join(','),
    )
    .join('\n');
}

/** The header of a CSV text alone (its first line and the newline after it). */
export function headerOnly(text: string): string {
  return text.slice(0, text.indexOf('\n') + 1);
}

/**
 * Appends a copy of the line at 1-based file `line` after the last line; returns the new text and
 * the copy's line number (no quoted newlines assumed).
 */
export function duplicateLine(text: string, line: number): { text: string; at: number } {
  const lines = text.replace(/\n$/, '').split('\n');
  lines.push(lines[line - 1]!);
  return { text: `${lines.join('\n')}\n`, at: lines.length };
}

/** Removes every line that starts with `prefix`. */
export function dropLinesStartingWith(text: string, prefix: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith(prefix))
    .join('\n');
}
