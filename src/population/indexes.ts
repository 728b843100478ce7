/**
 * Index helpers (索引): province code2 ↔ position, pooling-area code ↔ position, and the province of
 * every pooling area as a typed array for hot loops, and targets by name. Built once per table and cached.
 */
import type { PoolingArea, Province, Target } from './dataset';

const provinceMaps = new WeakMap<readonly Province[], ReadonlyMap<string, number>>();
const areaMaps = new WeakMap<readonly PoolingArea[], ReadonlyMap<string, number>>();
const areaProvinceArrays = new WeakMap<readonly PoolingArea[], Int32Array>();

function provinceMap(provinces: readonly Province[]): ReadonlyMap<string, number> {
  let m = provinceMaps.get(provinces);
  if (!m) {
    m = new Map(provinces.map((p, i) => [p.code2, i]));
    provinceMaps.set(provinces, m);
  }
  return m;
}

function areaMap(areas: readonly PoolingArea[]): ReadonlyMap<string, number> {
  let m = areaMaps.get(areas);
  if (!m) {
    m = new Map(areas.map((a, i) => [a.code, i]));
    areaMaps.set(areas, m);
  }
  return m;
}

/** Position of the province with this two-digit code; throws a RangeError for an unknown code. */
export function provinceIndex(provinces: readonly Province[], code2: string): number {
  const i = provinceMap(provinces).get(code2);
  if (i === undefined) throw new RangeError(`unknown province code "${code2}"`);
  return i;
}

/** Two-digit code of the province at position `index`; throws a RangeError when out of range. */
export function provinceCode(provinces: readonly Province[], index: number): string {
  const p = provinces[index];
  if (!p) throw new RangeError(`no province at index ${index}`);
  return p.code2;
}

/** Position of the pooling area with this six-digit code; throws a RangeError for an unknown code. */
export function poolingAreaIndex(areas: readonly PoolingArea[], code: string): number {
  const i = areaMap(areas).get(code);
  if (i === undefined) throw new RangeError(`unknown pooling area code "${code}"`);
  return i;
}

/** Six-digit code of the pooling area at position `index`; throws a RangeError when out of range. */
export function poolingAreaCode(areas: readonly PoolingArea[], index: number): string {
  const a = areas[index];
  if (!a) throw new RangeError(`no pooling area at index ${index}`);
  return a.code;
}

/** The province index of every pooling area, in pooling-area order (shared, do not mutate). */
export function poolingAreaProvinces(areas: readonly PoolingArea[]): Int32Array {
  let a = areaProvinceArrays.get(areas);
  if (!a) {
    a = Int32Array.from(areas, (x) => x.province);
    areaProvinceArrays.set(areas, a);
  }
  return a;
}

const targetMaps = new WeakMap<readonly Target[], ReadonlyMap<string, Target>>();

/** The target with this name (e.g. 'employee-insured', 'inflow/44'); throws a RangeError when absent. */
export function targetByName(targets: readonly Target[], name: string): Target {
  let m = targetMaps.get(targets);
  if (!m) {
    m = new Map(targets.map((t) => [t.name, t]));
    targetMaps.set(targets, m);
  }
  const t = m.get(name);
  if (!t) throw new RangeError(`targets.csv has no target named "${name}"`);
  return t;
}
