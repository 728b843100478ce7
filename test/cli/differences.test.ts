import { expect, test } from 'vitest';
import { type DifferencesReport, differencesText } from '../../src/cli/differences';

const report: DifferencesReport = {
  baseline: 'baseline-2026',
  seed: 'gongji-2026',
  scale: '1:1000',
  replications: 20,
  coverage: 0.9,
  sources: { sampling: 'removed', population: 'included', parameters: 'no ranges', estimate: 'included' },
  figures: [
    {
      key: 'crossProvinceFen',
      label: { zh: '跨省共济金额', en: 'Cross-province sharing' },
      unit: 'fen',
      value: 9_000_000_000,
      baseline: 10_000_000_000,
      change: -1_000_000_000,
      changeShare: -0.1,
      interval: [-1_400_000_000, -600_000_000],
      withinNoise: false,
      sampling: 'removed',
    },
    {
      key: 'beneficiaries',
      label: { zh: '受益人数', en: 'Beneficiaries' },
      unit: 'person-times',
      value: 1000,
      baseline: 990,
      change: 10,
      changeShare: null,
      interval: [-20, 40],
      withinNoise: true,
      sampling: 'removed',
    },
  ],
};

test('the differences text names the baseline, seed, scale and sources, then one line per figure', () => {
  const lines = differencesText(report).split('\n');
  expect(lines[0]).toContain(
    'against baseline-2026 (seed "gongji-2026", 1:1000, 20 replications; 90% intervals',
  );
  expect(lines[0]).toContain('sampling noise removed, parameters no ranges');
  expect(lines[1]).toMatch(
    /^ {2}跨省共济金额 Cross-province sharing: .* vs .*, −.* \(−10\.0%\) \[.* … .*\]$/,
  );
  expect(lines[1]).not.toContain('within noise');
  expect(lines[2]).toBe('  受益人数 Beneficiaries: 1,000 vs 990, +10 [−20 … 40] within noise 在噪声范围内');
  expect(lines).toHaveLength(3);
});
