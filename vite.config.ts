import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: Number(process.env.PORT ?? 5173) },
  optimizeDeps: { exclude: ['@jitl/quickjs-wasmfile-release-sync', 'quickjs-emscripten-core'] },
  ssr: { external: ['@electric-sql/pglite', 'pg', 'pino', 'prom-client'] },
});
