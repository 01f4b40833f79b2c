import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  $runtime: path.resolve('runtime'),
  $studio: path.resolve('studio'),
  $lib: path.resolve('src/lib'),
};

// Two projects: the engine under Node, the studio components under jsdom.
// Browser tests (*.browser.test.ts) drive a real Chromium and live in vitest.browser.config.ts.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'runtime',
          environment: 'node',
          include: ['runtime/**/*.test.ts', 'migrations/**/*.test.ts', 'src/**/*.test.ts', 'templates/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { alias, conditions: ['browser'] },
        test: {
          name: 'studio',
          environment: 'jsdom',
          include: ['studio/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
    ],
  },
});
