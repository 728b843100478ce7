import { csvFormatRows, csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../../src/population/dataError';
import { DATA_FILES, MAX_NOT_MODELLED } from '../../src/population/dataset';
import { loadDatasetFromDisk } from '../../src/population/node';
import { parseTargets } from '../../src/population/targetsTable';
import { committed } from './helpers';

const provinces = loadDatasetFromDisk().provinces;

/** The committed targets.csv with the cells of `edits` (target name → column → value) replaced. */
function targetsWith(edits: Record<string, Record<string, string>>): string {
  const [header, ...rows] = csvParseRows(committed(DATA_FILES.targets));
  for (const row of rows) {
    for (const [column, value] of Object.entries(edits[row[0]!] ?? {})) {
      const k = header!.indexOf(column);
      if (k < 0) throw new Error(`no column ${column}`);
      row[k] = value;
    }
  }
  return `${csvFormatRows([header!, ...rows])}\n`;
}

/** The 1-based line of a target's row in `text` (no row of targets.csv spans lines). */
function lineOf(text: string, name: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(`${name},`)) + 1;
}

/** Parses `text`, returning the targets and the problems. */
function parse(text: string): { targets: ReturnType<typeof parseTargets>; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  return { targets: parseTargets(text, provinces, problems), problems };
}

const reason = { status_reason_zh: '模型不含此过程', status_reason_en: 'the model has no such process' };

describe('parseTargets: the status of a target', () => {
  it('reads the committed wage rows: the non-private wage a reference with its reasons, the private wage a checked floor', () => {
    const { targets, problems } = parse(committed(DATA_FILES.targets));
    expect(problems).toEqual([]);
    const byName = new Map(targets.map((t) => [t.name, t]));
    const national = byName.get('wage/national')!;
    expect(national.status).toBe('reference');
    expect(national.value).toBe(120_698);
    expect(national.statusReason?.zh).toMatch(/68,340/);
    expect(national.statusReason?.en).toMatch(/68,340 yuan/);
    expect(byName.get('wage/private')).toMatchObject({
      value: 68_340,
      toleranceClass: 'lower-bound',
      status: 'checked',
      statusReason: null,
    });
    expect(targets.filter((t) => t.status === 'checked').length).toBe(targets.length - 1);
  });

  it('reads a not-modelled target with its reason in both languages', () => {
    const { targets, problems } = parse(targetsWith({ 'outflow/51': { status: 'not-modelled', ...reason } }));
    expect(problems).toEqual([]);
    expect(targets.find((t) => t.name === 'outflow/51')).toMatchObject({
      status: 'not-modelled',
      statusReason: { zh: '模型不含此过程', en: 'the model has no such process' },
    });
  });

  it('refuses an unknown status, naming file, line and column', () => {
    const text = targetsWith({ 'inflow/44': { status: 'ignored' } });
    expect(parse(text).problems).toEqual([
      {
        file: 'targets.csv',
        line: lineOf(text, 'inflow/44'),
        column: 'status',
        message: '"ignored" is not one of checked, reference, not-modelled',
      },
    ]);
  });

  it('refuses a reference or not-modelled target without its reason in either language', () => {
    const text = targetsWith({
      'inflow/44': { status: 'reference', status_reason_zh: '', status_reason_en: 'why' },
      'inflow/11': { status: 'not-modelled', status_reason_zh: '为何', status_reason_en: ' ' },
    });
    expect(parse(text).problems).toEqual([
      expect.objectContaining({ line: lineOf(text, 'inflow/11'), column: 'status_reason_en' }),
      expect.objectContaining({ line: lineOf(text, 'inflow/44'), column: 'status_reason_zh' }),
    ]);
  });

  it('refuses a reason on a checked target', () => {
    const text = targetsWith({ 'employee-insured': { status_reason_en: 'because' } });
    expect(parse(text).problems).toEqual([
      expect.objectContaining({
        file: 'targets.csv',
        line: lineOf(text, 'employee-insured'),
        column: 'status_reason_en',
        message: expect.stringMatching(/must be blank for a checked target/),
      }),
    ]);
  });

  it(`accepts ${MAX_NOT_MODELLED} not-modelled targets and refuses the next, at its line`, () => {
    const names = ['outflow/51', 'birth-order-share/1', 'birth-order-share/3+'];
    const two = targetsWith(
      Object.fromEntries(
        names.slice(0, MAX_NOT_MODELLED).map((n) => [n, { status: 'not-modelled', ...reason }]),
      ),
    );
    expect(parse(two).problems).toEqual([]);
    const three = targetsWith(
      Object.fromEntries(names.map((n) => [n, { status: 'not-modelled', ...reason }])),
    );
    expect(parse(three).problems).toEqual([
      {
        file: 'targets.csv',
        line: lineOf(three, 'birth-order-share/3+'),
        column: 'status',
        message: `at most ${MAX_NOT_MODELLED} targets may be not-modelled; this is one more`,
      },
    ]);
  });

  it('refuses a targets.csv without the status columns, naming each', () => {
    const [header, ...rows] = csvParseRows(committed(DATA_FILES.targets));
    const keep = header!.map((h, k) => (h.startsWith('status') ? -1 : k)).filter((k) => k >= 0);
    const text = csvFormatRows([header!, ...rows].map((r) => keep.map((k) => r[k]!)));
    expect(parse(text).problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'status'],
      [1, 'status_reason_zh'],
      [1, 'status_reason_en'],
    ]);
  });
});
