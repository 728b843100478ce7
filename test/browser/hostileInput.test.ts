import fc from 'fast-check';
import { expect, test } from 'vitest';
import { findJsonSyntaxProblem, lineColumn } from '../../src/scenario';
import { corrupt, textEdit } from '../scenario/fuzzKit';
import { rawScenario } from '../scenario/helpers';
import { useApp } from './harness';
import { settled } from './panels';

const app = useApp({ resetStorage: 'once' });

const compareAddress = (...sets: string[]) =>
  `?lang=en&run=baseline-2026,edited&edit=baseline-2026&scale=10000${sets
    .map((s) => `&set=${encodeURIComponent(s)}`)
    .join('')}#compare`;

test('an address whose edits name __proto__ pollutes nothing: the page runs, draws its charts and says what it refused', async () => {
  const { page } = await app.open(
    compareAddress('__proto__.polluted:"yes"', '__proto__.toString:1', 'constructor.prototype.polluted:1'),
  );
  const panel = page.locator('#panel-compare');
  expect(await settled(panel)).toBe('done');
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await page.evaluate(() => typeof Object.prototype.toString)).toBe('function');
  expect(await panel.locator('.address-refused p').allTextContents()).toEqual([
    'The address asks to change “__proto__.polluted”, which is not a parameter of a scenario: the change was refused.',
    'The address asks to change “__proto__.toString”, which is not a parameter of a scenario: the change was refused.',
    'The address asks to change “constructor.prototype.polluted”, which is not a parameter of a scenario: the change was refused.',
  ]);
  // The edited copy (with nothing left to change) ran beside the baseline, and the charts drew.
  expect(await panel.getAttribute('data-runs')).toBe('baseline-2026,baseline-2026-edited');
  expect(await panel.locator('[data-chart="map"] g[aria-label="cell"] rect').count()).toBe(62);

  // The next run replaces the address, and the refusal goes with it.
  await panel.locator('button.run').click();
  expect(await settled(panel)).toBe('done');
  expect(await panel.locator('.address-refused').isHidden()).toBe(true);
  expect(new URL(page.url()).searchParams.getAll('set')).toEqual([]);
});

test('objects where the month weights belong leave the page standing: the editor says where, the baseline runs', async () => {
  const { page } = await app.open(compareAddress('behaviour.contributions.monthWeights:[{"toString":1}]'));
  const panel = page.locator('#panel-compare');
  expect(await settled(panel)).toBe('done');
  expect(await panel.getAttribute('data-runs')).toBe('baseline-2026');
  const status = await panel.locator('p.run-status').textContent();
  expect(status).toMatch(
    /^The edited copy has errors and was not run: .*behaviour\.contributions\.monthWeights/,
  );
  expect(await panel.locator('p.notice').isHidden()).toBe(true);
  const field = panel.locator('.field[data-path="behaviour.contributions.monthWeights"]');
  expect(await field.getAttribute('class')).toContain('invalid');
  expect(await field.locator('.error').textContent()).toContain(
    'behaviour.contributions.monthWeights[0]: expected a number, got an object',
  );
});

test("Chromium's JSON.parse refuses exactly the texts the scan refuses, at the position it names", async () => {
  const text = JSON.stringify(rawScenario('baseline-2026'), null, 2);
  const texts = fc.sample(
    fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((edits) => corrupt(text, edits)),
    { numRuns: 300, seed: 25 },
  );
  texts.push('', 'NaN', '{"a":1,}', '[1,2', '"\\u12x4"', 'tru', '01', '{"a" 1}', `${'['.repeat(100_000)}`);
  // JSON.parse needs no page of the app: a blank page runs the same engine.
  const page = await app.context.newPage();
  const messages = await page.evaluate((all) => {
    return all.map((t) => {
      try {
        JSON.parse(t);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    });
  }, texts);
  await page.close();
  let positioned = 0;
  for (const [i, t] of texts.entries()) {
    const found = findJsonSyntaxProblem(t);
    expect(found === null, `${messages[i]}`).toBe(messages[i] === null);
    // Chromium words its errors like Node, with "(line L column C)" or "at position N" for some.
    const at = /at position (\d+)/.exec(messages[i] ?? '');
    const lc = /\(line (\d+) column (\d+)\)/.exec(messages[i] ?? '');
    if (found && at) {
      positioned++;
      expect(found.offset, messages[i]!).toBe(Number(at[1]));
    } else if (found && lc) {
      positioned++;
      expect(lineColumn(t, found.offset), messages[i]!).toEqual({
        line: Number(lc[1]),
        column: Number(lc[2]),
      });
    }
  }
  expect(positioned).toBeGreaterThan(50);
});

test('an edited copy at the schema’s maximums is refused before it runs, says why, and the page runs again', async () => {
  const { page } = await app.open(
    compareAddress(
      'behaviour.care.outpatientPerYear:{"child":60,"adult":60,"older":60}',
      'behaviour.care.outpatientCostFen:100000000',
      'behaviour.care.pharmacyPerYear:{"child":60,"adult":60,"older":60}',
      'behaviour.care.pharmacyCostFen:100000000',
    ),
  );
  const panel = page.locator('#panel-compare');
  expect(await settled(panel)).toBe('failed');
  const notice = panel.locator('p.notice.failed');
  expect(await notice.textContent()).toMatch(
    /the run is refused: it would move about .* fen in all .* most of it: relatives' bills and contributions \(behaviour\.care\.(pharmacy|outpatient)/,
  );
  // Without the edited copy the baseline runs on the same page.
  await page.goto(new URL('?lang=en&run=baseline-2026&scale=10000#compare', app.baseUrl).href);
  expect(await settled(page.locator('#panel-compare'))).toBe('done');
});
