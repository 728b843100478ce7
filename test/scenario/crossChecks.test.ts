import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario';
import { rawScenario } from './helpers';

/** The errors of a raw scenario as [path, code] pairs, sorted; [] when it is valid. */
function problems(raw: unknown): [string, string][] {
  const r = parseScenario(raw);
  return r.ok ? [] : r.errors.map((e): [string, string] => [e.path, e.code]).sort();
}

/** An object that cannot be turned into a number or a text: adding or comparing it throws. */
const unconvertible = () => ({ toString: 1, valueOf: 1 });

describe('cross-field checks never compare or add values of the wrong type', () => {
  test('an object among the month weights is a wrong type at its index, not a TypeError from the sum', () => {
    const raw = rawScenario('baseline-2026');
    raw.behaviour.contributions.monthWeights[3] = unconvertible();
    expect(problems(raw)).toEqual([['behaviour.contributions.monthWeights[3]', 'wrong-type']]);
  });

  test('objects in the window, quiet hours, prepayment months and warnings are wrong types, with no check error', () => {
    const raw = rawScenario('baseline-2026');
    raw.window.start = unconvertible();
    raw.rules.quotaLimits.quietHours = { start: unconvertible(), end: '06:00' };
    raw.clearing.prepayment.resizeMonth = unconvertible();
    raw.clearing.warnings.red = unconvertible();
    raw.rules.permittedUses = [unconvertible(), unconvertible()];
    expect(problems(raw)).toEqual(
      [
        ['window.start', 'wrong-type'],
        ['rules.quotaLimits.quietHours.start', 'wrong-type'],
        ['clearing.prepayment.resizeMonth', 'wrong-type'],
        ['clearing.warnings.red', 'wrong-type'],
        ['rules.permittedUses[0]', 'not-allowed'],
        ['rules.permittedUses[1]', 'not-allowed'],
      ].sort(),
    );
  });

  test('a warning threshold too large for a number is one error, not also "yellow below red"', () => {
    const raw = rawScenario('baseline-2026');
    raw.clearing.warnings.yellow = Infinity;
    expect(problems(raw)).toEqual([['clearing.warnings.yellow', 'wrong-type']]);
  });

  test('the checks still run beside other errors when the values they compare are valid', () => {
    const raw = rawScenario('baseline-2026');
    raw.behaviour.contributions.monthWeights[0] = 0.5;
    raw.clearing.warnings.yellow = 0.95;
    raw.seed = 7;
    expect(problems(raw)).toEqual(
      [
        ['behaviour.contributions.monthWeights', 'inconsistent'],
        ['clearing.warnings', 'inconsistent'],
        ['seed', 'wrong-type'],
      ].sort(),
    );
  });
});
