import { describe, expect, test } from 'vitest';
import { deriveSeed } from '../../src/clearing/replications';

describe('deriveSeed', () => {
  test('replication r of a run seeded s is seeded "s#r<r>", whatever the number of replications', () => {
    expect(deriveSeed('baseline-2026', 7)).toBe('baseline-2026#r7');
    expect(deriveSeed('x', 0)).toBe('x#r0');
  });

  test('deriveSeed refuses a replication that is not a whole number ≥ 0', () => {
    expect(() => deriveSeed('x', -1)).toThrow('replication: expected a whole number ≥ 0, got -1');
    expect(() => deriveSeed('x', 1.5)).toThrow(RangeError);
  });
});
