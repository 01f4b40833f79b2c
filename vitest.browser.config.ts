import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core against real servers.
export default defineConfig({
  resolve: {
    alias: { $runtime: path.resolve('runtime'), $studio: path.resolve('studio'), $lib: path.resolve('src/lib') },
  },
  test: {
    name: 'browser',
    environment: 'node',
    include: ['**/*.browser.test.ts'],
    exclude: ['**/node_modules/**', 'build/**'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
