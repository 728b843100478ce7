/**
 * The change against a baseline (相对基准的变化): every figure of src/runtime/figures.ts for every chosen
 * scenario beside the baseline's, its change (absolute and as a share of the baseline) and, with
 * replications, its interval and whether that interval holds 0 (within noise). The scenarios run at
 * one seed, so replication r of each pairs with replication r of the baseline and the differences
 * come from src/runtime/differences.ts, as `simulate --baseline` reports them. The rows are built by
 * pure functions (tested in Node); the table is drawn from them, and its CSV holds the same numbers.
 */
import type { Row } from '../../analytics/query';
import { figureDifferences, type FigureRuns, type NamedDifference } from '../../runtime/differences';
import { FIGURES, type Figure, type FigureUnit } from '../../runtime/figures';
import { formatCount, formatFen, formatPercent } from '../../text/format';
import type { Lang } from '../../text/i18n';
import { el } from '../dom';
import { type CompareMessageKey } from './messages';
import { fill } from '../placeholders';

/** Coverage of the change intervals: 90%, as `simulate --baseline` gives them. */
export const CHANGE_COVERAGE = 0.9;

/** A scenario's run as the change needs it: its id and its figures per simulation. */
export interface ChangeRun {
  id: string;
  seed: string;
  figures: FigureRuns;
}

/** One figure: the baseline's value, then each other scenario's difference against it. */
export interface ChangeRow {
  figure: Figure;
  /** The baseline's mean over its simulations. */
  baselineValue: number;
  /** One per scenario other than the baseline, in the comparison's order. */
  changes: { id: string; difference: NamedDifference }[];
}

/** Which sources of spread the intervals hold, in the words of `simulate --baseline`. */
export interface ChangeSources {
  sampling: 'removed' | 'kept' | 'no interval without replications';
  population: 'included';
  estimate: 'included';
  parameters: 'included' | 'no ranges';
}

/** The change of a comparison against its baseline. */
export interface ChangeComparison {
  baseline: string;
  /** The seed every scenario ran at. */
  seed: string;
  /** Simulations per scenario: the main run and its replications. */
  samples: number;
  coverage: number;
  /** The scenarios compared with the baseline, in order. */
  others: string[];
  rows: ChangeRow[];
  sources: ChangeSources;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The change of every scenario of `runs` against the one with id `baseline`, figure by figure, at
 * scale 1:k. Every run must have the same number of simulations and the same seed (they pair up);
 * a RangeError says otherwise.
 */
export function changeComparison(
  runs: readonly ChangeRun[],
  baseline: string,
  options: { scaleK: number; coverage?: number },
): ChangeComparison {
  const base = runs.find((r) => r.id === baseline);
  if (!base) throw new RangeError(`the baseline ${baseline} is not among the runs`);
  const others = runs.filter((r) => r !== base);
  const unpaired = others.find((r) => r.seed !== base.seed);
  if (unpaired) {
    throw new RangeError(
      `${unpaired.id} ran at seed ${unpaired.seed} and the baseline at ${base.seed}: a change needs one seed`,
    );
  }
  const coverage = options.coverage ?? CHANGE_COVERAGE;
  const keys = FIGURES.map((f) => f.key);
  const differences = others.map((r) =>
    figureDifferences(r.figures, base.figures, keys, { scaleK: options.scaleK, coverage }),
  );
  const samples = base.figures.figureSamples.length;
  const kept = differences.some((ds) => ds.some((d) => d.sampling !== 'removed'));
  const ranged = runs.some((r) => r.figures.ranged);
  return {
    baseline,
    seed: base.seed,
    samples,
    coverage,
    others: others.map((r) => r.id),
    rows: FIGURES.map((figure, f) => ({
      figure,
      baselineValue: mean(base.figures.figureSamples.map((s) => s[figure.key]!)),
      changes: others.map((r, o) => ({ id: r.id, difference: differences[o]![f]! })),
    })),
    sources: {
      sampling: samples < 2 ? 'no interval without replications' : kept ? 'kept' : 'removed',
      population: 'included',
      estimate: 'included',
      parameters: ranged ? 'included' : 'no ranges',
    },
  };
}

/** An amount of a figure's unit for people: fen as money (万元/亿元 in Chinese), counts whole. */
export function amountText(x: number, unit: FigureUnit, lang: Lang): string {
  return unit === 'fen' ? formatFen(Math.round(x), lang) : formatCount(Math.round(x), lang);
}

/** An amount with its sign: a true minus for a decrease, a plus for an increase, none for 0. */
export function signedText(x: number, unit: FigureUnit, lang: Lang): string {
  const text = amountText(Math.abs(x), unit, lang);
  const zero = amountText(0, unit, lang);
  if (text === zero) return text;
  return `${x < 0 ? '−' : '+'}${text}`;
}

/** A share of the baseline as signed percent with one decimal ("−4.5%"), or null without one. */
export function shareText(share: number | null, lang: Lang): string | null {
  if (share === null || !Number.isFinite(share)) return null;
  const text = formatPercent(Math.abs(share) * 100, lang, 1);
  if (text === formatPercent(0, lang, 1)) return text;
  return `${share < 0 ? '−' : '+'}${text}`;
}

/** The change with its share: "−1.23亿元（−4.5%）" / "−1.23 billion yuan (−4.5%)". */
export function changeText(d: NamedDifference, unit: FigureUnit, lang: Lang): string {
  const share = shareText(d.changeShare, lang);
  const change = signedText(d.change, unit, lang);
  if (share === null) return change;
  return lang === 'zh' ? `${change}（${share}）` : `${change} (${share})`;
}

/** An interval as "low … high", each with its sign; null without one. */
export function intervalText(d: NamedDifference, unit: FigureUnit, lang: Lang): string | null {
  if (!d.interval) return null;
  return `${signedText(d.interval[0], unit, lang)} … ${signedText(d.interval[1], unit, lang)}`;
}

/** A number of a figure's unit as the CSV writes it: whole fen or whole counts. */
const whole = (x: number): number => Math.round(x);

/**
 * The CSV rows of the change: one per scenario and figure, money in whole fen (means rounded to the
 * fen), counts whole, the share as a fraction of the baseline to six decimals; the interval's ends
 * and `within_noise` empty without replications.
 */
export function changeCsvRows(c: ChangeComparison): { names: string[]; rows: Row[] } {
  const names = [
    'scenario',
    'baseline',
    'seed',
    'simulations',
    'figure',
    'unit',
    'value',
    'baseline_value',
    'change',
    'change_share',
    'low',
    'high',
    'within_noise',
    'coverage',
  ];
  const rows: Row[] = [];
  for (const id of c.others) {
    for (const row of c.rows) {
      const d = row.changes.find((x) => x.id === id)!.difference;
      rows.push({
        scenario: id,
        baseline: c.baseline,
        seed: c.seed,
        simulations: c.samples,
        figure: row.figure.key,
        unit: row.figure.unit,
        value: whole(d.value),
        baseline_value: whole(d.baseline),
        change: whole(d.change),
        change_share: d.changeShare === null ? null : Math.round(d.changeShare * 1e6) / 1e6,
        low: d.interval ? whole(d.interval[0]) : null,
        high: d.interval ? whole(d.interval[1]) : null,
        within_noise: d.withinNoise,
        coverage: d.interval ? c.coverage : null,
      });
    }
  }
  return { names, rows };
}

type T = (key: CompareMessageKey) => string;

/**
 * What the intervals hold, or that there are none: the lines under the table (the pairing first),
 * in the words of `simulate --baseline`.
 */
export function changeNotes(c: ChangeComparison, t: T): string[] {
  const paired = fill(t('change.paired'), { seed: c.seed });
  if (c.sources.sampling === 'no interval without replications') return [paired, t('change.noIntervals')];
  const sources = fill(t('change.sources'), {
    coverage: String(Math.round(c.coverage * 100)),
    samples: String(c.samples),
    parameters: t(
      c.sources.parameters === 'included' ? 'change.sources.parameters' : 'change.sources.noRanges',
    ),
    sampling: t(c.sources.sampling === 'kept' ? 'change.sources.kept' : 'change.sources.removed'),
  });
  return [paired, sources];
}

/**
 * The change table: a row per figure (`data-figure`), the baseline's value, then for each other
 * scenario its value, its change (`data-change`, with a "within noise" mark when the interval holds
 * 0) and, with replications, its interval (`data-low`, `data-high`).
 */
export function changeTable(doc: Document, c: ChangeComparison, lang: Lang, t: T): HTMLTableElement {
  const withIntervals = c.samples >= 2;
  const columns = withIntervals ? 3 : 2;
  const top = el(
    doc,
    'tr',
    {},
    el(doc, 'th', { scope: 'col', rowspan: '2' }, t('change.figure')),
    el(
      doc,
      'th',
      { scope: 'col', rowspan: '2', 'data-scenario': c.baseline, class: 'baseline' },
      c.baseline,
      el(doc, 'span', { class: 'sub' }, t('change.baselineValue')),
    ),
    ...c.others.map((id) =>
      el(doc, 'th', { scope: 'colgroup', colspan: String(columns), 'data-scenario': id }, id),
    ),
  );
  const interval = fill(t('change.interval'), { coverage: String(Math.round(c.coverage * 100)) });
  const sub = el(
    doc,
    'tr',
    {},
    ...c.others.flatMap((id) => [
      el(doc, 'th', { scope: 'col', 'data-scenario': id, 'data-col': 'value' }, t('change.value')),
      el(doc, 'th', { scope: 'col', 'data-scenario': id, 'data-col': 'change' }, t('change.change')),
      ...(withIntervals
        ? [el(doc, 'th', { scope: 'col', 'data-scenario': id, 'data-col': 'interval' }, interval)]
        : []),
    ]),
  );
  const rows = c.rows.map((row) => {
    const unit = row.figure.unit;
    return el(
      doc,
      'tr',
      { 'data-figure': row.figure.key },
      el(doc, 'th', { scope: 'row' }, row.figure.label[lang]),
      el(
        doc,
        'td',
        { 'data-scenario': c.baseline, 'data-col': 'baseline' },
        amountText(row.baselineValue, unit, lang),
      ),
      ...row.changes.flatMap(({ id, difference: d }) => {
        const noise = d.withinNoise === true;
        const change = el(
          doc,
          'td',
          {
            'data-scenario': id,
            'data-col': 'change',
            'data-change': String(d.change),
            ...(d.withinNoise === null ? {} : { 'data-within-noise': String(d.withinNoise) }),
            class: noise ? 'within-noise' : d.withinNoise === false ? 'beyond-noise' : '',
          },
          changeText(d, unit, lang),
          ...(noise
            ? [el(doc, 'span', { class: 'noise-mark', title: t('change.noiseTitle') }, t('change.noise'))]
            : []),
        );
        const cells = [
          el(doc, 'td', { 'data-scenario': id, 'data-col': 'value' }, amountText(d.value, unit, lang)),
          change,
        ];
        if (withIntervals) {
          const attrs: Record<string, string> = d.interval
            ? { 'data-low': String(d.interval[0]), 'data-high': String(d.interval[1]) }
            : {};
          cells.push(
            el(
              doc,
              'td',
              { 'data-scenario': id, 'data-col': 'interval', ...attrs },
              intervalText(d, unit, lang) ?? '—',
            ),
          );
        }
        return cells;
      }),
    );
  });
  return el(
    doc,
    'table',
    { class: 'change', 'data-baseline': c.baseline, 'data-simulations': String(c.samples) },
    el(doc, 'thead', {}, top, sub),
    el(doc, 'tbody', {}, ...rows),
  );
}
