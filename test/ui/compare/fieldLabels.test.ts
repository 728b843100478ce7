import { expect, test } from 'vitest';
import { diffScenarios, FIELD_PATHS, PARAMETER_PATHS, parseScenario } from '../../../src/scenario';
import { fieldLabel, segmentLabel } from '../../../src/ui/compare/fieldLabels';
import { rawScenario, scenario } from '../../scenario/helpers';

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

test('the leaves a union can hold (a sizing by percentile, a cycle in days) have names, for the differences table', () => {
  /** The baseline with a sizing and a clearing cycle of another kind. */
  const copy = (sizing: unknown, cycle: unknown) => {
    const raw = rawScenario('baseline-2026');
    raw.clearing.prepayment.sizing = sizing;
    raw.clearing.calendar.cycle = cycle;
    const r = parseScenario(raw);
    if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
    return r.scenario;
  };
  const base = scenario('baseline-2026');
  const a = copy({ method: 'percentile-of-monthly-need', percentile: 95 }, { days: 10 });
  const b = copy({ method: 'percentile-of-monthly-need', percentile: 90 }, { days: 15 });
  const paths = [...diffScenarios(base, a), ...diffScenarios(a, b)].map((d) => d.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      'clearing.prepayment.sizing.method',
      'clearing.prepayment.sizing.months',
      'clearing.prepayment.sizing.percentile',
      'clearing.calendar.cycle.days',
    ]),
  );
  for (const path of paths)
    for (const lang of ['zh', 'en'] as const)
      for (const segment of path.split('.')) expect(segmentLabel(segment, lang), path).not.toBe(segment);
  expect(fieldLabel('clearing.prepayment.sizing.percentile', 'zh')).toMatch(/百分位$/);
});
