/**
 * The province choices of the Prepayment workspace (省份选择): the insured-place province, the
 * largest prepayment first, and one of its prepayments by treatment-place province (or all of
 * them), each option showing its risk of a red warning or the usage it reaches; the two selectors
 * sit above the province's section.
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

/** The two province selectors, with their labels. */
export interface ProvinceChoice {
  /** Offers the run's provinces and the chosen province's prepayments; returns the row that holds them. */
  offer(ctx: RenderContext): HTMLElement;
}

/** What happens when a selector changes: another province, or another of its prepayments (null: all). */
export interface ProvinceChoiceListener {
  onProvince(province: number): void;
  onTreatment(treatment: number | null): void;
}

/** Builds the province and treatment selectors. */
export function createProvinceChoice(doc: Document, listener: ProvinceChoiceListener): ProvinceChoice {
  const provinceSelect = el(doc, 'select', { id: 'prepayment-province' });
  const provinceLabel = el(doc, 'span');
  const treatmentSelect = el(doc, 'select', { id: 'prepayment-treatment' });
  const treatmentLabel = el(doc, 'span');
  provinceSelect.addEventListener('change', () => listener.onProvince(Number(provinceSelect.value)));
  treatmentSelect.addEventListener('change', () =>
    listener.onTreatment(treatmentSelect.value === ALL_TREATMENTS ? null : Number(treatmentSelect.value)),
  );
  return {
    offer(ctx) {
      provinceLabel.textContent = ctx.t('province');
      treatmentLabel.textContent = ctx.t('treatment');
      provinceSelect.replaceChildren(...provinceOptions(ctx));
      treatmentSelect.replaceChildren(...treatmentOptions(ctx, ctx.t('allTreatments')));
      return el(
        doc,
        'div',
        { class: 'province-choice' },
        el(doc, 'label', {}, provinceLabel, ' ', provinceSelect),
        el(doc, 'label', {}, treatmentLabel, ' ', treatmentSelect),
      );
    },
  };
}
