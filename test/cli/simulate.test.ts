import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseSimulateArgs } from '../../src/cli/simulate';

const dir = mkdtempSync(join(tmpdir(), 'gongji-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run simulate` as a user would, returning its exit code, output and wall time. */
function simulate(
  args: string[],
  timeout = 120_000,
): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync('npx', ['tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

describe('simulate command', () => {
  test('parseSimulateArgs reads scale, replications and workers, and refuses what it does not know', () => {
    expect(
      parseSimulateArgs([
        '--scenario',
        's.json',
        '--scale',
        '1:500',
        '--replications',
        '3',
        '--workers',
        '2',
      ]),
    ).toMatchObject({
      scenario: 's.json',
      scaleK: 500,
      replications: 3,
      workers: 2,
      out: null,
      json: false,
    });
    expect(() => parseSimulateArgs(['--scale', '1:1000'])).toThrow(/--scenario .*is required/);
    expect(() => parseSimulateArgs(['--scenario', 's.json', '--scale', '1000'])).toThrow(
      /must look like 1:1000/,
    );
    expect(() => parseSimulateArgs(['--scenario', 's.json', '--replications', '2.5'])).toThrow(
      /whole number from 0 to 1000/,
    );
    expect(() => parseSimulateArgs(['--scenario', 's.json', '--speed', 'fast'])).toThrow(
      /speed[\s\S]*usage:/,
    );
  });

  test('an invalid scenario stops before any work, listing every bad field', () => {
    const scenario = JSON.parse(readFileSync('scenarios/baseline-2026.json', 'utf8'));
    scenario.rules.relativeScope = 'cousins';
    scenario.clearing.warnings.yellow = 'seventy';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = join(dir, 'bad-out');
    const r = simulate(['--scenario', file, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/rules\.relativeScope/);
    expect(r.stderr).toMatch(/clearing\.warnings\.yellow/);
    expect(existsSync(out)).toBe(false);
  });

  test.runIf(process.platform === 'linux')(
    '--out /proc/x fails at once, naming the path, before any simulation (it used to spin)',
    () => {
      const r = simulate(['--scenario', 'scenarios/baseline-2026.json', '--out', '/proc/x'], 30_000);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^simulate: --out "\/proc\/x": .*virtual file system \(proc\)/);
      expect(r.stdout).toBe('');
    },
  );

  test('--out naming a file fails before any simulation and leaves the file as it was', () => {
    const out = join(dir, 'a-file');
    writeFileSync(out, 'mine');
    const r = simulate(['--scenario', 'scenarios/baseline-2026.json', '--out', out], 30_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--out ".*a-file": .*is a file; a folder is expected/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  test('a trace position beyond the families at 1:k fails before the run, and --out is left alone', () => {
    const out = join(dir, 'trace-out');
    const r = simulate(
      ['--scenario', 'scenarios/baseline-2026.json', '--scale', '1:10000', '--trace', '999999', '--out', out],
      30_000,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--trace 999999: .*sample positions are 0 to \d+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  test('--baseline runs the baseline at the scenario’s seed and reports each figure’s change with its interval', () => {
    const r = simulate([
      '--scenario',
      'scenarios/monthly-cap-2026.json',
      '--baseline',
      'scenarios/baseline-2026.json',
      '--scale',
      '1:10000',
      '--replications',
      '2',
      '--workers',
      '2',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { differences } = JSON.parse(r.stdout);
    expect(differences).toMatchObject({
      baseline: 'baseline-2026',
      seed: 'baseline-2026',
      scale: '1:10000',
      replications: 2,
    });
    const shared = differences.figures.find((f: { key: string }) => f.key === 'sharedFen');
    // A monthly cap lowers what quotas pay, by more than the noise.
    expect(shared.change).toBeLessThan(0);
    expect(shared.change).toBeCloseTo(shared.value - shared.baseline, 0);
    expect(shared.interval[0]).toBeLessThanOrEqual(shared.change);
    expect(shared.interval[1]).toBeGreaterThanOrEqual(shared.change);
    expect(shared.withinNoise).toBe(false);
  }, 180_000);

  test('--sweep writes a row per point and figure; a point is the single run of its value (same digest)', () => {
    const out = join(dir, 'sweep');
    const r = simulate(['--sweep', 'scenarios/sweeps/quota-share.json', '--scale', '1:10000', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('参数扫描 sweep quota-share on baseline-2026');
    expect(readdirSync(out).sort()).toEqual([
      'sweep.csv',
      'sweep.parquet',
      'sweep_provinces.csv',
      'sweep_provinces.parquet',
    ]);
    const [head, ...lines] = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(head).toBe('behaviour_quota_share_of_spendable,point,scenario,digest,figure,unit,value');
    const rows = lines.map((l) => l.split(','));
    expect(new Set(rows.map((x) => x[0]))).toEqual(new Set(['0.1', '0.3', '0.5', '0.7', '0.9']));
    const row = rows.find((x) => x[0] === '0.7' && x[4] === 'sharedFen')!;

    // The same value as a scenario file of its own, run alone.
    const raw = JSON.parse(readFileSync('scenarios/baseline-2026.json', 'utf8'));
    raw.behaviour.quota.shareOfSpendable = 0.7;
    delete raw.uncertainty['behaviour.quota.shareOfSpendable'];
    delete raw.notes['uncertainty.behaviour.quota.shareOfSpendable'];
    const file = join(dir, 'share-0.7.json');
    writeFileSync(file, JSON.stringify(raw));
    const alone = simulate(['--scenario', file, '--scale', '1:10000', '--json']);
    expect(alone.status).toBe(0);
    const summary = JSON.parse(alone.stdout);
    expect(row[3]).toBe(summary.digest);
    expect(Number(row[6])).toBe(summary.total.amountFen);

    const provinces = readFileSync(join(out, 'sweep_provinces.csv'), 'utf8').split('\n');
    expect(provinces[0]).toBe(
      'behaviour_quota_share_of_spendable,point,province,province_name_zh,province_name_en,measure,value_fen',
    );
    expect(provinces[1]).toMatch(/^0\.1,1,11,北京,Beijing,sharedFen,\d+$/);
  }, 240_000);

  test('--sweep refuses a scenario beside it, and an invalid sweep names the file and field', () => {
    expect(() => parseSimulateArgs(['--sweep', 'w.json', '--scenario', 's.json'])).toThrow(
      /--scenario cannot be given with --sweep/,
    );
    expect(() => parseSimulateArgs(['--sweep', 'w.json', '--trace', '1'])).toThrow(/--trace cannot be given/);
    const file = join(dir, 'bad-sweep.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'bad',
        title: { zh: '坏', en: 'Bad' },
        scenario: relative(dir, resolve('scenarios/baseline-2026.json')),
        parameters: [{ path: 'behaviour.quota.shareOfSpendable', values: [0.5, 7] }],
      }),
    );
    const r = simulate(['--sweep', file, '--scale', '1:10000']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: parameters[0].values[1]: behaviour.quota.shareOfSpendable:`);
  }, 60_000);

  test('a run writes every table as Parquet and CSV and prints the JSON summary with a zero residual', () => {
    const out = join(dir, 'run');
    // An earlier run's tables: the new run replaces the folder, so none of them remains.
    mkdirSync(out);
    writeFileSync(join(out, 'stale.csv'), 'old\n');
    writeFileSync(join(out, 'stale.parquet'), 'PAR1');
    const r = simulate([
      '--scenario',
      'scenarios/baseline-2026.json',
      '--scale',
      '1:10000',
      '--workers',
      '2',
      '--out',
      out,
      '--trace',
      '3,17',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.conservationResidualFen).toBe(0);
    expect(Object.keys(summary.byGeography)).toEqual([
      'same-pooling-area',
      'same-province',
      'cross-province',
    ]);
    expect(Object.keys(summary.byUse)).toEqual([
      'medical',
      'pharmacy',
      'resident-contribution',
      'ltc-contribution',
    ]);
    expect(summary.byGeography['cross-province'].amountFen).toBeGreaterThan(0);
    expect(summary.provinces).toHaveLength(31);
    expect(summary.provinces[0]).toHaveProperty('peakUsage');
    expect(summary.provinces[0]).toHaveProperty('redWarnings');
    // Relatives insured thanks to sharing (R2): counted at 1:10000, so in multiples of 10,000.
    expect(summary.enrolments.total).toBeGreaterThan(0);
    expect(summary.enrolments.total % 10_000).toBe(0);
    expect(summary.enrolments.byAgeBand.reduce((a: number, b: number) => a + b, 0)).toBe(
      summary.enrolments.total,
    );
    for (const name of [
      'flows',
      'monthly',
      'ledger',
      'beneficiaries',
      'enrolments',
      'clearing_national',
      'clearing_settlement',
      'prepayment_province',
    ]) {
      expect(existsSync(join(out, `${name}.parquet`)), name).toBe(true);
      expect(readFileSync(join(out, `${name}.csv`), 'utf8').split('\n').length, name).toBeGreaterThan(2);
    }
    expect(summary.traced.map((t: { family: number }) => t.family)).toEqual([30_000, 170_000]);
    const postings = readFileSync(join(out, 'postings.csv'), 'utf8').trim().split('\n');
    expect(postings[0]).toBe('family,seq,at,from_account,to_account,amount_fen,rule');
    expect(postings.length).toBeGreaterThan(10);
    for (const row of postings.slice(1)) expect(row).toMatch(/,(R\d+|CREDIT|OPEN)$/);
    expect(existsSync(join(out, 'stale.csv'))).toBe(false);
    expect(existsSync(join(out, 'stale.parquet'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('run.'))).toEqual([]);
    expect(summary.tables[0].csv).toBe(join(out, `${summary.tables[0].name}.csv`));
    const flowsCsv = readFileSync(join(out, 'flows.csv'), 'utf8');
    expect(flowsCsv.split('\n')[0]).toBe(
      'month,sharer_area,sharer_province,sharer_province_name_zh,sharer_province_name_en,treatment_area,treatment_province,treatment_province_name_zh,treatment_province_name_en,use,amount_fen,count,squares_yuan2',
    );
    // The clearing's tables name provinces as the flows do: GB codes, then both names.
    const usage = readFileSync(join(out, 'prepayment_usage.csv'), 'utf8').split('\n');
    expect(usage[0]).toMatch(
      /^month,month_text,insured_province,insured_province_name_zh,insured_province_name_en,/,
    );
    expect(usage[1]).toMatch(/^0,\d{4}-\d{2},\d{2},[^,]+,[^,]+,\d{2},/);
  });
});
