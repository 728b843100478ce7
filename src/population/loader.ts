/**
 * Loads the calibration dataset (加载校准数据) from text, with strict checks: the result is complete
 * and consistent, or a {@link DataError} lists every problem found (file, line, column).
 * Browser-safe: the caller supplies the file reader (see `node.ts` and `bundled.ts`).
 */
import { type DataProblem, DataError } from './dataError';
import { type Corridor, DATA_FILES, type Dataset, type Province } from './dataset';
import {
  parseCorridors,
  parseDirectSettlement,
  parseOd,
  parsePoolingAreas,
  parseProvinces,
  parseTargets,
} from './tables';

/** Reads one data file by its name (e.g. 'provinces.csv') and returns its text; may throw. */
export type ReadText = (fileName: string) => string;

function reader(readText: ReadText, problems: DataProblem[]): (file: string) => string | null {
  return (file) => {
    try {
      return readText(file);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      problems.push({ file, line: 0, column: '', message: `cannot be read: ${why}` });
      return null;
    }
  };
}

/**
 * Loads and checks all five tables. Throws a {@link DataError} listing every problem (a missing
 * column, a table without data rows, a key twice or a required row missing, an unknown province or
 * pooling-area code, a negative, non-numeric or non-finite number, a count that disagrees with
 * another table); never returns a partly loaded dataset.
 */
export function loadDataset(readText: ReadText): Dataset {
  const problems: DataProblem[] = [];
  const read = reader(readText, problems);
  const provincesText = read(DATA_FILES.provinces);
  const provinces = provincesText === null ? [] : parseProvinces(provincesText, problems);
  const areasText = read(DATA_FILES.poolingAreas);
  const poolingAreas = areasText === null ? [] : parsePoolingAreas(areasText, provinces, problems);
  const odText = read(DATA_FILES.od);
  const od = odText === null ? new Float64Array(0) : parseOd(odText, provinces, problems);
  const targetsText = read(DATA_FILES.targets);
  const targets = targetsText === null ? [] : parseTargets(targetsText, provinces, problems);
  const directText = read(DATA_FILES.directSettlement);
  const directSettlement = directText === null ? [] : parseDirectSettlement(directText, problems);
  if (problems.length > 0) throw new DataError(problems);
  return { provinces, poolingAreas, od, targets, directSettlement };
}

/**
 * Loads only what the migrant-matrix builder needs: the provinces and the published corridors.
 * Same strictness as {@link loadDataset}.
 */
export function loadOdInputs(readText: ReadText): { provinces: Province[]; corridors: Corridor[] } {
  const problems: DataProblem[] = [];
  const read = reader(readText, problems);
  const provincesText = read(DATA_FILES.provinces);
  const provinces = provincesText === null ? [] : parseProvinces(provincesText, problems);
  const corridorsText = read(DATA_FILES.corridors);
  const corridors = corridorsText === null ? [] : parseCorridors(corridorsText, provinces, problems);
  if (problems.length > 0) throw new DataError(problems);
  return { provinces, corridors };
}
