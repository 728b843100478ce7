import { expect, test } from 'vitest';
import { FIELD_PATHS, PARAMETER_PATHS } from '../../../src/scenario';
import { fieldLabel, segmentLabel } from '../../../src/ui/compare/fieldLabels';

test('every segment of every scenario field has a Chinese and an English name', () => {
  const missing = FIELD_PATHS.flatMap((path) => path.split('.')).filter(
    (segment) => segmentLabel(segment, 'zh') === segment || segmentLabel(segment, 'en') === segment,
  );
  expect(missing).toEqual([]);
});

test('fieldLabel(path, lang) joins the segment names without the section', () => {
  expect(fieldLabel('rules.quotaLimits.monthlyUseCapFen', 'zh')).toBe('额度限制 · 每月使用上限');
  expect(fieldLabel('rules.quotaLimits.monthlyUseCapFen', 'en')).toBe('Quota limits · Monthly use cap');
  expect(fieldLabel('seed', 'en')).toBe('Seed');
  // A record entry keeps its key (a province code) as it is.
  expect(fieldLabel('rules.geography.rollout.byProvince.44', 'en')).toBe(
    'Geography · Rollout · By province · 44',
  );
});

test('no two parameters share a name in either language', () => {
  for (const lang of ['zh', 'en'] as const) {
    const names = PARAMETER_PATHS.map((p) => fieldLabel(p, lang));
    expect(names.length - new Set(names).size, lang).toBe(0);
  }
});
