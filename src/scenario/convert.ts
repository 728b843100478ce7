/**
 * From a scenario to the parameter objects the rules and the clearing read (参数转换): units are
 * converted (quiet hours `HH:MM` → minutes after midnight) and every object is copied, so the result
 * shares nothing with the scenario. The return types are the interfaces themselves, so the type
 * checker proves that every field is set.
 */
import type { ClearingParameters } from '../clearing/parameters';
import type { EngineParameters } from '../engine/input';
import type { RuleParameters } from '../rules/parameters';
import { toBehaviourParameters } from './behaviour';
import { clockMinutes } from './formats';
import type { Scenario } from './schema';

/** R2–R12: the rule parameters of a validated scenario (only its `rules` section is read). */
export function toRuleParameters(scenario: Pick<Scenario, 'rules'>): RuleParameters {
  const { geography: g, quotaLimits: q, paymentOrder: p } = scenario.rules;
  return {
    relativeScope: scenario.rules.relativeScope,
    enrolmentOfUninsured: scenario.rules.enrolmentOfUninsured,
    geography: {
      samePoolingArea: g.samePoolingArea,
      sameProvince: g.sameProvince,
      crossProvince: g.crossProvince,
      rollout: {
        defaultStart: g.rollout.defaultStart,
        byProvince: { ...g.rollout.byProvince },
        byPoolingArea: { ...g.rollout.byPoolingArea },
      },
    },
    quotaLimits: {
      maxChangeFen: q.maxChangeFen,
      maxQuotaFen: q.maxQuotaFen,
      maxChangesPerDay: q.maxChangesPerDay,
      quietHours: q.quietHours
        ? { startMinute: clockMinutes(q.quietHours.start), endMinute: clockMinutes(q.quietHours.end) }
        : null,
      ...(q.monthlyUseCapFen === null ? {} : { monthlyUseCapFen: q.monthlyUseCapFen }),
    },
    quotaModel: scenario.rules.quotaModel,
    permittedUses: [...scenario.rules.permittedUses],
    paymentOrder: { ownAccount: p.ownAccount, quotaOrder: p.quotaOrder },
  };
}

/** C3, C5–C7: the clearing parameters of a validated scenario. */
export function toClearingParameters(scenario: Scenario): ClearingParameters {
  const { settlement, prepayment: p, warnings: w, calendar: c, directSettlement: d } = scenario.clearing;
  return {
    settlement,
    prepayment: {
      model: p.model,
      sizing: { ...p.sizing },
      resizing: p.resizing,
      firstYear: p.firstYear,
      resizeMonth: p.resizeMonth,
      paymentDeadlineMonth: p.paymentDeadlineMonth,
    },
    directSettlement: { yearlyGrowth: d.yearlyGrowth },
    warnings: { yellow: w.yellow, red: w.red, topUpFraction: w.topUpFraction },
    calendar: {
      cycle: c.cycle === 'monthly' ? 'monthly' : { days: c.cycle.days },
      providerDeclarationDays: c.providerDeclarationDays,
      providerPaymentDays: c.providerPaymentDays,
      resultsLagDays: c.resultsLagDays,
      confirmationLagDays: c.confirmationLagDays,
      transferLagDays: c.transferLagDays,
    },
  };
}

/** The engine's parameters of a validated scenario: rules, behaviour, window and seed. */
export function toEngineParameters(scenario: Scenario): EngineParameters {
  return {
    rules: toRuleParameters(scenario),
    behaviour: toBehaviourParameters(scenario.behaviour),
    window: { ...scenario.window },
    seed: scenario.seed,
  };
}
