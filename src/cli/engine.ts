/**
 * `npx tsx src/cli/engine.ts <scenario.json> [--scale 1000] [--families n]` (引擎运行): runs a scenario
 * through the engine on one core and prints the yearly and monthly sharing figures next to the
 * published 2024 figures, with the speed in person-months per second.
 *
 * `--seeds n` (种子间离散度) runs the scenario again with n − 1 further seeds (`seed/2` … `seed/n`,
 * population and engine both) and prints, for each 2024 calibration target, the mean and the
 * standard deviation of its relative error over the n runs: the sampling noise at this scale, to
 * tell a miss by chance from a bias of the model.
 *
 * `npx tsx src/cli/engine.ts --record [--scale 1000]` (五年累计): runs the record scenarios
 * (2021–2023 and 2024–2025) and prints the five-year record beside the notice's, with the pooling
 * areas and provinces where pilot-2025-wallet has the wallet by the end of June 2025.
 */
import { fileURLToPath } from 'node:url';
import { calibrate, calibrationData } from '../population/calibration';
import { DEFAULT_FAMILY_PARAMETERS } from '../population/family/parameters';
import { sampleSize } from '../population/generate';
import { loadDatasetFromDisk } from '../population/node';
import { formatScenarioErrors, toEngineParameters, toRuleParameters } from '../scenario';
import { loadScenarioFile } from '../scenario/node';
import { engineInput, simulateRange } from '../engine';
import { calibrationRows, calibrationSpreadReport } from '../engine/calibrationSpread';
import { spreadSeeds } from '../population/seedSpread';
import { sharingReport } from '../engine/report';
import {
  PUBLISHED_RECORD,
  RECORD_SCENARIOS,
  recordFigures,
  recordReport,
  WALLET_SCENARIO,
  walletReach,
} from '../engine/record';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const record = args.includes('--record');
if (!file && !record) {
  console.error(
    'usage: npx tsx src/cli/engine.ts <scenario.json> [--scale 1000] [--families n] [--seeds n]\n' +
      '       npx tsx src/cli/engine.ts --record [--scale 1000]',
  );
  process.exit(2);
}
/** A scenario file, validated; an invalid one ends the command with its errors. */
const scenarioAt = async (path: string) => {
  const loaded = await loadScenarioFile(path);
  if (!loaded.ok) {
    console.error(`${path}:\n${formatScenarioErrors(loaded.errors)}`);
    process.exit(1);
  }
  return loaded.scenario;
};
const dataset = loadDatasetFromDisk();
const model = calibrate(calibrationData(dataset), DEFAULT_FAMILY_PARAMETERS);
const k = Number(opt('scale', '1000').replace(/^1:/, ''));
if (record) {
  const bundled = (id: string) => fileURLToPath(new URL(`../../scenarios/${id}.json`, import.meta.url));
  const t0 = performance.now();
  const parts = [];
  for (const id of RECORD_SCENARIOS) {
    const input = engineInput(toEngineParameters(await scenarioAt(bundled(id))), model, dataset, k);
    parts.push({ result: simulateRange(input, 0, sampleSize(model, k)), firstMonth: input.window.start });
  }
  const wallet = await scenarioAt(bundled(WALLET_SCENARIO));
  const reach = walletReach(toRuleParameters(wallet).geography, dataset, PUBLISHED_RECORD.walletMonth);
  console.log(recordReport(recordFigures(parts), reach).join('\n'));
  console.log(
    `\n${RECORD_SCENARIOS.join(' + ')} at 1:${k} in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
  process.exit(0);
}
const scenario = await scenarioAt(file!);
const input = engineInput(toEngineParameters(scenario), model, dataset, k);
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
const seeds = Number(opt('seeds', '1'));
if (!(Number.isInteger(seeds) && seeds >= 1 && seeds <= 100)) {
  console.error(`--seeds: expected a whole number from 1 to 100, got ${opt('seeds', '1')}`);
  process.exit(2);
}
if (seeds > 1) {
  const runs = [calibrationRows(result, input.window.start)];
  for (const seed of spreadSeeds(scenario.seed, seeds).slice(1)) {
    const other = engineInput(toEngineParameters({ ...scenario, seed }), model, dataset, k);
    runs.push(calibrationRows(simulateRange(other, 0, families), other.window.start));
  }
  console.log(`\n${calibrationSpreadReport(runs, k).join('\n')}`);
}
