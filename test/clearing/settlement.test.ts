import { describe, expect, test } from 'vitest';
import { FlowCube, USE_INDEX } from '../../src/clearing/flows';
import { settleByMonth } from '../../src/clearing/settlement';

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
