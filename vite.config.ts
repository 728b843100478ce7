import { createLogger } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation (COOP/COEP) gives the page SharedArrayBuffer and lets DuckDB-WASM and the
 * simulation workers share memory. Every server that serves the workbench must send these headers.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The Content-Security-Policy of the built app (内容安全策略): scripts, workers and WebAssembly only
 * from the app's own origin (no inline script, no eval; `wasm-unsafe-eval` lets DuckDB compile its
 * wasm), requests only to the same origin, no plugins, no framing. Styles allow inline because
 * Observable Plot writes a <style> into each chart. index.html sets the same policy in a <meta> tag
 * (less `frame-ancestors`, which a <meta> cannot set), so a server that forgets the header still
 * applies it; test/browser/security.test.ts checks both.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the built app carries: isolation, the policy, no MIME sniffing. */
const served = {
  ...isolation,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The DuckDB worker bundles point their source maps outside the package; Vite warns once per file.
const logger = createLogger();
const warnOnce = logger.warnOnce.bind(logger);
logger.warnOnce = (msg, opts) => {
  if (!msg.includes('points to a source file outside its package')) warnOnce(msg, opts);
};

export default defineConfig({
  customLogger: logger,
  server: { headers: isolation },
  preview: { headers: served, port: 4173 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'], include: ['seedrandom'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
        },
      },
      {
        // Runs against the production build in dist/: `vite build` first (npm test does it).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
