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

describe('FlowCube edges', () => {
  test('a flow cube refuses dimensions that are not whole and positive, or too large to index', () => {
    expect(() => new FlowCube(0, 3)).toThrow(
      'a flow cube needs whole positive dimensions, got 0 months × 3 areas',
    );
    expect(() => new FlowCube(12, 0)).toThrow(/got 12 months × 0 areas/);
    expect(() => new FlowCube(1.5, 3)).toThrow(/whole positive/);
    expect(() => new FlowCube(12, 2.5)).toThrow(/whole positive/);
    expect(() => new FlowCube(12, 7_000)).toThrow(
      'a flow cube of 12 months × 7000 areas is too large to index',
    );
    // 12 × 6,688² × 4 < 2^31: the largest square cube of 12 months that can be indexed.
    expect(new FlowCube(12, 6_688).size).toBe(0);
  });

  test('add refuses negative cells and fractional counts, and takes zero payments as no squares', () => {
    const c = new FlowCube(2, 3);
    expect(() => c.add(-1, 0, 0, 0, 1)).toThrow('flow cell out of range: month -1, areas 0→0, use 0');
    expect(() => c.add(0, -1, 0, 0, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 0, -1, 0, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 0, 3, 0, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 0, 0, -1, 1)).toThrow(/out of range/);
    expect(() => c.add(0, 0, 0, 0, 1, 1.5)).toThrow(
      'flow amounts are whole fen and whole counts, got 1 fen, 1.5',
    );
    expect(() => c.add(0, 0, 0, 0, 1, 1, -1)).toThrow('sums of squares are whole yuan² ≥ 0, got -1');
    expect(() => c.add(0, 0, 0, 0, 1, 1, 0.5)).toThrow(/yuan²/);
    expect(c.size).toBe(0);
    c.add(1, 2, 1, USE_INDEX['ltc-contribution'], 700, 0);
    expect(c.cells()).toEqual([
      { month: 1, sharerArea: 2, treatmentArea: 1, use: 3, amountFen: 700, count: 0, squaresYuan2: 0 },
    ]);
  });

  test('merge refuses a cube of another shape', () => {
    expect(() => new FlowCube(2, 3).merge(new FlowCube(3, 3))).toThrow(
      'cannot merge flow cubes of different shapes',
    );
    expect(() => new FlowCube(2, 3).merge(new FlowCube(2, 4))).toThrow(/different shapes/);
  });

  test('packed cells refuse sums of squares above 2^53 and fractional counts', () => {
    const c = new FlowCube(1, 2);
    const one = (count: number, squares: number) => ({
      key: Int32Array.of(1),
      amountFen: Float64Array.of(5),
      count: Float64Array.of(count),
      squaresYuan2: Float64Array.of(squares),
    });
    expect(() => c.addPackedCells(one(1, SQUARES_CAP * 2))).toThrow(
      `sums of squares are whole yuan² from 0 to 2^53, got ${SQUARES_CAP * 2}`,
    );
    expect(() => c.addPackedCells(one(0.5, 0))).toThrow(/whole counts/);
    c.addPackedCells(one(2, SQUARES_CAP));
    expect(c.cells()).toEqual([
      {
        month: 0,
        sharerArea: 0,
        treatmentArea: 0,
        use: 1,
        amountFen: 5,
        count: 2,
        squaresYuan2: SQUARES_CAP,
      },
    ]);
    expect(() => c.addPackedCells({ ...one(1, 0), count: Float64Array.of(1, 1) })).toThrow(
      'packed flow cells need columns of one length, got 1, 1, 2, 1',
    );
    expect(() => c.addPackedCells({ ...one(1, 0), amountFen: Float64Array.of(1, 1) })).toThrow(/one length/);
    expect(() => c.addPackedCells({ ...one(1, 0), squaresYuan2: Float64Array.of(1, 1) })).toThrow(
      /one length/,
    );
  });

  test('columns decode each flat index into month, areas and use', () => {
    const c = new FlowCube(3, 5);
    c.add(2, 4, 1, USE_INDEX.pharmacy, 700);
    c.add(0, 0, 3, USE_INDEX.medical, 5);
    c.add(1, 3, 3, USE_INDEX['ltc-contribution'], 9, 2);
    const cols = c.columns();
    expect(Array.from(cols.month)).toEqual([0, 1, 2]);
    expect(Array.from(cols.sharerArea)).toEqual([0, 3, 4]);
    expect(Array.from(cols.treatmentArea)).toEqual([3, 3, 1]);
    expect(Array.from(cols.use)).toEqual([0, 3, 1]);
    expect(Array.from(cols.amountFen)).toEqual([5, 9, 700]);
    expect(Array.from(cols.count)).toEqual([1, 2, 1]);
    expect(Array.from(c.packedCells().key)).toEqual([
      ((0 * 5 + 0) * 5 + 3) * 4 + 0,
      ((1 * 5 + 3) * 5 + 3) * 4 + 3,
      ((2 * 5 + 4) * 5 + 1) * 4 + 1,
    ]);
    expect(c.totalFen()).toBe(714);
    expect(new FlowCube(1, 1).totalFen()).toBe(0);
  });

  test('a cube keeps every cell through many rounds of growth', () => {
    const c = new FlowCube(12, 60);
    let total = 0;
    for (let i = 0; i < 20_000; i++) {
      c.add(i % 12, (i * 7) % 60, (i * 13) % 60, i % 4, i + 1);
      total += i + 1;
    }
    expect(c.size).toBe(
      new Set(Array.from({ length: 20_000 }, (_, i) => `${i % 12},${(i * 7) % 60},${(i * 13) % 60},${i % 4}`))
        .size,
    );
    expect(c.totalFen()).toBe(total);
    let seen = 0;
    c.forEachCell((_m, _s, _t, _u, fen) => (seen += fen));
    expect(seen).toBe(total);
  });

  test('a cube made with a small expected size grows through several tables and keeps every cell exactly', () => {
    // 12 months × 10 areas² × 4 uses = 4,800 distinct cells: the table of 1,024 slots grows to 16,384.
    const cell = (i: number) =>
      [i % 12, Math.floor(i / 12) % 10, Math.floor(i / 120) % 10, Math.floor(i / 1200)] as const;
    const expected = Array.from({ length: 4_800 }, (_, i) => {
      const [month, sharerArea, treatmentArea, use] = cell(i);
      return {
        month,
        sharerArea,
        treatmentArea,
        use,
        amountFen: 3 * i + 1,
        count: 1 + (i % 5),
        squaresYuan2: i * i,
      };
    });
    for (const sized of [new FlowCube(12, 10), new FlowCube(12, 10, 3)]) {
      // Every cell in two parts, so that cells added before a growth are added to after it.
      for (let i = 0; i < 4_800; i++) {
        const [m, s, t, u] = cell(i);
        sized.add(m, s, t, u, i, 1, 0);
      }
      for (let i = 4_799; i >= 0; i--) {
        const [m, s, t, u] = cell(i);
        sized.add(m, s, t, u, 2 * i + 1, i % 5, i * i);
      }
      expect(sized.size).toBe(4_800);
      const byKey = (c: { month: number; sharerArea: number; treatmentArea: number; use: number }) =>
        ((c.month * 10 + c.sharerArea) * 10 + c.treatmentArea) * 4 + c.use;
      expect(sized.cells()).toEqual([...expected].sort((a, b) => byKey(a) - byKey(b)));
      expect(sized.totalFen()).toBe(expected.reduce((s, c) => s + c.amountFen, 0));
      let visited = 0;
      sized.forEachCell(() => visited++);
      expect(visited).toBe(4_800);
    }
  });

  test('a cube made with a zero or negative expected size starts at the smallest table and works', () => {
    for (const expectedCells of [0, -5]) {
      const c = new FlowCube(2, 3, expectedCells);
      c.add(1, 2, 0, USE_INDEX.medical, 700);
      expect(c.cells()).toEqual([
        { month: 1, sharerArea: 2, treatmentArea: 0, use: 0, amountFen: 700, count: 1, squaresYuan2: 49 },
      ]);
    }
  });

  test('a cube of 2^31 cells is too large to index; one of 2^31 − 4 cells is not', () => {
    // 2^29 months × 1 area² × 4 uses = 2^31, as are 2 months × 16,384 areas² × 4 uses.
    expect(() => new FlowCube(2 ** 29, 1)).toThrow(/too large to index/);
    expect(new FlowCube(2 ** 29 - 1, 1).size).toBe(0);
    expect(() => new FlowCube(2, 2 ** 14)).toThrow(/too large to index/);
  });

  test('packed cells with no squares (payments under half a yuan, or none) are taken', () => {
    const c = new FlowCube(1, 2);
    c.addPackedCells({
      key: Int32Array.of(0, 5),
      amountFen: Float64Array.of(30, 0),
      count: Float64Array.of(1, 0),
      squaresYuan2: Float64Array.of(0, 0),
    });
    expect(c.cells()).toEqual([
      { month: 0, sharerArea: 0, treatmentArea: 0, use: 0, amountFen: 30, count: 1, squaresYuan2: 0 },
      { month: 0, sharerArea: 0, treatmentArea: 1, use: 1, amountFen: 0, count: 0, squaresYuan2: 0 },
    ]);
  });

  test('USE_INDEX numbers the permitted uses in the order R11 lists them; paymentSquare rounds to whole yuan²', () => {
    expect(USE_INDEX).toEqual({ medical: 0, pharmacy: 1, 'resident-contribution': 2, 'ltc-contribution': 3 });
    expect(paymentSquare(150)).toBe(2); // 1.5² = 2.25
    expect(paymentSquare(250)).toBe(6); // 6.25
    expect(paymentSquare(0)).toBe(0);
    expect(addSquares(SQUARES_CAP - 1, 0)).toBe(SQUARES_CAP - 1);
    expect(addSquares(SQUARES_CAP - 1, 1)).toBe(SQUARES_CAP);
  });
});
