import { describe, expect, test } from 'vitest';
import { SCHEMES } from '../../../src/population/columns';
import {
  hsl,
  PAGE_MEANINGS,
  SCENARIO_COLORS,
  SCHEME_COLORS,
  scenarioColor,
} from '../../../src/ui/charts/palette';

/** A colour with little saturation reads as grey: it has no hue to confuse. */
const isGrey = (color: string) => hsl(color).s < 0.3 || hsl(color).l > 0.9;
const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('the page palettes', () => {
  test('hsl reads hue, saturation and lightness of #rrggbb', () => {
    expect(hsl('#ff0000')).toEqual({ h: 0, s: 1, l: 0.5 });
    expect(hsl('#00ff00').h).toBe(120);
    expect(hsl('#808080').s).toBe(0);
    expect(() => hsl('red')).toThrow(RangeError);
  });

  test('on each page, no hue of one meaning comes within 20° of a hue of another meaning', () => {
    for (const [page, meanings] of Object.entries(PAGE_MEANINGS)) {
      const entries = Object.entries(meanings);
      for (const [i, [a, colorsA]] of entries.entries()) {
        for (const [b, colorsB] of entries.slice(i + 1)) {
          for (const x of colorsA.filter((c) => !isGrey(c))) {
            for (const y of colorsB.filter((c) => !isGrey(c))) {
              const d = hueDistance(hsl(x).h, hsl(y).h);
              expect(d, `${page}: ${a} ${x} and ${b} ${y}`).toBeGreaterThanOrEqual(20);
            }
          }
        }
      }
    }
  });

  test('on each page, greys of different meanings differ in lightness', () => {
    for (const [page, meanings] of Object.entries(PAGE_MEANINGS)) {
      const greys = Object.entries(meanings).flatMap(([m, colors]) =>
        colors.filter(isGrey).map((c) => ({ m, l: hsl(c).l })),
      );
      for (const [i, a] of greys.entries()) {
        for (const b of greys.slice(i + 1)) {
          if (a.m !== b.m) expect(Math.abs(a.l - b.l), `${page}: ${a.m} and ${b.m}`).toBeGreaterThan(0.1);
        }
      }
    }
  });

  test('every scenario of a full comparison (11 bundled and an edited copy) has a colour of its own', () => {
    const colors = Array.from({ length: 12 }, (_, i) => scenarioColor(i));
    expect(new Set(colors).size).toBe(12);
    expect(SCENARIO_COLORS).toHaveLength(12);
  });

  test('the schemes are greys, no scenario colour among them, and every scheme has one', () => {
    expect(Object.keys(SCHEME_COLORS).sort()).toEqual([...SCHEMES].sort());
    for (const c of Object.values(SCHEME_COLORS)) {
      expect(isGrey(c)).toBe(true);
      expect(SCENARIO_COLORS).not.toContain(c);
    }
  });
});
