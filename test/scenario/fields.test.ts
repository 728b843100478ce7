import { describe, expect, test } from 'vitest';
import { allowedAt, formatPath, helpAt, keysAt, PARAMETER_PATHS, schemaAt } from '../../src/scenario';

describe('fields', () => {
  test('PARAMETER_PATHS lists every rule, clearing and behaviour parameter leaf', () => {
    expect(PARAMETER_PATHS).toEqual([
      'rules.relativeScope',
      'rules.enrolmentOfUninsured',
      'rules.geography.samePoolingArea',
      'rules.geography.sameProvince',
      'rules.geography.crossProvince',
      'rules.geography.rollout.defaultStart',
      'rules.geography.rollout.byProvince',
      'rules.geography.rollout.byPoolingArea',
      'rules.quotaLimits.maxChangeFen',
      'rules.quotaLimits.maxQuotaFen',
      'rules.quotaLimits.maxChangesPerDay',
      'rules.quotaLimits.quietHours',
      'rules.quotaLimits.monthlyUseCapFen',
      'rules.quotaModel',
      'rules.permittedUses',
      'rules.paymentOrder.ownAccount',
      'rules.paymentOrder.quotaOrder',
      'clearing.settlement',
      'clearing.prepayment.model',
      'clearing.prepayment.sizing',
      'clearing.prepayment.resizing',
      'clearing.prepayment.firstYear',
      'clearing.prepayment.resizeMonth',
      'clearing.prepayment.paymentDeadlineMonth',
      'clearing.directSettlement.yearlyGrowth',
      'clearing.warnings.yellow',
      'clearing.warnings.red',
      'clearing.warnings.topUpFraction',
      'clearing.calendar.cycle',
      'clearing.calendar.providerDeclarationDays',
      'clearing.calendar.providerPaymentDays',
      'clearing.calendar.resultsLagDays',
      'clearing.calendar.confirmationLagDays',
      'clearing.calendar.transferLagDays',
      'behaviour.uptake.initialShare.samePoolingArea',
      'behaviour.uptake.initialShare.sameProvince',
      'behaviour.uptake.initialShare.crossProvince',
      'behaviour.uptake.monthlyRate.samePoolingArea',
      'behaviour.uptake.monthlyRate.sameProvince',
      'behaviour.uptake.monthlyRate.crossProvince',
      'behaviour.uptake.onNeed',
      'behaviour.uptake.awarenessMonths',
      'behaviour.quota.shareOfSpendable',
      'behaviour.quota.topUp',
      'behaviour.quota.releaseForOwnNeed',
      'behaviour.ending.voluntaryMonthly',
      'behaviour.ending.moveYearly',
      'behaviour.ending.leaveYearly',
      'behaviour.ownSpendingShareOfCredit',
      'behaviour.care.outpatientPerYear.child',
      'behaviour.care.outpatientPerYear.adult',
      'behaviour.care.outpatientPerYear.older',
      'behaviour.care.outpatientCostFen',
      'behaviour.care.outpatientFundShare',
      'behaviour.care.pharmacyPerYear.child',
      'behaviour.care.pharmacyPerYear.adult',
      'behaviour.care.pharmacyPerYear.older',
      'behaviour.care.pharmacyCostFen',
      'behaviour.care.inpatientRate.employee',
      'behaviour.care.inpatientRate.resident',
      'behaviour.care.inpatientOlderFactor',
      'behaviour.care.inpatientCostFen.employee',
      'behaviour.care.inpatientCostFen.resident',
      'behaviour.care.inpatientFundShare.employee',
      'behaviour.care.inpatientFundShare.resident',
      'behaviour.care.inpatientShared',
      'behaviour.contributions.residentShared',
      'behaviour.contributions.monthWeights',
      'behaviour.contributions.ltcYearlyFen',
      'behaviour.contributions.ltcShared',
      'behaviour.contributions.enrolmentUptake',
    ]);
  });

  test('every parameter says in both languages what it expects', () => {
    for (const path of PARAMETER_PATHS) {
      const help = helpAt(path.split('.'));
      expect(help?.en, path).toMatch(/\S/);
      expect(help?.zh, path).toMatch(/\S/);
    }
  });

  test('formatPath quotes keys that are not plain names and brackets list indices', () => {
    expect(formatPath(['rules', 'quotaLimits', 'maxChangesPerDay'])).toBe(
      'rules.quotaLimits.maxChangesPerDay',
    );
    expect(formatPath(['rules', 'permittedUses', 2])).toBe('rules.permittedUses[2]');
    expect(formatPath(['notes', 'rules.relativeScope'])).toBe('notes["rules.relativeScope"]');
    expect(formatPath(['rules', 'geography', 'rollout', 'byProvince', '44'])).toBe(
      'rules.geography.rollout.byProvince.44',
    );
    expect(formatPath([])).toBe('');
  });

  test('schemaAt walks objects, nullable objects, union members and records', () => {
    expect(schemaAt(['rules', 'quotaLimits', 'quietHours', 'start'])).not.toBeNull();
    expect(schemaAt(['clearing', 'prepayment', 'sizing', 'percentile'])).not.toBeNull();
    expect(schemaAt(['rules', 'geography', 'rollout', 'byProvince', '44'])).not.toBeNull();
    expect(schemaAt(['rules', 'quotaLimits', 'maxChangeYuan'])).toBeNull();
    expect(keysAt(['clearing', 'warnings'])).toEqual(['yellow', 'red', 'topUpFraction']);
  });

  test('allowedAt names the keys of an object, of the union member a value picks, and what the keys of a record look like', () => {
    expect(allowedAt(['clearing', 'warnings'])).toEqual({ keys: ['yellow', 'red', 'topUpFraction'] });
    const sizing = ['clearing', 'prepayment', 'sizing'];
    expect(allowedAt(sizing, undefined, { method: 'months-of-average' })).toEqual({
      keys: ['method', 'months'],
    });
    expect(allowedAt(sizing, undefined, { method: 'percentile-of-monthly-need' })).toEqual({
      keys: ['method', 'percentile'],
    });
    expect(allowedAt(sizing)).toEqual({ keys: ['method', 'months', 'percentile'] });
    expect(allowedAt(['clearing', 'calendar', 'cycle'])).toEqual({ keys: ['days'] });
    expect(allowedAt(['rules', 'geography', 'rollout', 'byProvince'])).toEqual({
      words: {
        en: 'keys that are a two-digit province code such as "44"',
        zh: '键为两位省级区划代码，如 "44"',
      },
    });
    expect(allowedAt(['uncertainty'])).toEqual({ words: { en: 'keys of your choice', zh: '自定的键' } });
    expect(allowedAt(['seed'])).toEqual({ keys: [] });
    expect(allowedAt(['nowhere'])).toEqual({ keys: [] });
  });
});
