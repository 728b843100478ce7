/**
 * Who benefits from sharing, in Compare (谁受益): for each run, how many beneficiaries and sharers,
 * the amount shared and the part of it that went to beneficiaries aged 60 and over; then the payments
 * by age band and scheme, and by use, side by side.
 */
import { type Row } from '../../analytics/query';
import { AGE_BANDS } from '../../engine/result';
import { SCHEMES } from '../../population/columns';
import { PERMITTED_USES } from '../../rules/types';
import { formatCount, formatFen } from '../../text/format';
import { labelOf, SCHEME_LABELS } from '../../text/labels';
import { unitLine } from '../charts/exportTexts';
import { SCHEME_COLORS } from '../charts/palette';
import { el } from '../dom';
import { beneficiaryChart } from './beneficiaryChart';
import { groupedBars } from './charts';
import { type CompareMessageKey } from './messages';
import { fill } from '../placeholders';
import { type Drawing, useLabel } from './sectionDrawing';

/** Who benefits: counts, the older beneficiaries' share, and the payments by age band and by use. */
export function benefitsSection(d: Drawing): HTMLElement {
  const { doc, lang, t, width } = d.ctx;
  const { rows: all, sql } = d.data;
  const schemeLabel = (s: string) => labelOf(SCHEME_LABELS, s, lang);
  const byScenario = new Map(all.benefits.map((r) => [String(r.scenario), r]));
  const line = (label: CompareMessageKey, value: (r: Row) => string) =>
    el(
      doc,
      'tr',
      {},
      el(doc, 'th', { scope: 'row' }, t(label)),
      ...d.ids.map((id) => {
        const r = byScenario.get(id);
        return el(doc, 'td', {}, r ? value(r) : '—');
      }),
    );
  const older = (r: Row) => {
    const mine = all.byAge.filter((a) => a.scenario === r.scenario);
    const fen = (rows: Row[]) => rows.reduce((s, a) => s + Number(a.amount_fen), 0);
    const old = fen(mine.filter((a) => a.age_band === '60-74' || a.age_band === '75+'));
    const total = fen(mine);
    return `${formatFen(old, lang)} (${total > 0 ? ((100 * old) / total).toFixed(1) : '0.0'}%)`;
  };
  const head = el(
    doc,
    'tr',
    {},
    el(doc, 'th', {}),
    ...d.ids.map((id) => el(doc, 'th', { scope: 'col' }, id)),
  );
  return d.section(
    'benefits',
    'section.benefits',
    el(
      doc,
      'div',
      { class: 'table-wrap' },
      el(
        doc,
        'table',
        { class: 'totals benefits' },
        el(doc, 'thead', {}, head),
        el(
          doc,
          'tbody',
          {},
          line('benefit.beneficiaries', (r) => formatCount(Number(r.beneficiaries), lang)),
          line('benefit.sharers', (r) => formatCount(Number(r.sharers), lang)),
          line('benefit.shared', (r) => formatFen(Math.round(Number(r.shared_fen)), lang)),
          line('benefit.old', older),
        ),
      ),
    ),
    d.figure(
      'benefits-by-age',
      fill(t('chart.benefitsByAge'), { unit: d.unit }),
      beneficiaryChart(doc, all.byAge, {
        lang,
        scenarios: d.ids,
        bands: AGE_BANDS,
        bandLabel: (b) => t(`age.${b}` as CompareMessageKey),
        schemes: SCHEMES,
        schemeLabel,
        yLabel: d.unit,
        width,
      }),
      sql.byAge,
      {
        note: t('benefitsByAge.note'),
        unit: unitLine(d.unit, lang),
        legend: SCHEMES.map((s) => ({ key: s, label: schemeLabel(s), color: SCHEME_COLORS[s] })),
      },
    ),
    d.figure(
      'benefits-by-use',
      fill(t('chart.benefits'), { unit: d.unit }),
      groupedBars(doc, all.useTotals, {
        lang,
        groups: PERMITTED_USES.map((u) => useLabel(lang, u)),
        groupOf: (r) => useLabel(lang, String(r.use)),
        scenarios: d.ids,
        xLabel: d.unit,
        width,
      }),
      sql.useTotals,
      { legend: d.legend('box'), unit: unitLine(d.unit, lang) },
    ),
  );
}
