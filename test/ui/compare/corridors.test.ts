import { expect, test } from 'vitest';
import { corridorRows, rankCorridors } from '../../../src/ui/compare/corridors';

const rows = corridorRows([
  { scenario: 'a', sharer_province: '43', treatment_province: '44', amount_fen: 500, person_times: 5 },
  { scenario: 'a', sharer_province: '44', treatment_province: '43', amount_fen: 300, person_times: 3 },
  { scenario: 'b', sharer_province: '44', treatment_province: '43', amount_fen: 900, person_times: 9 },
  { scenario: 'a', sharer_province: '51', treatment_province: '50', amount_fen: 100, person_times: 1 },
  { scenario: 'b', sharer_province: '11', treatment_province: '11', amount_fen: 10_000, person_times: 1 },
]);

test('rankCorridors(rows, scenarios, n) orders pairs by their largest amount in any run and keeps the top n', () => {
  const { pairs } = rankCorridors(rows, ['a', 'b'], 2);
  expect(pairs).toEqual([
    { from: '44', to: '43' },
    { from: '43', to: '44' },
  ]);
});

test('rankCorridors gives every run a row for every pair, 0 where the run has no flow, and drops pairs within a province', () => {
  const { pairs, rows: ranked } = rankCorridors(rows, ['a', 'b']);
  expect(pairs.map((p) => `${p.from}>${p.to}`)).toEqual(['44>43', '43>44', '51>50']);
  expect(ranked.map((r) => [r.scenario, `${r.from}>${r.to}`, r.amountFen])).toEqual([
    ['a', '44>43', 300],
    ['b', '44>43', 900],
    ['a', '43>44', 500],
    ['b', '43>44', 0],
    ['a', '51>50', 100],
    ['b', '51>50', 0],
  ]);
});

test('rankCorridors breaks ties by the pair codes, so the order never depends on row order', () => {
  const tied = corridorRows([
    { scenario: 'a', sharer_province: '33', treatment_province: '31', amount_fen: 7, person_times: 1 },
    { scenario: 'a', sharer_province: '32', treatment_province: '31', amount_fen: 7, person_times: 1 },
  ]);
  expect(rankCorridors(tied, ['a']).pairs.map((p) => p.from)).toEqual(['32', '33']);
  expect(rankCorridors([...tied].reverse(), ['a']).pairs.map((p) => p.from)).toEqual(['32', '33']);
});
