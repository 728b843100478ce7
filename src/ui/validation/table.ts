/**
 * The target table (对照表): target, published value, model value, relative error, tolerance and
 * whether it is met, coloured, with every number formatted for the language.
 */
import type { Row } from '../../analytics/query';
import { el } from '../dom';
import { formatCount, formatFen, formatPercent } from '../../text/format';
import { LANG_TAG, type Lang } from '../../text/i18n';

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

/** Texts the table needs. */
export interface TableTexts {
  headers: [string, string, string, string, string, string];
  within: string;
  outside: string;
  lowerBound: string;
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
    const ok = r.within === true;
    const label = String(r[lang === 'zh' ? 'label_zh' : 'label_en']);
    return el(
      doc,
      'tr',
      { class: ok ? 'within' : 'outside', 'data-name': String(r.name) },
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
      el(doc, 'td', {}, tol === 0 ? `≥ (${texts.lowerBound})` : `±${formatPercent(tol, lang, 0)}`),
      el(doc, 'td', { class: 'mark' }, ok ? `✓ ${texts.within}` : `✗ ${texts.outside}`),
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
