import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatStoryErrors } from '../../src/scenario';
import { loadStoryFile, scenarioLookupFromDir } from '../../src/scenario/storyNode';
import { SCENARIO_DIR } from './helpers';
import { STORY_DIR } from './storyFiles';

describe('loadStoryFile', () => {
  test('reads a story file with its rules from the scenario folder', async () => {
    const lookup = await scenarioLookupFromDir(SCENARIO_DIR);
    const r = await loadStoryFile(join(STORY_DIR, '01-suzhou-quota.json'), lookup);
    expect(r.ok && r.story.id).toBe('suzhou-quota');
    expect(lookup('baseline-2026')?.id).toBe('baseline-2026');
    expect(lookup('no-such-scenario')).toBeUndefined();
  });

  test('names the file in every error: unreadable, not JSON (with line and column), or invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongji-story-'));
    const lookup = await scenarioLookupFromDir(SCENARIO_DIR);
    const missing = await loadStoryFile(join(dir, 'missing.json'), lookup);
    expect(missing.ok || missing.errors.map((e) => [e.file, e.code])).toEqual([
      [join(dir, 'missing.json'), 'file'],
    ]);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "id": "x",\n  oops\n}');
    const notJson = await loadStoryFile(broken, lookup);
    expect(notJson.ok || notJson.errors[0]?.code).toBe('json-syntax');
    expect(notJson.ok || notJson.errors[0]?.en).toMatch(/line 3/);

    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ id: 'Bad Id', steps: [] }));
    const bad = await loadStoryFile(invalid, lookup);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.every((e) => e.file === invalid)).toBe(true);
    expect(bad.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['id', 'title', 'description', 'places', 'people', 'relationships', 'steps']),
    );
    expect(formatStoryErrors(bad.errors)).toContain(`${invalid}: id: expected a kebab-case id`);
  });
});
