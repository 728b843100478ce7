import { expect, test } from 'vitest';
import { PROVINCE_CODES } from '../../../src/scenario';
import { PROVINCE_TILES, TILE_GRID, tileOf } from '../../../src/ui/compare/tileMap';

test('PROVINCE_TILES covers each of the 31 provinces exactly once', () => {
  const codes = PROVINCE_TILES.map((t) => t.code);
  expect(codes).toHaveLength(31);
  expect(new Set(codes).size).toBe(31);
  expect([...codes].sort()).toEqual([...PROVINCE_CODES].sort());
});

test('no two tiles share a cell, and every tile lies inside the grid', () => {
  const cells = PROVINCE_TILES.map((t) => `${t.col},${t.row}`);
  expect(new Set(cells).size).toBe(cells.length);
  for (const t of PROVINCE_TILES) {
    expect(t.col).toBeGreaterThanOrEqual(0);
    expect(t.col).toBeLessThan(TILE_GRID.cols);
    expect(t.row).toBeGreaterThanOrEqual(0);
    expect(t.row).toBeLessThan(TILE_GRID.rows);
  }
});

test('tiles keep rough geography: Heilongjiang north of Hainan, Xinjiang west of Shanghai', () => {
  expect(tileOf('23')!.row).toBeLessThan(tileOf('46')!.row);
  expect(tileOf('65')!.col).toBeLessThan(tileOf('31')!.col);
  expect(tileOf('99')).toBeUndefined();
});
