/**
 * Finding a family worth showing (寻找演示家庭): sample positions of a scenario's 1:k population are
 * run through the engine a chunk at a time, every family traced, until one pays from the quota (R11)
 * of a relationship across provinces. After a number of families without one, a family paying from
 * a quota across pooling areas within a province will do. The scan is bounded and, like the
 * population, deterministic: the same scenario, scale and start give the same family.
 */
import { simulateRange, type EngineInput, type FamilyTrace } from '../../engine';

/** How far and how fast to look. */
export interface SearchOptions {
  /** Families looked at, at most (default 20,000). */
  limit?: number;
  /** Families simulated between two pauses (default 250). */
  chunk?: number;
  /** After this many families, a family paying across pooling areas within a province will do (default 5,000). */
  fallbackAfter?: number;
  /** Called between chunks, so the page can draw and take input; may stop the scan by rejecting. */
  pause?: () => Promise<void>;
}

/** A family found, and how many families were looked at to find it. */
export interface FoundFamily {
  /** Sample position (family index = position × k). */
  position: number;
  trace: FamilyTrace;
  /** True when its relationship crosses provinces, false for the fallback (across pooling areas). */
  crossProvince: boolean;
  scanned: number;
}

/**
 * Whether a trace pays from the quota (R11) of a relationship of the reach asked for: across
 * provinces, or at least across pooling areas — so the clearing chain has something to show.
 */
export function worthShowing(trace: FamilyTrace, reach: 'cross-province' | 'cross-area'): boolean {
  const reaching = new Set(
    trace.relationships
      .filter((r) =>
        reach === 'cross-province' ? r.geography === 'cross-province' : r.geography !== 'same-pooling-area',
      )
      .map((r) => `quota:${r.id}`),
  );
  return trace.postings.some((p) => p.rule === 'R11' && reaching.has(p.from));
}

/** The trace of the family at sample `position` (null when the position is outside the sample). */
export function traceAt(input: EngineInput, position: number): FamilyTrace | null {
  if (!Number.isSafeInteger(position) || position < 0) return null;
  return (
    simulateRange(input, position, position + 1, { traceFamilies: [position * input.scaleK] }).traces[0] ??
    null
  );
}

/**
 * Scans positions `start`, `start + 1`, … and returns the first family worth showing across
 * provinces; after `fallbackAfter` families the first found across pooling areas; null when the
 * limit is reached without either.
 */
export async function findFamily(
  input: EngineInput,
  start: number,
  options: SearchOptions = {},
): Promise<FoundFamily | null> {
  const limit = options.limit ?? 20_000;
  const chunk = options.chunk ?? 250;
  const fallbackAfter = options.fallbackAfter ?? 5_000;
  const k = input.scaleK;
  let fallback: FoundFamily | null = null;
  for (let scanned = 0; scanned < limit;) {
    const from = start + scanned;
    const count = Math.min(chunk, limit - scanned);
    const indices = Array.from({ length: count }, (_, i) => (from + i) * k);
    const traces = simulateRange(input, from, from + count, { traceFamilies: indices }).traces;
    for (const trace of traces) {
      const position = trace.familyIndex / k;
      const seen = position - start + 1;
      if (worthShowing(trace, 'cross-province'))
        return { position, trace, crossProvince: true, scanned: seen };
      if (!fallback && worthShowing(trace, 'cross-area')) {
        fallback = { position, trace, crossProvince: false, scanned: seen };
      }
      if (fallback && seen >= fallbackAfter) return { ...fallback, scanned: seen };
    }
    scanned += count;
    if (scanned < limit && options.pause) await options.pause();
  }
  return fallback ? { ...fallback, scanned: limit } : null;
}
