import { describe, expect, test } from 'vitest';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { settleByMonth, settleOwes } from '../../src/clearing/settlement';

// Pooling areas 0, 1 in province 0; area 2 in province 1; area 3 in province 2.
const PROVINCE_OF_AREA = Int32Array.from([0, 0, 1, 2]);

describe('settleByMonth (C1–C3)', () => {
  test('C1: only cross-province flows enter the national clearing, owed by the sharer’s province', () => {
    const c = new FlowCube(1, 4);
    c.add(0, 0, 0, USE_INDEX.medical, 100); // same pooling area
    c.add(0, 0, 1, USE_INDEX.medical, 200); // same province
    c.add(0, 0, 2, USE_INDEX.pharmacy, 15_000); // province 0 owes province 1
    const [m] = settleByMonth(c, PROVINCE_OF_AREA, 3);
    expect(Array.from(m!.owes)).toEqual([0, 15_000, 0, 0, 0, 0, 0, 0, 0]);
    expect(m!.grossFen).toBe(15_000);
  });

  test('C3: multilateral netting moves only net positions, and conserves money', () => {
    const c = new FlowCube(1, 4);
    c.add(0, 0, 2, USE_INDEX.medical, 50_000); // P0 → P1
    c.add(0, 2, 3, USE_INDEX.medical, 30_000); // P1 → P2
    c.add(0, 3, 0, USE_INDEX.medical, 20_000); // P2 → P0
    const [m] = settleByMonth(c, PROVINCE_OF_AREA, 3);
    expect(m!.grossFen).toBe(100_000);
    expect(Array.from(m!.net)).toEqual([-30_000, 20_000, 10_000]);
    expect(m!.net.reduce((a, b) => a + b, 0)).toBe(0);
    expect(m!.nettedFen).toBe(30_000);
  });

  test('settleByMonth refuses a province table of the wrong length', () => {
    expect(() => settleByMonth(new FlowCube(1, 4), Int32Array.from([0, 1]), 2)).toThrow(/4 pooling areas/);
  });
});

describe('settleOwes (C1–C3)', () => {
  test('settleOwes gives each month its gross, its net positions and what netting moves', () => {
    // Province 0 owes 500 to 1 and 100 to 2; 1 owes 200 to 0; 2 owes 50 to 0.
    const owes = [Float64Array.of(0, 500, 100, 200, 0, 0, 50, 0, 0), new Float64Array(9)];
    const [m0, m1] = settleOwes(owes, 3);
    expect(m0!.month).toBe(0);
    expect(m0!.owes).toBe(owes[0]);
    expect(m0!.grossFen).toBe(850);
    expect(Array.from(m0!.net)).toEqual([250 - 600, 500 - 200, 100 - 50]);
    expect(m0!.nettedFen).toBe(300 + 50);
    expect(m1).toMatchObject({ month: 1, grossFen: 0, nettedFen: 0 });
    expect(Array.from(m1!.net)).toEqual([0, 0, 0]);
  });

  test('C1: a month with flows only inside provinces owes nothing nationally', () => {
    const c = new FlowCube(2, 4);
    c.add(1, 0, 1, USE_INDEX.medical, 900);
    c.add(1, 1, 0, USE_INDEX.pharmacy, 400);
    const months = settleByMonth(c, PROVINCE_OF_AREA, 3);
    expect(months.map((m) => m.grossFen)).toEqual([0, 0]);
    expect(months.map((m) => Array.from(m.owes).every((v) => v === 0))).toEqual([true, true]);
  });
});
