/**
 * Relatives insured thanks to sharing (因共济参保的亲属), added up from a run's counts by pooling area
 * and age band into provinces: the figures the run summary, the tables and Compare show. The counts
 * are already weighted by k, so they are estimates of the whole population's.
 */
import { AGE_BANDS, enrolmentIndex, type RangeResult } from './result';

/** Enrolments of one province: in total and by age band (in the order of {@link AGE_BANDS}). */
export interface ProvinceEnrolments {
  province: number;
  total: number;
  byAgeBand: number[];
}

/** Enrolments over the window: national total, by age band, and by province (every province, in index order). */
export interface EnrolmentCounts {
  total: number;
  byAgeBand: number[];
  byProvince: ProvinceEnrolments[];
}

/**
 * Adds the result's enrolments by pooling area and age band up into provinces, given each area's
 * province index (`areaProvince`) and the number of provinces.
 */
export function enrolmentCounts(
  result: Pick<RangeResult, 'enrolments' | 'areas'>,
  areaProvince: readonly number[],
  provinces: number,
): EnrolmentCounts {
  const bands = AGE_BANDS.length;
  const byProvince = Array.from({ length: provinces }, (_, province) => ({
    province,
    total: 0,
    byAgeBand: new Array<number>(bands).fill(0),
  }));
  const byAgeBand = new Array<number>(bands).fill(0);
  let total = 0;
  for (let area = 0; area < result.areas; area++) {
    const line = byProvince[areaProvince[area]!]!;
    for (let band = 0; band < bands; band++) {
      const n = result.enrolments[enrolmentIndex(area, band)]!;
      if (n === 0) continue;
      line.byAgeBand[band] = line.byAgeBand[band]! + n;
      line.total += n;
      byAgeBand[band] = byAgeBand[band]! + n;
      total += n;
    }
  }
  return { total, byAgeBand, byProvince };
}
