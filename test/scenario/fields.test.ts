import { describe, expect, test } from 'vitest';
import { formatPath, helpAt, keysAt, PARAMETER_PATHS, schemaAt } from '../../src/scenario';

describe('fields', () => {
  test('PARAMETER_PATHS lists every rule and clearing parameter leaf', () => {
    expect(PARAMETER_PATHS).toEqual([
      'rules.relativeScope',
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
      'rules.quotaModel',
      'rules.permittedUses',
      'rules.paymentOrder.ownAccount',
      'rules.paymentOrder.quotaOrder',
      'clearing.settlement',
      'clearing.prepayment.sizing',
      'clearing.prepayment.resizeMonth',
      'clearing.prepayment.paymentDeadlineMonth',
      'clearing.warnings.yellow',
      'clearing.warnings.red',
      'clearing.warnings.topUpFraction',
      'clearing.calendar.cycle',
      'clearing.calendar.resultsLagDays',
      'clearing.calendar.confirmationLagDays',
      'clearing.calendar.transferLagDays',
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
});
