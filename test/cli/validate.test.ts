import { describe, expect, test } from 'vitest';
import {
  MAX_SEEDS,
  parseValidateArgs,
  statusCounts,
  validationJson,
  validationText,
} from '../../src/cli/validate';
import { seedSpreads } from '../../src/population/seedSpread';
import type { ValidationRow } from '../../src/population/validate';

const row = (name: string, generated: number, extra: Partial<ValidationRow> = {}): ValidationRow => ({
  name,
  label: name,
  unit: 'persons',
  published: 1000,
  generated,
  relError: generated / 1000 - 1,
  tolerancePct: 2,
  within: Math.abs(generated / 1000 - 1) <= 0.02,
  status: Math.abs(generated / 1000 - 1) <= 0.02 ? 'within' : 'outside',
  reason: null,
  ...extra,
});

const reason = { zh: '非私营单位平均工资不是同一统计量', en: 'not the same statistic as the model wage' };
const rows: ValidationRow[] = [
  row('population/total', 1010),
  row('birth-order-share/1', 900),
  row('wage/national', 842, { within: false, status: 'reference', reason }),
  row('outflow/51', 500, { tolerancePct: 0, within: false, status: 'not-modelled', reason }),
];

describe('npm run validate: the report states each target’s status', () => {
  test('statusCounts counts each status once per row', () => {
    expect(statusCounts(rows)).toEqual({ within: 1, outside: 1, reference: 1, 'not-modelled': 1 });
    expect(statusCounts([])).toEqual({ within: 0, outside: 0, reference: 0, 'not-modelled': 0 });
  });

  test('the text marks reference and not-modelled rows, counts only checked misses, and prints the reasons', () => {
    const text = validationText(rows, ['account-spending'], 1000, 'seed-1');
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`${name} `))!;
    expect(line('population/total')).toMatch(/±2%\s+ok$/);
    expect(line('birth-order-share/1')).toMatch(/-10\.00%\s+±2%\s+OUT 超出$/);
    expect(line('wage/national')).toMatch(/-15\.80%\s+—\s+REF 参考值$/);
    expect(line('outflow/51')).toMatch(/—\s+N\/M 未建模$/);
    expect(text).toContain(
      '4 targets 个目标: 1 within tolerance 达标, 1 outside tolerance 超出容差, 1 reference 参考值 (not checked 不计入), 1 not modelled 未建模',
    );
    expect(text).toContain('outside tolerance 超出容差: birth-order-share/1\n');
    expect(text).toContain(`wage/national — REF 参考值 / reference:\n  ${reason.zh}\n  ${reason.en}`);
    expect(text).toContain('outflow/51 — N/M 未建模 / not-modelled:');
    expect(text).toContain('not produced by the population 人口不生成: account-spending');
  });

  test('with every target within, the text names no target outside tolerance', () => {
    const text = validationText([row('population/total', 1000)], [], 1000, 'seed-1');
    expect(text).not.toContain('outside tolerance 超出容差:');
    expect(text).toContain('1 within tolerance 达标, 0 outside tolerance');
  });

  test('--json gives each target its status and reason, and the counts', () => {
    const json = JSON.parse(validationJson(rows, [], 1000, 'seed-1')) as {
      scale: string;
      counts: Record<string, number>;
      targets: { name: string; status: string; within: boolean; reason: unknown }[];
    };
    expect(json.scale).toBe('1:1000');
    expect(json.counts).toEqual({ within: 1, outside: 1, reference: 1, 'not-modelled': 1 });
    expect(json.targets.map((t) => [t.name, t.status, t.within, t.reason])).toEqual([
      ['population/total', 'within', true, null],
      ['birth-order-share/1', 'outside', false, null],
      ['wage/national', 'reference', false, reason],
      ['outflow/51', 'not-modelled', false, reason],
    ]);
  });
});

describe('npm run validate --seeds: the noise of each target over seeds', () => {
  const second = rows.map((r) => ({ ...r, relError: r.relError + 0.04 }));
  const spread = { seeds: ['seed-1', 'seed-1/2'], byName: seedSpreads([rows, second]) };

  test('--seeds is a whole number from 1 to MAX_SEEDS, 1 by default', () => {
    const base = ['--scenario', 's.json'];
    expect(parseValidateArgs(base).seeds).toBe(1);
    expect(parseValidateArgs([...base, '--seeds', '5']).seeds).toBe(5);
    expect(() => parseValidateArgs([...base, '--seeds', '0'])).toThrow(/--seeds "0"/);
    expect(() => parseValidateArgs([...base, '--seeds', String(MAX_SEEDS + 1)])).toThrow(/--seeds/);
    expect(() => parseValidateArgs([...base, '--seeds', '2.5'])).toThrow(/whole number/);
  });

  test('the text gives each target its σ, names the seeds, and the targets whose tolerance is under 2σ', () => {
    const text = validationText(rows, [], 1000, 'seed-1', spread);
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`${name} `))!;
    // σ of two errors 0.04 apart is 0.04 / √2 = 2.83%.
    expect(line('population/total')).toMatch(/±2%\s+±2\.83%\s+ok$/);
    expect(text).toContain('over 2 seeds 个种子 (seed-1, seed-1/2)');
    expect(text).toContain('(use a larger sample 宜用更大样本): population/total, birth-order-share/1\n');
    expect(validationText(rows, [], 1000, 'seed-1')).not.toContain('σ');
  });

  test('--json gives each target its seedSpread, the seeds and the noisy targets', () => {
    const json = JSON.parse(validationJson(rows, [], 1000, 'seed-1', spread)) as {
      seeds: string[];
      noisierThanTolerance: string[];
      targets: { name: string; seedSpread: { seeds: number; sdRelError: number } }[];
    };
    expect(json.seeds).toEqual(['seed-1', 'seed-1/2']);
    expect(json.noisierThanTolerance).toEqual(['population/total', 'birth-order-share/1']);
    expect(json.targets[0]!.seedSpread.seeds).toBe(2);
    expect(json.targets[0]!.seedSpread.sdRelError).toBeCloseTo(0.04 / Math.SQRT2, 12);
    expect(JSON.parse(validationJson(rows, [], 1000, 'seed-1')).targets[0]).not.toHaveProperty('seedSpread');
  });
});
