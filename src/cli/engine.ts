/**
 * `npx tsx src/cli/engine.ts <scenario.json> [--scale 1000] [--families n]` (引擎运行): runs a scenario
 * through the engine on one core and prints the yearly and monthly sharing figures next to the
 * published 2024 figures, with the speed in person-months per second.
 */
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { sampleSize } from '../population/generate';
import { loadDatasetFromDisk } from '../population/node';
import { formatScenarioErrors, toEngineParameters } from '../scenario';
import { loadScenarioFile } from '../scenario/node';
import { engineInput, simulateRange } from '../engine';
import { sharingReport } from '../engine/report';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
if (!file) {
  console.error('usage: npx tsx src/cli/engine.ts <scenario.json> [--scale 1000] [--families n]');
  process.exit(2);
}
const loaded = await loadScenarioFile(file);
if (!loaded.ok) {
  console.error(formatScenarioErrors(loaded.errors));
  process.exit(1);
}
const dataset = loadDatasetFromDisk();
const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
const k = Number(opt('scale', '1000').replace(/^1:/, ''));
const input = engineInput(toEngineParameters(loaded.scenario), model, dataset, k);
const total = sampleSize(model, k);
const families = Math.min(total, Number(opt('families', String(total))));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = simulateRange(input, 0, families);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0).user / 1e6;
console.log(sharingReport(result, input.window.start).join('\n'));
const pm = result.personMonths / k;
console.log(
  `\n${families} families at 1:${k}, ${pm.toLocaleString('en-US')} person-months in ${seconds.toFixed(2)} s: ` +
    `${(pm / seconds / 1e6).toFixed(1)} M person-months/s (population generation included); ` +
    `${cpu.toFixed(2)} s of CPU: ${(pm / cpu / 1e6).toFixed(1)} M person-months per CPU-second`,
);
