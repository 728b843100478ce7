import { describe, expect, test } from 'vitest';
import { placePath, readFamily, readPlace, readStep } from '../../../src/ui/trainer/address';

const IDS = ['suzhou-quota', 'bill-split'];
const steps = (id: string) => (id === 'bill-split' ? 5 : 2);

describe('readPlace', () => {
  test('reads the story and step of a shared link', () => {
    expect(readPlace('?lang=zh&story=bill-split&step=4', IDS, steps)).toEqual({
      story: 'bill-split',
      step: 4,
    });
  });

  test('falls back to the first story and the start for a missing or unknown story', () => {
    expect(readPlace('', IDS, steps)).toEqual({ story: 'suzhou-quota', step: 0 });
    expect(readPlace('?story=nope&step=1', IDS, steps)).toEqual({ story: 'suzhou-quota', step: 1 });
  });

  test('clamps the step to the story and ignores a step that is not a whole number', () => {
    expect(readPlace('?story=suzhou-quota&step=9', IDS, steps)).toEqual({ story: 'suzhou-quota', step: 2 });
    for (const bad of ['-1', '1.5', 'x', '']) {
      expect(readPlace(`?story=bill-split&step=${bad}`, IDS, steps).step, bad).toBe(0);
    }
  });
});

describe('placePath', () => {
  test('sets the story and step, keeping the path, the language and the workspace hash', () => {
    expect(placePath('http://h/app/?lang=en#trainer', { story: 'bill-split', step: 3 })).toBe(
      '/app/?lang=en&story=bill-split&step=3#trainer',
    );
  });

  test('what it writes, readPlace reads back', () => {
    const path = placePath('http://h/?story=suzhou-quota&step=1', { story: 'bill-split', step: 5 });
    expect(readPlace(new URL(path, 'http://h').search, IDS, steps)).toEqual({ story: 'bill-split', step: 5 });
  });
});

describe('a simulated family in the address', () => {
  test('the family index is written and read back, and dropped for a story', () => {
    const path = placePath('http://h/?lang=en#trainer', { story: 'simulated', step: 4, family: 56000 });
    expect(path).toBe('/?lang=en&story=simulated&step=4&family=56000#trainer');
    const search = new URL(path, 'http://h').search;
    expect(readFamily(search)).toBe(56000);
    expect(readStep(search)).toBe(4);
    expect(placePath(`http://h/${search}`, { story: 'bill-split', step: 0 })).toBe(
      '/?lang=en&story=bill-split&step=0',
    );
  });

  test('a family index that is not a whole number is no family', () => {
    for (const bad of ['', '-1', '1.5', 'x', '1e3']) expect(readFamily(`?family=${bad}`), bad).toBeNull();
    expect(readFamily('?story=simulated')).toBeNull();
  });
});
