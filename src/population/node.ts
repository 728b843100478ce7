/**
 * Node adapter for the calibration data (Node 数据适配器): reads the tables from the repository's
 * `data/` folder, and rebuilds `data/od-matrix.csv` and `data/od-fit.md`. The only population module
 * that imports `node:` modules.
 *
 * Command line: `npx tsx src/population/node.ts build-od` rewrites the two generated files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Dataset } from './dataset';
import { DATA_FILES } from './dataset';
import { loadDataset, loadOdInputs } from './loader';
import { buildOdMatrix, odMatrixCsv } from './odMatrix';
import { odFitReport } from './odReport';

/** The repository's `data/` folder. */
export const DATA_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../data');

/** A reader for files in `dir` (default: the repository's data folder). */
export function folderReader(dir: string = DATA_DIR): (fileName: string) => string {
  return (fileName) => readFileSync(join(dir, fileName), 'utf8');
}

/** Loads and checks the dataset from `dir`; throws a DataError on any problem. */
export function loadDatasetFromDisk(dir: string = DATA_DIR): Dataset {
  return loadDataset(folderReader(dir));
}

/**
 * The generated files' text, built from the provinces and corridors in `dir`. The report is passed
 * through Prettier with the repository's settings, so the committed file passes the format check.
 */
export async function buildOdFiles(dir: string = DATA_DIR): Promise<{ csv: string; report: string }> {
  const { provinces, corridors } = loadOdInputs(folderReader(dir));
  const build = buildOdMatrix(provinces, corridors);
  const prettier = await import('prettier');
  const reportPath = join(dir, OD_FIT_REPORT);
  const options = (await prettier.resolveConfig(reportPath)) ?? {};
  const report = await prettier.format(odFitReport(provinces, corridors, build), {
    ...options,
    filepath: reportPath,
  });
  return { csv: odMatrixCsv(provinces, build.od), report };
}

/** The fit report's file name inside `data/`. */
export const OD_FIT_REPORT = 'od-fit.md';

/** Rebuilds and writes `od-matrix.csv` and `od-fit.md` in `dir`. */
export async function writeOdFiles(dir: string = DATA_DIR): Promise<void> {
  const { csv, report } = await buildOdFiles(dir);
  writeFileSync(join(dir, DATA_FILES.od), csv);
  writeFileSync(join(dir, OD_FIT_REPORT), report);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'build-od') {
    await writeOdFiles();
    console.log(`wrote ${DATA_FILES.od} and ${OD_FIT_REPORT} in ${DATA_DIR}`);
  } else {
    const ds = loadDatasetFromDisk();
    console.log(
      `${ds.provinces.length} provinces, ${ds.poolingAreas.length} pooling areas, ${ds.targets.length} targets: OK`,
    );
  }
}
