import { expect, test } from 'vitest';
import { fill } from '../../src/ui/placeholders';

test('fill puts each value in its {name} placeholder, numbers as text, every occurrence', () => {
  expect(fill('{a} 与 {b}，再一次 {a}', { a: '甲', b: 2 })).toBe('甲 与 2，再一次 甲');
  expect(fill('no placeholders', { a: 1 })).toBe('no placeholders');
});

test('a placeholder without a value stays as written, so a missing value shows', () => {
  expect(fill('{shard}: {message}', { shard: 'shard-0001-of-0003' })).toBe('shard-0001-of-0003: {message}');
  expect(fill('{a}', {})).toBe('{a}');
});

test('names the prototype holds are not values: {constructor} and {toString} stay as written', () => {
  expect(fill('{constructor} {toString} {__proto__}', {})).toBe('{constructor} {toString} {__proto__}');
  // An own key of that name is a value like any other.
  expect(fill('{constructor}', { constructor: 'x' } as Record<string, string>)).toBe('x');
});

test('an empty string or zero is a value, not a missing one', () => {
  expect(fill('[{a}][{b}]', { a: '', b: 0 })).toBe('[][0]');
});
