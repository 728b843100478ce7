/**
 * Replications of a run (重复模拟): replication r of a run seeded `s` is a further 1:k sample of the
 * same population, seeded `deriveSeed(s, r)`; when the scenario gives parameter ranges it also draws
 * its parameters (src/scenario/uncertainty.ts). The prepayment model reads all samples together
 * (src/clearing/claims.ts).
 */

/**
 * The seed of replication `r` of a run seeded with `seed`: `${seed}#r${r}` (e.g. `baseline-2026#r7`).
 * A plain string, so it feeds the population's `streamKey(seed)` like any scenario seed, and
 * replication r of a seed is the same whatever R is.
 */
export function deriveSeed(seed: string, r: number): string {
  if (!Number.isInteger(r) || r < 0)
    throw new RangeError(`replication: expected a whole number ≥ 0, got ${r}`);
  return `${seed}#r${r}`;
}
