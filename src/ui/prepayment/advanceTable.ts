/**
 * What the chosen province advances to each treatment province (向各就医省份预付): the prepayment
 * needed at the chosen confidence split among the treatment provinces in whole fen, beside the
 * scenario rule's opening size, as a table with its CSV download.
 */
import { splitFen } from '../../clearing/tables';
import { formatPercent } from '../../text/format';
import { el } from '../dom';
import { moneyUnit } from './data';
import { downloadButtons } from './downloads';
import { confidenceText, downloadContext, provinceName, type RenderContext } from './render';

/** What the chosen province advances to each treatment province at the confidence, beside the rule. */
export function advanceBlock(ctx: RenderContext): HTMLElement[] {
  const { doc, lang, view, province } = ctx;
  const a = view.answer.provinces[province]!;
  if (!a.needed || a.treatments.length === 0) return [];
  const parts = splitFen(a.needed.fen, a.split);
  const code = (i: number) => view.names.code[i] ?? String(i);
  const rows = Array.from(a.treatments, (j, x) => ({
    j,
    share: a.split[x]!,
    advance: parts[x]!,
    opening: a.openingFen[x]!,
  })).sort((p, q) => q.advance - p.advance || p.j - q.j);
  const unit = moneyUnit(Math.max(...rows.map((r) => Math.max(r.advance, r.opening))), lang);
  const digits = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const money = (fen: number) => digits.format(Math.round((100 * fen) / unit.divisor) / 100 || 0);
  const head = el(
    doc,
    'tr',
    {},
    ...[
      ctx.t('col.treatment'),
      ctx.t('col.share'),
      `${ctx.t('col.advance')} (${unit.label})`,
      `${ctx.t('col.ruleOpening')} (${unit.label})`,
    ].map((h) => el(doc, 'th', { scope: 'col' }, h)),
  );
  const body = rows.map((r) =>
    el(
      doc,
      'tr',
      { 'data-treatment': code(r.j) },
      el(doc, 'th', { scope: 'row' }, provinceName(ctx, r.j)),
      el(doc, 'td', {}, formatPercent(100 * r.share, lang, 1)),
      el(doc, 'td', { 'data-fen': String(r.advance) }, money(r.advance)),
      el(doc, 'td', {}, money(r.opening)),
    ),
  );
  const csv = () => ({
    names: ['insured_province', 'treatment_province', 'share', 'advance_fen', 'rule_opening_fen'],
    rows: rows.map((r) => ({
      insured_province: code(province),
      treatment_province: code(r.j),
      share: r.share,
      advance_fen: r.advance,
      rule_opening_fen: r.opening,
    })),
  });
  return [
    el(
      doc,
      'h4',
      {},
      ctx.t('section.advance', { name: provinceName(ctx, province), c: confidenceText(ctx) }),
    ),
    el(doc, 'p', { class: 'note' }, ctx.t('advance.note')),
    el(
      doc,
      'div',
      { class: 'table-wrap' },
      el(doc, 'table', { class: 'advance' }, el(doc, 'thead', {}, head), el(doc, 'tbody', {}, ...body)),
    ),
    downloadButtons(downloadContext(ctx), `advance-${code(province)}`, csv, null),
  ];
}
