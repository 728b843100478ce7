import { expect, test } from 'vitest';
import { NAMED_FIELDS, namedFields } from '../../../src/ui/compare/editor';
import { fieldLabel } from '../../../src/ui/compare/fieldLabels';

test('namedFields names each field by its label and path, three at most, then counts the rest', () => {
  const perDay = 'rules.quotaLimits.maxChangesPerDay';
  expect(namedFields([perDay], 'zh')).toBe(`${fieldLabel(perDay, 'zh')}（${perDay}）`);
  expect(fieldLabel(perDay, 'zh')).toMatch(/^额度限制 · /);
  expect(namedFields([perDay, 'clearing.warnings.red'], 'en')).toBe(
    `${fieldLabel(perDay, 'en')} (${perDay}), ${fieldLabel('clearing.warnings.red', 'en')} (clearing.warnings.red)`,
  );
  const five = [
    'rules.quotaModel',
    'rules.relativeScope',
    'clearing.settlement',
    'clearing.warnings.red',
    'clearing.warnings.yellow',
  ];
  expect(NAMED_FIELDS).toBe(3);
  expect(namedFields(five, 'en')).toMatch(/ \(clearing\.settlement\), and 2 more$/);
  expect(namedFields(five, 'zh')).toMatch(/（clearing\.settlement）、等 2 处$/);
  expect(namedFields([], 'en')).toBe('');
});
