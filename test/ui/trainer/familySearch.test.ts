import { describe, expect, it } from 'vitest';
import { findFamily, traceAt, worthShowing } from '../../../src/ui/trainer/familySearch';
import { inputOf } from '../../engine/helpers';

const input = inputOf('baseline-2026', 1000);

describe('finding a family worth showing', () => {
  it('finds a family paying from the quota of a relationship across provinces, the same each time', async () => {
    let pauses = 0;
    const options = { chunk: 20, pause: () => Promise.resolve(void pauses++) };
    const a = await findFamily(input, 0, options);
    const b = await findFamily(input, 0, { chunk: 7 });
    expect(a).not.toBeNull();
    expect(a!.crossProvince).toBe(true);
    expect(a!.trace.relationships.some((r) => r.geography === 'cross-province')).toBe(true);
    const cross = a!.trace.relationships
      .filter((r) => r.geography === 'cross-province')
      .map((r) => `quota:${r.id}`);
    expect(a!.trace.postings.some((p) => p.rule === 'R11' && cross.includes(p.from))).toBe(true);
    expect(a!.trace.familyIndex).toBe(a!.position * 1000);
    expect(b!.position).toBe(a!.position);
    expect(b!.trace).toEqual(a!.trace);
    expect(pauses).toBe(Math.floor(a!.position / 20));
  });

  it('continues after a family to the next one, and the single-family trace is the scanned one', async () => {
    const first = (await findFamily(input, 0))!;
    const next = (await findFamily(input, first.position + 1))!;
    expect(next.position).toBeGreaterThan(first.position);
    expect(traceAt(input, next.position)).toEqual(next.trace);
    for (let p = first.position + 1; p < next.position; p++) {
      expect(worthShowing(traceAt(input, p)!, 'cross-province')).toBe(false);
    }
  });

  it('falls back to a family across pooling areas within a province, and gives up at its limit', async () => {
    const best = (await findFamily(input, 0))!;
    const fallback = (await findFamily(input, 0, { fallbackAfter: 1 }))!;
    expect(fallback.crossProvince).toBe(false);
    expect(fallback.position).toBeLessThan(best.position);
    expect(worthShowing(fallback.trace, 'cross-area')).toBe(true);
    expect(worthShowing(fallback.trace, 'cross-province')).toBe(false);
    const short = await findFamily(input, 0, { limit: fallback.position + 1 });
    expect(short?.position).toBe(fallback.position);
    expect(await findFamily(input, 0, { limit: fallback.position })).toBeNull();
    expect(traceAt(input, -1)).toBeNull();
  });
});
