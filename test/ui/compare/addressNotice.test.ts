import { expect, test } from 'vitest';
import { readCompareState } from '../../../src/ui/compare/address';
import { addressNoticeLines, NOTICE_SHOWN } from '../../../src/ui/compare/addressNotice';
import { type CompareMessageKey, compareMessages } from '../../../src/ui/compare/messages';

const IDS = ['baseline-2026', 'netting-2026'];
const zh = (key: CompareMessageKey) => compareMessages[key].zh;
const en = (key: CompareMessageKey) => compareMessages[key].en;

test('addressNoticeLines names an unknown scenario and a bad scale, and says what ran instead, in both languages', () => {
  const state = readCompareState('?run=nope-2030&scale=-3', IDS)!;
  const problems = { ignored: state.ignored!, refused: [], fellBackTo: 'baseline-2026' };
  expect(addressNoticeLines(problems, en)).toEqual([
    'The address names the scenario “nope-2030”, which is neither bundled nor a file opened in this session: it was not run (a shared link cannot carry a local file: open the file first).',
    'The address gives scale=-3, which is not an offered scale (k of 1:k: 10000, 1000, 100, 10, 1): the runs use 1:1000.',
    'No scenario of the address can run: baseline-2026 ran instead.',
  ]);
  expect(addressNoticeLines(problems, zh)).toEqual([
    '地址中的方案“nope-2030”既不是内置方案，也不是本次会话中打开的文件，未运行（分享的链接带不走本机文件：请先打开该文件）。',
    '地址给出的 scale=-3 不是可选的比例（1:k 的 k：10000, 1000, 100, 10, 1），改按 1:1000 运行。',
    '地址中没有可运行的方案，改为运行 baseline-2026。',
  ]);
});

test('addressNoticeLines names an unknown edit base and the refused set= entries, at most ten of each, then a count', () => {
  const runs = Array.from({ length: 15 }, (_, i) => `gone-${i}`).join(',');
  const sets = Array.from({ length: 12 }, (_, i) => `set=x${i}:1`).join('&');
  const state = readCompareState(`?run=${runs},edited&edit=old-base&${sets}`, IDS)!;
  const lines = addressNoticeLines(
    { ignored: state.ignored!, refused: [{ path: 'a.b', reason: 'unknown-path' }], fellBackTo: null },
    en,
  );
  expect(lines[0]).toBe(
    'The address’s edited copy starts from “old-base”, which is not a scenario here: the edited copy was not run.',
  );
  expect(lines.slice(1, NOTICE_SHOWN)).toHaveLength(NOTICE_SHOWN - 1);
  expect(lines[NOTICE_SHOWN]).toBe('6 more values of the address were not used.');
  expect(lines.slice(NOTICE_SHOWN + 1)).toEqual([
    'The address asks to change “a.b”, which is not a parameter of a scenario: the change was refused.',
  ]);
  expect(addressNoticeLines({ ignored: [], refused: [], fellBackTo: null }, en)).toEqual([]);
});

test('addressNoticeLines says when the baseline is not among the runs and when the replications are not offered', () => {
  const state = readCompareState('?run=netting-2026&baseline=baseline-2026&reps=7', IDS)!;
  const problems = { ignored: state.ignored!, refused: [], fellBackTo: null };
  expect(addressNoticeLines(problems, en)).toEqual([
    'The address gives baseline=baseline-2026, which is not one of the chosen scenarios: the default baseline is used (baseline-2026 when chosen, else the first).',
    'The address gives reps=7, which is not an offered number of replications (0, 2, 5, 10, 20): the runs use 0.',
  ]);
  expect(addressNoticeLines(problems, zh)).toEqual([
    '地址给出的 baseline=baseline-2026 不是所选方案之一，改用默认基准（选了 baseline-2026 时用它，否则用第一个方案）。',
    '地址给出的 reps=7 不是可选的重复模拟次数（0, 2, 5, 10, 20），改按 0 次运行。',
  ]);
});
