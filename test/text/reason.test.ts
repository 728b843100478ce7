import { expect, test } from 'vitest';
import { withReason } from '../../src/text/reason';

const what = { en: 'the run failed', zh: '运行失败' };

test('a reason in both languages is said once in each', () => {
  expect(withReason(what, new Error('no answer / 无响应'))).toBe(
    'the run failed: no answer / 运行失败：无响应',
  );
});

test('a reason in one language is repeated in both halves', () => {
  expect(withReason(what, 'exit code 3')).toBe('the run failed: exit code 3 / 运行失败：exit code 3');
});

test('only the first " / " splits, so a reason that itself contains one keeps it in Chinese', () => {
  expect(withReason(what, new Error('a / b / c'))).toBe('the run failed: a / 运行失败：b / c');
});
