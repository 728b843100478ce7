// @ts-check
/**
 * Mutation testing of the policy core (`npm run test:mutation`): StrykerJS mutates src/rules and
 * src/clearing and runs their unit tests (vitest.mutation.config.ts) against each mutant. See
 * docs/mutation-testing.md for how to run it, the scores and the survivors kept on purpose.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/rules/**/*.ts', 'src/clearing/**/*.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  // Other people's benchmarks use the second core: one test-runner process.
  concurrency: 1,
  // A mutant that loops forever is cut off this long after its tests should have finished.
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 90, break: null },
};
