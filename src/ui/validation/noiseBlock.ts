/**
 * A section's sampling noise on the page (抽样噪声视图): under the population or the calibration
 * section, either a button that generates or runs it again with further seeds, or the measured noise — each
 * target's relative error in this run, its mean and σ over the runs, its tolerance and the runs in
 * which it fell outside — whether every tolerance is more than twice its σ, and its CSV download
 * (from the `validation_noise` table).
 */
import type { TargetNoise } from '../../engine/calibrationSpread';
import { formatPercent } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { downloadCsv } from '../charts/download';
import { el } from '../dom';
import { fill } from '../placeholders';
import type { ValidationMessageKey } from './messages';
import { noiseSql } from './noiseTable';

/** What the noise block shows. */
export interface NoiseView {
  /** The section's id (`population`, `calibration`): the note's words and the CSV's rows. */
  section: 'population' | 'calibration';
  /** The measured noise, or null before it is measured. */
  noise: readonly TargetNoise[] | null;
  /** k of the calibration run's scale 1:k. */
  scaleK: number;
  /** Runs in all, the calibration's own included. */
  seeds: number;
  /** A target's label in the language, by its key. */
  label: (name: string) => string;
  /** A run is going on: the button waits. */
  busy: boolean;
}

/** What the block's buttons need: to run the noise measurement, and the CSV text of a query on the page's DuckDB. */
export interface NoiseActions {
  measure: () => void;
  csv: (sql: string) => Promise<string>;
}

/** Builds the noise block, its buttons calling `actions`. */
export function noiseBlock(
  doc: Document,
  view: NoiseView,
  lang: Lang,
  t: (key: ValidationMessageKey) => string,
  actions: NoiseActions,
): HTMLElement {
  const counts = { k: String(view.scaleK), n: String(view.seeds), more: String(view.seeds - 1) };
  const head = [
    el(doc, 'h4', {}, t('noise.title')),
    el(doc, 'p', { class: 'noise-note' }, fill(t(`noise.intro.${view.section}`), counts)),
  ];
  if (!view.noise) {
    const button = el(
      doc,
      'button',
      { type: 'button', 'data-action': 'measure-noise', disabled: view.busy },
      fill(t('noise.button'), counts),
    );
    button.addEventListener('click', actions.measure);
    return el(
      doc,
      'div',
      { class: 'noise', 'data-noise': 'not-measured', 'data-for': view.section },
      ...head,
      button,
    );
  }
  const pct = (x: number, signed = true): string => formatPercent(100 * x, lang, 1, signed);
  const headers = [
    t('col.target'),
    t('noise.col.run'),
    fill(t('noise.col.mean'), counts),
    t('noise.col.sd'),
    t('col.tolerance'),
    t('noise.col.outside'),
  ];
  const rows = view.noise.map((r) =>
    el(
      doc,
      'tr',
      { 'data-name': r.name, class: r.noisy ? 'noisy' : false },
      el(doc, 'th', { scope: 'row' }, view.label(r.name)),
      el(doc, 'td', {}, pct(r.relError)),
      el(doc, 'td', {}, pct(r.meanRelError)),
      el(doc, 'td', { class: 'sd' }, pct(r.sdRelError, false)),
      el(doc, 'td', {}, `±${formatPercent(r.tolerancePct, lang, 0)}`),
      el(doc, 'td', {}, `${r.outside} / ${r.seeds}`),
    ),
  );
  const download = el(doc, 'button', { type: 'button', 'data-download': 'noise-csv' }, t('download.csv'));
  download.addEventListener('click', () => {
    actions
      .csv(noiseSql(view.section))
      .then((text) => downloadCsv(doc, `validation-noise-${view.section}-1-${view.scaleK}.csv`, text))
      .catch((error: unknown) => console.error(error));
  });
  const noisy = view.noise.filter((r) => r.noisy).map((r) => view.label(r.name));
  const verdict = noisy.length
    ? fill(t('noise.noisy'), { names: noisy.join(lang === 'zh' ? '、' : ', ') })
    : t('noise.clear');
  return el(
    doc,
    'div',
    { class: 'noise', 'data-noise': 'measured', 'data-for': view.section },
    ...head,
    el(
      doc,
      'div',
      { class: 'table-wrap' },
      el(
        doc,
        'table',
        { class: 'figures noise-table' },
        el(doc, 'thead', {}, el(doc, 'tr', {}, ...headers.map((h) => el(doc, 'th', { scope: 'col' }, h)))),
        el(doc, 'tbody', {}, ...rows),
      ),
    ),
    el(doc, 'p', { class: 'noise-verdict' }, verdict),
    el(doc, 'div', { class: 'downloads' }, download),
  );
}
