import { expect, test } from 'vitest';
import { runFooter, unitLine } from '../../../src/ui/charts/exportTexts';

const one = { id: 'baseline-2026', title: '2026 基准', seed: 'gongji-2026' };
const two = { id: 'netting-2026', title: '2026 多边轧差', seed: 'gongji-2026' };

test('unitLine names the unit in each language', () => {
  expect(unitLine('亿元/月', 'zh')).toBe('单位：亿元/月');
  expect(unitLine('billion yuan a month', 'en')).toBe('Unit: billion yuan a month');
});

test('runFooter names the scenarios with their titles, the scale, the seed, and says it is simulated', () => {
  expect(runFooter({ scenarios: [one, two], scaleK: 1000 }, 'zh')).toEqual([
    '方案：baseline-2026（2026 基准）；netting-2026（2026 多边轧差）',
    '抽样比例 1:1000，随机种子 gongji-2026',
    '共济 Gongji 工作台的模拟结果（合成人口，非官方统计）',
  ]);
  expect(runFooter({ scenarios: [{ ...one, title: '2026 baseline' }], scaleK: 10 }, 'en')).toEqual([
    'Scenario: baseline-2026 (2026 baseline)',
    'scale 1:10, seed gongji-2026',
    'Simulated with the Gongji workbench (a synthetic population, not official statistics)',
  ]);
});

test('runFooter gives each scenario its seed when they differ, and replications, confidence and digests when given', () => {
  const lines = runFooter(
    {
      scenarios: [one, { ...two, seed: 'other' }],
      scaleK: 10000,
      replications: 20,
      confidence: 0.95,
      digests: { 'baseline-2026': 'ab'.repeat(32) },
    },
    'en',
  );
  expect(lines[0]).toBe('Scenarios: baseline-2026 (2026 基准); netting-2026 (2026 多边轧差)');
  expect(lines[1]).toBe(
    'scale 1:10000, seeds baseline-2026 = gongji-2026, netting-2026 = other, 20 replications, confidence 95%',
  );
  // A digest is shortened to its first 16 hex digits, enough to tell runs apart.
  expect(lines[2]).toBe(`Result digests (SHA-256): baseline-2026 ${'ab'.repeat(8)}`);
  expect(runFooter({ scenarios: [one], scaleK: 1, replications: 0, confidence: 0.9 }, 'zh')[1]).toBe(
    '抽样比例 1:1，随机种子 gongji-2026，0 次重复模拟，置信度 90%',
  );
});
