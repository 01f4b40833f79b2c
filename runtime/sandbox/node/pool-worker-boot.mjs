// Entry of a sandbox pool worker thread (pool.ts). Worker threads start as plain Node, so
// this registers tsx first and then loads the TypeScript worker. It is what makes the pool
// work alike under the CLI (tsx), vitest, and the built SvelteKit server, which has the
// runtime/ folder on disk next to build/ and tsx in its dependencies.
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.ts');
