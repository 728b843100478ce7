// The project's one test command (`npm test`): typecheck, lint, format check, production build,
// then the unit tests and the browser tests (real headless Chromium) in one vitest run whose JSON
// report gives the closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

/** Runs a command with inherited output; returns true when it exits 0. */
function run(label, cmd, args, env = process.env) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  return r.status === 0;
}

const failedChecks = [];
const browser = chromiumPath({ install: true });
if (!browser.path) {
  console.error(`\n✖ ${browser.message}`);
  failedChecks.push('chromium');
}

if (!run('typecheck', 'npx', ['tsc', '--noEmit'])) failedChecks.push('typecheck');
if (!run('lint', 'npx', ['eslint', '.'])) failedChecks.push('lint');
if (!run('format', 'npx', ['prettier', '--check', '.'])) failedChecks.push('format');
if (!run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) failedChecks.push('build');

const report = '.vitest.json';
rmSync(report, { force: true });
const projects = browser.path ? [] : ['--project', 'unit'];
const env = browser.path ? { ...process.env, CHROMIUM_PATH: browser.path } : process.env;
const testsOk = run(
  'tests',
  'npx',
  ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile=${report}`],
  env,
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
} else {
  failedChecks.push('tests (no report)');
}
if (failedChecks.length > 0) console.error(`\n✖ failed checks: ${failedChecks.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(testsOk && failedChecks.length === 0 ? 0 : 1);
