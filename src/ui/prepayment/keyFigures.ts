/**
 * The chosen province's key figures in the Prepayment workspace (单省关键数字): the prepayment needed
 * for the chosen confidence with its interval and × the rule, the rule's opening size, how often the
 * rule warns red, the expected year's peak and warnings, what sharing adds, and the one prepayment
 * held in a treatment province when one is chosen. Each figure names itself in `data-figure`.
 */
import { el } from '../dom';
import {
  confidenceText,
  coverText,
  moneyText,
  probabilityText,
  provinceName,
  usageText,
  type RenderContext,
} from './render';

/** One key figure: a label, a value and an optional note; `data-figure` names it for tests. */
function figure(
  doc: Document,
  id: string,
  label: string,
  value: string,
  note = '',
  data: Record<string, string> = {},
): HTMLElement {
  return el(
    doc,
    'div',
    { class: 'figure', 'data-figure': id, ...data },
    el(doc, 'div', { class: 'label' }, label),
    el(doc, 'div', { class: 'value' }, value),
    ...(note ? [el(doc, 'div', { class: 'note' }, note)] : []),
  );
}

/**
 * The key figures of the chosen province: the prepayment needed at the confidence with its interval
 * and × the rule, the rule's opening size, how often the rule warns red, the peak usage's band, the
 * expected year, what sharing adds and, when one prepayment is shown, that prepayment's own figures.
 */
export function keyFigures(ctx: RenderContext): HTMLElement {
  const { doc, lang, view, province } = ctx;
  const a = view.answer.provinces[province]!;
  const s = view.completed.run.clearing.provinceSummaries[province];
  const items: HTMLElement[] = [];
  const n = a.needed;
  items.push(
    n
      ? figure(
          doc,
          'needed',
          ctx.t('fig.needed', { c: confidenceText(ctx) }),
          moneyText(n.fen, lang),
          ctx.t('fig.neededNote', {
            cover: coverText(ctx),
            lo: moneyText(n.lowFen, lang),
            hi: moneyText(n.highFen, lang),
            x: a.ruleOpeningFen > 0 ? (n.fen / a.ruleOpeningFen).toFixed(2) : '—',
          }),
          { 'data-fen': String(n.fen), 'data-low': String(n.lowFen), 'data-high': String(n.highFen) },
        )
      : figure(doc, 'needed', ctx.t('fig.needed', { c: confidenceText(ctx) }), '—', ctx.t('fig.unresolved')),
    figure(doc, 'opening', ctx.t('fig.opening'), moneyText(a.ruleOpeningFen, lang), '', {
      'data-fen': String(a.ruleOpeningFen),
    }),
    figure(
      doc,
      'p-red',
      ctx.t('fig.pRed'),
      probabilityText(a.rule.redProbability, lang),
      ctx.t('fig.pRedNote', {
        y: probabilityText(a.rule.yellowProbability, lang),
        n: a.rule.redWarningsMean.toFixed(1),
      }),
    ),
    figure(
      doc,
      'peak-band',
      ctx.t('fig.peakBand'),
      `${usageText(a.rule.peakUsage.p05, lang)} – ${usageText(a.rule.peakUsage.p95, lang)}`,
      usageText(a.rule.peakUsage.p50, lang),
    ),
  );
  if (s) {
    items.push(
      figure(
        doc,
        'expected',
        ctx.t('fig.expected'),
        `${usageText(s.peakUsage, lang)} · ${s.yellowWarnings}/${s.redWarnings}`,
      ),
    );
  }
  const bg = a.directSettlementOnly;
  if (bg) {
    items.push(
      figure(
        doc,
        'sharing-adds',
        ctx.t('fig.sharingAdds'),
        n && bg.needed ? moneyText(n.fen - bg.needed.fen, lang) : '—',
        ctx.t('fig.sharingAddsNote', {
          bg: bg.needed ? moneyText(bg.needed.fen, lang) : '—',
          u0: usageText(bg.rule.peakUsage.p50, lang),
          u1: usageText(a.rule.peakUsage.p50, lang),
          p0: probabilityText(bg.rule.redProbability, lang),
          p1: probabilityText(a.rule.redProbability, lang),
        }),
      ),
    );
  }
  const pair = view.completed.run.clearing.prepayments.find(
    (x) => x.insured === province && x.treatment === ctx.treatment,
  );
  if (pair) {
    const count = (kind: string) => pair.events.filter((e) => e.kind === kind).length;
    items.push(
      figure(
        doc,
        'pair',
        ctx.t('fig.pair', { treatment: provinceName(ctx, pair.treatment) }),
        `${moneyText(pair.sizesFen[0] ?? 0, lang)} · ${usageText(pair.peakUsage, lang)}`,
        ctx.t('fig.pairNote', { yellow: count('yellow'), red: count('red'), topUps: count('top-up') }),
      ),
    );
  }
  return el(doc, 'div', { class: 'figures' }, ...items);
}
