import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addSquares, FlowCube, paymentSquare, SQUARES_CAP, USE_INDEX } from '../../src/clearing/flows';

describe('FlowCube', () => {
  test('add accumulates fen and person-times per cell and lists cells in a fixed order', () => {
    const c = new FlowCube(12, 3);
    c.add(2, 0, 2, USE_INDEX.pharmacy, 15_000);
    c.add(2, 0, 2, USE_INDEX.pharmacy, 5_000, 2);
    c.add(0, 1, 1, USE_INDEX['resident-contribution'], 40_000);
    expect(c.cells()).toEqual([
      {
        month: 0,
        sharerArea: 1,
        treatmentArea: 1,
        use: 2,
        amountFen: 40_000,
        count: 1,
        squaresYuan2: 160_000,
      },
      // 150² + 2 × 25²
      {
        month: 2,
        sharerArea: 0,
        treatmentArea: 2,
        use: 1,
        amountFen: 20_000,
        count: 3,
        squaresYuan2: 23_750,
      },
    ]);
    expect(c.totalFen()).toBe(60_000);
  });

  test('add refuses cells outside the cube and amounts that are not whole fen', () => {
    const c = new FlowCube(12, 3);
    expect(() => c.add(12, 0, 0, 0, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 3, 0, 0, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 0, 0, 4, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 0, 0, 0, 0.5)).toThrow(/whole fen/);
  });

  test('merge gives the same cube whatever the split and order of the parts', () => {
    const cell = fc.record({
      m: fc.nat(11),
      s: fc.nat(4),
      t: fc.nat(4),
      u: fc.nat(3),
      fen: fc.integer({ min: 1, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), fc.nat(200), (cells, cut) => {
        const whole = new FlowCube(12, 5);
        const a = new FlowCube(12, 5);
        const b = new FlowCube(12, 5);
        cells.forEach((x, i) => {
          whole.add(x.m, x.s, x.t, x.u, x.fen);
          (i < cut ? a : b).add(x.m, x.s, x.t, x.u, x.fen);
        });
        const ab = new FlowCube(12, 5).merge(a).merge(b);
        const ba = new FlowCube(12, 5).merge(b).merge(a);
        expect(ab.cells()).toEqual(whole.cells());
        expect(ba.cells()).toEqual(whole.cells());
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  test('a cube made at the size of its cells holds the same cells as one that grew to them', () => {
    const grown = new FlowCube(12, 40);
    for (let i = 0; i < 5000; i++) grown.add(i % 12, i % 40, (i * 7) % 40, i % 4, i + 1);
    const sized = new FlowCube(12, 40, grown.size).addPackedCells(grown.packedCells());
    expect(sized.size).toBe(grown.size);
    expect(sized.columns()).toEqual(grown.columns());
    // More cells than expected still fit: the table grows as before.
    expect(new FlowCube(12, 40, 3).addPackedCells(grown.packedCells()).columns()).toEqual(grown.columns());
  });
});

describe('FlowCube packed cells', () => {
  test('packed cells list every cell by flat index in ascending order and add back into the same cube', () => {
    const c = new FlowCube(12, 40);
    for (let i = 0; i < 3000; i++) c.add(i % 12, (i * 3) % 40, (i * 7) % 40, i % 4, i + 1, 1 + (i % 3));
    const packed = c.packedCells();
    expect(packed.key.length).toBe(c.size);
    expect([...packed.key]).toEqual([...packed.key].sort((a, b) => a - b));
    expect(new FlowCube(12, 40, c.size).addPackedCells(packed).columns()).toEqual(c.columns());
    // Added into a cube that already holds cells, they add up as a merge does.
    const other = new FlowCube(12, 40);
    other.add(3, 1, 2, 0, 50);
    const merged = new FlowCube(12, 40).merge(other).merge(c);
    expect(other.addPackedCells(packed).columns()).toEqual(merged.columns());
  });

  test('adding packed cells refuses keys outside the cube, amounts that are not whole fen and uneven columns', () => {
    const c = new FlowCube(2, 3);
    const cells = (key: number, fen: number, squares = 0) => ({
      key: Int32Array.of(key),
      amountFen: Float64Array.of(fen),
      count: Float64Array.of(1),
      squaresYuan2: Float64Array.of(squares),
    });
    expect(() => c.addPackedCells(cells(2 * 3 * 3 * 4, 1))).toThrow(/outside the cube/);
    expect(() => c.addPackedCells(cells(-1, 1))).toThrow(/outside the cube/);
    expect(() => c.addPackedCells(cells(0, 0.5))).toThrow(/whole fen/);
    expect(() => c.addPackedCells(cells(0, 1, -1))).toThrow(/squares/);
    expect(() => c.addPackedCells(cells(0, 1, 0.5))).toThrow(/squares/);
    expect(() =>
      c.addPackedCells({
        key: Int32Array.of(0, 1),
        amountFen: Float64Array.of(1),
        count: Float64Array.of(1),
        squaresYuan2: Float64Array.of(0, 0),
      }),
    ).toThrow(/one length/);
    expect(c.size).toBe(0);
  });
});

describe('FlowCube squares', () => {
  test('a cell keeps the sum of its payments squared in yuan², and equal payments when none is given', () => {
    const c = new FlowCube(1, 3);
    c.add(0, 0, 1, USE_INDEX.medical, 12_345, 1, paymentSquare(12_345));
    c.add(0, 0, 1, USE_INDEX.medical, 500, 1, paymentSquare(500));
    c.add(0, 0, 2, USE_INDEX.medical, 30_000, 3); // three payments of 100 yuan
    const [a, b] = c.cells();
    expect(paymentSquare(12_345)).toBe(15_240); // 123.45² = 15,239.9
    expect(a!.squaresYuan2).toBe(15_240 + 25);
    expect(b!.squaresYuan2).toBe(3 * 10_000);
  });

  test('sums of squares stop at 2^53 and come out the same in any order of adding', () => {
    const big = SQUARES_CAP - 10;
    const orders = [
      [big, 7, 9, 1],
      [9, 1, 7, big],
      [7, big, 1, 9],
    ];
    const sums = orders.map((xs) => xs.reduce((s, x) => addSquares(s, x), 0));
    expect(new Set(sums)).toEqual(new Set([SQUARES_CAP]));
    expect(addSquares(3, 4)).toBe(7);
  });

  test('merging and packing carry the squares', () => {
    const a = new FlowCube(2, 4);
    const b = new FlowCube(2, 4);
    a.add(1, 0, 3, USE_INDEX.pharmacy, 900, 1, 81);
    b.add(1, 0, 3, USE_INDEX.pharmacy, 100, 1, 1);
    const merged = new FlowCube(2, 4).merge(a).merge(b);
    expect(merged.cells()[0]!.squaresYuan2).toBe(82);
    expect(new FlowCube(2, 4).addPackedCells(merged.packedCells()).cells()).toEqual(merged.cells());
  });
});

describe('FlowCube.forEachCell', () => {
  test('visits exactly the cells that cells() lists, with their amounts', () => {
    const c = new FlowCube(3, 5);
    c.add(2, 4, 1, USE_INDEX.pharmacy, 700);
    c.add(0, 0, 3, USE_INDEX.medical, 5);
    c.add(1, 3, 3, USE_INDEX['ltc-contribution'], 9, 2);
    c.add(2, 4, 1, USE_INDEX.pharmacy, 300);
    const seen: number[][] = [];
    c.forEachCell((m, s, t, u, fen) => seen.push([m, s, t, u, fen]));
    const listed = c.cells().map((x) => [x.month, x.sharerArea, x.treatmentArea, x.use, x.amountFen]);
    expect(seen.sort((a, b) => a.join().localeCompare(b.join()))).toEqual(
      listed.sort((a, b) => a.join().localeCompare(b.join())),
    );
  });
});
