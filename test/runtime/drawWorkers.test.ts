import { afterAll, describe, expect, test } from 'vitest';
import { runCalendar } from '../../src/clearing/calendar';
import { ClaimsAccumulator } from '../../src/clearing/claims';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { prepaymentInput } from '../../src/clearing/prepaymentInput';
import { drawInThread, DrawWorkers, type DrawWorker } from '../../src/runtime/drawWorkers';
import { spawnNodeDrawWorker } from '../../src/runtime/node';
import { loadDatasetFromDisk } from '../../src/population/node';
import { AREA_PROVINCE, PROVINCES, syntheticSample } from '../clearing/helpers';

const workers: DrawWorkers[] = [];
afterAll(() => workers.forEach((w) => w.close()));

/** A small model input: the synthetic three-province population at 1:20, direct settlement included. */
function input() {
  const acc = new ClaimsAccumulator(AREA_PROVINCE, PROVINCES, 12, 20);
  for (let r = 0; r < 3; r++) acc.add(syntheticSample('workers', 20_000, 20, r), false);
  const dataset = loadDatasetFromDisk();
  const three = { ...dataset, provinces: dataset.provinces.slice(0, PROVINCES) };
  const calendar = runCalendar('2026-01', 12, DEFAULT_CLEARING_PARAMETERS.calendar);
  return prepaymentInput(acc.model(), three, calendar, DEFAULT_CLEARING_PARAMETERS, null, 'workers');
}

describe('DrawWorkers', () => {
  test('drawn on 2 Node worker threads, every province’s years are those drawn in this thread', async () => {
    const pool = new DrawWorkers(spawnNodeDrawWorker, 2);
    workers.push(pool);
    const i = input();
    const counts = { draws: 200, ruleDraws: 50 };
    const here = await drawInThread(i, counts);
    const there = await pool.draw(i, counts);
    expect(there.map((p) => p.province)).toEqual([0, 1, 2]);
    expect(there).toEqual(here);
  });

  test('a worker that dies fails the call with a message; the next call starts new workers', async () => {
    let spawned = 0;
    const dying = (): DrawWorker => {
      spawned++;
      const real = spawnNodeDrawWorker();
      if (spawned > 1) return real;
      real.crashed.catch(() => undefined);
      real.terminate();
      return { ...real, crashed: Promise.reject(new Error('the worker thread exited with code 1')) };
    };
    const pool = new DrawWorkers(dying, 1);
    workers.push(pool);
    const i = input();
    await expect(pool.draw(i, { draws: 50, ruleDraws: 10 })).rejects.toThrow(
      /drawing the prepayment model's years failed: the worker thread exited with code 1/,
    );
    const again = await pool.draw(i, { draws: 50, ruleDraws: 10 });
    expect(again).toHaveLength(3);
  });

  test('a draw worker that never answers fails the call by the watchdog; the next call works', async () => {
    let spawned = 0;
    const stuck = (): DrawWorker => {
      spawned++;
      const real = spawnNodeDrawWorker();
      if (spawned > 1) return real;
      return {
        ...real,
        remote: { draw: () => new Promise(() => undefined) } as unknown as DrawWorker['remote'],
      };
    };
    const pool = new DrawWorkers(stuck, 1, { floorMs: 3000, priorMsPerFamily: 0.001, slowdown: 50 });
    workers.push(pool);
    const i = input();
    await expect(pool.draw(i, { draws: 50, ruleDraws: 10 })).rejects.toThrow(
      /drawing the prepayment model's years failed: no answer within 3\.0 s, the limit for 180 drawn province-years of the window/,
    );
    expect(await pool.draw(i, { draws: 50, ruleDraws: 10 })).toHaveLength(3);
  });
});
