import { describe, expect, test } from 'vitest';
import { readPrepaymentState } from '../../../src/ui/prepayment/address';

const read = (search: string) =>
  readPrepaymentState(search, ['baseline-2026', 'other'], ['11', '44'], 'baseline-2026');

describe('readPrepaymentState', () => {
  test('reads every parameter it knows and says the address gave a state', () => {
    const { state, given, ignored } = read('?pscenario=other&pscale=1000&preps=50&pconf=0.9&pprovince=44');
    expect(state).toEqual({
      scenario: 'other',
      scaleK: 1000,
      replications: 50,
      confidence: 0.9,
      province: '44',
    });
    expect(given).toBe(true);
    expect(ignored).toEqual([]);
  });

  test('keeps the defaults for values it cannot use and names them', () => {
    const { state, ignored } = read('?pscale=7&pprovince=99');
    expect(state.scaleK).not.toBe(7);
    expect(state.province).toBeNull();
    expect(ignored).toEqual(['pscale=7', 'pprovince=99']);
  });

  test('a huge unusable value is named by its beginning and length, not repeated in full', () => {
    const { ignored } = read(`?pscenario=${'x'.repeat(1_000_000)}`);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.length).toBeLessThan(120);
    expect(ignored[0]).toMatch(/^pscenario=x{60}…\(1000000 characters\)$/);
  });
});
