import { describe, expect, test } from 'vitest';
import { parseScenario, type ScenarioError } from '../../src/scenario';
import { rawScenario } from './helpers';

/** The errors of a raw scenario as [path, code] pairs, sorted; [] when it is valid. */
function problems(raw: unknown): [string, string][] {
  const r = parseScenario(raw);
  return r.ok ? [] : r.errors.map((e): [string, string] => [e.path, e.code]).sort();
}

function errorsOf(raw: unknown): ScenarioError[] {
  const r = parseScenario(raw);
  return r.ok ? [] : r.errors;
}

describe('parseScenario', () => {
  test('returns the scenario unchanged when it is valid', () => {
    const raw = rawScenario('pilot-2025-wallet');
    const r = parseScenario(raw);
    expect(r.ok && r.scenario).toEqual(raw);
  });

  test('reports every error of a file at once, each with its path', () => {
    const raw = rawScenario('baseline-2026');
    raw.rules.quotaLimits.maxChangesPerDay = '3'; // wrong type
    raw.rules.quotaLimits.maxChangeYuan = 2000; // unknown key
    raw.clearing.warnings.yellow = 1.2; // out of range, and not below red
    raw.rules.geography.rollout.defaultStart = '2026-13'; // bad month
    raw.window = { start: '2026-12', end: '2026-01' }; // start after end
    delete raw.notes['clearing.calendar.cycle']; // missing note
    expect(problems(raw)).toEqual(
      [
        ['rules.quotaLimits.maxChangesPerDay', 'wrong-type'],
        ['rules.quotaLimits.maxChangeYuan', 'unknown-key'],
        ['clearing.warnings.yellow', 'out-of-range'],
        ['clearing.warnings', 'inconsistent'],
        ['rules.geography.rollout.defaultStart', 'bad-format'],
        ['window', 'inconsistent'],
        ['notes["clearing.calendar.cycle"]', 'missing-note'],
      ].sort(),
    );
  });

  test('says what was expected and what was found, in English and Chinese', () => {
    const raw = rawScenario('baseline-2026');
    raw.rules.quotaLimits.maxChangesPerDay = 2.5;
    raw.clearing.warnings.red = 1.5;
    const byPath = Object.fromEntries(errorsOf(raw).map((e) => [e.path, e]));
    expect(byPath['rules.quotaLimits.maxChangesPerDay']!.en).toMatch(
      /^expected a whole number ≥ 1 .*, got 2\.5$/,
    );
    expect(byPath['rules.quotaLimits.maxChangesPerDay']!.zh).toMatch(/^应为.*整数.*实际为 2\.5$/);
    expect(byPath['clearing.warnings.red']!.en).toMatch(/^expected a usage rate > 0 and ≤ 1 .*, got 1\.5$/);
  });

  test('objects are strict at every level, and a misspelt key gets a suggestion', () => {
    const raw = rawScenario('baseline-2026');
    raw.comment = 'extra';
    raw.rules.geography.rollout.byProvinces = {};
    raw.clearing.prepayment.sizing.percentile = 95;
    const errors = errorsOf(raw);
    expect(errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ['clearing.prepayment.sizing.percentile', 'unknown-key'],
      ['comment', 'unknown-key'],
      ['rules.geography.rollout.byProvinces', 'unknown-key'],
    ]);
    const typo = errors.find((e) => e.path === 'rules.geography.rollout.byProvinces')!;
    expect(typo.en).toContain('did you mean "byProvince"?');
    expect(typo.zh).toContain('是否应为 "byProvince"');
  });

  test('reports missing fields with the path where they belong', () => {
    const raw = rawScenario('baseline-2026');
    delete raw.seed;
    delete raw.rules.paymentOrder.quotaOrder;
    delete raw.clearing.calendar;
    expect(problems(raw)).toEqual([
      ['clearing.calendar', 'missing'],
      ['rules.paymentOrder.quotaOrder', 'missing'],
      ['seed', 'missing'],
    ]);
  });

  test('checks codes: two-digit provinces, six-digit pooling areas within a province, months as values', () => {
    const raw = rawScenario('pilot-2025-wallet');
    raw.rules.geography.rollout.byProvince = {
      '44': '2025-10',
      '4': '2025-10',
      '99': '2025-10',
      '32': '2025-7',
    };
    raw.rules.geography.rollout.byPoolingArea = {
      '440100': '2025-09',
      '990100': '2025-09',
      '4401': '2025-09',
    };
    expect(problems(raw)).toEqual([
      ['rules.geography.rollout.byPoolingArea.4401', 'bad-format'],
      ['rules.geography.rollout.byPoolingArea.990100', 'bad-format'],
      ['rules.geography.rollout.byProvince.32', 'bad-format'],
      ['rules.geography.rollout.byProvince.4', 'bad-format'],
      ['rules.geography.rollout.byProvince.99', 'bad-format'],
    ]);
  });

  test('cross-field checks: quiet hours, duplicate uses, prepayment months (each with the field errors beside it)', () => {
    const raw = rawScenario('pilot-2025-wallet');
    raw.rules.quotaLimits.quietHours = { start: '22:00', end: '22:00' };
    raw.rules.permittedUses = ['medical', 'medical', 'cash'];
    raw.clearing.prepayment.resizeMonth = 3;
    expect(problems(raw)).toEqual([
      ['clearing.prepayment.paymentDeadlineMonth', 'inconsistent'],
      ['rules.permittedUses', 'inconsistent'],
      ['rules.permittedUses[2]', 'not-allowed'],
      ['rules.quotaLimits.quietHours', 'inconsistent'],
    ]);
  });

  test('quiet hours must be clock times HH:MM', () => {
    const raw = rawScenario('pilot-2025-wallet');
    raw.rules.quotaLimits.quietHours = { start: '24:00', end: '6:00' };
    expect(problems(raw)).toEqual([
      ['rules.quotaLimits.quietHours.end', 'bad-format'],
      ['rules.quotaLimits.quietHours.start', 'bad-format'],
    ]);
  });

  test('the clearing cycle is "monthly" or a whole number of days', () => {
    const raw = rawScenario('baseline-2026');
    raw.clearing.calendar.cycle = { days: 10 };
    expect(problems(raw)).toEqual([]);
    raw.clearing.calendar.cycle = { days: 0 };
    expect(problems(raw)).toEqual([['clearing.calendar.cycle.days', 'out-of-range']]);
    raw.clearing.calendar.cycle = 'weekly';
    const [e] = errorsOf(raw);
    expect([e!.path, e!.code]).toEqual(['clearing.calendar.cycle', 'wrong-type']);
    expect(e!.en).toContain('"monthly", or {"days": n}');
  });

  test('prepayment sizing is one of two methods, each with its own range', () => {
    const raw = rawScenario('baseline-2026');
    raw.clearing.prepayment.sizing = { method: 'percentile-of-monthly-need', percentile: 95 };
    expect(problems(raw)).toEqual([]);
    raw.clearing.prepayment.sizing = { method: 'percentile-of-monthly-need', percentile: 0 };
    expect(problems(raw)).toEqual([['clearing.prepayment.sizing.percentile', 'out-of-range']]);
    raw.clearing.prepayment.sizing = { method: 'six-months', months: 6 };
    const [e] = errorsOf(raw);
    expect([e!.path, e!.code]).toEqual(['clearing.prepayment.sizing.method', 'not-allowed']);
    expect(e!.en).toBe('expected one of "months-of-average", "percentile-of-monthly-need", got "six-months"');
  });

  test('the id is kebab-case and the texts are non-empty', () => {
    const raw = rawScenario('baseline-2026');
    raw.id = 'Baseline_2026';
    raw.title.zh = '  ';
    expect(problems(raw)).toEqual([
      ['id', 'bad-format'],
      ['title.zh', 'bad-format'],
    ]);
  });

  test('a file that is not an object is one error for the whole file', () => {
    expect(problems([])).toEqual([['', 'wrong-type']]);
    expect(problems('baseline')).toEqual([['', 'wrong-type']]);
  });
});

describe('parseScenario: notes', () => {
  test('every parameter needs a note, and every note must name a field', () => {
    const raw = rawScenario('scope-2021');
    delete raw.notes['rules.quotaModel'];
    delete raw.notes['clearing.prepayment.sizing'];
    raw.notes['rules.relativScope'] = 'typo';
    raw.notes['rules.quotaLimits.quietHours.start'] = 'inside a leaf that is null here';
    const errors = errorsOf(raw);
    expect(errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ['notes["clearing.prepayment.sizing"]', 'missing-note'],
      ['notes["rules.quotaLimits.quietHours.start"]', 'unknown-note'],
      ['notes["rules.quotaModel"]', 'missing-note'],
      ['notes["rules.relativScope"]', 'unknown-note'],
    ]);
    expect(errors.find((e) => e.path === 'notes["rules.relativScope"]')!.en).toContain(
      'did you mean "rules.relativeScope"?',
    );
  });

  test('a note may be one text, and may sit on a group or on a record entry the file has', () => {
    const raw = rawScenario('pilot-2025-wallet');
    raw.notes['rules.quotaModel'] = 'R9: the 2025 pilot moved money into the wallet.';
    raw.notes['rules.geography'] = { zh: '地域', en: 'geography' };
    raw.notes['rules.geography.rollout.byProvince.44'] = 'Guangdong went live last.';
    expect(problems(raw)).toEqual([]);
    raw.notes['rules.geography.rollout.byProvince.51'] = 'Sichuan has no entry here.';
    raw.notes['rules.quotaModel'] = '';
    expect(problems(raw)).toEqual([
      ['notes["rules.geography.rollout.byProvince.51"]', 'unknown-note'],
      ['notes["rules.quotaModel"]', 'bad-format'],
    ]);
  });

  test('notes are checked even when other sections are broken', () => {
    const raw = rawScenario('baseline-2026');
    raw.rules = 'near-relatives';
    delete raw.notes['clearing.settlement'];
    expect(problems(raw)).toEqual([
      ['notes["clearing.settlement"]', 'missing-note'],
      ['rules', 'wrong-type'],
    ]);
  });
});
