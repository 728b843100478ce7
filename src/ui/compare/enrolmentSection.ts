/**
 * Relatives insured thanks to sharing (因共济参保的亲属) in Compare: for each run, the uninsured near
 * relatives whose contribution a sharer's quota paid (R2, R11), by age band and by the province they
 * enrol in, read off each run's summary (whole-population estimates, weighted by k).
 */
import { formatCount } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { el } from '../dom';
import type { CompareMessageKey } from './messages';
import type { ShownRun } from './tables';

type T = (key: CompareMessageKey) => string;

/** The header row: an empty corner, then one column per run. */
function head(doc: Document, runs: readonly ShownRun[], corner: string): HTMLElement {
  return el(
    doc,
    'tr',
    {},
    el(doc, 'th', { scope: 'col' }, corner),
    ...runs.map((r) => el(doc, 'th', { scope: 'col', 'data-scenario': r.id }, r.id)),
  );
}

/** One row: its label, then each run's count. */
function row(
  doc: Document,
  runs: readonly ShownRun[],
  label: string,
  key: string,
  count: (r: ShownRun) => number,
  lang: Lang,
): HTMLElement {
  return el(
    doc,
    'tr',
    { 'data-enrolment': key },
    el(doc, 'th', { scope: 'row' }, label),
    ...runs.map((r) => el(doc, 'td', { 'data-scenario': r.id }, formatCount(count(r), lang))),
  );
}

/** Enrolments by age band (at the window's start), with the total, one column per run. */
export function enrolmentByAgeTable(
  doc: Document,
  runs: readonly ShownRun[],
  lang: Lang,
  t: T,
): HTMLTableElement {
  const bands = runs[0]?.run.summary.enrolments.ageBands ?? [];
  return el(
    doc,
    'table',
    { class: 'totals enrolments-by-age' },
    el(doc, 'thead', {}, head(doc, runs, t('enrolment.age'))),
    el(
      doc,
      'tbody',
      {},
      ...bands.map((band, i) =>
        row(
          doc,
          runs,
          t(`age.${band}` as CompareMessageKey),
          band,
          (r) => r.run.summary.enrolments.byAgeBand[i] ?? 0,
          lang,
        ),
      ),
      row(doc, runs, t('enrolment.total'), 'total', (r) => r.run.summary.enrolments.total, lang),
    ),
  );
}

/** Enrolments by province, for every province with any in some run, largest first in the first run. */
export function enrolmentByProvinceTable(
  doc: Document,
  runs: readonly ShownRun[],
  lang: Lang,
  t: T,
): HTMLTableElement {
  const lines = runs[0]?.run.summary.enrolments.byProvince ?? [];
  const count = (r: ShownRun, code: string) =>
    r.run.summary.enrolments.byProvince.find((p) => p.code === code)?.total ?? 0;
  const shown = lines
    .filter((p) => runs.some((r) => count(r, p.code) > 0))
    .sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : 1));
  return el(
    doc,
    'table',
    { class: 'totals enrolments-by-province' },
    el(doc, 'thead', {}, head(doc, runs, t('enrolment.province'))),
    el(
      doc,
      'tbody',
      {},
      ...shown.map((p) =>
        row(doc, runs, lang === 'zh' ? p.nameZh : p.name, p.code, (r) => count(r, p.code), lang),
      ),
    ),
  );
}
