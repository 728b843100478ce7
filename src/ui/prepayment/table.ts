/**
 * The province table (各省预付金一览): one row per insured-place province, sortable by any column
 * (a click on a header sorts, a second click reverses), rows coloured by the warning level their
 * peak usage reached, and a click on a province name choosing it.
 */
import { el } from '../dom';
import { sortRows, type WarningLevel } from './model';

/** One row of the table: plain values, sorted as they are and shown through the column's format. */
export type ProvinceRow = Record<string, number | string> & { province: number; level: WarningLevel };

/** One column: the row key it shows, its header and how a value is written. */
export interface ProvinceColumn {
  key: string;
  header: string;
  format: (value: number | string, row: ProvinceRow) => string;
}

/** The current sort of the table. */
export interface TableSort {
  key: string;
  descending: boolean;
}

/** Options of {@link provinceTable}. */
export interface ProvinceTableOptions {
  columns: readonly ProvinceColumn[];
  sort: TableSort;
  lang: string;
  selected: number;
  /** Called with the new sort after a header click. */
  onSort: (sort: TableSort) => void;
  /** Called with the province of a clicked name. */
  onSelect: (province: number) => void;
}

/** The sort after a click on column `key`: the same column reverses, a new one sorts descending (text ascending). */
export function nextSort(current: TableSort, key: string, isText: boolean): TableSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: !isText };
}

/** Builds the table of `rows`. The first column is the province's name and selects it on click. */
export function provinceTable(
  doc: Document,
  rows: readonly ProvinceRow[],
  o: ProvinceTableOptions,
): HTMLTableElement {
  const sorted = sortRows(rows, o.sort.key, o.sort.descending, o.lang);
  const head = el(
    doc,
    'tr',
    {},
    ...o.columns.map((c) => {
      const active = c.key === o.sort.key;
      const button = el(doc, 'button', { type: 'button', 'data-sort': c.key }, c.header);
      button.append(active ? (o.sort.descending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () =>
        o.onSort(nextSort(o.sort, c.key, typeof rows[0]?.[c.key] === 'string')),
      );
      return el(
        doc,
        'th',
        { scope: 'col', 'aria-sort': active ? (o.sort.descending ? 'descending' : 'ascending') : 'none' },
        button,
      );
    }),
  );
  const body = sorted.map((row) => {
    const [first, ...rest] = o.columns;
    const name = el(
      doc,
      'button',
      { type: 'button', class: 'pick' },
      first ? first.format(row[first.key]!, row) : '',
    );
    name.addEventListener('click', () => o.onSelect(row.province));
    return el(
      doc,
      'tr',
      {
        class: `level-${row.level}${row.province === o.selected ? ' selected' : ''}`,
        'data-province': String(row.province),
      },
      el(doc, 'th', { scope: 'row' }, name),
      ...rest.map((c) => el(doc, 'td', { 'data-col': c.key }, c.format(row[c.key]!, row))),
    );
  });
  return el(doc, 'table', { class: 'provinces' }, el(doc, 'thead', {}, head), el(doc, 'tbody', {}, ...body));
}
