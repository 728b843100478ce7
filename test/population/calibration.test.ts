import { describe, expect, test } from 'vitest';
import { calibrate } from '../../src/population/calibration';
import { DEFAULT_FAMILY_PARAMETERS as P } from '../../src/population/family/parameters';
import { smallData } from './fixtures';

describe('calibrate', () => {
  test('solves the number of families from the population and the expected family size', () => {
    const data = smallData();
    const m = calibrate(data, P);
    expect(m.familyCount).toBe(Math.round(10_000_000 / m.expected.personsPerFamily));
    expect(m.expected.persons).toBeCloseTo(10_000_000, -2);
  });

  test('origin shares and migration rates give each province its residents and inflow in expectation', () => {
    const data = smallData();
    const m = calibrate(data, P);
    const Pn = data.provinces.length;
    const cell = (c: number): number => m.familyTypes.cum[c]! - (c === 0 ? 0 : m.familyTypes.cum[c - 1]!);
    const mu = m.expected.personsPerFamily;
    const nu = m.expected.migrantsPerMigrantFamily;
    data.provinces.forEach((x, d) => {
      // Migrant families to d, each moving nu persons on average, make up the inflow.
      expect(cell(Pn + d) * m.familyCount * nu).toBeCloseTo(x.inflow, -2);
      // Families of origin d: stayers plus migrant families from d to anywhere.
      let fromD = cell(d);
      for (let e = 0; e < Pn; e++) {
        if (e === d) continue;
        const t = m.migrantOrigins[e]!;
        fromD += cell(Pn + e) * (t.cum[d]! - (d === 0 ? 0 : t.cum[d - 1]!));
      }
      let outflow = 0;
      for (let e = 0; e < Pn; e++) if (e !== d) outflow += data.od[d * Pn + e]!;
      expect(fromD * m.familyCount * mu - outflow + x.inflow).toBeCloseTo(x.population, -2);
    });
    for (const q of m.migrantShare) expect(q > 0 && q < 1).toBe(true);
  });

  test('insurance rates are probabilities and the pooling-only share is the published one', () => {
    const data = smallData();
    const m = calibrate(data, P);
    for (const r of [m.inServiceRate, m.retiredRate, m.residentRate]) expect(r > 0 && r < 1).toBe(true);
    expect(m.poolingOnlyShare).toBeCloseTo(
      data.targets.employeePoolingOnly / data.targets.employeeInsured,
      12,
    );
    // Retirees' credit is scaled by wage level: the best-paid province credits most.
    expect(m.retireeCreditFen[3]!).toBeGreaterThan(m.retireeCreditFen[2]!);
  });

  test('every pooling area belongs to its province and the LTC count is respected', () => {
    const data = smallData();
    const m = calibrate(data, { ...P, ltcPilotAreas: 3 });
    m.provinceAreas.forEach((list, p) => {
      for (const a of list) expect(data.areas[a]!.province).toBe(p);
    });
    expect(m.ltcArea.reduce((a, b) => a + b, 0)).toBe(3);
  });

  test('refuses data it cannot calibrate, naming the problem', () => {
    const data = smallData();
    expect(() => calibrate({ ...data, od: new Float64Array(4) }, P)).toThrow(/4×4/);
    const tooMany = smallData();
    tooMany.targets.employeeInsured = 9_000_000;
    tooMany.targets.employeeRetired = 100_000;
    expect(() => calibrate(tooMany, P)).toThrow(/inServiceRate/);
    const noArea = smallData();
    noArea.areas = noArea.areas.filter((a) => a.province !== 2);
    expect(() => calibrate(noArea, P)).toThrow(/province 93 has no pooling area/);
  });
});
