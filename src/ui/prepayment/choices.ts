/**
 * The province choices of the Prepayment workspace (省份选择): the insured-place province, the
 * largest prepayment first, and one of its prepayments by treatment-place province (or all of
 * them), each option showing its risk of a red warning or the usage it reaches.
 */
import { el } from '../dom';
import { probabilityText, provinceName, usageText, type RenderContext } from './render';

/** Options of the insured-province select: the largest prepayment first, each with its P(red) under the rule. */
export function provinceOptions(ctx: RenderContext): HTMLOptionElement[] {
  return ctx.view.ranked.map((p) =>
    el(
      ctx.doc,
      'option',
      { value: String(p), selected: p === ctx.province },
      `${provinceName(ctx, p)} · P(red) ${probabilityText(ctx.view.answer.provinces[p]!.rule.redProbability, ctx.lang)}`,
    ),
  );
}

/** Value of the treatment select's option for all of a province's prepayments. */
export const ALL_TREATMENTS = 'all';

/** Options of the treatment select: all prepayments, then each one by its expected-year peak usage, highest first. */
export function treatmentOptions(ctx: RenderContext, allLabel: string): HTMLOptionElement[] {
  const pairs = ctx.view.completed.run.clearing.prepayments
    .filter((p) => p.insured === ctx.province)
    .sort((a, b) => b.peakUsage - a.peakUsage || a.treatment - b.treatment);
  return [
    el(ctx.doc, 'option', { value: ALL_TREATMENTS, selected: ctx.treatment === null }, allLabel),
    ...pairs.map((p) =>
      el(
        ctx.doc,
        'option',
        { value: String(p.treatment), selected: p.treatment === ctx.treatment },
        `${provinceName(ctx, p.treatment)} · ${usageText(p.peakUsage, ctx.lang)}`,
      ),
    ),
  ];
}
