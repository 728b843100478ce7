/**
 * Setup of the mutation-testing run only (vitest.mutation.config.ts): a property that fails under a
 * mutant stops at its first counterexample instead of shrinking it. Stryker needs only the verdict,
 * and shrinking a failure of the book's property test can take longer than the test itself.
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
