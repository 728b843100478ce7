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

// The DuckDB worker bundles point their source maps outside the package; Vite warns once per file.
const logger = createLogger();
const warnOnce = logger.warnOnce.bind(logger);
logger.warnOnce = (msg, opts) => {
  if (!msg.includes('points to a source file outside its package')) warnOnce(msg, opts);
};

export default defineConfig({
  customLogger: logger,
  server: { headers: isolation },
  preview: { headers: isolation, port: 4173 },
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
