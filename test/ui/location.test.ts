import { describe, expect, test } from 'vitest';
import { resolveLang, shellPath, workspaceFromHash } from '../../src/ui/location';
import { WORKSPACES } from '../../src/ui/workspaces';

describe('resolveLang(search, stored)', () => {
  test('the URL wins over the remembered choice', () => {
    expect(resolveLang('?lang=en', 'zh')).toBe('en');
    expect(resolveLang('?x=1&lang=zh', 'en')).toBe('zh');
  });

  test('the remembered choice applies when the URL has no valid lang', () => {
    expect(resolveLang('', 'en')).toBe('en');
    expect(resolveLang('?lang=fr', 'en')).toBe('en');
  });

  test('Chinese is the default', () => {
    expect(resolveLang('', null)).toBe('zh');
    expect(resolveLang('?lang=', 'de')).toBe('zh');
  });
});

describe('workspaceFromHash(hash)', () => {
  test('opens the workspace the hash names', () => {
    for (const { id } of WORKSPACES) expect(workspaceFromHash(`#${id}`)).toBe(id);
  });

  test('falls back to Compare for an empty or unknown hash', () => {
    expect(workspaceFromHash('')).toBe('compare');
    expect(workspaceFromHash('#nothing')).toBe('compare');
  });
});

describe('shellPath(href, lang, workspace)', () => {
  test('sets lang and hash, keeping the path and other parameters', () => {
    expect(shellPath('http://127.0.0.1:4173/sub/?x=1#compare', 'en', 'trainer')).toBe(
      '/sub/?x=1&lang=en#trainer',
    );
    expect(shellPath('http://127.0.0.1:4173/?lang=en', 'zh', 'validation')).toBe('/?lang=zh#validation');
  });
});
