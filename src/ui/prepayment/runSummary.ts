/**
 * What the Prepayment workspace says about the run shown (所示运行说明): a summary of its scenario's
 * prepayment rules, which sources of spread its figures include, the sizing rule the scenario assumes
 * (the national formula is not public, C5) with why its size holds at the peak, a note when the
 * controls have changed since the run, and the offer to run enough replications when the chosen
 * confidence cannot be resolved.
 */
import { type ClearingParameters, providerLagDays, settlementLagDays } from '../../clearing/parameters';
import { uncertainPaths } from '../../scenario/uncertainty';
import { formatPercent } from '../../text/format';
import { el } from '../dom';
import type { RunRequest } from '../runs';
import { outstandingMonthsAtPeak } from './model';
import { sizingText } from './provinceSection';
import { confidenceText, coverText, type RenderContext } from './render';

/** The run's summary: scenario, scale, replications, time taken and the scenario's prepayment rules. */
export function summaryText(ctx: Pick<RenderContext, 't' | 'lang' | 'view'>): string {
  const { t, lang, view: v } = ctx;
  const { request, seconds } = v.completed;
  const p = v.params;
  const R = request.replications ?? 0;
  return t('summary', {
    scenario: request.scenario.title[lang],
    k: request.scaleK,
    reps: R > 0 ? t('reps', { n: R }) : t('noReps'),
    s: seconds.toFixed(1),
    model: t(`model.${p.prepayment.model}`),
    resizing: t(`resizing.${p.prepayment.resizing}`),
    settlement: t(`settlement.${p.settlement}`),
    yellow: formatPercent(100 * p.warnings.yellow, lang, 0),
    red: formatPercent(100 * p.warnings.red, lang, 0),
    topUp: formatPercent(100 * p.warnings.topUpFraction, lang, 0),
    cycle:
      p.calendar.cycle === 'monthly' ? t('cycle.monthly') : t('cycle.days', { n: p.calendar.cycle.days }),
  });
}

/** Which sources of spread the run's figures include: sampling, the claims' randomness, parameter draws. */
export function sourcesText(ctx: Pick<RenderContext, 't' | 'lang' | 'view'>): string {
  const { t, view: v } = ctx;
  const request = v.completed.request;
  const a = v.answer;
  const ranges = uncertainPaths(request.scenario);
  const params =
    ranges.length === 0
      ? t('sources.params.none')
      : a.sources.parameters
        ? t('sources.params.included', { n: a.groups, paths: ranges.join(', ') })
        : t('sources.params.few');
  return t('sources', {
    k: request.scaleK,
    params,
    cover: coverText(ctx),
    draws: a.sources.parameters ? t('sources.draws') : '',
  });
}

/**
 * The sizing rule a scenario's parameters assume (not the national formula, which is not public), its
 * first year, and for a rule of months of the average, why that many months hold at the peak.
 */
export function ruleParts(
  ctx: Pick<RenderContext, 'doc' | 't' | 'lang'>,
  params: ClearingParameters,
): (HTMLElement | string)[] {
  const { doc, t, lang } = ctx;
  const sizing = params.prepayment.sizing;
  const m = outstandingMonthsAtPeak(params.calendar);
  const peak =
    sizing.method === 'months-of-average'
      ? t('rule.peak', {
          from: params.calendar.providerDeclarationDays + 1,
          to: providerLagDays(params.calendar),
          lag: settlementLagDays(params.calendar),
          m: m.toFixed(1),
          n: sizing.months,
          u: formatPercent((100 * m) / sizing.months, lang, 0),
        })
      : '';
  return [
    el(doc, 'span', {}, t('notPublic', { rule: sizingText({ t, lang }, sizing) })),
    ` ${t(`firstYear.${params.prepayment.firstYear}`)} `,
    el(doc, 'span', { class: 'why' }, peak),
  ];
}

/** The note that the run shown is not what the controls now ask for (null when it is). */
export function staleNote(
  ctx: Pick<RenderContext, 'doc' | 't' | 'lang'>,
  shown: RunRequest,
  form: RunRequest | null,
): HTMLElement | null {
  const changed =
    form &&
    (form.scenario.id !== shown.scenario.id ||
      form.scaleK !== shown.scaleK ||
      form.replications !== (shown.replications ?? 0));
  if (!changed) return null;
  return el(
    ctx.doc,
    'p',
    { class: 'stale' },
    ctx.t('stale', {
      scenario: shown.scenario.title[ctx.lang],
      k: shown.scaleK,
      n: shown.replications ?? 0,
    }),
  );
}

/**
 * When the run has too few replications to resolve the chosen confidence: says so, with a button
 * that calls `runMore` with the replications needed (null when the confidence is resolved).
 */
export function unresolvedNote(
  ctx: RenderContext,
  runMore: (replications: number) => void,
): HTMLElement | null {
  const un = ctx.view.answer.unresolved;
  if (!un) return null;
  const button = el(
    ctx.doc,
    'button',
    { type: 'button', class: 'run-more' },
    ctx.t('unresolved.run', { min: un.minimumReplications }),
  );
  button.addEventListener('click', () => runMore(un.minimumReplications));
  return el(
    ctx.doc,
    'p',
    { class: 'unresolved', 'data-minimum': String(un.minimumReplications) },
    ctx.t('unresolved', {
      c: confidenceText(ctx),
      min: un.minimumReplications,
      n: ctx.view.answer.groups,
    }),
    button,
  );
}
