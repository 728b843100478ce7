import { expect, test } from 'vitest';
import {
  DEFAULT_SCALE,
  readValidationScale,
  validationPath,
  VSCALE_PARAM,
} from '../../../src/ui/validation/address';

test('readValidationScale reads an offered vscale and falls back to 1:1000 for anything else', () => {
  expect(readValidationScale('?vscale=10000')).toBe(10_000);
  expect(readValidationScale('?lang=en&vscale=100')).toBe(100);
  expect(readValidationScale('')).toBe(DEFAULT_SCALE);
  expect(readValidationScale('?vscale=500')).toBe(DEFAULT_SCALE);
  expect(readValidationScale('?vscale=1e4')).toBe(DEFAULT_SCALE);
  // Compare's scale= is not the validation's.
  expect(readValidationScale('?scale=10000')).toBe(DEFAULT_SCALE);
});

test('validationPath sets vscale and keeps the path, the other parameters and the hash', () => {
  expect(VSCALE_PARAM).toBe('vscale');
  expect(validationPath('http://h/app/?lang=en&run=a&scale=100#validation', 10_000)).toBe(
    '/app/?lang=en&run=a&scale=100&vscale=10000#validation',
  );
  const again = validationPath('http://h/?vscale=100#validation', 1_000);
  expect(again).toBe('/?vscale=1000#validation');
  expect(readValidationScale(new URL(`http://h${again}`).search)).toBe(1_000);
});
