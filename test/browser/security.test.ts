import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { useApp } from './harness';

// The tests open and close their own pages, outside the app's watch.
const app = useApp({ checkPages: false });

/** The policy's directives by name, e.g. `connect-src` → `'self'`. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );
}

test('every response of the served app carries the Content-Security-Policy, workers included', async () => {
  const page = await app.context.newPage();
  const policies = new Map<string, string | undefined>();
  page.on('response', (r) => policies.set(new URL(r.url()).pathname, r.headers()['content-security-policy']));
  await page.goto(app.baseUrl);
  // A worker can exist before the response of its script has been reported: wait for the response.
  const workerScripts = () => [...policies.keys()].filter((p) => /worker/.test(p));
  await expect.poll(() => workerScripts().length, { timeout: 30_000 }).toBeGreaterThan(0);
  await page.close();
  expect(policies.get('/')).toBe(CONTENT_SECURITY_POLICY);
  for (const p of workerScripts()) expect(policies.get(p), p).toBe(CONTENT_SECURITY_POLICY);
  const d = directives(CONTENT_SECURITY_POLICY);
  expect(d.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
  expect(d.get('connect-src')).toBe("'self'");
  expect(d.get('worker-src')).toBe("'self'");
});

test('index.html sets the same policy in a <meta> tag (all but frame-ancestors)', () => {
  const html = readFileSync(resolve('dist/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(meta).toBeDefined();
  const header = directives(CONTENT_SECURITY_POLICY);
  header.delete('frame-ancestors');
  expect(directives(meta!)).toEqual(header);
});

// Eval is refused by the policy's script-src having no 'unsafe-eval' (checked above); it cannot be
// tried from here, as code the test driver evaluates in the page is exempt from the policy.
test('the page cannot reach another origin or run inline script', async () => {
  const page = await app.context.newPage();
  await page.goto(app.baseUrl);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    let fetched = 'allowed';
    try {
      await fetch('https://example.org/collect', { mode: 'no-cors' });
    } catch {
      fetched = 'blocked';
    }
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return {
      fetched,
      inlineRan: (window as { __inlineRan?: boolean }).__inlineRan === true,
      violations: [...new Set(violations)].sort(),
    };
  });
  await page.close();
  expect(outcome).toEqual({
    fetched: 'blocked',
    inlineRan: false,
    violations: ['connect-src', 'script-src-elem'],
  });
});

test('a worker of the app cannot reach another origin either', async () => {
  const page = await app.context.newPage();
  await page.goto(app.baseUrl);
  await expect.poll(() => page.workers().length, { timeout: 15_000 }).toBeGreaterThan(0);
  const worker = page.workers().find((w) => !/duckdb/.test(w.url())) ?? page.workers()[0]!;
  const result = await worker.evaluate(async () => {
    try {
      await fetch('https://example.org/collect', { mode: 'no-cors' });
      return 'allowed';
    } catch {
      return 'blocked';
    }
  });
  await page.close();
  expect(result).toBe('blocked');
});
