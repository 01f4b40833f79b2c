import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Two projects: the engine under Node, the studio components under jsdom.
// Browser tests (*.browser.test.ts) drive a real Chromium and live in vitest.browser.config.ts.
export default defineConfig({
  test: {
    projects: [
      {
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
        resolve: { conditions: ['browser'] },
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
