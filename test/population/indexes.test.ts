import { describe, expect, it } from 'vitest';
import {
  poolingAreaCode,
  poolingAreaIndex,
  poolingAreaProvinces,
  provinceCode,
  provinceIndex,
  targetByName,
} from '../../src/population/indexes';
import { loadDatasetFromDisk } from '../../src/population/node';

describe('index helpers', () => {
  const ds = loadDatasetFromDisk();

  it('map province codes to positions and back', () => {
    ds.provinces.forEach((p, i) => {
      expect(provinceIndex(ds.provinces, p.code2)).toBe(i);
      expect(provinceCode(ds.provinces, i)).toBe(p.code2);
    });
    expect(provinceIndex(ds.provinces, '11')).toBe(0);
    expect(provinceIndex(ds.provinces, '65')).toBe(30);
  });

  it('map pooling-area codes to positions and back', () => {
    ds.poolingAreas.forEach((a, i) => {
      expect(poolingAreaIndex(ds.poolingAreas, a.code)).toBe(i);
      expect(poolingAreaCode(ds.poolingAreas, i)).toBe(a.code);
    });
    expect(ds.poolingAreas[poolingAreaIndex(ds.poolingAreas, '440300')]?.nameZh).toBe('深圳市');
  });

  it('give the province of every pooling area as an Int32Array', () => {
    const provinces = poolingAreaProvinces(ds.poolingAreas);
    expect(provinces).toBeInstanceOf(Int32Array);
    expect(Array.from(provinces)).toEqual(
      ds.poolingAreas.map((a) => provinceIndex(ds.provinces, a.provinceCode2)),
    );
    expect(poolingAreaProvinces(ds.poolingAreas)).toBe(provinces);
  });

  it('throw on unknown codes and positions', () => {
    expect(() => provinceIndex(ds.provinces, '99')).toThrow(RangeError);
    expect(() => provinceCode(ds.provinces, 31)).toThrow(RangeError);
    expect(() => poolingAreaIndex(ds.poolingAreas, '999900')).toThrow(RangeError);
    expect(() => poolingAreaCode(ds.poolingAreas, -1)).toThrow(RangeError);
  });

  it('find targets by name', () => {
    expect(targetByName(ds.targets, 'employee-retired').value).toBe(104_580_000);
    expect(targetByName(ds.targets, 'inflow/44').value).toBe(29_622_110);
    expect(() => targetByName(ds.targets, 'no-such-target')).toThrow(RangeError);
  });
});
