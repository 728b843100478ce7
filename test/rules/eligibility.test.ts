import { describe, expect, test } from 'vitest';
import { checkBeneficiary, checkGeography, checkSharer, geographyOf, walletStart } from '../../src/rules';
import { NANJING, person, rules2026, SUZHOU, ZHENGZHOU } from './fixtures';

const sharer = person('s', 'employee-account', SUZHOU);

describe('checkSharer (R1)', () => {
  test('R1: only an employee with a personal account may share', () => {
    expect(checkSharer(sharer)).toBeNull();
    for (const scheme of ['employee-pooling-only', 'resident', 'uninsured'] as const) {
      expect(checkSharer(person('x', scheme, SUZHOU))).toMatchObject({
        rule: 'R1',
        code: 'sharer-has-no-account',
      });
    }
  });
});

describe('checkBeneficiary (R2)', () => {
  const b = person('b', 'resident', ZHENGZHOU);
  test('R2: near relatives qualify under the 2024+ scope, in-laws never do', () => {
    for (const rel of ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] as const) {
      expect(checkBeneficiary('near-relatives', rel, b)).toBeNull();
    }
    for (const rel of ['parent-in-law', 'child-in-law', 'sibling-in-law', 'other'] as const) {
      expect(checkBeneficiary('near-relatives', rel, b)).toMatchObject({
        rule: 'R2',
        code: 'not-near-relative',
      });
    }
  });

  test('R2: the 2021 scope admits only spouse, parents and children', () => {
    expect(checkBeneficiary('spouse-parents-children', 'child', b)).toBeNull();
    for (const rel of ['sibling', 'grandparent', 'grandchild'] as const) {
      expect(checkBeneficiary('spouse-parents-children', rel, b)).toMatchObject({
        rule: 'R2',
        code: 'outside-relative-scope',
      });
    }
  });

  test('R2: the beneficiary must be insured, in either scheme, in any province', () => {
    expect(checkBeneficiary('near-relatives', 'parent', person('u', 'uninsured', ZHENGZHOU))).toMatchObject({
      code: 'beneficiary-not-insured',
    });
    expect(
      checkBeneficiary('near-relatives', 'parent', person('p', 'employee-pooling-only', ZHENGZHOU)),
    ).toBeNull();
  });
});

describe('checkGeography (R3)', () => {
  const inSuzhou = person('b1', 'resident', SUZHOU);
  const inNanjing = person('b2', 'resident', NANJING);
  const inHenan = person('b3', 'resident', ZHENGZHOU);

  test('geographyOf tells same pooling area, same province and cross-province apart', () => {
    expect([inSuzhou, inNanjing, inHenan].map((b) => geographyOf(sharer, b))).toEqual([
      'same-pooling-area',
      'same-province',
      'cross-province',
    ]);
  });

  test('R3: each geography is open or closed by parameter (the 2021 rules kept sharing inside the pooling area)', () => {
    const g = { ...rules2026().geography, sameProvince: false, crossProvince: false };
    expect(checkGeography(g, sharer, inSuzhou, '2026-03')).toBeNull();
    expect(checkGeography(g, sharer, inNanjing, '2026-03')).toMatchObject({
      rule: 'R3',
      code: 'geography-closed',
    });
    expect(checkGeography(g, sharer, inHenan, '2026-03')).toMatchObject({
      rule: 'R3',
      code: 'geography-closed',
    });
    expect(checkGeography(rules2026().geography, sharer, inHenan, '2026-03')).toBeNull();
  });

  test('R3: within a province and across provinces are opened apart (2021–25: only within a province)', () => {
    const untilNow = { ...rules2026().geography, sameProvince: true, crossProvince: false };
    expect(checkGeography(untilNow, sharer, inNanjing, '2025-03')).toBeNull();
    expect(checkGeography(untilNow, sharer, inHenan, '2025-03')).toMatchObject({ code: 'geography-closed' });
    const onlyAcross = { ...rules2026().geography, sameProvince: false, crossProvince: true };
    expect(checkGeography(onlyAcross, sharer, inNanjing, '2026-03')).toMatchObject({
      code: 'geography-closed',
    });
    expect(checkGeography(onlyAcross, sharer, inHenan, '2026-03')).toBeNull();
    const onlyLocal = {
      ...rules2026().geography,
      samePoolingArea: true,
      sameProvince: false,
      crossProvince: false,
    };
    expect(checkGeography(onlyLocal, sharer, inSuzhou, '2026-03')).toBeNull();
    const notLocal = { ...rules2026().geography, samePoolingArea: false };
    expect(checkGeography(notLocal, sharer, inSuzhou, '2026-03')).toMatchObject({ code: 'geography-closed' });
    expect(checkGeography(notLocal, sharer, inNanjing, '2026-03')).toBeNull();
  });

  test('R3: a late wallet on the sharer’s side holds the relationship back too, and the refusal names that area', () => {
    const g = {
      ...rules2026().geography,
      rollout: { defaultStart: '2026-01', byProvince: {}, byPoolingArea: { '320500': '2026-05' } },
    };
    const refused = checkGeography(g, sharer, inHenan, '2026-04');
    expect(refused).toMatchObject({ rule: 'R3', code: 'wallet-not-live' });
    expect(refused?.message.en).toContain('pooling area 320500 in 2026-05');
    expect(checkGeography(g, sharer, inHenan, '2026-05')).toBeNull();
  });

  test('R3: the wallet rollout opens cross-province sharing month by month; both sides need it live', () => {
    const g = {
      ...rules2026().geography,
      rollout: {
        defaultStart: '2025-06',
        byProvince: { '41': '2025-09' },
        byPoolingArea: { '320500': '2025-03' },
      },
    };
    expect(walletStart(g, '320500', '32')).toBe('2025-03');
    expect(walletStart(g, '320100', '32')).toBe('2025-06');
    expect(walletStart(g, '410100', '41')).toBe('2025-09');
    expect(checkGeography(g, sharer, inHenan, '2025-08')).toMatchObject({
      rule: 'R3',
      code: 'wallet-not-live',
    });
    expect(checkGeography(g, sharer, inHenan, '2025-09')).toBeNull();
  });

  test('R3: the wallet rollout does not gate sharing within a province', () => {
    const g = {
      ...rules2026().geography,
      rollout: { defaultStart: '2030-01', byProvince: {}, byPoolingArea: {} },
    };
    const inNanjing = { ...sharer, id: 'nanjing', poolingArea: '320100' };
    expect(checkGeography(g, sharer, { ...sharer, id: 'same' }, '2024-05')).toBeNull();
    expect(checkGeography(g, sharer, inNanjing, '2024-05')).toBeNull();
    expect(checkGeography(g, sharer, inHenan, '2024-05')).toMatchObject({
      rule: 'R3',
      code: 'wallet-not-live',
    });
  });
});
