/**
 * A small four-province dataset for the population tests, built with the national ratios of the
 * published targets (per resident: employee insured 26.9%, retired 7.42%, with an account 25.1%,
 * resident insured 67.2%, account balance 1,026 yuan, yearly credits 453 yuan). The provinces and
 * codes are invented; only the ratios are real.
 */
import type { CalibrationData } from '../../src/population/calibration';

const provinces = [
  { code2: '91', population: 4_000_000, inflow: 600_000, wageYuan: 130_000 },
  { code2: '92', population: 3_000_000, inflow: 100_000, wageYuan: 90_000 },
  { code2: '93', population: 2_000_000, inflow: 50_000, wageYuan: 80_000 },
  { code2: '94', population: 1_000_000, inflow: 250_000, wageYuan: 150_000 },
];

/** Inflow of each destination spread over the other provinces in proportion to their residents. */
function odMatrix(): Float64Array {
  const P = provinces.length;
  const od = new Float64Array(P * P);
  provinces.forEach((dest, d) => {
    const others = provinces.reduce((s, x, o) => s + (o === d ? 0 : x.population), 0);
    provinces.forEach((orig, o) => {
      if (o !== d) od[o * P + d] = (dest.inflow * orig.population) / others;
    });
  });
  return od;
}

/** The four-province calibration input. */
export function smallData(): CalibrationData {
  const population = provinces.reduce((s, x) => s + x.population, 0);
  const per = (ratio: number): number => Math.round(ratio * population);
  return {
    provinces,
    areas: [
      { code: '910100', province: 0, weight: 5 },
      { code: '910200', province: 0, weight: 3 },
      { code: '910300', province: 0, weight: 2 },
      { code: '920100', province: 1, weight: 1 },
      { code: '920200', province: 1, weight: 1 },
      { code: '930000', province: 2, weight: 1 },
      { code: '940100', province: 3, weight: 2 },
      { code: '940200', province: 3, weight: 1 },
    ],
    od: odMatrix(),
    targets: {
      employeeInsured: per(0.2692),
      employeeRetired: per(0.0742),
      employeeWithAccount: per(0.2514),
      employeePoolingOnly: per(0.2692) - per(0.2514),
      residentInsured: per(0.6718),
      accountBalanceFen: per(1026.5) * 100,
      accountCreditsFen: per(453.3) * 100,
      ageShares: { age0to14: 0.1795, age15to59: 0.6335, age60plus: 0.187, age65plus: 0.135 },
      birthOrderShares: [45.78, 43.08, 11.13],
      nationalWageYuan: 120_698,
    },
  };
}
