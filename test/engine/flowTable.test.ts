import { expect, test } from 'vitest';
import { FlowCube, paymentSquare } from '../../src/clearing/flows';
import { FlowTable } from '../../src/engine/flowTable';

const AREAS = 7;
const MONTHS = 12;

/** Payments (month, sharer's area, treatment area, use, fen) from a small deterministic sequence, same-area and across areas. */
function payments(n: number): [number, number, number, number, number][] {
  const out: [number, number, number, number, number][] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const sharer = x % AREAS;
    const treatment = (x >>> 8) % 3 === 0 ? (x >>> 12) % AREAS : sharer;
    out.push([(x >>> 4) % MONTHS, sharer, treatment, (x >>> 16) % 4, 1 + ((x >>> 20) % 5000)]);
  }
  return out;
}

test('a flow table pours the same cells and squares as adding every payment to the cube, same-area and across areas, through growth', () => {
  const list = payments(20_000);
  const table = new FlowTable(AREAS, MONTHS, 4); // 16 slots: the hash part must grow many times
  for (const [m, a, b, u, fen] of list) table.add(m, a, b, u, fen);
  const poured = new FlowCube(MONTHS, AREAS);
  table.pourInto(poured, 10);
  const direct = new FlowCube(MONTHS, AREAS);
  // Squares are kept for cells between two areas only, weighted like the amounts.
  for (const [m, a, b, u, fen] of list)
    direct.add(m, a, b, u, fen * 10, 10, a === b ? 0 : paymentSquare(fen) * 10);
  expect(poured.columns()).toEqual(direct.columns());
  const cols = poured.columns();
  expect(cols.month.length).toBeGreaterThan(AREAS * 4);
  expect([...cols.sharerArea].some((a, i) => a !== cols.treatmentArea[i])).toBe(true);
  expect([...cols.sharerArea].some((a, i) => a === cols.treatmentArea[i])).toBe(true);
});
