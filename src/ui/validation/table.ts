/**
 * The target table (对照表): target, published value, model value, relative error, tolerance and
 * the verdict (within, outside, reference, not modelled), coloured, with every number formatted for
 * the language; under it, the reason of each target that is not checked or is a known miss.
 */
import type { Row } from '../../analytics/query';
import type { ValidationStatus } from '../../population/validate';
import { el } from '../dom';
import { formatCount, formatFen, formatPercent } from '../../text/format';
import { LANG_TAG, type Lang } from '../../text/i18n';
import { isChecked, rowStatus } from './chart';

/**
 * A value in its unit: yuan as money (亿元 / billion yuan for large amounts), percent and ratios
 * with two decimals, persons and person-times as a count.
 */
export function formatValue(value: number, unit: string, lang: Lang): string {
  if (unit === 'yuan') return formatFen(Math.round(value * 100), lang);
  if (unit === 'percent') return formatPercent(value, lang);
  if (unit === 'ratio')
    return new Intl.NumberFormat(LANG_TAG[lang], {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value);
  return formatCount(value, lang);
}

/** Texts the table needs: the headers, the word of each status and of a lower bound. */
export interface TableTexts {
  headers: [string, string, string, string, string, string];
  status: Readonly<Record<ValidationStatus, string>>;
  lowerBound: string;
}

/** The sign before each status's word. */
const MARKS: Readonly<Record<ValidationStatus, string>> = {
  within: '✓',
  outside: '✗',
  reference: '◇',
  'not-modelled': '○',
};

/** A row's reason in the language ('' for a checked target). */
function reasonOf(r: Row, lang: Lang): string {
  const text = r[lang === 'zh' ? 'reason_zh' : 'reason_en'];
  return typeof text === 'string' ? text : '';
}

/** A row's label in the language. */
function labelOf(r: Row, lang: Lang): string {
  return String(r[lang === 'zh' ? 'label_zh' : 'label_en']);
}

/** Builds the table of `rows` (columns of the section's table SQL). */
export function targetTable(
  doc: Document,
  rows: readonly Row[],
  lang: Lang,
  texts: TableTexts,
): HTMLTableElement {
  const head = el(doc, 'tr', {}, ...texts.headers.map((h) => el(doc, 'th', { scope: 'col' }, h)));
  const body = rows.map((r) => {
    const unit = String(r.unit);
    const tol = Number(r.tolerance_pct);
    const status = rowStatus(r);
    const label = labelOf(r, lang);
    const tolerance = !isChecked(r)
      ? '—'
      : tol === 0
        ? `≥ (${texts.lowerBound})`
        : r.lower_bound === true
          ? `≥ −${formatPercent(tol, lang, 0)}${lang === 'zh' ? `（${texts.lowerBound}）` : ` (${texts.lowerBound})`}`
          : `±${formatPercent(tol, lang, 0)}`;
    const reason = reasonOf(r, lang);
    return el(
      doc,
      'tr',
      { class: status, 'data-name': String(r.name) },
      // The target's key is for people who read the data files: shown in English, a tooltip in Chinese.
      el(
        doc,
        'th',
        { scope: 'row', title: String(r.name) },
        label,
        ...(lang === 'en' ? [el(doc, 'span', { class: 'key' }, String(r.name))] : []),
      ),
      el(doc, 'td', {}, formatValue(Number(r.published), unit, lang)),
      el(doc, 'td', {}, formatValue(Number(r.generated), unit, lang)),
      el(doc, 'td', { class: 'err' }, formatPercent(100 * Number(r.rel_error), lang, 2, true)),
      el(doc, 'td', {}, tolerance),
      el(doc, 'td', { class: 'mark', title: reason || false }, `${MARKS[status]} ${texts.status[status]}`),
    );
  });
  return el(
    doc,
    'table',
    { class: 'targets figures' },
    el(doc, 'thead', {}, head),
    el(doc, 'tbody', {}, ...body),
  );
}

/**
 * The reasons beside the table (参考值、未建模目标与已知偏差的说明): one item per reference or
 * not-modelled row, and per checked row that carries a reason (a known miss), with its label, its
 * status and why; null when no row has one.
 */
export function statusNotes(
  doc: Document,
  rows: readonly Row[],
  lang: Lang,
  texts: Pick<TableTexts, 'status'>,
): HTMLUListElement | null {
  const items = rows
    .filter((r) => !isChecked(r) || reasonOf(r, lang) !== '')
    .map((r) => {
      const status = rowStatus(r);
      return el(
        doc,
        'li',
        { class: status, 'data-name': String(r.name) },
        el(doc, 'strong', {}, labelOf(r, lang)),
        lang === 'zh' ? `（${texts.status[status]}）：` : ` (${texts.status[status]}): `,
        reasonOf(r, lang),
      );
    });
  return items.length > 0 ? el(doc, 'ul', { class: 'status-notes' }, ...items) : null;
}
