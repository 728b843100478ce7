import { expect, test } from 'vitest';
import { loadFamily, simulateFamily } from '../../src/engine/family';
import { changeIndex, prepare } from '../../src/engine/prepare';
import { SUMMARY } from '../../src/engine/result';
import { FamilyState } from '../../src/engine/state';
import { chunkSource } from '../../src/population/generate';
import { streamKey } from '../../src/population/random';
import { inputOf, population } from './helpers';

const K = 2000;
const FAMILIES = 6000;

test('insurance can move only where the province has another pooling area: the four municipalities have none', () => {
  const { dataset } = population();
  const ctx = prepare(inputOf('baseline-2026', K));
  const oneArea = dataset.provinces.filter((_, p) => ctx.canMove[p] === 0).map((p) => p.code2);
  expect(oneArea.sort()).toEqual(['11', '12', '31', '50']);
  // There, the chance of no change is that of death and leaving alone.
  const e = ctx.input.behaviour.ending;
  for (const age of [0, 40, 90]) {
    const still = 1 - ctx.deathMonthly[age]! - e.leaveYearly / 12;
    expect(Math.exp(ctx.logNoChange[changeIndex(0, age)]!)).toBeCloseTo(still, 12);
    expect(Math.exp(ctx.logNoChange[changeIndex(1, age)]!)).toBeCloseTo(still - e.moveYearly / 12, 12);
  }
});

test('no relationship of a family living in a one-area province ends by a move (R6), however often insurance moves', () => {
  // Moves are frequent and nothing else ends a relationship but death: any move would show.
  const input = inputOf('baseline-2026', K, (s) => {
    s.behaviour.uptake.initialShare = { samePoolingArea: 0.6, sameProvince: 0.6, crossProvince: 0.6 };
    s.behaviour.ending.moveYearly = 0.5;
    s.behaviour.ending.leaveYearly = 0;
    s.behaviour.ending.voluntaryMonthly = 0;
  });
  const ctx = prepare(input);
  const chunk = chunkSource(input.model, streamKey(input.seed), K, FAMILIES)(0, FAMILIES);
  const f = new FamilyState(ctx);
  const ended = { oneArea: 0, moved: 0, oneAreaFamilies: 0, elsewhereMoved: 0 };
  const count = FamilyState.prototype.count;
  let movesInFamily = 0;
  FamilyState.prototype.count = function (this: FamilyState, field, v) {
    if (field === SUMMARY.endedMove) movesInFamily += v ?? 1;
    count.call(this, field, v);
  };
  try {
    for (let j = 0; j < chunk.familyCount; j++) {
      loadFamily(f, chunk, j);
      movesInFamily = 0;
      simulateFamily(f);
      const members = Array.from({ length: f.members.count }, (_, p) => f.members.province[p]!);
      if (members.every((p) => ctx.canMove[p] === 0)) {
        ended.oneAreaFamilies++;
        ended.oneArea += movesInFamily;
      } else ended.elsewhereMoved += movesInFamily;
    }
  } finally {
    FamilyState.prototype.count = count;
  }
  expect(ended.oneAreaFamilies).toBeGreaterThan(100);
  expect(ended.oneArea).toBe(0);
  // The same rates end many relationships by moves where there is somewhere to move.
  expect(ended.elsewhereMoved).toBeGreaterThan(100);
});
