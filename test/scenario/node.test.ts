import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatScenarioErrors } from '../../src/scenario';
import { loadScenarioFile } from '../../src/scenario/node';
import { rawScenario, SCENARIO_DIR, scenarioFiles } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'gongji-scenario-'));

describe('loadScenarioFile', () => {
  test('the scenarios folder has the three policy presets', () => {
    expect(scenarioFiles()).toEqual(
      expect.arrayContaining(['baseline-2026.json', 'pilot-2025-wallet.json', 'scope-2021.json']),
    );
  });

  test.each(scenarioFiles())('accepts scenarios/%s, whose id is its file name', async (file) => {
    const r = await loadScenarioFile(join(SCENARIO_DIR, file));
    if (!r.ok) expect.fail(formatScenarioErrors(r.errors));
    expect(`${r.scenario.id}.json`).toBe(file);
    expect(r.scenario.seed.length).toBeGreaterThan(0);
  });

  test('reports text that is not JSON with the file name, line and column', async () => {
    const path = join(tmp, 'broken.json');
    writeFileSync(path, '{\n  "id": "broken",\n  "seed": "x",\n}\n');
    const r = await loadScenarioFile(path);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: path, path: '', code: 'json-syntax' });
    expect(r.errors[0]!.en).toMatch(/line 4, column 1/);
    expect(formatScenarioErrors(r.errors)).toContain(`${path}: (whole file): not valid JSON`);
  });

  test('reports a file that cannot be read', async () => {
    const path = join(tmp, 'missing.json');
    const r = await loadScenarioFile(path);
    expect(r.ok ? [] : r.errors.map((e) => [e.file, e.code])).toEqual([[path, 'file']]);
  });

  test('puts the file name on every validation error, and accepts a byte-order mark', async () => {
    const bad = rawScenario('baseline-2026');
    bad.rules.quotaModel = 'transfer';
    bad.window.end = '2025-12';
    const path = join(tmp, 'bad.json');
    writeFileSync(path, `\uFEFF${JSON.stringify(bad)}`);
    const r = await loadScenarioFile(path);
    expect(r.ok ? [] : r.errors.map((e) => [e.file, e.path])).toEqual([
      [path, 'window'],
      [path, 'rules.quotaModel'],
    ]);
  });
});
