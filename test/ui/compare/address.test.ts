import { expect, test } from 'vitest';
import { DEFAULT_SCALE, SCALES } from '../../../src/runtime/scales';
import {
  baselineOf,
  type CompareState,
  comparePath,
  readCompareState,
  startingState,
} from '../../../src/ui/compare/address';

const IDS = ['baseline-2026', 'netting-2026', 'fast-cycle-2026'];

test('comparePath then readCompareState gives back the same comparison, edits included', () => {
  const state: CompareState = {
    runs: ['baseline-2026', 'netting-2026', 'edited'],
    scaleK: 100,
    seed: 'seed with spaces & signs',
    baseline: null,
    replications: 0,
    edit: {
      base: 'baseline-2026',
      values: {
        'rules.quotaLimits.monthlyUseCapFen': 50000,
        'rules.permittedUses': ['medical'],
        'rules.quotaLimits.quietHours': null,
      },
      refused: [],
    },
    ignored: [],
  };
  const path = comparePath('http://h/?lang=en#compare', state);
  expect(path.startsWith('/?lang=en&run=baseline-2026%2Cnetting-2026%2Cedited&scale=100')).toBe(true);
  expect(path.endsWith('#compare')).toBe(true);
  expect(readCompareState(new URL(path, 'http://h').search, IDS)).toEqual(state);
});

test('comparePath replaces an earlier comparison and leaves other parameters alone', () => {
  const first = comparePath('http://h/?story=x&seed=old&set=a:1', {
    runs: ['netting-2026'],
    scaleK: 1000,
    seed: null,
    baseline: null,
    replications: 0,
    edit: null,
  });
  expect(first).toBe('/?story=x&run=netting-2026&scale=1000');
});

test('readCompareState is null without run=, drops unknown ids, bad scales and an edit without a known base, and refuses set= entries naming no parameter or with bad JSON', () => {
  expect(readCompareState('?lang=en', IDS)).toBeNull();
  expect(readCompareState('?run=nope,netting-2026,netting-2026,edited&scale=7&seed=%20', IDS)).toEqual({
    runs: ['netting-2026'],
    scaleK: 1000,
    seed: null,
    baseline: null,
    replications: 0,
    edit: null,
    ignored: [
      { param: 'run', value: 'nope' },
      { param: 'run', value: 'edited' },
      { param: 'scale', value: '7' },
    ],
  });
  expect(
    readCompareState(
      '?run=edited&edit=baseline-2026&set=rules.quotaModel:{bad&set=clearing.warnings.red:0.8&set=:3&set=a.c:2',
      IDS,
    ),
  ).toEqual({
    runs: ['edited'],
    scaleK: 1000,
    seed: null,
    baseline: null,
    replications: 0,
    edit: {
      base: 'baseline-2026',
      values: { 'clearing.warnings.red': 0.8 },
      refused: [
        { path: 'rules.quotaModel', reason: 'bad-value' },
        { path: '', reason: 'unknown-path' },
        { path: 'a.c', reason: 'unknown-path' },
      ],
    },
    ignored: [],
  });
});

test('readCompareState lists what it could not use: run=nope-2030, scale=-3, an unknown edit base, each once and cut short', () => {
  expect(readCompareState('?run=nope-2030&scale=-3', IDS)).toEqual({
    runs: [],
    scaleK: DEFAULT_SCALE,
    seed: null,
    baseline: null,
    replications: 0,
    edit: null,
    ignored: [
      { param: 'run', value: 'nope-2030' },
      { param: 'scale', value: '-3' },
    ],
  });
  const long = 'x'.repeat(1000);
  expect(readCompareState(`?run=a,${long},a,,edited,netting-2026&edit=gone&scale=1e3`, IDS)?.ignored).toEqual(
    [
      { param: 'edit', value: 'gone' },
      { param: 'run', value: 'a' },
      { param: 'run', value: `${'x'.repeat(60)}…(1000 characters)` },
      { param: 'scale', value: '1e3' },
    ],
  );
  for (const scale of ['', ' 100', '+100', '100.0', '0x64', '1:100', '1000000000'])
    expect(readCompareState(`?run=netting-2026&scale=${encodeURIComponent(scale)}`, IDS)?.ignored).toEqual([
      { param: 'scale', value: scale },
    ]);
  expect(readCompareState('?run=netting-2026&scale=100', IDS)?.ignored).toEqual([]);
  expect(readCompareState('?run=netting-2026', IDS)?.ignored).toEqual([]);
});

test('readCompareState takes the slow scales 1:10 and 1:1 (national) from the address, and keeps 1:1000 by default', () => {
  expect(readCompareState('?run=baseline-2026&scale=10', IDS)?.scaleK).toBe(10);
  expect(readCompareState('?run=baseline-2026&scale=1', IDS)?.scaleK).toBe(1);
  expect(readCompareState('?run=baseline-2026', IDS)?.scaleK).toBe(DEFAULT_SCALE);
  expect(DEFAULT_SCALE).toBe(1000);
  expect(SCALES).toEqual([10_000, 1_000, 100, 10, 1]);
  const path = comparePath('http://h/#compare', {
    runs: ['baseline-2026'],
    scaleK: 1,
    seed: null,
    baseline: null,
    replications: 0,
    edit: null,
  });
  expect(path).toBe('/?run=baseline-2026&scale=1#compare');
});

test('readCompareState refuses set= paths through __proto__, constructor and prototype and never touches Object.prototype', () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  const state = readCompareState(
    '?run=edited&edit=baseline-2026&set=__proto__.polluted:"yes"&set=__proto__:{"polluted":"yes"}' +
      '&set=constructor.prototype.polluted:1&set=__proto__.toString:1&set=rules.quotaModel:"wallet-transfer"',
    IDS,
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
  expect(state?.edit?.values).toEqual({ 'rules.quotaModel': 'wallet-transfer' });
  expect(Object.getPrototypeOf(state?.edit?.values)).toBe(Object.prototype);
  expect(state?.edit?.refused).toEqual([
    { path: '__proto__.polluted', reason: 'unknown-path' },
    { path: '__proto__', reason: 'unknown-path' },
    { path: 'constructor.prototype.polluted', reason: 'unknown-path' },
    { path: '__proto__.toString', reason: 'unknown-path' },
  ]);
});

test('readCompareState refuses a set= value nested deeper than a scenario allows, and cuts a long path it quotes', () => {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const state = readCompareState(
    `?run=edited&edit=baseline-2026&set=rules.permittedUses:${deep}&set=${'k'.repeat(10_000)}:1`,
    IDS,
  );
  expect(state?.edit?.values).toEqual({});
  expect(state?.edit?.refused).toEqual([
    { path: 'rules.permittedUses', reason: 'bad-value' },
    { path: `${'k'.repeat(60)}…(10000 characters)`, reason: 'unknown-path' },
  ]);
});

test('the baseline and the replications sit in the address: kept when offered and among the runs, else listed as ignored', () => {
  const state: CompareState = {
    runs: ['baseline-2026', 'netting-2026'],
    scaleK: 10_000,
    seed: null,
    baseline: 'netting-2026',
    replications: 5,
    edit: null,
    ignored: [],
  };
  const path = comparePath('http://h/?lang=zh#compare', state);
  expect(path).toBe(
    '/?lang=zh&run=baseline-2026%2Cnetting-2026&scale=10000&baseline=netting-2026&reps=5#compare',
  );
  expect(readCompareState(new URL(path, 'http://h').search, IDS)).toEqual(state);
  // No replications and the default baseline leave the address as it was.
  expect(comparePath('http://h/', { ...state, baseline: null, replications: 0 })).toBe(
    '/?run=baseline-2026%2Cnetting-2026&scale=10000',
  );
  // A baseline that is not one of the runs, and replications not offered, are said and not used.
  expect(readCompareState('?run=netting-2026&baseline=fast-cycle-2026&reps=3', IDS)).toMatchObject({
    baseline: null,
    replications: 0,
    ignored: [
      { param: 'baseline', value: 'fast-cycle-2026' },
      { param: 'reps', value: '3' },
    ],
  });
  // A baseline that is an unknown run of the address is said once, as that run.
  expect(readCompareState('?run=netting-2026,my-cap&baseline=my-cap', IDS)).toMatchObject({
    runs: ['netting-2026'],
    baseline: null,
    ignored: [{ param: 'run', value: 'my-cap' }],
  });
  for (const reps of ['', '-2', '+2', '2.0', '0x2', '1e1', ' 5', '1000'])
    expect(readCompareState(`?run=netting-2026&reps=${encodeURIComponent(reps)}`, IDS)?.ignored).toEqual([
      { param: 'reps', value: reps },
    ]);
  for (const reps of [0, 2, 5, 10, 20])
    expect(readCompareState(`?run=netting-2026&reps=${reps}`, IDS)?.replications).toBe(reps);
});

test('baselineOf: the chosen baseline among the runs, else baseline-2026 when chosen, else the first', () => {
  const runs = ['netting-2026', 'baseline-2026', 'edited'];
  expect(baselineOf({ runs, baseline: 'edited' }, 'baseline-2026')).toBe('edited');
  expect(baselineOf({ runs, baseline: null }, 'baseline-2026')).toBe('baseline-2026');
  expect(baselineOf({ runs, baseline: 'gone' }, 'baseline-2026')).toBe('baseline-2026');
  expect(baselineOf({ runs: ['netting-2026', 'edited'], baseline: null }, 'baseline-2026')).toBe(
    'netting-2026',
  );
  expect(baselineOf({ runs: [], baseline: null }, 'baseline-2026')).toBeNull();
});

test('startingState runs baseline-2026 on a first visit, and in place of an address that names nothing that can run', () => {
  expect(startingState('?lang=en', IDS, 'baseline-2026')).toEqual({
    state: {
      runs: ['baseline-2026'],
      scaleK: DEFAULT_SCALE,
      seed: null,
      baseline: null,
      replications: 0,
      edit: null,
    },
    fellBackTo: null,
  });
  const fell = startingState('?run=nope-2030&scale=100', IDS, 'baseline-2026');
  expect(fell.fellBackTo).toBe('baseline-2026');
  expect(fell.state).toMatchObject({ runs: ['baseline-2026'], scaleK: 100, ignored: [{ param: 'run' }] });
  expect(startingState('?run=netting-2026', IDS, 'baseline-2026')).toMatchObject({
    state: { runs: ['netting-2026'] },
    fellBackTo: null,
  });
});
