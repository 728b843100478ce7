import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseScenarioText, SCHEMA_REFERENCE, type ScenarioError } from '../../../src/scenario';
import {
  ERRORS_SHOWN,
  fileReportText,
  fileSize,
  freeId,
  MAX_SCENARIO_FILE_BYTES,
  openScenarioText,
  scenarioFileName,
  scenarioFileText,
  takenIds,
} from '../../../src/ui/compare/scenarioFile';
import { rawScenario, SCENARIO_DIR, scenario, scenarioFiles } from '../../scenario/helpers';

test('every bundled scenario written as a file reads back as the same scenario, "$schema" first', () => {
  for (const file of scenarioFiles()) {
    const s = scenario(file.replace(/\.json$/, ''));
    const text = scenarioFileText(s);
    expect(text.startsWith(`{\n  "$schema": "${SCHEMA_REFERENCE}",\n  "id": "${s.id}",\n`), file).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const back = parseScenarioText(text);
    expect(back.ok, file).toBe(true);
    if (back.ok) expect(back.scenario).toEqual(s);
    // The same scenario as the file on disk, whatever order its keys were in there.
    const disk = parseScenarioText(readFileSync(`${SCENARIO_DIR}${file}`, 'utf8'));
    if (disk.ok && back.ok) expect(back.scenario).toEqual(disk.scenario);
    expect(scenarioFileName(s)).toBe(`${s.id}.json`);
  }
});

test('a scenario without "$schema" gets it, and one with another keeps only the usual reference', () => {
  const s = scenario('baseline-2026');
  const bare = { ...s };
  delete bare.$schema;
  expect(JSON.parse(scenarioFileText(bare)).$schema).toBe(SCHEMA_REFERENCE);
  expect(JSON.parse(scenarioFileText({ ...s, $schema: 'https://example.org/x.json' })).$schema).toBe(
    SCHEMA_REFERENCE,
  );
  expect(Object.keys(JSON.parse(scenarioFileText(bare)))[0]).toBe('$schema');
});

test('takenIds holds the bundled ids, the edited token and every edited copy’s id, and freeId steps past them', () => {
  const taken = takenIds(['baseline-2026', 'netting-2026'], ['my-file', 'other-edited']);
  expect([...taken].sort()).toEqual(
    [
      'edited',
      'baseline-2026',
      'netting-2026',
      'baseline-2026-edited',
      'netting-2026-edited',
      'my-file-edited',
      'other-edited-edited',
      'other',
    ].sort(),
  );
  // An opened file's own id is free: opening it again replaces it.
  expect(taken.has('my-file')).toBe(false);
  expect(freeId('my-file', taken)).toBe('my-file');
  expect(freeId('baseline-2026', taken)).toBe('baseline-2026-opened');
  expect(freeId('x', new Set(['x', 'x-opened', 'x-opened-2']))).toBe('x-opened-3');
});

test('openScenarioText checks a file like the CLI, and renames a valid one whose id is taken', () => {
  const text = JSON.stringify(rawScenario('netting-2026'));
  const taken = takenIds(['baseline-2026', 'netting-2026'], []);
  const renamed = openScenarioText(text, taken);
  expect(renamed.ok).toBe(true);
  if (renamed.ok) {
    expect(renamed.scenario.id).toBe('netting-2026-opened');
    expect(renamed.renamedFrom).toBe('netting-2026');
    expect({ ...renamed.scenario, id: 'netting-2026' }).toEqual(scenario('netting-2026'));
  }
  const own = openScenarioText(text, takenIds(['baseline-2026'], []));
  expect(own.ok && own.renamedFrom === null && own.scenario.id === 'netting-2026').toBe(true);

  const raw = rawScenario('baseline-2026');
  raw.rules.quotaLimits.maxChangesPerDay = 0;
  const bad = JSON.stringify(raw, null, 2);
  expect(openScenarioText(bad, taken)).toEqual(parseScenarioText(bad));
  const broken = openScenarioText('{"id": "x",', taken);
  expect(broken.ok).toBe(false);
  if (!broken.ok) expect(broken.errors[0]!.en).toMatch(/^not valid JSON at line 1/);
});

test('fileSize writes bytes in decimal units', () => {
  expect(fileSize(0)).toBe('0 B');
  expect(fileSize(999)).toBe('999 B');
  expect(fileSize(34_567)).toBe('34.6 KB');
  expect(fileSize(MAX_SCENARIO_FILE_BYTES)).toBe('1.0 MB');
  expect(fileSize(12_345_678)).toBe('12.3 MB');
});

test('fileReportText says what became of a file in each language, naming every field path', () => {
  const opened = {
    file: 'mine.json',
    outcome: 'opened' as const,
    id: 'baseline-2026-opened',
    renamedFrom: 'baseline-2026',
    replaced: true,
    kept: false,
  };
  expect(fileReportText(opened, 'en')).toEqual({
    text:
      'Opened mine.json: scenario baseline-2026-opened, ticked and ready to run. ' +
      'The id “baseline-2026” of mine.json is taken by a bundled scenario or an edited copy: it was opened as baseline-2026-opened. ' +
      'mine.json replaces the scenario baseline-2026-opened opened earlier in this session. ' +
      'baseline-2026-opened could not be kept for the session (browser storage full or blocked): after a reload, open it again.',
    errors: [],
    failed: false,
  });
  expect(fileReportText({ ...opened, renamedFrom: null, replaced: false, kept: true }, 'zh').text).toBe(
    '已打开 mine.json：方案 baseline-2026-opened，已勾选，可运行。',
  );

  const raw = rawScenario('baseline-2026');
  raw.rules.quotaLimits.maxChangesPerDay = 0;
  raw.clearing.warnings = 'red';
  const r = parseScenarioText(JSON.stringify(raw));
  if (r.ok) throw new Error('should be invalid');
  const en = fileReportText({ file: 'bad.json', outcome: 'invalid', errors: r.errors }, 'en');
  expect(en.failed).toBe(true);
  expect(en.text).toBe(
    `bad.json is not a valid scenario file and was not opened (${r.errors.length} errors):`,
  );
  expect(en.errors).toEqual(r.errors.map((e) => `${e.path}: ${e.en}`));
  expect(en.errors.join('\n')).toContain('rules.quotaLimits.maxChangesPerDay: ');
  const zh = fileReportText({ file: 'bad.json', outcome: 'invalid', errors: r.errors }, 'zh');
  expect(zh.errors).toEqual(r.errors.map((e) => `${e.path}: ${e.zh}`));

  const whole: ScenarioError = { path: '', code: 'json-syntax', en: 'not valid JSON', zh: '不是有效的 JSON' };
  expect(fileReportText({ file: 'x.json', outcome: 'invalid', errors: [whole] }, 'zh')).toEqual({
    text: 'x.json 不是有效的方案文件，未打开（1 处错误）：',
    errors: ['（整个文件）: 不是有效的 JSON'],
    failed: true,
  });
  const many = Array.from({ length: ERRORS_SHOWN + 3 }, (_, i) => ({ ...whole, path: `p${i}` }));
  const cut = fileReportText({ file: 'x.json', outcome: 'invalid', errors: many }, 'en').errors;
  expect(cut).toHaveLength(ERRORS_SHOWN + 1);
  expect(cut.at(-1)).toBe('3 more errors.');

  expect(fileReportText({ file: 'big.json', outcome: 'too-large', bytes: 2_500_000 }, 'en').text).toBe(
    'big.json is 2.5 MB, more than the 1.0 MB a scenario file may be: it was not opened.',
  );
  expect(fileReportText({ file: 'x.json', outcome: 'unreadable', reason: 'gone' }, 'zh').text).toBe(
    '无法读取 x.json：gone',
  );
  // A file name is anybody's text: a long one is cut.
  const long = fileReportText({ file: `${'a'.repeat(10_000)}.json`, outcome: 'too-large', bytes: 2e6 }, 'en');
  expect(long.text.length).toBeLessThan(300);
});
