import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The studio's components and the browser-safe runtime live beside src/: the dev server serves them too.
  server: { port: Number(process.env.PORT ?? 5173), fs: { allow: ['studio', 'runtime'] } },
  optimizeDeps: { exclude: ['@jitl/quickjs-wasmfile-release-sync', 'quickjs-emscripten-core'] },
  ssr: { external: ['@electric-sql/pglite', 'pg', 'pino', 'prom-client'] },
});
