import { expect, test } from 'vitest';
import { type FileLike, OPENED_STORAGE_KEY, OpenedScenarios } from '../../../src/ui/compare/openedScenarios';
import { MAX_SCENARIO_FILE_BYTES, scenarioFileText } from '../../../src/ui/compare/scenarioFile';
import { rawScenario, scenario } from '../../scenario/helpers';

/**
 * A tab's session storage kept in a Map (Node has no sessionStorage); with `limit`, a write of more
 * characters fails as a full browser storage does.
 */
class SessionStorage implements Storage {
  readonly #items = new Map<string, string>();
  constructor(readonly limit = Infinity) {}
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (value.length > this.limit)
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    this.#items.set(key, value);
  }
}

const BUNDLED = ['baseline-2026', 'netting-2026'];

/** A scenario file as the page gets it (Node's File, like the browser's). */
function scenarioFile(
  name: string,
  id: string,
  change: (raw: Record<string, unknown>) => void = () => {},
): File {
  const raw = rawScenario('monthly-cap-2026');
  raw.id = id;
  change(raw);
  return new File([JSON.stringify(raw, null, 2)], name, { type: 'application/json' });
}

test('opened files are checked, added in order, renamed when their id is taken, and kept for the tab', async () => {
  const sessionStorage = new SessionStorage();
  const opened = new OpenedScenarios({ sessionStorage }, BUNDLED);
  const reports = await opened.open([
    scenarioFile('a.json', 'my-cap'),
    scenarioFile('b.json', 'netting-2026'),
    scenarioFile('c.json', 'baseline-2026-edited'),
  ]);
  expect(reports).toEqual([
    { file: 'a.json', outcome: 'opened', id: 'my-cap', renamedFrom: null, replaced: false, kept: true },
    {
      file: 'b.json',
      outcome: 'opened',
      id: 'netting-2026-opened',
      renamedFrom: 'netting-2026',
      replaced: false,
      kept: true,
    },
    {
      file: 'c.json',
      outcome: 'opened',
      id: 'baseline-2026-edited-opened',
      renamedFrom: 'baseline-2026-edited',
      replaced: false,
      kept: true,
    },
  ]);
  expect(opened.all().map((o) => [o.scenario.id, o.file])).toEqual([
    ['my-cap', 'a.json'],
    ['netting-2026-opened', 'b.json'],
    ['baseline-2026-edited-opened', 'c.json'],
  ]);
  // The scenario is the file's, under its id.
  expect({ ...opened.get('my-cap')!.scenario, id: 'monthly-cap-2026' }).toEqual(scenario('monthly-cap-2026'));
  // An opened file's edited copy has its id too: no file may take it.
  expect(opened.taken().has('my-cap-edited')).toBe(true);

  // The same tab, reloaded, finds them again in its session storage, in order.
  const again = new OpenedScenarios({ sessionStorage }, BUNDLED);
  expect(again.all()).toEqual(opened.all());

  // A file with an id opened before replaces it, in its place.
  const [replaced] = await again.open([
    scenarioFile('a2.json', 'my-cap', (raw) => {
      raw.seed = 'another-seed';
    }),
  ]);
  expect(replaced).toMatchObject({ outcome: 'opened', id: 'my-cap', replaced: true });
  expect(again.all().map((o) => o.file)).toEqual(['a2.json', 'b.json', 'c.json']);
  expect(again.get('my-cap')!.scenario.seed).toBe('another-seed');

  again.remove('netting-2026-opened');
  expect(new OpenedScenarios({ sessionStorage }, BUNDLED).all().map((o) => o.scenario.id)).toEqual([
    'my-cap',
    'baseline-2026-edited-opened',
  ]);
  again.remove('my-cap');
  again.remove('baseline-2026-edited-opened');
  expect(sessionStorage.getItem(OPENED_STORAGE_KEY)).toBeNull();
});

test('too large, unreadable and invalid files are refused, and the rest still open', async () => {
  const opened = new OpenedScenarios({ sessionStorage: new SessionStorage() }, BUNDLED);
  const huge = new File([new Uint8Array(MAX_SCENARIO_FILE_BYTES + 1)], 'huge.json');
  const unreadable: FileLike = {
    name: 'gone.json',
    size: 10,
    text: () => Promise.reject(new Error('the file was moved')),
  };
  const invalid = scenarioFile('bad.json', 'bad', (raw) => {
    (raw.rules as { quotaLimits: { maxChangesPerDay: number } }).quotaLimits.maxChangesPerDay = 0;
  });
  const reports = await opened.open([huge, unreadable, invalid, scenarioFile('ok.json', 'fine')]);
  expect(reports.map((r) => r.outcome)).toEqual(['too-large', 'unreadable', 'invalid', 'opened']);
  expect(reports[0]).toEqual({ file: 'huge.json', outcome: 'too-large', bytes: MAX_SCENARIO_FILE_BYTES + 1 });
  expect(reports[1]).toEqual({ file: 'gone.json', outcome: 'unreadable', reason: 'the file was moved' });
  const bad = reports[2]!;
  expect(bad.outcome === 'invalid' && bad.errors.map((e) => e.path)).toEqual([
    'rules.quotaLimits.maxChangesPerDay',
  ]);
  expect(opened.all().map((o) => o.scenario.id)).toEqual(['fine']);
});

test('what storage holds is checked again: damaged entries are dropped, never trusted', () => {
  const sessionStorage = new SessionStorage();
  const good = { file: 'g.json', text: scenarioFileText({ ...scenario('monthly-cap-2026'), id: 'good' }) };
  const raw = rawScenario('monthly-cap-2026');
  raw.id = 'changed';
  raw.rules.quotaLimits.maxChangesPerDay = -1;
  sessionStorage.setItem(
    OPENED_STORAGE_KEY,
    JSON.stringify([good, { file: 'x.json', text: JSON.stringify(raw) }, { file: 1 }, null, 'text', good]),
  );
  expect(new OpenedScenarios({ sessionStorage }, BUNDLED).all().map((o) => o.scenario.id)).toEqual(['good']);
  // A bundled scenario that has since taken the id: the stored file gives way.
  expect(new OpenedScenarios({ sessionStorage }, ['good']).all().map((o) => o.scenario.id)).toEqual([
    'good-opened',
  ]);
  sessionStorage.setItem(OPENED_STORAGE_KEY, '{"not": "a list"}');
  expect(new OpenedScenarios({ sessionStorage }, BUNDLED).all()).toEqual([]);
  sessionStorage.setItem(OPENED_STORAGE_KEY, '[{');
  expect(new OpenedScenarios({ sessionStorage }, BUNDLED).all()).toEqual([]);
});

test('with storage full or blocked, files open for the page only and say so', async () => {
  const full = new OpenedScenarios({ sessionStorage: new SessionStorage(1000) }, BUNDLED);
  const [report] = await full.open([scenarioFile('a.json', 'a')]);
  expect(report).toMatchObject({ outcome: 'opened', id: 'a', kept: false });
  expect(full.all()).toHaveLength(1);

  const blocked = {
    get sessionStorage(): Storage {
      throw new DOMException('access is denied', 'SecurityError');
    },
  };
  const page = new OpenedScenarios(blocked, BUNDLED);
  expect(page.all()).toEqual([]);
  const [b] = await page.open([scenarioFile('b.json', 'b')]);
  expect(b).toMatchObject({ outcome: 'opened', id: 'b', kept: false });
  page.remove('b');
  expect(page.all()).toEqual([]);
});
