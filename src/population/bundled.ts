/**
 * Browser adapter for the calibration data (浏览器数据适配器): Vite bundles every CSV of `data/` as
 * text, and {@link loadBundledDataset} checks and parses them like the Node adapter does.
 */
import type { Dataset } from './dataset';
import { loadDataset } from './loader';

const files = import.meta.glob<string>('../../data/*.csv', { query: '?raw', import: 'default', eager: true });

/** The bundled CSV texts by bare file name (e.g. 'provinces.csv'). */
export const BUNDLED_FILES: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

/** Loads the dataset from the bundled files; throws a DataError on any problem. */
export function loadBundledDataset(): Dataset {
  return loadDataset((name) => {
    const text = BUNDLED_FILES.get(name);
    if (text === undefined) throw new Error(`${name} is not bundled`);
    return text;
  });
}
