/**
 * The scenarios the Prepayment workspace offers (预付金方案列表): the page's bundled scenario files;
 * a file that does not validate is left out of the list and its errors are reported.
 */
export { BASELINE_ID as DEFAULT_SCENARIO, bundledScenarios, type BundledScenarios } from '../scenarioFiles';
