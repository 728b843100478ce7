/**
 * The comparison tables (比较表): the totals of each run side by side, and the parameters in which the
 * scenarios differ, with their bilingual names; numbers formatted for the language.
 */
import { diffScenarios, type Scenario } from '../../scenario';
import { el } from '../dom';
import { formatMonth } from '../../text/dates';
import { formatCount, formatFen, formatPercent } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { anyCodeLabel, labelOf, SETTLEMENT_LABELS } from '../../text/labels';
import type { CompletedRun } from '../runs';
import { fieldLabel, segmentLabel } from './fieldLabels';
import type { CompareMessageKey } from './messages';

/** A run as the tables show it: its label (scenario id) and the finished run. */
export interface ShownRun {
  id: string;
  run: CompletedRun;
}

type T = (key: CompareMessageKey) => string;

/** One line of the totals table: its key, label and how to show it for a run. */
interface TotalLine {
  key: string;
  label: CompareMessageKey;
  value: (r: CompletedRun, lang: Lang) => string;
}

const TOTAL_LINES: readonly TotalLine[] = [
  {
    key: 'personTimes',
    label: 'total.personTimes',
    value: (r, l) => formatCount(r.summary.total.personTimes, l),
  },
  { key: 'amount', label: 'total.amount', value: (r, l) => formatFen(r.summary.total.amountFen, l) },
  {
    key: 'crossShare',
    label: 'total.crossShare',
    value: (r, l) => {
      const total = r.summary.total.amountFen;
      const cross = r.summary.byGeography['cross-province'].amountFen;
      return formatPercent(total > 0 ? (100 * cross) / total : 0, l);
    },
  },
  {
    key: 'relationships',
    label: 'total.relationships',
    value: (r, l) => formatCount(r.summary.relationships.setUp + r.summary.relationships.startingStock, l),
  },
  {
    key: 'active',
    label: 'total.active',
    value: (r, l) => formatCount(r.summary.relationships.activeAtEnd, l),
  },
  {
    key: 'enrolled',
    label: 'total.enrolled',
    value: (r, l) => formatCount(r.summary.enrolments.total, l),
  },
  { key: 'frozen', label: 'total.frozen', value: (r, l) => formatFen(r.summary.quotaFrozenFenAtEnd, l) },
  { key: 'gross', label: 'total.gross', value: (r, l) => formatFen(r.summary.clearing.grossFen, l) },
  { key: 'netted', label: 'total.netted', value: (r, l) => formatFen(r.summary.clearing.nettedFen, l) },
  {
    key: 'moved',
    label: 'total.moved',
    value: (r, l) => {
      const c = r.summary.clearing;
      return formatFen(c.settlement === 'multilateral-netting' ? c.nettedFen : c.grossFen, l);
    },
  },
  {
    key: 'settlement',
    label: 'total.settlement',
    value: (r, l) => labelOf(SETTLEMENT_LABELS, r.summary.clearing.settlement, l),
  },
  {
    key: 'residual',
    label: 'total.residual',
    value: (r, l) => formatFen(r.summary.conservationResidualFen, l),
  },
  { key: 'families', label: 'total.families', value: (r, l) => formatCount(r.summary.families, l) },
];

/** The header row: one column per run, its id and title. */
function headRow(doc: Document, runs: readonly { id: string; title: string }[], first: string): HTMLElement {
  return el(
    doc,
    'tr',
    {},
    el(doc, 'th', { scope: 'col' }, first),
    ...runs.map((r) =>
      el(
        doc,
        'th',
        { scope: 'col', 'data-scenario': r.id },
        r.id,
        el(doc, 'span', { class: 'sub' }, r.title),
      ),
    ),
  );
}

/** The totals of every run side by side, with each run's digest (small, in `data-digest`). */
export function totalsTable(doc: Document, runs: readonly ShownRun[], lang: Lang, t: T): HTMLTableElement {
  const heads = runs.map((r) => ({ id: r.id, title: r.run.request.scenario.title[lang] }));
  const lines = TOTAL_LINES.map((line) =>
    el(
      doc,
      'tr',
      { 'data-total': line.key },
      el(doc, 'th', { scope: 'row' }, t(line.label)),
      ...runs.map((r) => el(doc, 'td', { 'data-scenario': r.id }, line.value(r.run, lang))),
    ),
  );
  const seconds = el(
    doc,
    'tr',
    { 'data-total': 'seconds' },
    el(doc, 'th', { scope: 'row' }, t('total.seconds')),
    ...runs.map((r) => el(doc, 'td', {}, `${r.run.seconds.toFixed(1)} s`)),
  );
  const digest = el(
    doc,
    'tr',
    { 'data-total': 'digest', class: 'digest' },
    el(doc, 'th', { scope: 'row' }, t('total.digest')),
    ...runs.map((r) =>
      el(
        doc,
        'td',
        { 'data-digest': r.run.digest, title: r.run.digest },
        el(doc, 'code', {}, r.run.digest.slice(0, 16)),
      ),
    ),
  );
  return el(
    doc,
    'table',
    { class: 'totals' },
    el(doc, 'thead', {}, headRow(doc, heads, '')),
    el(doc, 'tbody', {}, ...lines, seconds, digest),
  );
}

/** Paths that always differ between two files and are not parameters. */
const NOT_PARAMETERS = /^(id|title|description)(\.|$)/;

/** Every path in which some scenario differs from the first, in the first one's field order. */
export function differingPaths(scenarios: readonly Scenario[]): string[] {
  const first = scenarios[0];
  if (!first) return [];
  const paths: string[] = [];
  for (const other of scenarios.slice(1)) {
    for (const d of diffScenarios(first, other)) {
      if (!NOT_PARAMETERS.test(d.path) && !paths.includes(d.path)) paths.push(d.path);
    }
  }
  return paths;
}

/** The value at a dotted path (record keys included), or undefined. */
function at(root: unknown, path: string): unknown {
  let v = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * A parameter value for people: fen as money, null as "no limit", a code by its name (虚拟额度,
 * 双边全额结算), true/false as yes/no, a list item by item, a record field by field with the fields'
 * names; numbers as they are.
 */
export function formatParameter(path: string, value: unknown, lang: Lang): string {
  const zh = lang === 'zh';
  if (value === undefined) return '—';
  if (value === null) return zh ? '无（不限）' : 'none (no limit)';
  if (typeof value === 'number' && /Fen$/.test(path) && Number.isSafeInteger(value))
    return formatFen(value, lang);
  if (typeof value === 'string')
    return /^\d{4}-\d{2}$/.test(value) ? formatMonth(value, lang) : (anyCodeLabel(value, lang) ?? value);
  if (typeof value === 'boolean') return value ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
  if (Array.isArray(value)) {
    const items = value.map((v, i) => formatParameter(`${path}.${i}`, v, lang));
    return items.length === 0 ? (zh ? '（无）' : '(none)') : items.join(zh ? '、' : ', ');
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([key, v]) =>
        `${segmentLabel(key, lang)}${zh ? '：' : ': '}${formatParameter(`${path}.${key}`, v, lang)}`,
    );
    return fields.length === 0 ? (zh ? '（无）' : '(none)') : fields.join(zh ? '；' : '; ');
  }
  return String(value);
}

/** The parameters in which the scenarios differ: one row per path (`data-path`), one column per scenario. */
export function diffTable(
  doc: Document,
  scenarios: readonly Scenario[],
  ids: readonly string[],
  lang: Lang,
  t: T,
): HTMLElement {
  if (scenarios.length < 2) return el(doc, 'p', { class: 'note' }, t('diff.one'));
  const paths = differingPaths(scenarios);
  if (paths.length === 0) return el(doc, 'p', { class: 'note' }, t('diff.none'));
  const heads = scenarios.map((s, i) => ({ id: ids[i] ?? s.id, title: s.title[lang] }));
  const rows = paths.map((path) => {
    const first = JSON.stringify(at(scenarios[0], path));
    return el(
      doc,
      'tr',
      { 'data-path': path },
      // The field's path is for people who edit scenario files: shown in English, a tooltip in Chinese.
      el(
        doc,
        'th',
        { scope: 'row', title: path },
        fieldLabel(path, lang),
        ...(lang === 'en' ? [el(doc, 'span', { class: 'key' }, path)] : []),
      ),
      ...scenarios.map((s) => {
        const v = at(s, path);
        const changed = JSON.stringify(v) !== first;
        return el(doc, 'td', changed ? { class: 'changed' } : {}, formatParameter(path, v, lang));
      }),
    );
  });
  return el(
    doc,
    'table',
    { class: 'diff' },
    el(doc, 'thead', {}, headRow(doc, heads, t('diff.field'))),
    el(doc, 'tbody', {}, ...rows),
  );
}
